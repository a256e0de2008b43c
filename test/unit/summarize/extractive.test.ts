import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/nlp/analysis.ts';
import {
  DEFAULT_EXTRACTIVE,
  extractiveSummary,
  extractiveSummarizer,
  selectSentences,
  type ExtractiveOptions,
} from '../../../src/summarize/extractive.ts';
import { article, foundingArticle, PRONOUN_OPENER } from './helpers.ts';

const STORY = [
  'The harbour authority approved a plan on Monday to dredge the northern shipping channel before the winter storms.',
  'The dredging plan will let larger container ships reach the northern terminals of the harbour.',
  'Local fishermen said the work would disturb the oyster beds near the channel for at least a season.',
  'A spokesman for the authority said the oyster beds would be surveyed before any dredging began.',
  'Container traffic through the harbour rose by a fifth last year, and the terminals are close to capacity.',
  'The authority expects the dredging of the channel to cost about forty million dollars.',
  'Weather permitting, the first dredgers will arrive in the harbour in October.',
].join(' ');

describe('extractiveSummary', () => {
  it('is deterministic', () => {
    const a = article(STORY, 'Harbour approves channel dredging');
    const first = extractiveSummary(a, analyze(STORY), 3);
    const second = extractiveSummary(a, analyze(STORY), 3);
    expect(second).toEqual(first);
    expect(first.method).toBe('extractive');
  });

  it('returns exactly N sentences, each an exact sentence of the body, in article order', () => {
    const a = article(STORY, 'Harbour approves channel dredging');
    const analysis = analyze(STORY);
    for (const n of [1, 2, 3, 4]) {
      const idx = selectSentences(a, analysis, n);
      expect(idx).toHaveLength(n);
      expect([...idx].sort((x, y) => x - y)).toEqual(idx);
      expect(new Set(idx).size).toBe(n);
      const summary = extractiveSummary(a, analysis, n);
      expect(summary.sentences).toEqual(idx.map((i) => analysis.sentences[i]?.text));
      let from = 0;
      for (const s of summary.sentences) {
        const at = STORY.indexOf(s, from);
        expect(at).toBeGreaterThanOrEqual(from);
        from = at + s.length;
      }
    }
  });

  it('returns every sentence, in order, when the article has fewer than N', () => {
    const body = 'Ministers met in Geneva on Tuesday to discuss tariffs.\n\nNo agreement was reached on steel.';
    const analysis = analyze(body);
    expect(extractiveSummary(article(body), analysis, 5).sentences).toEqual(analysis.sentences.map((s) => s.text));
  });

  it('returns nothing for an empty body or N ≤ 0', () => {
    expect(extractiveSummary(article(''), analyze(''), 3).sentences).toEqual([]);
    expect(extractiveSummary(article(' \n\n \t'), analyze(' \n\n \t'), 3).sentences).toEqual([]);
    expect(extractiveSummary(article(STORY), analyze(STORY), 0).sentences).toEqual([]);
  });

  it('puts the lead of the founding article first and no dangling pronoun in its summary', () => {
    const a = foundingArticle();
    const summary = extractiveSummary(a, analyze(a.body), 3);
    expect(summary.sentences).toHaveLength(3);
    expect(summary.sentences[0]).toContain('The United States and Japan agreed yesterday to start trade negotiations');
    for (const s of summary.sentences) {
      expect(a.body).toContain(s);
      expect(s).not.toMatch(PRONOUN_OPENER);
    }
  });

  it('skips a near-duplicate of a sentence already chosen', () => {
    const body = [
      'The central bank raised its main interest rate to four percent on Thursday to curb inflation.',
      'The central bank raised its main interest rate to four percent on Thursday, to curb rising inflation.',
      'Economists had expected the increase after consumer prices rose for a sixth month.',
      'Mortgage lenders said they would pass the higher interest rate on to borrowers next month.',
      'The currency gained against the dollar after the central bank announcement.',
    ].join(' ');
    const analysis = analyze(body);
    const summary = extractiveSummary(article(body, 'Central bank raises interest rate'), analysis, 3);
    const copies = (xs: readonly string[]): number => xs.filter((s) => s.startsWith('The central bank raised')).length;
    expect(copies(summary.sentences)).toBe(1);
    // Relevance alone would take both copies.
    const relevanceOnly: ExtractiveOptions = { ...DEFAULT_EXTRACTIVE, mmr: { lambda: 1, duplicateAt: 2 } };
    expect(
      copies(
        extractiveSummary(article(body, 'Central bank raises interest rate'), analysis, 3, relevanceOnly).sentences,
      ),
    ).toBe(2);
  });

  it('prefers a sentence that stands alone over one opening with an unresolved pronoun', () => {
    // Without the pronoun penalty sentence 1 ("It will cost...") makes the 3-sentence summary.
    const body = [
      'The city council voted on Wednesday to expand the tram network to the airport.',
      'It will cost two hundred million euros, and the airport tram line will open to passengers in 2027.',
      'Opposition councillors said the tram budget for the airport line was too optimistic.',
      'Construction of the tram line to the airport is due to start next spring.',
      'The council will publish a timetable for the airport tram service in May.',
    ].join(' ');
    const a = article(body, 'Council backs airport tram');
    const analysis = analyze(body);
    const neutral: ExtractiveOptions = {
      ...DEFAULT_EXTRACTIVE,
      rank: { ...DEFAULT_EXTRACTIVE.rank, penalties: { ...DEFAULT_EXTRACTIVE.rank.penalties, pronounOpener: 1 } },
    };
    expect(extractiveSummary(a, analysis, 3, neutral).sentences.some((s) => s.startsWith('It will cost'))).toBe(true);
    const summary = extractiveSummary(a, analysis, 3);
    expect(summary.sentences.some((s) => s.startsWith('It will cost'))).toBe(false);
    expect(summary.sentences).toHaveLength(3);
  });

  it('skips captions and bylines', () => {
    const body = [
      'By Jane Doe',
      'The airline said on Friday it would cut four hundred jobs at its main airport base.',
      'Scroll down for video Grounded: airline jets parked at the airport base on Friday',
      'The airline blamed rising fuel prices and weak demand for the airport job cuts.',
      'Unions said they would fight the airline job cuts at the airport base.',
    ].join('\n\n');
    const summary = extractiveSummary(article(body, 'Airline cuts airport jobs'), analyze(body), 3);
    expect(summary.sentences.every((s) => !s.startsWith('By Jane') && !s.startsWith('Scroll down'))).toBe(true);
  });

  it('is exposed as the extractive Summarizer', async () => {
    const a = article(STORY, 'Harbour approves channel dredging');
    const analysis = analyze(STORY);
    expect(extractiveSummarizer.name).toBe('extractive');
    await expect(extractiveSummarizer.summarize(a, analysis, 2)).resolves.toEqual(extractiveSummary(a, analysis, 2));
  });
});
