import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCommand } from '../../../src/bot/command-grammar.ts';

describe('/trade-news grammar', () => {
  it.each([
    ['', { kind: 'latest' }],
    ['   ', { kind: 'latest' }],
    ['/trade-news', { kind: 'latest' }],
    ['latest', { kind: 'latest' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['search tariffs', { kind: 'search', terms: 'tariffs' }],
    ['/trade-news search  auto   parts ', { kind: 'search', terms: 'auto parts' }],
    ['What did Abe say?', { kind: 'ask', question: 'What did Abe say?' }],
    ['latest news on Japan', { kind: 'ask', question: 'latest news on Japan' }],
  ])('parses %j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it.each(['search', 'search   ', 'search ???', '%%%% ??', '?!', 'x'.repeat(501)])(
    'answers %j with help and a reason',
    (input) => {
      const cmd = parseCommand(input);
      expect(cmd.kind).toBe('help');
      expect(cmd.kind === 'help' && cmd.problem).toBeTruthy();
    },
  );

  it('never throws and always yields a known kind', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (s) => {
        expect(['latest', 'search', 'post', 'ask', 'help', 'hint']).toContain(parseCommand(s).kind);
      }),
    );
  });
});
