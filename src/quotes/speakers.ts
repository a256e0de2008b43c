import type { Token } from '../nlp/analysis.ts';
import type { QuoteContext } from './context.ts';
import { FEMALE_NAMES, FIRST_NAMES, MALE_NAMES } from './first-names.ts';
import { FEMALE_PRONOUNS, MALE_PRONOUNS } from './lexicon.ts';
import { capRunEnd, displayOf, isOrgHead, nameInRun, wordsOf, type Gender, type NameSpan } from './names.ts';

export { capRunEnd, nameInRun } from './names.ts';

/**
 * The named people (and bodies) of one article: every name with its mentions.
 * Gives a speaker its fullest form ("Okafor" -> "Dana Okafor", from mentions
 * outside quotations), resolves he/she to the nearest fitting preceding named
 * person, and "the mayor" to the nearest person introduced with that role.
 */

interface Entity {
  /** Display form, as written in the article (whitespace normalized); computed on first use. */
  display: string | null;
  /** Token span of the first mention, for the display form. */
  readonly span: readonly [number, number];
  readonly words: readonly string[];
  male: number;
  female: number;
  /** Had a person role or honorific, or was the subject of a speech verb. */
  person: boolean;
  /** Mentioned outside quotations at least once. */
  outside: boolean;
  readonly org: boolean;
}

interface Mention {
  readonly tok: number;
  readonly entity: Entity;
  readonly inQuote: boolean;
  readonly roles: readonly string[];
}

/** Are all of `words` among `of`? */
function within(words: readonly string[], of: readonly string[]): boolean {
  for (const w of words) if (!of.includes(w)) return false;
  return true;
}

/** The candidate that a mention names, if the mention is a fuller or equal form of one of them. */
function ownerOf(mt: Mention, found: readonly Entity[], n: number): Entity | undefined {
  if (mt.entity.words.length <= n && !found.includes(mt.entity)) return undefined;
  for (const c of found) if (within(mt.entity.words, c.words)) return c;
  return undefined;
}

/** How far back a pronoun or role looks, in mentions; keeps the cost linear on hostile input. */
const LOOK_BACK = 80;
const MAX_CANDIDATES = 40;

export class Names {
  private readonly entities = new Map<string, Entity>();
  private readonly mentions: Mention[] = [];
  /** Entities by each of their words, for alias look-up. */
  private readonly byWord = new Map<string, Entity[]>();
  /** fullOf results that do not depend on position. */
  private readonly fullCache = new Map<string, Entity | null>();

  constructor(private readonly ctx: QuoteContext) {
    const { toks, quoteOf } = ctx;
    const n = toks.length;
    for (let i = 0; i < n; ) {
      const e = capRunEnd(ctx, i, n);
      if (e === i) {
        i++;
        continue;
      }
      const span = nameInRun(ctx, i, e);
      const inQuote = quoteOf[i] !== -1;
      const ent = span ? this.entityFor(span, inQuote) : null;
      if (span && ent) this.mentions.push({ tok: span.start, entity: ent, inQuote, roles: span.roles });
      i = e;
    }
    this.votePronouns();
  }

  private entityFor(span: NameSpan, inQuote: boolean): Entity | null {
    const words = wordsOf(this.ctx.toks, span.start, span.end);
    if (words.length === 0) return null;
    const key = words.join(' ');
    let ent = this.entities.get(key);
    if (!ent) {
      const org = isOrgHead(this.ctx.toks[span.end - 1] as Token);
      ent = {
        display: null,
        span: [span.start, span.end],
        words,
        male: 0,
        female: 0,
        person: false,
        outside: false,
        org,
      };
      this.entities.set(key, ent);
      for (const w of new Set(words)) {
        const list = this.byWord.get(w);
        if (!list) this.byWord.set(w, [ent]);
        else if (list.length < MAX_CANDIDATES) list.push(ent);
      }
    }
    if (!inQuote) ent.outside = true;
    if (span.role) ent.person = true;
    if (span.gender === 'm') ent.male += 3;
    else if (span.gender === 'f') ent.female += 3;
    return ent;
  }

  /** he/his/she/her outside quotations vote for the gender of the nearest preceding person-looking mention. */
  private votePronouns(): void {
    const { toks, quoteOf, sent } = this.ctx;
    const males = MALE_PRONOUNS;
    const females = FEMALE_PRONOUNS;
    let m = -1;
    for (let i = 0; i < toks.length; i++) {
      const l = (toks[i] as Token).lower;
      const male = males.has(l);
      if ((!male && !females.has(l)) || quoteOf[i] !== -1) continue;
      while (m + 1 < this.mentions.length && (this.mentions[m + 1] as Mention).tok < i) m++;
      for (let k = m; k >= 0 && k > m - 10; k--) {
        const mt = this.mentions[k] as Mention;
        if ((sent[i] as number) - (sent[mt.tok] as number) > 1) break;
        if (mt.inQuote || mt.entity.org) continue;
        const ent = this.full(mt.entity, mt.tok);
        if (ent.words.length < 2 && !ent.person && ent.male + ent.female === 0) continue;
        if (male) ent.male++;
        else ent.female++;
        break;
      }
    }
  }

