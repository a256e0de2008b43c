import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.ts';
import { FakeDiscord } from './fakes/fake-discord.ts';
import { captureLog, type CapturedLog } from './fakes/log.ts';
import { oversizedDigest, prose, smallDigest } from './fakes/digests.ts';
import type { RecordedRequest } from './fakes/fake-rest.ts';

const noop = {
  onCommand: () => Promise.resolve({ kind: 'notice', text: '' }) as never,
  onMessage: () => Promise.resolve(null),
};

/** Discord's limits, restated here independently of src/adapters/discord/limits.ts. */
function problems(body: any): string[] {
  const out: string[] = [];
  const embeds: any[] = body.embeds ?? [];
  if ((body.content ?? '').length > 2000) out.push('content > 2000');
  if (embeds.length > 10) out.push('> 10 embeds');
  let total = 0;
  for (const e of embeds) {
    const fields: any[] = e.fields ?? [];
    if ((e.title ?? '').length > 256) out.push('title > 256');
    if ((e.description ?? '').length > 4096) out.push('description > 4096');
    if (fields.length > 25) out.push('> 25 fields');
    for (const f of fields) {
      if (f.name.length > 256) out.push('field name > 256');
      if (f.value.length > 1024) out.push('field value > 1024');
    }
    const size =
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.footer?.text ?? '').length +
      fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    if (size > 6000) out.push('embed > 6000');
    total += size;
  }
  if (total > 6000) out.push('embeds in all > 6000');
  if (JSON.stringify(body.allowed_mentions?.parse) !== '[]') out.push('mentions not off');
  return out;
}

describe('discord digest post', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let cap: CapturedLog;

  beforeEach(async () => {
    fake = await new FakeDiscord().start();
    cap = captureLog();
    adapter = createDiscordAdapter(fake.config(), cap.log, { registerCommands: false });
    await adapter.start(noop);
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  const posts = (channel = fake.channelId): RecordedRequest[] =>
    fake.rest.requests.filter((q) => q.method === 'POST' && q.path === `/channels/${channel}/messages`);

  it('keeps an oversized digest within every limit, split at word boundaries, with mentions off', async () => {
    const _t0 = Date.now();
    const posted = await adapter.postDigest(fake.channelId, oversizedDigest());
    const sent = posts();
    expect(sent.length).toBeGreaterThan(5);
    expect(posted.messageIds).toHaveLength(sent.length);
    for (const q of sent) expect(problems(q.json)).toEqual([]);
    const text = sent.map((q) => q.body).join('\n');
    expect(text).not.toMatch(/@(everyone|here)(?!\u200b)/);
    expect(text).not.toMatch(/<@\d/);
    // Every word of every description or field is whole: split only between words.
    const known = new Set(prose(50).replace(/[*.]/g, '').split(' '));
    for (const q of sent) {
      for (const e of q.json.embeds) {
        for (const part of [e.description ?? '', ...(e.fields ?? []).map((f: any) => f.value)]) {
          const words = part.split(/\s+/).map((w: string) => w.replace(/[\\*.,“”]/g, ''));
          for (const w of [words[0], words[words.length - 1]])
            if (/^[a-z]+$/.test(w) && w.length > 3)
              expect(known.has(w) || /^(tell|and|here|everyone)$/.test(w)).toBe(true);
        }
      }
    }
    // Markdown from articles is escaped.
    expect(text).toContain('\\\\*');
  });

  it('retries a 429 on the channel-messages route and posts the digest once', async () => {
    fake.rest.fail({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      headers: {
        'retry-after': '0.3',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.3',
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
    });
    const t0 = Date.now();
    const posted = await adapter.postDigest(fake.channelId, smallDigest());
    const sent = posts();
    expect(sent.map((q) => q.status)).toEqual([429, 200]);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(250);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(posted.messageIds).toHaveLength(1);
    expect(cap.text(40)).toMatch(/429|rate limited/);
  });

  it('a channel without Send Messages: a coded error naming channel and permission; other channels unaffected', async () => {
    const locked = fake.addTextChannel('223456789012345678', 'locked', PermissionFlagsBits.SendMessages);
    await adapter.stop();
    adapter = createDiscordAdapter(fake.config(), cap.log, { registerCommands: false });
    await adapter.start(noop); // GUILD_CREATE now carries the locked channel and its overwrite
    fake.rest.fail({
      method: 'POST',
      path: new RegExp(`^/channels/${locked}/messages$`),
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
      times: 5,
    });
    await expect(adapter.postDigest(locked, smallDigest())).rejects.toMatchObject({
      code: 'DISCORD_MISSING_PERMISSION',
      channel: locked,
    });
    expect(cap.text(50)).toMatch(new RegExp(`#locked \\(${locked}\\).*missing permission Send Messages`));
    const ok = await adapter.postDigest(fake.channelId, smallDigest());
    expect(posts(fake.channelId)).toHaveLength(1);
    expect(ok.thread.thread).toBe(fake.rest.requests.find((q) => q.path.endsWith('/threads'))?.path.split('/')[4]);
  });

  it('a refused thread still returns the digest, the message standing for the thread, and logs why', async () => {
    fake.rest.fail({
      method: 'POST',
      path: /\/threads$/,
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    const posted = await adapter.postDigest(fake.channelId, smallDigest());
    expect(posted.thread).toEqual({ platform: 'discord', channel: fake.channelId, thread: posted.messageId });
    expect(cap.text(50)).toMatch(/digest posted but no thread started.*Create Public Threads/);
  });
});
