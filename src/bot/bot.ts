import { randomUUID } from 'node:crypto';
import type { Digest, DigestItem } from '../domain/types.ts';
import type { ThreadRef } from '../domain/thread-ref.ts';
import type { Answerer, AnswerResult, AskOptions, Turn } from '../answer/types.ts';
import type { ChatAdapter, ChatHandlers, IncomingCommand, IncomingMessage } from '../chat/chat-adapter.ts';
import type { DigestRecord, StateStore, StoredTurn } from '../domain/state-store.ts';
import type { Library } from '../library/library.ts';
import type { Logger } from '../log/logger.ts';
import { parseCommand, helpText, COMMAND_NAME, LEAVE_HINT, LEAVE_WORDS, tooLong } from './command-grammar.ts';
import { PostPolicy, type PostPolicyConfig } from './post-policy.ts';
import { fallbacksOf } from '../digest/build.ts';
import type { BotReply, SearchHit } from '../chat/replies.ts';
import { onePerStory } from '../cluster/one-per-story.ts';
import { smallTalk, smallTalkHint } from '../answer/small-talk.ts';

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
  readonly onAnswer?: (event: {
    readonly platform: string;
    readonly seconds: number;
    readonly result: AnswerResult;
  }) => void;
  /** Who may use `/trade-news post`, and how often per channel (default: anyone, once per 10 minutes). */
  readonly post?: PostPolicyConfig;
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
  /** Handlers without an adapter to post to: `/trade-news post` says it is not available. */
  readonly handlers: ChatHandlers;
  private readonly postPolicy: PostPolicy;

  constructor(private readonly deps: BotDeps) {
    this.handlers = this.handlersFor(undefined);
    this.postPolicy = new PostPolicy(deps.post ?? { allow: 'anyone', users: [], cooldownMinutes: 10 }, deps.clock);
  }

  /** The handlers an adapter starts with; `/trade-news post` posts through that adapter. */
  handlersFor(adapter: ChatAdapter | undefined): ChatHandlers {
    return {
      onCommand: (c) => this.onCommand(c, adapter),
      onMessage: (m) => this.onMessage(m, adapter),
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
  async postDigest(
    adapter: ChatAdapter,
    channel: string,
    articleIds?: readonly string[],
    opts: DigestPostOptions = {},
  ): Promise<DigestRecord> {
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

  private async onCommand(cmd: IncomingCommand, adapter: ChatAdapter | undefined): Promise<BotReply> {
    const parsed = parseCommand(cmd.text);
    const help = helpText(cmd.platform);
    switch (parsed.kind) {
      case 'help':
        return parsed.problem === undefined
          ? { kind: 'help', text: help }
          : { kind: 'help', text: help, problem: parsed.problem };
      case 'hint':
        return { kind: 'notice', text: parsed.text };
      case 'post':
        return this.postHere(cmd, adapter);
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

  /**
   * `/trade-news post`: the current digest into the command's channel, as a real digest with
   * its thread. Refused, saying why, when the policy forbids it or the channel had one recently.
   */
  private async postHere(cmd: IncomingCommand, adapter: ChatAdapter | undefined): Promise<BotReply> {
    if (adapter === undefined) return { kind: 'notice', text: 'Posting a digest is not available here.' };
    const refusal = this.postPolicy.refusal(cmd.platform, cmd.channel, cmd.user);
    if (refusal !== null) return { kind: 'notice', text: refusal };
    try {
      const record = await this.postDigest(adapter, cmd.channel);
      this.postPolicy.posted(cmd.platform, cmd.channel);
      return {
        kind: 'notice',
        text: `Posted the digest (${record.articleIds.length} article${record.articleIds.length === 1 ? '' : 's'}) in this channel — reply in its thread to ask about it.`,
      };
    } catch (err) {
      this.deps.log.warn({ channel: cmd.channel, err }, '/trade-news post failed');
      const why = err instanceof Error ? err.message : String(err);
      return {
        kind: 'notice',
        text: `I could not post the digest here (${why}). Make sure I am a member of this channel and may post and start threads in it, then try again.`,
      };
    }
  }

  private async onMessage(msg: IncomingMessage, adapter: ChatAdapter | undefined): Promise<BotReply | null> {
    const digest = await this.deps.store.digestForThread(msg.thread);
    if (!digest && !msg.mentioned) return null;
    const text = msg.text.trim();
    const long = tooLong(text);
    if (long !== null) return { kind: 'help', text: helpText(msg.platform), problem: long };
    if (text.toLowerCase().startsWith(COMMAND_NAME)) return this.onCommand({ ...msg, text }, adapter);
    if (LEAVE_WORDS.has(text.toLowerCase())) return { kind: 'notice', text: LEAVE_HINT };
    if (!/[\p{L}\p{N}]/u.test(text))
      return { kind: 'help', text: helpText(msg.platform), problem: 'Ask me a question about the articles.' };
    return this.answer(text, msg.thread, digest);
  }

  private search(terms: string): SearchHit[] {
    const lib = this.deps.library();
    // Candidates beyond the five shown, so a story reported by several outlets is listed once.
    return onePerStory(lib.search(terms, 15), (h) => h.article, 5).map(({ article, score }) => ({
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
    const talk = smallTalk(question);
    if (talk) return { kind: 'notice', text: smallTalkHint(talk) };
    const answerer = this.deps.answerer?.(lib) ?? asAsync(lib.answerer);
    const result = await answerer.ask(question, {
      ...(digest ? { preferArticleIds: digest.articleIds } : {}),
      history,
      attributions: (id) => lib.attributions(id),
    });
    if (thread) await this.deps.store.addTurn(thread, this.toStored(question, result));
    this.deps.onAnswer?.({
      platform: thread?.platform ?? 'unknown',
      seconds: (performance.now() - started) / 1000,
      result,
    });
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
      return [
        {
          articleId: id,
          file: item.article.file,
          title: item.article.title,
          sentence,
          start,
          end: start + sentence.length,
          score: 0,
        },
      ];
    });
    return { question: t.question, answer: { answered: t.answered, answer: t.answer, sources } };
  }
}
