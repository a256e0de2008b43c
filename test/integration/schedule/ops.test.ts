import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log/logger.ts';
import { MetricsRegistry } from '../../../src/ops/metrics.ts';
import { createBotMetrics } from '../../../src/ops/bot-metrics.ts';
import { startOpsServer } from '../../../src/ops/ops-server.ts';
import { Shutdown } from '../../../src/ops/shutdown.ts';

describe('metrics registry', () => {
  it('renders counters, gauges and histograms in the Prometheus text format', async () => {
    const r = new MetricsRegistry();
    const m = createBotMetrics(r);
    m.digestsPosted.inc({ target: 'eu', platform: 'slack' });
    m.digestsPosted.inc({ target: 'eu', platform: 'slack' });
    m.llmFallbacks.inc({ reason: 'timeout "x"\n' });
    m.answerLatency.observe(0.2, { platform: 'slack' });
    m.answerLatency.observe(3, { platform: 'slack' });
    m.scheduleLeader.set(1);
    const text = await r.render();
    expect(text).toContain('# TYPE trade_news_digests_posted_total counter');
    expect(text).toContain('trade_news_digests_posted_total{target="eu",platform="slack"} 2');
    expect(text).toContain('trade_news_llm_fallbacks_total{reason="timeout \\"x\\"\\n"} 1');
    expect(text).toContain('trade_news_answer_latency_seconds_bucket{le="0.25",platform="slack"} 1');
    expect(text).toContain('trade_news_answer_latency_seconds_bucket{le="5",platform="slack"} 2');
    expect(text).toContain('trade_news_answer_latency_seconds_bucket{le="+Inf",platform="slack"} 2');
    expect(text).toContain('trade_news_answer_latency_seconds_sum{platform="slack"} 3.2');
    expect(text).toContain('trade_news_answer_latency_seconds_count{platform="slack"} 2');
    expect(text).toContain('trade_news_schedule_leader 1');
    expect(text.endsWith('\n')).toBe(true);
    expect(await m.answerLatency.count({ platform: 'slack' })).toBe(2);
    expect(await m.digestsPosted.get({ target: 'eu', platform: 'slack' })).toBe(2);
    expect(await m.digestsPosted.get({ target: 'us', platform: 'slack' })).toBe(0);
    expect(() => m.digestsPosted.inc({ nope: 'x' })).toThrow(/label "nope"/);
    expect(createBotMetrics(r).digestsPosted).toBe(m.digestsPosted); // same name → same instance
  });
});

describe('ops HTTP server', () => {
  it('serves /healthz (200 or 503) and /metrics', async () => {
    const r = new MetricsRegistry();
    createBotMetrics(r).digestsPosted.inc({ target: 't', platform: 'fake' });
    let storeOk = true;
    const server = await startOpsServer({
      port: 0,
      host: '127.0.0.1',
      registry: r,
      checks: { store: () => ({ ok: storeOk }), scheduler: () => ({ ok: true, detail: { leader: false } }) },
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const ok = await fetch(`${base}/healthz`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({
        status: 'ok',
        checks: { store: { ok: true }, scheduler: { ok: true, detail: { leader: false } } },
      });
      storeOk = false;
      expect((await fetch(`${base}/healthz`)).status).toBe(503);
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await metrics.text()).toContain('trade_news_digests_posted_total{target="t",platform="fake"} 1');
      expect((await fetch(`${base}/other`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('runs the steps in order once, past failing and slow steps', async () => {
    const order: string[] = [];
    const s = new Shutdown(silentLogger(), 100)
      .add('scheduler', () => void order.push('scheduler'))
      .add('broken', () => {
        order.push('broken');
        throw new Error('x');
      })
      .add('slow', () => new Promise<void>((r) => setTimeout(() => (order.push('slow-finished'), r()), 1000)))
      .add('store', () => void order.push('store'));
    await Promise.all([s.run(), s.run()]);
    expect(order).toEqual(['scheduler', 'broken', 'store']);
  });

  it('starts on SIGTERM and exits at once on a second signal', async () => {
    const proc = Object.assign(new EventEmitter(), {
      exit: (code: number) => exits.push(code),
    }) as unknown as NodeJS.Process;
    const exits: number[] = [];
    let finished = false;
    const s = new Shutdown(silentLogger()).add('slow', () => new Promise<void>((r) => setTimeout(r, 50)));
    const off = s.onSignals(() => (finished = true), proc);
    proc.emit('SIGTERM', 'SIGTERM');
    proc.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
    await s.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(finished).toBe(true);
    off();
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('a signal during start-up waits for it, then runs the steps it added (at most the step timeout)', async () => {
    const order: string[] = [];
    let started: () => void = () => undefined;
    const s = new Shutdown(silentLogger(), 200).holdUntil(new Promise<void>((r) => (started = r)));
    const done = s.run('SIGTERM');
    await new Promise((r) => setTimeout(r, 20));
    s.add('scheduling', () => void order.push('scheduling'));
    order.push('started');
    started();
    await done;
    expect(order).toEqual(['started', 'scheduling']);

    const hung = new Shutdown(silentLogger(), 50)
      .holdUntil(new Promise<void>(() => undefined))
      .add('store', () => void order.push('store'));
    await hung.run();
    expect(order).toEqual(['started', 'scheduling', 'store']);
  });
});
