/**
 * Addresses written upstream (a scope's or a module's `url`, a pull request's `html_url`)
 * are text until shown to be web addresses. Only `http:` and `https:` ever become links, so
 * a `javascript:` or `data:` URL in a scope file or a pull-request export cannot run script
 * in the site's origin: the sync warns about it (naming file, key and value) and keeps the
 * value as text; every link built from upstream text goes through `safeHref`.
 */
import { z } from 'zod';
import { formatProblem, showValue } from '../parse/errors.ts';

/**
 * The scheme as written, at the very start: browsers strip leading spaces and control
 * characters and ignore tabs and newlines inside a scheme (` JaVa\tscript:`), so the raw
 * text must already start with `http://` or `https://` and contain no space or control
 * character anywhere.
 */
const HTTP_START = /^https?:\/\//i;
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/u;

export function isHttpUrl(text: string): boolean {
  return HTTP_START.test(text) && !SPACE_OR_CONTROL.test(text) && URL.canParse(text);
}

export const HTTP_URL_EXPECTED = 'expected an http: or https: URL; kept as text, not linked';

/** An `http:` or `https:` URL. */
export const HttpUrl = z.string().refine(isHttpUrl, { message: HTTP_URL_EXPECTED });

/** The value as a link target, or null when it is not an http(s) URL (then it is shown as text). */
export function safeHref(value: string | null | undefined): string | null {
  return typeof value === 'string' && isHttpUrl(value) ? value : null;
}

/**
 * Sync warnings for the URL fields of one file that are not http(s) URLs, naming file, key
 * and value (`Tests/scs-compatible-iaas.yaml: modules[2].url = "javascript:…": expected …`).
 */
export function urlWarnings(
  file: string,
  fields: readonly (readonly [key: string, value: string | null | undefined])[],
): string[] {
  return fields.flatMap(([key, value]) =>
    value === null || value === undefined || HttpUrl.safeParse(value).success
      ? []
      : [formatProblem({ file, key, value: showValue(value), expected: HTTP_URL_EXPECTED })],
  );
}
