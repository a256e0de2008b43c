import type { BotReply } from '../chat/replies.ts';
import { displayDate } from '../digest/date-display.ts';
import { renderDigest } from '../digest/render-text.ts';
import { defang } from './safety.ts';

import { NOT_FOUND } from '../answer/types.ts';

const dated = (date: string | null): string => {
  const day = displayDate(date);
  return day ? ` (${day})` : '';
};

/** Neutral plain-text rendering of any reply: the console's output and every platform's fallback text. */
export function replyToText(reply: BotReply): string {
  switch (reply.kind) {
    case 'digest':
      return defang(renderDigest(reply.digest, 'text'));
    case 'search':
      if (reply.hits.length === 0) return defang(`No articles match “${reply.terms}”.`);
      return defang(
        [
          `Articles matching “${reply.terms}”:`,
          ...reply.hits.map((h, i) => `${i + 1}. ${h.title}${dated(h.date)} — ${h.line}`),
        ].join('\n'),
      );
    case 'answer': {
      const { result } = reply;
      if (!result.answered || result.sources.length === 0) return NOT_FOUND;
      const best = result.sources[0];
      const cite = best ? `\n— ${best.title}` : '';
      return defang(`${result.answer}${cite}`);
    }
    case 'help':
      return reply.problem ? `${reply.problem}\n\n${reply.text}` : reply.text;
    case 'notice':
      return defang(reply.text);
  }
}
