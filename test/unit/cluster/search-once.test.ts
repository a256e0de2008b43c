import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../../src/library/library.ts';
import { createAnswerer } from '../../../src/answer/answerer.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import type { Article } from '../../../src/domain/types.ts';
import { storySet } from './story-eval.ts';

describe('/trade-news search lists a story once', () => {
  it('two outlets on the Rotterdam strike → one hit; the other Rotterdam event stays a hit of its own', async () => {
    const { articles } = storySet();
    const chosen = ['e01-0', 'e01-1', 'e02-0'].map((id) => articles.find((a) => a.id === id) as Article);
    const library = await buildLibrary(chosen, { sentences: 1, quotes: 0, createAnswerer });
    const store = new SqliteStore(':memory:');
    const bot = new Bot({ library: () => library, store, clock: () => new Date(), log: silentLogger() });
    const reply = await bot.handlers.onCommand({
      platform: 'console',
      channel: 'c',
      user: 'u',
      text: 'search Rotterdam',
    });
    await store.close();
    expect(reply.kind).toBe('search');
    const ids = reply.kind === 'search' ? reply.hits.map((h) => h.articleId) : [];
    expect(ids).toHaveLength(2);
    expect(ids).toContain('e02-0');
    expect(ids.filter((id) => id.startsWith('e01-'))).toHaveLength(1);
  });
});
