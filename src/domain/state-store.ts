import type { ThreadRef } from './thread-ref.ts';

/** A digest the bot posted. */
export interface DigestRecord {
  /** Unique id of this posted digest. */
  readonly id: string;
  readonly platform: string;
  readonly channel: string;
  readonly messageId: string;
  readonly thread: ThreadRef;
  readonly articleIds: readonly string[];
  /** Digest date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** When it was posted, ISO timestamp. */
  readonly postedAt: string;
}

/** One question and answer in a thread, kept so follow-ups survive a restart. */
export interface StoredTurn {
  readonly question: string;
  readonly answer: string;
  readonly answered: boolean;
  /** Article ids of the answer's sources, best first. */
  readonly articleIds: readonly string[];
  /** The sentences quoted in the answer, best first. */
  readonly sentences: readonly string[];
  readonly at: string;
}

/**
 * Durable bot state behind one interface: SQLite is the embedded default; other
 * backends (PostgreSQL for several replicas) implement the same contract.
 * All methods are async so a networked backend fits.
 */
export interface StateStore {
  readonly kind: string;
  recordDigest(record: DigestRecord): Promise<void>;
  /** The digest whose thread this is, or null. */
  digestForThread(thread: ThreadRef): Promise<DigestRecord | null>;
  /** The most recent digest, for a channel when given. */
  latestDigest(platform: string, channel?: string): Promise<DigestRecord | null>;
  addTurn(thread: ThreadRef, turn: StoredTurn): Promise<void>;
  /** The `limit` most recent turns of a thread, oldest first. */
  recentTurns(thread: ThreadRef, limit: number): Promise<StoredTurn[]>;
  close(): Promise<void>;
}
