/**
 * Start-up failures of the state store, worded like configuration errors: what went wrong,
 * which file or setting (DATA_DIR, SQLITE_FILE, DATABASE_URL) and the fix. The driver's own
 * text is kept in brackets for searching; no stack trace is printed (the error is coded).
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export class StoreOpenError extends Error {
  readonly code = 'STORE_OPEN_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

const codeOf = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');
const textOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Why the SQLite file could not be opened, naming `setting` (DATA_DIR or SQLITE_FILE). */
export function sqliteOpenError(file: string, setting: 'DATA_DIR' | 'SQLITE_FILE', err: unknown): StoreOpenError {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const code = codeOf(err);
  const raw = textOf(err);
  let what: string;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /malformed|not a database/i.test(raw)) {
    what = `the state database ${abs} is damaged or not an SQLite database — restore it from a backup, or move it aside to start with an empty state (threads of digests posted so far are then forgotten)`;
  } else if (isDir(abs)) {
    what = `the state database ${abs} is a folder — point ${setting} at a file path (or a folder for DATA_DIR), or move the folder aside`;
  } else if (code === 'EEXIST' || code === 'ENOTDIR') {
    what = `the folder for the state database, ${dir}, is a file (or a path component is) — point ${setting} at a folder path, or move that file aside`;
  } else if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_READONLY' ||
    /unable to open|readonly/i.test(raw)
  ) {
    what = `cannot write the state database ${abs} — give the bot's user write permission on ${dir}, or point ${setting} at a writable place`;
  } else {
    what = `cannot open the state database ${abs} — check ${setting}`;
  }
  return new StoreOpenError(`Cannot start: ${what} (${setting}; ${raw})`, { cause: err });
}

/** DATABASE_URL without its password, for messages. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.href;
  } catch {
    return '(unparsable)';
  }
}

/** Why PostgreSQL could not be opened, naming DATABASE_URL and the fix. */
export function postgresOpenError(url: string, err: unknown): StoreOpenError {
  const code = codeOf(err);
  const raw = textOf(err);
  let where = safeUrl(url);
  let what: string;
  if (where === '(unparsable)' || code === 'ERR_INVALID_URL' || /invalid url/i.test(raw)) {
    where = '';
    what =
      'DATABASE_URL is not a valid URL — use postgres://user:password@host:5432/database (percent-encode special characters in the password)';
  } else if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EHOSTUNREACH' ||
    code === 'ETIMEDOUT' ||
    /connect|timeout/i.test(raw)
  ) {
    what = 'cannot reach the PostgreSQL server — start it, or fix the host and port in DATABASE_URL';
  } else if (code === '3D000') {
    what =
      'the database in DATABASE_URL does not exist — create it (createdb NAME) or fix the database name in DATABASE_URL';
  } else if (code === '28000' || code === '28P01') {
    what =
      'PostgreSQL refused the user in DATABASE_URL (no such role, or a wrong password) — create the role or fix the user and password in DATABASE_URL';
  } else {
    what = 'cannot open the PostgreSQL store — check DATABASE_URL';
  }
  return new StoreOpenError(
    `Cannot start: ${what}${where ? ` (DATABASE_URL ${where}` : ' ('}${where ? '; ' : ''}${raw})`,
    { cause: err },
  );
}
