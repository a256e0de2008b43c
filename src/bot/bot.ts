import { randomUUID } from 'node:crypto';
import type { Digest, DigestItem } from '../domain/types.ts';
import type { ThreadRef } from '../domain/thread-ref.ts';
import type { Answerer, AnswerResult, AskOptions, Turn } from '../answer/types.ts';
import type { ChatAdapter, ChatHandlers, IncomingCommand, IncomingMessage } from '../adapters/chat-adapter.ts';
import type { DigestRecord, StateStore, StoredTurn } from '../store/state-store.ts';
import type { Library } from '../library/library.ts';
import type { Logger } from '../log/logger.ts';
import { parseCommand, HELP_TEXT, COMMAND_NAME, tooLong } from './command-grammar.ts';
import { fallbacksOf } from '../digest/build.ts';
import type { BotReply, SearchHit } from './replies.ts';

export interface BotDeps {
  /** The current library; a getter so a reload swaps it without restarting the bot. */
  readonly library: () => Library;
  readonly store: StateStore;
  readonly clock: () => Date;
  readonly log: Logger;
  /** Articles in a digest built on demand (default 10). */
  readonly digestSize?: number;
  /** Turns of a thread read back for a follow-up (default 6). */
  readonly historyTurns?: number;
  /** The answerer to use over a library (e.g. an LLM over retrieval); default the library's own. */
  readonly answerer?: (library: Library) => AsyncAnswer;
  /** Told after every answer (for metrics): where, how long, and what came out. */
  readonly onAnswer?: (event: { readonly platform: string; readonly seconds: number; readonly result: AnswerResult }) => void;
}

export interface DigestPostOptions {
  readonly digestId?: string;
  /** Digest date, ISO `YYYY-MM-DD` (e.g. in the target's time zone); default the clock's UTC date. */
  readonly date?: string;
  /** Articles shown as updated: new versions of ones an earlier digest showed. */
  readonly updatedIds?: readonly string[];
}

/** Anything that answers asynchronously with the retrieval answerer's contract. */
export interface AsyncAnswer {
  ask(question: string, opts?: AskOptions): Promise<AnswerResult>;
}

function asAsync(answerer: Answerer): AsyncAnswer {
  return { ask: (q, o) => Promise.resolve(answerer.ask(q, o)) };
}

/** The platform-neutral bot: the `/trade-news` use cases, thread follow-ups and digest posting. */
export class Bot {
  readonly handlers: ChatHandlers;

  constructor(private readonly deps: BotDeps) {
    this.handlers = {
      onCommand: (c) => this.onCommand(c),
      onMessage: (m) => this.onMessage(m),
    };
  }

  /** A digest of the given articles (default: the newest ones), dated by the clock unless `date` is given. */
  digestOf(articleIds?: readonly string[], opts: DigestPostOptions = {}): Digest {
    const lib = this.deps.library();
    const ids = articleIds ?? lib.latest(this.deps.digestSize ?? 10).map((a) => a.id);
    const updated = new Set(opts.updatedIds ?? []);
    const items = ids
      .map((id) => lib.item(id))
      .filter((x): x is DigestItem => x !== undefined)
      .map((item) => (updated.has(item.article.id) ? { ...item, updated: true } : item));
    return { date: opts.date ?? this.deps.clock().toISOString().slice(0, 10), items, fallbacks: fallbacksOf(items) };
  }

  /**
   * Build, post and record a digest; its thread is then answered without a mention.
   * `digestId` makes the post idempotent across restarts (the scheduler derives it from the run).
   */
  async postDigest(adapter: ChatAdapter, channel: string, articleIds?: readonly string[], opts: DigestPostOptions = {}): Promise<DigestRecord> {
    const digest = this.digestOf(articleIds, opts);
    const id = opts.digestId ?? randomUUID();
    const posted = await adapter.postDigest(channel, digest, { digestId: id });
    const record: DigestRecord = {
      id,
      platform: adapter.platform,
      channel,
      messageId: posted.messageId,
      thread: posted.thread,
      articleIds: digest.items.map((i) => i.article.id),
      date: digest.date,
      postedAt: this.deps.clock().toISOString(),
    };
    await this.deps.store.recordDigest(record);
    this.deps.log.info({ platform: adapter.platform, channel, articles: record.articleIds.length }, 'digest posted');
    return record;
  }

