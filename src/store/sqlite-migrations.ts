/** SQLite schema, one entry per version; never edit a shipped entry, append a new one. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE digests (
     id TEXT PRIMARY KEY,
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     message_id TEXT NOT NULL,
     thread TEXT NOT NULL,
     article_ids TEXT NOT NULL,
     date TEXT NOT NULL,
     posted_at TEXT NOT NULL
   );
   CREATE INDEX digests_thread ON digests (thread);
   CREATE INDEX digests_latest ON digests (platform, channel, posted_at);
   CREATE TABLE turns (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     thread TEXT NOT NULL,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     answered INTEGER NOT NULL,
     article_ids TEXT NOT NULL,
     sentences TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX turns_thread ON turns (thread, id);`,
  // 2: scheduled digest runs (exactly once per target and scheduled time) and the scheduling lease.
  `CREATE TABLE digest_runs (
     target_id TEXT NOT NULL,
     scheduled_at TEXT NOT NULL,
     digest_id TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'released')),
     owner TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     claimed_at INTEGER NOT NULL,
     claim_expires_at INTEGER NOT NULL,
     message_ref TEXT,
     posted_at INTEGER,
     articles TEXT NOT NULL DEFAULT '[]',
     PRIMARY KEY (target_id, scheduled_at)
   );
   CREATE INDEX digest_runs_state ON digest_runs (target_id, state, scheduled_at);
   CREATE TABLE leases (
     name TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     epoch INTEGER NOT NULL
   );`,
  // 3: feed sources: validators, failure streak and pause per feed; every item identity seen.
  `CREATE TABLE feed_state (
     url TEXT PRIMARY KEY,
     name TEXT,
     etag TEXT,
     last_modified TEXT,
     last_attempt_at TEXT,
     last_success_at TEXT,
     consecutive_failures INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     retry_after TEXT
   );
   CREATE TABLE feed_items (
     url TEXT NOT NULL,
     guid TEXT NOT NULL,
     file TEXT,
     hash TEXT NOT NULL,
     seen_at TEXT NOT NULL,
     PRIMARY KEY (url, guid)
   );`,
];
