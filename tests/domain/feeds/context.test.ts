import { describe, expect, it } from 'vitest';
import {
  eventPath,
  findDocument,
  findScopeById,
  plainText,
  pullOf,
  singleLine,
  siteLink,
  type FeedContext,
} from '../../../src/domain/feeds/context.ts';
import { sha } from '../../support/build-scope.ts';
import { feedContext, HOSTILE_PR_TITLE } from '../../support/datasets.ts';
import { realData } from '../../support/real-data.ts';

async function context(): Promise<FeedContext> {
  return feedContext(structuredClone(await realData()));
}

describe('siteLink', () => {
  const ctx = { siteUrl: 'https://feeds.example.test/timeline/' };
  it('makes a path absolute under the site’s base path, with or without a leading slash', () => {
    expect(siteLink(ctx, 'scopes/iaas/')).toBe('https://feeds.example.test/timeline/scopes/iaas/');
    expect(siteLink(ctx, '/scopes/iaas/')).toBe('https://feeds.example.test/timeline/scopes/iaas/');
    expect(siteLink(ctx, '')).toBe('https://feeds.example.test/timeline/');
  });
  it('keeps a path with two leading slashes on the site instead of reading it as another host', () => {
    expect(siteLink(ctx, '//evil.example/x')).toBe('https://feeds.example.test/timeline/evil.example/x');
  });
});

describe('eventPath', () => {
  it('is the scope page, else the page of the document’s series, else the site root', () => {
    expect(eventPath({ scope: 'iaas', document: null })).toBe('scopes/iaas/');
    expect(eventPath({ scope: null, document: 'scs-0214-v2' })).toBe('standards/scs-0214/');
    expect(eventPath({ scope: null, document: 'scs-0214-w1' })).toBe('standards/scs-0214/');
    expect(eventPath({ scope: null, document: null })).toBe('');
  });
  it('encodes what it puts in the path', () => {
    expect(eventPath({ scope: 'a/b?c', document: null })).toBe('scopes/a%2Fb%3Fc/');
  });
});

describe('findScopeById and findDocument', () => {
  it('find what the data holds and nothing else', async () => {
    const ctx = await context();
    expect(findScopeById(ctx, 'iaas')?.name).toBe('SCS-compatible IaaS');
    expect(findScopeById(ctx, 'nope')).toBeNull();
    expect(findScopeById(ctx, null)).toBeNull();
    const [first] = ctx.dataset.documents;
    expect(findDocument(ctx, first!.id)).toBe(first);
    expect(findDocument(ctx, 'scs-9999-v1')).toBeNull();
    expect(findDocument(ctx, null)).toBeNull();
  });
  it('look documents up in the dataset at hand, not in another one seen before', async () => {
    const a = await context();
    const b = await context();
    const id = a.dataset.documents[0]!.id;
    b.dataset.documents[0]!.title = 'changed';
    expect(findDocument(a, id)?.title).not.toBe('changed');
    expect(findDocument(b, id)?.title).toBe('changed');
  });
});

describe('pullOf', () => {
  it('is none without a provenance or pull request number', async () => {
    const ctx = await context();
    expect(pullOf(ctx, null)).toBeNull();
    expect(pullOf(ctx, { commit: sha('x'), date: '2024-11-26', pr: null })).toBeNull();
  });
  it('gives the title and URL of a known pull request', async () => {
    const ctx = await context();
    const known = ctx.dataset.pulls[0]!;
    expect(pullOf(ctx, { commit: sha('x'), date: '2024-11-26', pr: known.number })).toEqual({
      number: known.number,
      title: known.title,
      url: known.url,
    });
  });
  it('links an unknown pull request, or one with a non-http URL, to its address on GitHub', async () => {
    const ctx = await context();
    const repo = ctx.dataset.meta.source.repo;
    expect(pullOf(ctx, { commit: sha('x'), date: '2024-11-26', pr: 99_999 })).toEqual({
      number: 99_999,
      title: null,
      url: `https://github.com/${repo}/pull/99999`,
    });
    const fresh = await context();
    fresh.dataset.pulls[0]!.url = 'javascript:alert(1)';
    expect(pullOf(fresh, { commit: sha('x'), date: '2024-11-26', pr: fresh.dataset.pulls[0]!.number })?.url).toBe(
      `https://github.com/${repo}/pull/${fresh.dataset.pulls[0]!.number}`,
    );
  });
});

describe('singleLine and plainText', () => {
  it('singleLine leaves no line break or control character, and collapses the spaces they leave', () => {
    const out = singleLine(HOSTILE_PR_TITLE);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(out).toContain('for real BEGIN:VEVENT ATTENDEE:mailto:evil@example.com END:VEVENT <script>');
    expect(singleLine('  a\t\tb\u0085c\u2028d  ')).toBe('a b c d');
    expect(singleLine('Größe → ✓')).toBe('Größe → ✓');
  });
  it('plainText keeps line breaks as \\n and tabs, and drops every other control character', () => {
    expect(plainText('a\r\nb\rc\nd\te')).toBe('a\nb\nc\nd\te');
    expect(plainText('x\u0000y\u001bz\u007f\u2028')).toBe('x y z  ');
  });
});