  /** Mark the named speaker of a speech verb as a person. */
  markSpeaker(start: number, end: number): void {
    const ent = this.entities.get(wordsOf(this.ctx.toks, start, end).join(' '));
    if (ent && !ent.org) {
      ent.person = true;
      this.full(ent, start).person = true;
    }
  }

  /** The fullest entity that the words of `ent` name, nearest to token `at`. */
  private full(ent: Entity, at: number): Entity {
    return this.fullOf(ent.words, at) ?? ent;
  }

  private fullOf(words: readonly string[], at: number): Entity | null {
    const key = words.join(' ');
    const cached = this.fullCache.get(key);
    if (cached !== undefined) return cached;
    const found = this.candidates(words);
    if (found.length <= 1) {
      const one = found[0] ?? null;
      this.fullCache.set(key, one);
      return one;
    }
    // Several people share the name: the one mentioned last before `at`, else the first after.
    const k0 = this.mentionIndex(at);
    for (let k = k0 - 1; k >= 0 && k >= k0 - LOOK_BACK; k--) {
      const hit = ownerOf(this.mentions[k] as Mention, found, words.length);
      if (hit) return hit;
    }
    for (let k = k0; k < this.mentions.length && k < k0 + LOOK_BACK; k++) {
      const hit = ownerOf(this.mentions[k] as Mention, found, words.length);
      if (hit) return hit;
    }
    return found[0] as Entity;
  }

  /** The fullest distinct entities that `words` can name (`Okafor` -> `Dana J. Okafor`), mentioned outside quotations. */
  private candidates(words: readonly string[]): Entity[] {
    const last = words[words.length - 1];
    if (last === undefined) return [];
    const pool = this.byWord.get(last) ?? [];
    let cands: Entity[] = [];
    for (const e of pool)
      if (e.outside && e.words[e.words.length - 1] === last && within(words, e.words)) cands.push(e);
    if (cands.length === 0 && words.length === 1)
      for (const e of pool) if (e.outside && e.words[0] === last && !e.org) cands.push(e);
    if (cands.length <= 1) return cands;
    cands = cands.filter(
      (c) => !cands.some((d) => d !== c && d.words.length > c.words.length && within(c.words, d.words)),
    );
    // `Peter Hale` over a headline run like `Farm Lobby Corners Hale`.
    const named = cands.filter((c) => c.words.length >= 2 && FIRST_NAMES.has(c.words[0] as string));
    return named.length > 0 ? named : cands;
  }

  private show(ent: Entity): string {
    ent.display ??= displayOf(this.ctx, ent.span[0], ent.span[1]);
    return ent.display;
  }

  /** Index of the first mention at or after token `at`. */
  private mentionIndex(at: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.mentions[mid] as Mention).tok < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Fullest form of the name in tokens [start, end). */
  fullName(start: number, end: number): string {
    const ent = this.fullOf(wordsOf(this.ctx.toks, start, end), start);
    return ent ? this.show(ent) : displayOf(this.ctx, start, end);
  }

  private genderOf(ent: Entity): Gender {
    const first = ent.words[0] ?? '';
    if (ent.words.length >= 2 && MALE_NAMES.has(first) && ent.female < 3) return 'm';
    if (ent.words.length >= 2 && FEMALE_NAMES.has(first) && ent.male < 3) return 'f';
    if (ent.male > ent.female) return 'm';
    if (ent.female > ent.male) return 'f';
    return null;
  }

  /** Can the pronoun refer to the name in tokens [start, end)? he/she need a person of a fitting gender. */
  fits(start: number, end: number, pronoun: string): boolean {
    const male = MALE_PRONOUNS.has(pronoun);
    const female = FEMALE_PRONOUNS.has(pronoun);
    if (!male && !female) return true;
    const ent = this.fullOf(wordsOf(this.ctx.toks, start, end), start);
    if (!ent) return true;
    if (ent.org) return false;
    const g = this.genderOf(ent);
    return male ? g !== 'f' : g !== 'm';
  }

  /** he/she at token `at` -> the nearest preceding fitting named person (outside quotations), or null. */
  resolvePronoun(at: number, pronoun: string): string | null {
    const want: Gender = MALE_PRONOUNS.has(pronoun) ? 'm' : FEMALE_PRONOUNS.has(pronoun) ? 'f' : null;
    if (want === null) return null;
    const k0 = this.mentionIndex(at);
    for (let k = k0 - 1; k >= 0 && k >= k0 - LOOK_BACK; k--) {
      const mt = this.mentions[k] as Mention;
      if (mt.inQuote || mt.entity.org) continue;
      const ent = this.full(mt.entity, mt.tok);
      const g = this.genderOf(ent);
      if (!(ent.person || mt.entity.person || g !== null)) continue;
      if (g === null || g === want) return this.show(ent);
    }
    return null;
  }

  /** `the mayor` at token `at` -> the nearest preceding person introduced with that role ("Mayor Ruth de Vries"), or null. */
  resolveRole(at: number, role: string): string | null {
    const k0 = this.mentionIndex(at);
    for (let k = k0 - 1; k >= 0 && k >= k0 - LOOK_BACK; k--) {
      const mt = this.mentions[k] as Mention;
      if (!mt.inQuote && !mt.entity.org && mt.roles.includes(role)) return this.show(this.full(mt.entity, mt.tok));
    }
    return null;
  }
}
