import { describe, expect, it } from 'vitest';
import { parseCommand, LEAVE_HINT } from '../../../src/bot/command-grammar.ts';
import { PostPolicy } from '../../../src/bot/post-policy.ts';

describe('/trade-news grammar: post, typos, leave words', () => {
  it.each([
    ['post', { kind: 'post' }],
    ['/trade-news POST', { kind: 'post' }],
  ])('parses %j', (input, expected) => expect(parseCommand(input)).toEqual(expected));

  it.each([
    ['serch tariffs', '`/trade-news search tariffs`'],
    ['/trade-news seach steel tariffs', '`/trade-news search steel tariffs`'],
    ['hlep', '`/trade-news help`'],
    ['lastest', '`/trade-news latest`'],
    ['psot', '`/trade-news post`'],
  ])('%j → did you mean %s', (input, suggestion) => {
    const cmd = parseCommand(input);
    expect(cmd.kind).toBe('help');
    expect(cmd.kind === 'help' && cmd.problem).toContain(`did you mean ${suggestion}?`);
  });

  it.each(['most tariffs rose', 'reach a deal?', 'Who said that?', 'past talks with Japan', 'helps Japan'])(
    '%j is a question, not a typo',
    (input) => {
      expect(parseCommand(input).kind).toBe('ask');
    },
  );

  it.each(['exit', 'quit', 'Quit'])('%j in a chat gets a one-line hint', (input) => {
    expect(parseCommand(input)).toEqual({ kind: 'hint', text: LEAVE_HINT });
    expect(LEAVE_HINT).not.toMatch(/\n/);
  });
});

describe('who may post, how often', () => {
  const at =
    (iso: string): (() => Date) =>
    () =>
      new Date(iso);

  it('lets anyone post once per channel per cooldown, and says when the next is possible', () => {
    let now = new Date('2026-01-01T10:00:00Z');
    const policy = new PostPolicy({ allow: 'anyone', users: [], cooldownMinutes: 10 }, () => now);
    expect(policy.refusal('slack', 'C1', 'U1')).toBeNull();
    policy.posted('slack', 'C1');
    now = new Date('2026-01-01T10:03:00Z');
    expect(policy.refusal('slack', 'C1', 'U2')).toMatch(
      /posted in this channel 3 minutes ago; you can post again in 7 minutes/,
    );
    expect(policy.refusal('slack', 'C2', 'U2')).toBeNull();
    expect(policy.refusal('discord', 'C1', 'U2')).toBeNull();
    now = new Date('2026-01-01T10:10:00Z');
    expect(policy.refusal('slack', 'C1', 'U2')).toBeNull();
  });

  it('honours listed users and off', () => {
    const listed = new PostPolicy({ allow: 'listed', users: ['U1'], cooldownMinutes: 0 }, at('2026-01-01T00:00:00Z'));
    expect(listed.refusal('slack', 'C1', 'U1')).toBeNull();
    expect(listed.refusal('slack', 'C1', 'U2')).toMatch(/Only the users listed in bot\.postUsers/);
    const off = new PostPolicy({ allow: 'off', users: [], cooldownMinutes: 10 }, at('2026-01-01T00:00:00Z'));
    expect(off.refusal('slack', 'C1', 'U1')).toMatch(/turned off/);
  });
});
