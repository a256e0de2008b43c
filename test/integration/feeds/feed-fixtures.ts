/** Small feeds written for these tests (RSS 2.0, Atom 1.0, RSS 1.0/RDF). Dates are relative to now so the lookback keeps them. */
const ago = (hours: number): Date => new Date(Date.now() - hours * 3_600_000);
const rfc822 = (d: Date): string => d.toUTCString();

export interface RssItem {
  title?: string;
  link?: string;
  guid?: string;
  hoursAgo?: number;
  description?: string;
}

export function rss(title: string, items: RssItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item>${i.title !== undefined ? `<title>${i.title}</title>` : ''}${i.link !== undefined ? `<link>${i.link}</link>` : ''}` +
        `${i.guid !== undefined ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}<pubDate>${rfc822(ago(i.hoursAgo ?? 2))}</pubDate>` +
        `<description>${i.description ?? '&lt;p&gt;Port officials said on Monday that &lt;b&gt;container volumes&lt;/b&gt; rose.&lt;/p&gt;'}</description><category>shipping</category></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://example.test/</link><description>d</description>${body}</channel></rss>`;
}

export function atom(title: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>urn:atom-test</id><updated>${ago(1).toISOString()}</updated>
<entry><title>Steel quota talks resume in Geneva</title><id>urn:atom-test:1</id><link rel="alternate" href="https://atom.example.test/steel-quota"/><published>${ago(3).toISOString()}</published><updated>${ago(3).toISOString()}</updated>
<content type="html">&lt;p&gt;Negotiators met again on Tuesday.&lt;/p&gt;&lt;p&gt;"We are close," the envoy said.&lt;/p&gt;</content><category term="steel"/></entry></feed>`;
}

export function rdf(title: string): string {
  return `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example.test/"><title>${title}</title><link>https://rdf.example.test/</link><description>d</description></channel>
<item rdf:about="https://rdf.example.test/grain"><title>Grain corridor reopens after storm</title><link>https://rdf.example.test/grain</link><description>Ships left Odesa at dawn.</description><dc:date>${ago(5).toISOString()}</dc:date><dc:subject>grain</dc:subject></item></rdf:RDF>`;
}
