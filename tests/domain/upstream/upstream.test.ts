import { describe, expect, it } from 'vitest';
import { pullRequestOfMessage } from '../../../src/domain/upstream/upstream.ts';

describe('pullRequestOfMessage', () => {
  it('reads a squash merge: Title (#N)', () => {
    expect(pullRequestOfMessage('Fix: introduce SCS-compatible IaaS v5.1 (#859)\n\nbody')).toEqual({
      pr: 859,
      title: 'Fix: introduce SCS-compatible IaaS v5.1',
    });
  });
  it('takes the last number when a title cites another pull request', () => {
    expect(pullRequestOfMessage('Updates to Node distribution test (#489) (#558)')).toEqual({
      pr: 558,
      title: 'Updates to Node distribution test (#489)',
    });
  });
  it('reads a merge commit with the title on the first body line', () => {
    expect(pullRequestOfMessage('Merge pull request #206 from a/b\n\nAdd scs-compatible.yaml\n\nmore')).toEqual({
      pr: 206,
      title: 'Add scs-compatible.yaml',
    });
    expect(pullRequestOfMessage('Merge pull request #7 from a/b\r\n\r\nCRLF title\r\n')).toEqual({
      pr: 7,
      title: 'CRLF title',
    });
    expect(pullRequestOfMessage('Merge pull request #8 from a/b')).toEqual({
      pr: 8,
      title: 'Merge pull request #8 from a/b',
    });
  });
  it('has no pull request for a direct commit', () => {
    expect(pullRequestOfMessage('Simplify compliance overview by only showing effective versions')).toEqual({
      pr: null,
      title: 'Simplify compliance overview by only showing effective versions',
    });
    expect(pullRequestOfMessage('Revert "x (#12)" partially')).toEqual({
      pr: null,
      title: 'Revert "x (#12)" partially',
    });
  });
});
