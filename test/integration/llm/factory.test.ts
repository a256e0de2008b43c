import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { extractiveSummarizer } from '../../../src/summarize/extractive.ts';
import { createAsyncAnswerer, createSummarizer, llmMode } from '../../../src/llm/factory.ts';
import { LlmSummarizer } from '../../../src/llm/llm-summarizer.ts';
import { analyze } from '../../../src/nlp/analysis.ts';
import { fakeModel, PORT } from './articles.ts';
import { startFakeLlm, type FakeLlm } from './fake-llm.ts';

function capture(): { log: pino.Logger; lines: () => string[] } {
  const out: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l !== ''),
      );
      cb();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines: () => out.map((l) => (JSON.parse(l) as { msg: string }).msg) };
}

const NO_FILES = { configDir: '/nonexistent-config-dir' };

let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('LLM configuration and factory', () => {
  it('reads the environment variables into the llm section', () => {
    const config = loadConfig({
      ...NO_FILES,
      env: {
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: 'http://localhost:11434/v1',
        OPENAI_MODEL: 'llama3.1:8b',
        LLM_TIMEOUT_MS: '15000',
        LLM_TEMPERATURE: '0',
        LLM_MAX_CONCURRENCY: '2',
        LLM_TOKEN_BUDGET: '20000',
      },
    });
    expect(config.llm).toMatchObject({
      apiKey: 'sk-test',
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1:8b',
      timeoutMs: 15_000,
      temperature: 0,
      maxConcurrency: 2,
      tokenBudgetPerDigest: 20_000,
    });
    expect(loadConfig({ ...NO_FILES, env: { OPENAI_API_KEY: '12345' } }).llm.apiKey).toBe('12345');
    expect(() => loadConfig({ ...NO_FILES, env: { OPENAI_BASE_URL: 'localhost:11434' } })).toThrow(
      /llm\.baseUrl \(from OPENAI_BASE_URL\)/u,
    );
  });

  it('no key and no base URL → extractive, said once', async () => {
    const { log, lines } = capture();
    const config = loadConfig({ ...NO_FILES, env: {} });
    expect(llmMode(config.llm)).toBe('no-key');
    expect(await createSummarizer(config, { log })).toBe(extractiveSummarizer);
    expect(lines()).toEqual(['No OPENAI_API_KEY: summaries are extractive (by design)']);
  });

  it('disabled by config → extractive even with a key', async () => {
    const { log } = capture();
    const config = loadConfig({ ...NO_FILES, env: { OPENAI_API_KEY: 'sk-test', LLM_ENABLED: 'false' } });
    expect(await createSummarizer(config, { log })).toBe(extractiveSummarizer);
  });

  it('a base URL alone (local server, no key) → the LLM summarizer, against that server', async () => {
    fake = await startFakeLlm(fakeModel());
    const { log, lines } = capture();
    const config = loadConfig({ ...NO_FILES, env: { OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'qwen2.5:7b' } });
    const summarizer = await createSummarizer(config, { log });
    expect(summarizer).toBeInstanceOf(LlmSummarizer);
    expect(lines()).toEqual(['LLM summaries on (extractive fallback per article)']);
    const summary = await summarizer.summarize(PORT, analyze(PORT.body), 2);
    expect(summary.method).toBe('llm');
    expect(fake.requests[0]?.body.model).toBe('qwen2.5:7b');
    expect(fake.requests[0]?.authorization).toBe('Bearer not-needed');
  });

  it('the async answerer wraps the retrieval answerer when the LLM is off', async () => {
    const config = loadConfig({ ...NO_FILES, env: {} });
    const base = { size: 7, ask: () => ({ answered: false, answer: 'no', sources: [] }) };
    const answerer = createAsyncAnswerer(config, base, { log: capture().log });
    expect(answerer.size).toBe(7);
    expect(await answerer.ask('anything')).toEqual({ answered: false, answer: 'no', sources: [] });
  });
});
