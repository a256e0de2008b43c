/**
 * `npm run bench:ack`: slash-command ack latency of the Slack adapter in HTTP mode under load.
 * A real Bot (SQLite store, a library of synthetic articles) behind the real Bolt receiver on
 * 127.0.0.1; a tiny local stand-in answers auth.test and the response_url. N signed
 * `/trade-news <question>` requests are sent at once; the ack time of each (request sent →
 * HTTP 200) is measured, reported as p50/p99/max.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSlackAdapter } from '../adapters/slack/slack-adapter.ts';
import { Bot } from '../bot/bot.ts';
import { buildLibrary } from '../library/library.ts';
import { silentLogger } from '../log/logger.ts';
import { parseTxt } from '../sources/txt.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { createAnswerer } from '../answer/answerer.ts';
import { benchQuestions } from './answer-bench.ts';
import { syntheticArticle } from './synthetic-corpus.ts';

const SECRET = 'ack-bench-signing-secret';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** auth.test for the adapter's start-up and a 200 for every response_url post. */
function standIn(onPost: (path: string) => void): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      onPost(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'bot', team: 'bench' }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * The load generator runs in a child process: sharing the bot's event loop would make every ack
 * wait behind the sender's own request and response handling, which measures the bench, not the bot.
 * Each request is signed there; its ack time is request sent → HTTP status received.
 */
const SENDER = `
import { createHmac } from 'node:crypto';
const { url, apiUrl, secret, questions, first } = JSON.parse(process.argv[1]);
const one = async (q, i) => {
  const body = new URLSearchParams({ command: '/trade-news', text: q, user_id: 'U1', channel_id: 'C1', team_id: 'T1',
    response_url: apiUrl + 'response/' + i, trigger_id: 't' + i }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', secret).update('v0:' + ts + ':' + body).digest('hex');
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature } });
  const ms = performance.now() - started;
  await res.arrayBuffer();
  return { ms, ok: res.status === 200 };
};
const results = await Promise.all(questions.map((q, i) => one(q, first + i)));
process.stdout.write(JSON.stringify(results));
`;

function sendFromChild(
  url: string,
  apiUrl: string,
  questions: readonly string[],
  first: number,
): Promise<{ ms: number; ok: boolean }[]> {
  const args = JSON.stringify({ url, apiUrl, secret: SECRET, questions, first });
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', SENDER, args],
      { maxBuffer: 16 * 1024 * 1024 },
      (err, stdout) => {
        if (err) reject(err);
        else resolve(JSON.parse(stdout) as { ms: number; ok: boolean }[]);
      },
    );
  });
}

/**
 * The sender's own floor: the same requests against a server that answers 200 at once. Opening
 * hundreds of connections at once costs the sender itself, and that is not the bot's latency.
 */
export async function senderFloor(requests: number): Promise<{ p50: number; p99: number }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const results = await sendFromChild(
      url,
      url,
      Array.from({ length: requests }, () => 'what happened?'),
      0,
    );
    const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  } finally {
    server.close();
  }
}

export async function runAckBench(
  requests: number,
  articles: number,
): Promise<{ p50: number; p99: number; max: number; ok: number }> {
  let warmed!: () => void;
  const warm = new Promise<void>((resolve) => (warmed = resolve));
  const api = await standIn((p) => {
    if (p === '/response/0') warmed();
  });
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-bench-'));
  const store = new SqliteStore(path.join(dir, 'state.db'));
  const library = await buildLibrary(
    Array.from({ length: articles }, (_, i) => parseTxt(`a${i}.txt`, syntheticArticle(i + 1, 400))),
    { sentences: 3, quotes: 2, createAnswerer },
  );
  const bot = new Bot({ library: () => library, store, clock: () => new Date(), log: silentLogger() });
  const adapter = createSlackAdapter(
    {
      botToken: 'xoxb-bench',
      signingSecret: SECRET,
      mode: 'http',
      apiUrl,
      port: 0,
      host: '127.0.0.1',
      commandResponse: 'ephemeral',
    },
    silentLogger(),
  );
  await adapter.start(bot.handlers);
  const url = `http://127.0.0.1:${String(adapter.port)}/slack/events`;
  const questions = benchQuestions(requests + 1, articles);
  try {
    // Warm-up: one command answered in full first (first-request code paths, lazily loaded word lists).
    await sendFromChild(url, apiUrl, questions.slice(0, 1), 0);
    await warm;
    const results = await sendFromChild(url, apiUrl, questions.slice(1), 1);
    const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) as number,
      ok: results.filter((r) => r.ok).length,
    };
  } finally {
    await adapter.stop();
    await store.close();
    api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.filename === path.resolve(process.argv[1])) {
  const { values } = parseArgs({
    options: { requests: { type: 'string', default: '200' }, articles: { type: 'string', default: '300' } },
  });
  const r = await runAckBench(Number(values.requests), Number(values.articles));
  const floor = await senderFloor(Number(values.requests));
  process.stdout.write(
    `slash-command acks, ${values.requests} concurrent signed HTTP commands on 127.0.0.1 (library of ${values.articles} articles): ${r.ok} acked 200; p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms\n`,
  );
  process.stdout.write(
    `the same sender against a do-nothing server (its own floor): p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms; the bot's share: p50 ${(r.p50 - floor.p50).toFixed(1)} ms, p99 ${(r.p99 - floor.p99).toFixed(1)} ms\n`,
  );
  process.exit(0);
}
