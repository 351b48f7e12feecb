/**
 * One transition of the due view (src/domain/events/due.ts) in parts: what changes, and the
 * commit or pull request that set its date (and first announced it). Shared by the next
 * transitions (DueView.tsx) and the latest changes (Coming.tsx); React escapes every string.
 */
import type { DueTransition } from '../../domain/events/due.ts';
import { commitUrl, pullUrl } from '../../domain/links/upstream-links.ts';
import { documentPath, href, scopePath } from '../../site/links.ts';

export function Ref({ at, repo }: { at: NonNullable<DueTransition['source']>; repo: string }) {
  return at.pr ? (
    <a href={pullUrl(repo, at.pr)}>#{at.pr}</a>
  ) : (
    <a href={commitUrl(repo, at.commit)}>
      <code>{at.commit.slice(0, 7)}</code>
    </a>
  );
}

export function Source({
  source,
  announced,
  repo,
}: {
  source: DueTransition['source'];
  announced: DueTransition['announced'];
  repo: string;
}) {
  if (!source) return <span className="muted">—</span>;
  return (
    <>
      <Ref at={source} repo={repo} />{' '}
      <span className="nowrap">
        on <time dateTime={source.date}>{source.date}</time>
      </span>
      {announced && announced.commit !== source.commit ? (
        <span className="small muted">
          {' '}
          (first announced by <Ref at={announced} repo={repo} /> on{' '}
          <time dateTime={announced.date}>{announced.date}</time>)
        </span>
      ) : null}
    </>
  );
}

/** `became`: a transition already past (the latest changes). */
export function What({ t, verb = 'becomes' }: { t: DueTransition; verb?: 'becomes' | 'became' }) {
  if (t.kind === 'scope') {
    return (
      <>
        <a href={href(scopePath(t.scope!))}>{t.scopeName}</a> {t.version}
        {t.document ? (
          <>
            {' '}
            (<a href={href(documentPath(t.document))}>{t.document}</a>)
          </>
        ) : null}{' '}
        {verb} <span className={`validity validity-${t.validity}`}>{t.validity}</span>
      </>
    );
  }
  return (
    <>
      <a href={href(documentPath(t.document!))}>{t.document}</a> <span className="muted">({t.documentTitle})</span>{' '}
      {verb} <span className={`state state-${t.state?.toLowerCase()}`}>{t.state}</span>
    </>
  );
}
