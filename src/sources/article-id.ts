import { createHash } from 'node:crypto';

/** Content-derived id: the same title and body give the same id wherever the file lives. */
export function articleId(title: string, body: string): string {
  return createHash('sha256').update(title.trim()).update('\u0000').update(body.trim()).digest('hex').slice(0, 16);
}
