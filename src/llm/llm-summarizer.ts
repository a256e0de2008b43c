import type { Article } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';
import type { Summarizer, SummaryJob } from '../summarize/summarizer.ts';
import { extractiveSummary } from '../summarize/extractive.ts';
import type { Logger } from '../log/logger.ts';
import { LlmCallError, type ChatClient } from './client.ts';
import { cacheKey, type LlmCache } from './cache.ts';
import { fitText, type TokenBudget, type TokenCounter } from './budget.ts';
import { SUMMARY_PROMPT_VERSION, summaryMessages } from './prompt.ts';
import { parseReply, summaryOutput, type SummaryOutput } from './parse.ts';
import { hasMention, unsupportedFacts, verifyQuotes } from './verify.ts';
import type { LlmSummary } from '../summarize/summary-quotes.ts';

/**
 * The LLM summarizer: cache → token budget → resilient call → zod-validated JSON →
 * verification against the article. It never throws: any failure gives the extractive
 * summary with a `fallbackReason`.
 */

export interface LlmSummarizerOptions {
  readonly client: ChatClient;
  readonly cache: LlmCache;
  readonly counter: TokenCounter;
  readonly budget: TokenBudget;
  readonly maxArticleTokens: number;
  readonly maxOutputTokens: number;
  /** Key quotes to ask for and keep. */
  readonly quotes: number;
  readonly log?: Logger;
}

export interface LlmSummarizerStats {
  /** Articles sent to the model (cache misses that got past the budget). */
  calls: number;
  cacheHits: number;
  /** Summaries with method 'llm'. */
  llm: number;
  fallbacks: number;
  /** Model quotes not found in their article. */
  droppedQuotes: number;
  /** Articles trimmed to fit the per-article cap or the remaining budget. */
  trimmed: number;
}

type Reply = { ok: true; value: SummaryOutput } | { ok: false; reason: string };

/** A request ready to send (the article text as trimmed, its tokens reserved), or why there is none. */
type Plan =
  | { ok: true; text: string; tokens: number; overhead: number; reserved: number }
  | { ok: false; reason: string };

/** Articles shorter than this many tokens are never squeezed below their length by the budget. */
const MIN_ARTICLE_TOKENS = 100;

export class LlmSummarizer implements Summarizer {
  readonly name = 'llm';
  readonly stats: LlmSummarizerStats = { calls: 0, cacheHits: 0, llm: 0, fallbacks: 0, droppedQuotes: 0, trimmed: 0 };

  constructor(private readonly opts: LlmSummarizerOptions) {}

  get model(): string {
    return this.opts.client.model;
  }

  /** Start a new digest's token budget (call before each digest or library build). */
  resetBudget(): void {
    this.opts.budget.reset();
  }

  summarize(article: Article, analysis: AnalyzedText, sentences: number): Promise<LlmSummary> {
    return this.summarizeMany([{ article, analysis }], sentences).then((all) => all[0] as LlmSummary);
  }

  /**
   * All jobs at once, results in job order: every cache lookup first, then the token budget
   * reserved in job order (so which articles get the model never depends on reply timing; a
   * reservation that fails falls back), then the requests, which the client sends up to its
   * concurrency limit in that same order.
   */
  async summarizeMany(
    jobs: readonly SummaryJob[],
    sentences: number,
    onDone?: (index: number) => void,
  ): Promise<LlmSummary[]> {
    const keys = jobs.map((j) => this.key(j.article, sentences));
    const cached = await Promise.all(keys.map((k) => this.fromCache(k)));
    const plans = jobs.map((j, i) => (cached[i] ? null : this.plan(j.article, j.analysis, sentences)));
    return Promise.all(
      jobs.map(async (job, i) => {
        const summary = await this.one(job, sentences, keys[i] as string, cached[i] ?? null, plans[i] ?? null);
        onDone?.(i);
        return summary;
      }),
    );
  }

  private key(article: Article, sentences: number): string {
    return cacheKey({
      article,
      model: this.opts.client.model,
      promptVersion: SUMMARY_PROMPT_VERSION,
      extra: `sentences=${sentences};quotes=${this.opts.quotes};maxArticleTokens=${this.opts.maxArticleTokens}`,
    });
  }

  private async one(
    { article, analysis }: SummaryJob,
    sentences: number,
    key: string,
    cached: SummaryOutput | null,
    plan: Plan | null,
  ): Promise<LlmSummary> {
    let reply = cached;
    if (reply) {
      this.stats.cacheHits++;
    } else {
      const got =
        plan === null
          ? ({ ok: false, reason: 'no request planned' } as const)
          : plan.ok
            ? await this.send(article, sentences, plan)
            : plan;
      if (!got.ok) return this.fallback(article, analysis, sentences, got.reason);
      reply = got.value;
      await this.opts.cache
        .put(key, JSON.stringify(reply))
        .catch((err: unknown) => this.opts.log?.warn({ err }, 'LLM cache write failed'));
    }
    return this.judge(article, analysis, sentences, reply);
  }

