import { describe, expect, it } from 'vitest';
import { commitUrl, docsUrl, fileUrl, pullUrl, repoUrl } from '../../../src/domain/links/upstream-links.ts';

describe('upstream links', () => {
  it('link into the repository the data came from, a fork included', () => {
    expect(repoUrl('SovereignCloudStack/standards')).toBe('https://github.com/SovereignCloudStack/standards');
    expect(pullUrl('SovereignCloudStack/standards', 859)).toBe(
      'https://github.com/SovereignCloudStack/standards/pull/859',
    );
    expect(pullUrl('someone/standards-fork', 1)).toBe('https://github.com/someone/standards-fork/pull/1');
    expect(commitUrl('someone/standards-fork', 'a'.repeat(40))).toBe(
      `https://github.com/someone/standards-fork/commit/${'a'.repeat(40)}`,
    );
  });

  it('percent-encode file names, segment by segment', () => {
    expect(fileUrl('o/r', 'main', 'Standards/scs-0998-v1-<img src=x>.md')).toBe(
      'https://github.com/o/r/blob/main/Standards/scs-0998-v1-%3Cimg%20src%3Dx%3E.md',
    );
    expect(docsUrl('Standards/scs-0123-v1-mandatory-and-supported-IaaS-services.md')).toBe(
      'https://docs.scs.community/standards/scs-0123-v1-mandatory-and-supported-IaaS-services',
    );
    expect(docsUrl('Standards/scs-0998-v1-<b>.MD')).toBe('https://docs.scs.community/standards/scs-0998-v1-%3Cb%3E');
  });
});
