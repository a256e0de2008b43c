import type { FeedStateStore } from '../domain/feed-state.ts';
import type { RunStore } from '../domain/run-store.ts';
import type { StateStore } from '../domain/state-store.ts';
import type { LlmCache } from '../llm/cache.ts';

/**
 * One opened storage backend: the state store and the stores that live beside it in the same
 * SQLite file or PostgreSQL pool. Each backend class says what it holds, so the composition root
 * never has to ask which class it opened.
 */
export interface StoreBackend extends StateStore {
  /** Scheduled-run records and the scheduler lease. */
  runStore(): RunStore;
  /** The LLM reply cache shared by every process on this backend. */
  llmCache(): LlmCache;
  /** Per-feed validators, failures and the guids already written. */
  feedState(): FeedStateStore;
}
