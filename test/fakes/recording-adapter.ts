import type { ChatAdapter, ChatHandlers, PostedDigest } from '../../src/chat/chat-adapter.ts';
import type { Digest } from '../../src/domain/types.ts';
import type { ThreadRef } from '../../src/domain/thread-ref.ts';
import type { BotReply } from '../../src/chat/replies.ts';

/** A chat platform in memory: records what was posted, lets a test play the user. */
export class RecordingAdapter implements ChatAdapter {
  readonly platform: string;
  handlers: ChatHandlers | undefined;
  readonly digests: { channel: string; digest: Digest; digestId: string | undefined }[] = [];
  readonly replies: { thread: ThreadRef; reply: BotReply }[] = [];

  constructor(platform = 'fake') {
    this.platform = platform;
  }

  start(handlers: ChatHandlers): Promise<void> {
    this.handlers = handlers;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.handlers = undefined;
    return Promise.resolve();
  }

  postDigest(channel: string, digest: Digest, opts?: { readonly digestId?: string }): Promise<PostedDigest> {
    this.digests.push({ channel, digest, digestId: opts?.digestId });
    const messageId = `m${this.digests.length}`;
    return Promise.resolve({
      messageId,
      messageIds: [messageId],
      thread: { platform: this.platform, channel, thread: messageId },
    });
  }

  reply(thread: ThreadRef, reply: BotReply): Promise<void> {
    this.replies.push({ thread, reply });
    return Promise.resolve();
  }
}
