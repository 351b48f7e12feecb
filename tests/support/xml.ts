/** Reading RSS back with fast-xml-parser, independently of the builder inside @astrojs/rss. */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

export interface ParsedItem {
  title: string;
  link: string;
  guid: string;
  guidIsPermaLink: string;
  pubDate: string;
  description: string;
}

export function parseRss(text: string): { channel: Record<string, unknown>; items: ParsedItem[] } {
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    throw new Error(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => name === 'item',
  });
  const doc = parser.parse(text) as {
    rss: { '@version': string; channel: Record<string, unknown> & { item?: Record<string, unknown>[] } };
  };
  if (doc.rss['@version'] !== '2.0') throw new Error('not RSS 2.0');
  const items = (doc.rss.channel.item ?? []).map((i) => {
    const guid = i.guid as { '#text': string; '@isPermaLink': string };
    return {
      title: String(i.title),
      link: String(i.link),
      guid: guid['#text'],
      guidIsPermaLink: guid['@isPermaLink'],
      pubDate: String(i.pubDate),
      description: String(i.description),
    };
  });
  return { channel: doc.rss.channel, items };
}