  private async fromCache(key: string): Promise<SummaryOutput | null> {
    try {
      const raw = await this.opts.cache.get(key);
      if (raw === null) return null;
      const parsed = summaryOutput.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch (err) {
      this.opts.log?.warn({ err }, 'LLM cache read failed');
      return null;
    }
  }

  /** Trim to fit and reserve the tokens, synchronously (the caller keeps the order). */
  private plan(article: Article, analysis: AnalyzedText, sentences: number): Plan {
    const { counter, budget } = this.opts;
    const overhead = summaryMessages(article, '', sentences, this.opts.quotes).reduce(
      (n, m) => n + counter.count(m.content) + 4,
      0,
    );
    const whole = counter.count(article.body);
    const allowed = Math.min(this.opts.maxArticleTokens, budget.remaining - overhead - this.opts.maxOutputTokens);
    if (allowed < Math.min(MIN_ARTICLE_TOKENS, whole)) {
      return { ok: false, reason: `token budget for this digest is spent (${budget.used} of ${budget.total} tokens)` };
    }
    const fitted = fitText(article.body, analysis.sentences, allowed, counter);
    if (fitted.trimmed) this.stats.trimmed++;
    const reserved = overhead + fitted.tokens + this.opts.maxOutputTokens;
    if (!budget.reserve(reserved)) return { ok: false, reason: 'token budget for this digest is spent' };
    return { ok: true, text: fitted.text, tokens: fitted.tokens, overhead, reserved };
  }

  /** Call, settle the reservation, parse. */
  private async send(article: Article, sentences: number, plan: Extract<Plan, { ok: true }>): Promise<Reply> {
    const { counter, budget, client } = this.opts;
    const { overhead, reserved } = plan;
    this.stats.calls++;
    let text: string;
    try {
      const res = await client.complete({
        messages: summaryMessages(article, plan.text, sentences, this.opts.quotes),
        maxTokens: this.opts.maxOutputTokens,
        json: true,
      });
      text = res.text;
      budget.settle(
        reserved,
        (res.promptTokens ?? overhead + plan.tokens) + (res.completionTokens ?? counter.count(res.text)),
      );
    } catch (err) {
      const timedOut = err instanceof LlmCallError && err.kind === 'timeout';
      budget.settle(reserved, timedOut ? overhead + plan.tokens : 0);
      const what =
        err instanceof LlmCallError ? `${err.kind}: ${err.message}` : err instanceof Error ? err.message : String(err);
      return { ok: false, reason: `LLM call failed (${what})` };
    }
    const parsed = parseReply(text, summaryOutput);
    return parsed.ok ? parsed : { ok: false, reason: `LLM reply unusable: ${parsed.error}` };
  }

  /** Verify a reply against the article: quotes kept only if present; no new numbers, names or mentions. */
  private judge(article: Article, analysis: AnalyzedText, sentences: number, reply: SummaryOutput): LlmSummary {
    const checked = verifyQuotes(article.body, reply.quotes);
    const quotes = checked.kept.slice(0, this.opts.quotes).sort((a, b) => a.start - b.start);
    this.stats.droppedQuotes += checked.dropped;
    const extra = { quotes, droppedQuotes: checked.dropped };
    const lines = reply.summary.slice(0, sentences);
    const text = lines.join(' ');
    const facts = unsupportedFacts(text, [article.title, article.source ?? '', article.body].join('\n'));
    const problems = [
      hasMention(text) ? 'a mention' : '',
      facts.numbers.length > 0 ? `number(s) not in the article: ${facts.numbers.join(', ')}` : '',
      facts.names.length > 0 ? `name(s) not in the article: ${facts.names.join(', ')}` : '',
    ].filter((p) => p !== '');
    if (problems.length > 0)
      return this.fallback(article, analysis, sentences, `LLM summary states ${problems.join('; ')}`, extra);
    this.stats.llm++;
    return { method: 'llm', sentences: lines, ...extra };
  }

  private fallback(
    article: Article,
    analysis: AnalyzedText,
    sentences: number,
    reason: string,
    extra: Pick<LlmSummary, 'quotes' | 'droppedQuotes'> = {},
  ): LlmSummary {
    this.stats.fallbacks++;
    this.opts.log?.info({ article: article.id, reason }, 'summary falls back to extractive');
    return { ...extractiveSummary(article, analysis, sentences), fallbackReason: reason, ...extra };
  }
}
