/** Where a conversation lives on a platform. Serializes as `platform:channel:thread`. */
export interface ThreadRef {
  readonly platform: string;
  readonly channel: string;
  /** The platform's id of the thread (Slack: parent message ts; Discord: thread channel id; console: digest id). */
  readonly thread: string;
}

export function serializeThread(ref: ThreadRef): string {
  return [ref.platform, ref.channel, ref.thread].map(encodeURIComponent).join(':');
}

export function parseThread(text: string): ThreadRef | null {
  const parts = text.split(':');
  if (parts.length !== 3 || parts.some((p) => p === '')) return null;
  const [platform, channel, thread] = parts.map(decodeURIComponent) as [string, string, string];
  return { platform, channel, thread };
}
