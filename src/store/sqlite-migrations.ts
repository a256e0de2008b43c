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
];
