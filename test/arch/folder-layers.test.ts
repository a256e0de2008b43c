import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first. A file may import its own folder, any folder of its own
 * row, and any folder of a lower row; nothing above. `main.ts` stands for the entry file.
 * A new top folder fails the test below until it is given a row here.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['domain', 'log'],
  // nlp, config and ops only need the domain types and the logger.
  ['nlp', 'config', 'ops'],
  // The core steps; cluster (grouping articles) sits beside them.
  ['sources', 'summarize', 'quotes', 'answer', 'cluster'],
  ['digest'],
  ['llm'],
  ['library'],
  // The neutral chat seam (adapter interface, BotReply) the bot speaks through.
  ['chat'],
  ['bot'],
  // Platform adapters, scheduled delivery, storage backends, benchmarks, and feeds (fetches over
  // HTTP and writes article files, like sources + store). None of them may import another's
  // concrete code except through lower rows: store and schedule share only domain interfaces.
  ['adapters', 'schedule', 'store', 'bench', 'feeds'],
  ['app'],
  ['cli', 'main.ts'],
];

/**
 * Pairs inside one row that must not import each other (the row is a level, not a license):
 * schedule and store meet only through the RunStore/StateStore interfaces in domain.
 */
const SAME_ROW_FORBIDDEN: readonly (readonly [string, string])[] = [
  ['schedule', 'store'],
  ['store', 'schedule'],
  ['schedule', 'adapters'],
  ['store', 'adapters'],
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Module specifiers of static imports/exports (type-only included), side-effect imports and import(). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

/** The top folder of a path under src/ (`main.ts` for the entry file itself). */
function topOf(file: string): string {
  return file.split('/')[1] as string;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly spec: string;
}

function folderEdges(root: string): Edge[] {
  return files(root).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ file, spec, target: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) }))
      .filter((e) => e.target.startsWith(`${root}/`))
      .map((e) => ({ from: topOf(e.file), to: topOf(e.target), file: e.file, spec: e.spec }))
      .filter((e) => e.from !== e.to),
  );
}

/** Strongly connected components with more than one member (Tarjan), each sorted. */
function cycles(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)?.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

const rowOf = new Map(LAYERS.flatMap((row, i) => row.map((folder) => [folder, i] as const)));

describe('folder layers of src/', () => {
  const edges = folderEdges('src');

  it('reads the import forms it checks', () => {
    const src = [
      "import type { A } from '../domain/types.ts';",
      "import {\n  b,\n  type C,\n} from '../nlp/analysis.ts';",
      "export { d } from './d.ts';",
      "export type { E } from '../e/e.ts';",
      "import '../side/effect.ts';",
      "const f = await import('../lazy/f.ts');",
    ].join('\n');
    expect(specifiers(src)).toEqual([
      '../domain/types.ts',
      '../nlp/analysis.ts',
      './d.ts',
      '../e/e.ts',
      '../side/effect.ts',
      '../lazy/f.ts',
    ]);
    expect(edges.length).toBeGreaterThan(20);
  });

  it('finds a cycle when there is one', () => {
    expect(
      cycles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'd' },
      ]),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cycles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ]),
    ).toEqual([]);
  });

  it('has no import cycle between top folders', () => {
    const found = cycles(edges).map((scc) => {
      const inside = edges.filter((e) => scc.includes(e.from) && scc.includes(e.to));
      return `${scc.join(' <-> ')}: ${inside.map((e) => `${e.file} -> ${e.spec}`).join('; ')}`;
    });
    expect(found).toEqual([]);
  });

  it('gives every top folder of src/ a row in LAYERS', () => {
    const tops = readdirSync('src', { withFileTypes: true })
      .filter((e) => e.isDirectory() || e.name.endsWith('.ts'))
      .map((e) => e.name);
    const unknown = tops
      .filter((t) => !rowOf.has(t))
      .map((t) => `src/${t} has no layer: add it to LAYERS in test/arch/folder-layers.test.ts`);
    expect(unknown).toEqual([]);
  });

  it('imports only downward (or within a row)', () => {
    const forbidden = new Set(SAME_ROW_FORBIDDEN.map(([a, b]) => `${a}>${b}`));
    const offenders = edges
      .filter((e) => rowOf.has(e.from) && rowOf.has(e.to))
      .filter((e) => (rowOf.get(e.to) as number) > (rowOf.get(e.from) as number) || forbidden.has(`${e.from}>${e.to}`))
      .map((e) => `${e.file} (${e.from}) imports ${e.spec} (${e.to}), which is not below it`);
    expect(offenders).toEqual([]);
  });
});
