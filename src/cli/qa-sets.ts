import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../domain/types.ts';

/**
 * The follow-up question sets of ../shared/eval, read the way its scorer presents them to
 * `ask`: each article as `<id with unsafe characters as _>.txt`, body offsets unchanged,
 * questions with whitespace squashed, in file order (one thread).
 */

export const QA_SETS = {
  'qa-dev': { questions: 'qa-dev.jsonl', articles: 'summaries-dev.jsonl' },
  'qa-polnear': { questions: 'qa-polnear.jsonl', articles: 'qa-polnear-articles.jsonl' },
  'qa-cnndm': { questions: 'qa-cnndm.jsonl', articles: 'qa-cnndm-articles.jsonl' },
} as const;

export type QaSetName = keyof typeof QA_SETS;
export const QA_SET_NAMES = Object.keys(QA_SETS) as QaSetName[];

export interface QaItem {
  readonly question: string;
  readonly gold: { readonly file: string; readonly start: number; readonly end: number } | null;
}

export interface QaSet {
  readonly name: QaSetName;
  readonly articles: Article[];
  readonly items: QaItem[];
}

const rows = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

export const fileNameFor = (id: string): string => `${id.replace(/[^A-Za-z0-9._-]+/g, '_')}.txt`;

export function qaSetAvailable(dir: string, name: QaSetName): boolean {
  return existsSync(path.join(dir, QA_SETS[name].questions)) && existsSync(path.join(dir, QA_SETS[name].articles));
}

export function readQaSet(dir: string, name: QaSetName): QaSet {
  const qs = rows(path.join(dir, QA_SETS[name].questions));
  const pool = new Set<string>();
  for (const q of qs) for (const id of q.articles as string[]) pool.add(id);
  const articles: Article[] = [];
  for (const r of rows(path.join(dir, QA_SETS[name].articles))) {
    const id = String(r.id);
    if (!pool.has(id)) continue;
    pool.delete(id);
    articles.push({
      id,
      file: fileNameFor(id),
      title: String(r.title),
      date: null,
      source: null,
      url: null,
      tags: [],
      body: String(r.body),
    });
  }
  const items = qs.map((q): QaItem => {
    const a = q.answer as { article: string; start: number; end: number } | undefined;
    return {
      question: String(q.question).replace(/\s+/g, ' ').trim(),
      gold: q.answerable && a ? { file: fileNameFor(a.article), start: a.start, end: a.end } : null,
    };
  });
  return { name, articles, items };
}
