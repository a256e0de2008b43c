import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedServer, xml } from '../fakes/feed-server.ts';
import { rss } from '../integration/feeds/feed-fixtures.ts';

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/feeds.ts', '--once'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run feeds -- --once', () => {
  const server = new FeedServer();
  const root = mkdtempSync(path.join(os.tmpdir(), 'feeds-cli-'));
  beforeAll(() => server.start());
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('prints one line per feed (counts or why it was skipped) and writes the items; a second run writes nothing', async () => {
    server.routes.set(
      '/rss',
      xml(() => rss('Wire One', [{ title: 'Nickel prices jump', link: 'https://w.example.test/1' }])),
    );
    server.routes.set(
      '/html',
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>site</body></html>'),
    );
    const configFile = path.join(root, 'local.yaml');
    writeFileSync(configFile, `sources:\n  feeds:\n    - url: ${server.url('/html')}\n      name: site-page\n`);
    const env = {
      CONFIG_FILE: configFile,
      FEED_URLS: server.url('/rss'),
      ARTICLES_DIR: path.join(root, 'articles'),
      DATA_DIR: path.join(root, 'data'),
    };
    const first = await run(env);
    expect(first.stderr).toBe('');
    expect(first.stdout.trim().split('\n')).toEqual([
      `feed site-page: skipped: an HTML page, not a feed (is the URL the site rather than its RSS/Atom feed?) (${server.url('/html')})`,
      'feed wire-one: new 1, updated 0, unchanged 0',
    ]);
    expect(first.code).toBe(0);
    expect(readdirSync(path.join(root, 'articles', 'feeds', 'wire-one'))).toHaveLength(1);
    const second = await run(env);
    expect(second.stdout.trim().split('\n')[1]).toBe(
      'feed wire-one: new 0, updated 0, unchanged 1 (not modified since the last fetch)',
    );
  }, 60_000);

  it('a bad setting fails naming the variable and the fix', async () => {
    const r = await run({ FEED_URLS: 'not-a-url', DATA_DIR: path.join(root, 'data2') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sources.feedUrls.0 (from FEED_URLS)');
  }, 60_000);
});