  private async onCommand(cmd: IncomingCommand): Promise<BotReply> {
    const parsed = parseCommand(cmd.text);
    switch (parsed.kind) {
      case 'help':
        return parsed.problem === undefined ? { kind: 'help', text: HELP_TEXT } : { kind: 'help', text: HELP_TEXT, problem: parsed.problem };
      case 'latest': {
        const record = await this.deps.store.latestDigest(cmd.platform, cmd.channel);
        return { kind: 'digest', digest: this.digestOf(record?.articleIds) };
      }
      case 'search':
        return { kind: 'search', terms: parsed.terms, hits: this.search(parsed.terms) };
      case 'ask':
        return this.answer(parsed.question, cmd.thread);
    }
  }

  private async onMessage(msg: IncomingMessage): Promise<BotReply | null> {
    const digest = await this.deps.store.digestForThread(msg.thread);
    if (!digest && !msg.mentioned) return null;
    const text = msg.text.trim();
    const long = tooLong(text);
    if (long !== null) return { kind: 'help', text: HELP_TEXT, problem: long };
    if (text.toLowerCase().startsWith(COMMAND_NAME)) return this.onCommand({ ...msg, text });
    if (!/[\p{L}\p{N}]/u.test(text)) return { kind: 'help', text: HELP_TEXT, problem: 'Ask me a question about the articles.' };
    return this.answer(text, msg.thread, digest);
  }

  private search(terms: string): SearchHit[] {
    const lib = this.deps.library();
    return lib.search(terms, 5).map(({ article, score }) => ({
      articleId: article.id,
      title: article.title,
      date: article.date,
      url: article.url,
      line: lib.item(article.id)?.summary.sentences[0] ?? '',
      score,
    }));
  }

  private async answer(question: string, thread?: ThreadRef, known?: DigestRecord | null): Promise<BotReply> {
    const started = performance.now();
    const lib = this.deps.library();
    const digest = known ?? (thread ? await this.deps.store.digestForThread(thread) : null);
    const stored = thread ? await this.deps.store.recentTurns(thread, this.deps.historyTurns ?? 6) : [];
    const history = stored.map((t) => this.toTurn(t));
    const answerer = this.deps.answerer?.(lib) ?? asAsync(lib.answerer);
    const result = await answerer.ask(question, {
      ...(digest ? { preferArticleIds: digest.articleIds } : {}),
      history,
    });
    if (thread) await this.deps.store.addTurn(thread, this.toStored(question, result));
    this.deps.onAnswer?.({ platform: thread?.platform ?? 'unknown', seconds: (performance.now() - started) / 1000, result });
    return { kind: 'answer', question, result };
  }

  private toStored(question: string, r: AnswerResult): StoredTurn {
    return {
      question,
      answer: r.answer,
      answered: r.answered,
      articleIds: r.sources.map((s) => s.articleId),
      sentences: r.sources.map((s) => s.sentence),
      at: this.deps.clock().toISOString(),
    };
  }

  /** A stored turn back into the answerer's terms; sources whose article is gone are dropped. */
  private toTurn(t: StoredTurn): Turn {
    const lib = this.deps.library();
    const sources = t.articleIds.flatMap((id, i) => {
      const item = lib.item(id);
      const sentence = t.sentences[i] ?? '';
      const start = item ? item.article.body.indexOf(sentence) : -1;
      if (!item || start < 0) return [];
      return [{ articleId: id, file: item.article.file, title: item.article.title, sentence, start, end: start + sentence.length, score: 0 }];
    });
    return { question: t.question, answer: { answered: t.answered, answer: t.answer, sources } };
  }
}
