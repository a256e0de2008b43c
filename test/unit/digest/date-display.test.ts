import { describe, expect, it } from 'vitest';
import { displayDate } from '../../../src/digest/date-display.ts';
import { buildDigest } from '../../../src/digest/build.ts';
import { renderDigest } from '../../../src/digest/render-text.ts';
import { parseHtml } from '../../../src/sources/html.ts';
import { parseTxt } from '../../../src/sources/txt.ts';
import { isSkipped } from '../../../src/sources/parsed.ts';
import { articleBlocks } from '../../../src/adapters/slack/render-digest.ts';
import { articleEmbeds } from '../../../src/adapters/discord/render-embeds.ts';

const HTML = `<!doctype html><html><head><title>Grain Port Opens New Berth</title>
<meta property="article:published_time" content="2018-07-18T07:30:00Z"><meta property="og:site_name" content="Harbour Weekly"></head>
<body><article><h1>Grain Port Opens New Berth</h1>
<p>The grain port at Westhaven opened a fourth berth on Wednesday, adding room for two bulk carriers a day.</p>
<p>The berth cost 40 million dollars and took two years to build, the port authority said.</p>
<p>Exporters had waited up to a week for a slot during the harvest peak last autumn.</p></article></body></html>`;

const TXT = `Rail Freight Volumes Climb

July 17, 2018 — Rail freight volumes rose 6 percent in the second quarter, the rail operators' association said on Tuesday.

Container traffic led the gain as ports moved more goods inland by train.

Coal shipments kept falling for the fourth quarter in a row.`;

describe('displayDate', () => {
  it('shows the calendar day of a day or a timestamp, nothing for no date', () => {
    expect(displayDate('2018-07-18')).toBe('2018-07-18');
    expect(displayDate('2018-07-18T07:30:00Z')).toBe('2018-07-18');
    expect(displayDate('2018-07-18T07:30:00')).toBe('2018-07-18');
    expect(displayDate(null)).toBeNull();
    expect(displayDate('soon')).toBeNull();
  });

  it('shows an HTML article dated by a timestamp like a plain-text one, in every format', async () => {
    const html = await parseHtml('grain-port.html', HTML);
    if (isSkipped(html)) throw new Error(html.reason);
    expect(html.date).toBe('2018-07-18T07:30:00Z');
    const txt = parseTxt('rail-freight.txt', TXT);
    expect(txt.date).toBe('2018-07-17');
    const digest = await buildDigest([html, txt], { date: '2018-07-19', sentences: 2, quotes: 2 });
    for (const format of ['text', 'markdown'] as const) {
      const out = renderDigest(digest, format);
      expect(out).toContain('2018-07-18');
      expect(out).toContain('2018-07-17');
      expect(out).not.toContain('07:30');
    }
    const [first] = digest.items;
    if (!first) throw new Error('no item');
    const slack = JSON.stringify(articleBlocks(first));
    expect(slack).toContain('2018-07-18');
    expect(slack).not.toContain('07:30');
    const discord = JSON.stringify(articleEmbeds(first));
    expect(discord).toContain('2018-07-18');
    expect(discord).not.toContain('07:30');
  });
});
