import { describe, expect, it } from 'vitest';
import { HttpUrl, isHttpUrl, safeHref, urlWarnings } from '../../../src/domain/schemas/url.ts';

describe('isHttpUrl / safeHref', () => {
  it('accepts http and https URLs, in any case of the scheme', () => {
    for (const url of [
      'https://docs.scs.community/standards/scs-0100-v3',
      'http://example.invalid/',
      'HTTPS://github.com/x/y/pull/1',
      'https://example.invalid/a%20b?q=1#f',
    ]) {
      expect(isHttpUrl(url), url).toBe(true);
      expect(safeHref(url)).toBe(url);
      expect(HttpUrl.safeParse(url).success).toBe(true);
    }
  });
  it('refuses script, data and other schemes, whatever browsers would strip or ignore', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.invalid/',
      ' https://example.invalid/',
      'https://example.invalid/\n',
      'https://exa mple.invalid/',
      '//example.invalid/',
      '/relative',
      'https:',
      'https://',
      '',
    ];
    for (const url of hostile) {
      expect(isHttpUrl(url), JSON.stringify(url)).toBe(false);
      expect(safeHref(url)).toBeNull();
      expect(HttpUrl.safeParse(url).success).toBe(false);
    }
    expect(safeHref(null)).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
  it('warns naming file, key and value; fields without a value are fine', () => {
    expect(
      urlWarnings('Tests/x.yaml', [
        ['url', null],
        ['modules[0].url', 'https://ok.invalid/'],
        ['modules[1].url', 'javascript:alert("x")\n'],
      ]),
    ).toEqual([
      'Tests/x.yaml: modules[1].url = "javascript:alert(\\"x\\")\\n": expected an http: or https: URL; kept as text, not linked',
    ]);
  });
});
