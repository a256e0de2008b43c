/**
 * One bounded HTTP GET for feeds and full-text pages, over Node's built-in fetch (undici):
 * it asks for gzip/deflate/brotli and decompresses, sends the bot's User-Agent and the
 * conditional-GET validators, gives up after a timeout, stops reading past a size cap
 * (counted after decompression, so a small compressed bomb is caught too), and follows at
 * most a few redirects itself so a loop is named as one.
 */

export const USER_AGENT = 'trade-news-digest-bot/0.1 (RSS/Atom feed reader)';
const MAX_REDIRECTS = 5;

export interface GetOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly accept?: string;
}

export type GetResult =
  | {
      readonly kind: 'ok';
      readonly status: number;
      readonly url: string;
      readonly body: string;
      readonly contentType: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly kind: 'not-modified'; readonly etag: string | null; readonly lastModified: string | null }
  | { readonly kind: 'retry-later'; readonly status: number; readonly retryAfter: string | null }
  | { readonly kind: 'error'; readonly reason: string };

function formatCap(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Read the body as UTF-8 up to `maxBytes`; null when it is larger (the stream is cancelled). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  // A declared length only bounds the compressed size; the decompressed count below is what holds.
  if (res.headers.get('content-encoding') === null && Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : null;
  const code = (cause as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'host not found';
  return cause?.message ?? (err instanceof Error ? err.message : String(err));
}

export async function httpGet(url: string, opts: GetOptions): Promise<GetResult> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const seen = new Set<string>();
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      seen.add(current);
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept:
          opts.accept ??
          'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (opts.etag) headers['if-none-match'] = opts.etag;
      if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
      const res = await fetch(current, { headers, redirect: 'manual', signal });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (location === null)
          return { kind: 'error', reason: `HTTP ${res.status} redirect without a Location header` };
        const next = new URL(location, current).toString();
        if (!/^https?:/.test(next))
          return { kind: 'error', reason: `redirect to a non-http(s) URL (${next.slice(0, 100)})` };
        if (seen.has(next)) return { kind: 'error', reason: `redirect loop (${current} → ${next})` };
        if (hop + 1 > MAX_REDIRECTS)
          return { kind: 'error', reason: `more than ${MAX_REDIRECTS} redirects (last to ${next})` };
        current = next;
        continue;
      }
      const validators = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'not-modified', ...validators };
      }
      if (res.status === 429 || res.status === 503) {
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'retry-later', status: res.status, retryAfter: res.headers.get('retry-after') };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'error', reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
      }
      const body = await readCapped(res, opts.maxBytes);
      if (body === null) return { kind: 'error', reason: `response over the ${formatCap(opts.maxBytes)} size cap` };
      return {
        kind: 'ok',
        status: res.status,
        url: current,
        body,
        contentType: res.headers.get('content-type') ?? '',
        ...validators,
      };
    }
  } catch (err) {
    return { kind: 'error', reason: describeFetchError(err, opts.timeoutMs) };
  }
}
