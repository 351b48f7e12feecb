/**
 * The dates that pull requests open on a day propose for scope versions (Coming's `proposed`,
 * src/domain/report/coming.ts), each marked "proposed" so it is never read as announced: only
 * a timeline on `main` announces (scs-0003-v1). React escapes every string.
 */
import { pullUrl } from '../../domain/links/upstream-links.ts';
import { proposalSource, proposalsUnknownWords } from '../../domain/events/proposals.ts';
import type { ComingProposals } from '../../domain/report/coming.ts';

const others = (n: number, listed: boolean) =>
  `${n}${listed ? ' other' : ''} pull request${n === 1 ? '' : 's'} open then propose${n === 1 ? 's' : ''}`;

export default function ProposedDates({
  proposed,
  day,
  repo,
}: {
  proposed: ComingProposals;
  day: string;
  repo: string;
}) {
  const { openOn, transitions } = proposed;
  // Counted on an earlier day than `day` only when `day` is past the data's end (measuredDay).
  const pastDataEnd = openOn < day;
  const on = (
    <>
      <time dateTime={openOn}>{openOn}</time>
      {pastDataEnd ? ' (pull requests as of, the data’s end)' : ''}
    </>
  );
  return (
    <>
      {!proposed.known ? (
        <p className="proposals-unknown">{proposalsUnknownWords(openOn)}</p>
      ) : transitions.length === 0 ? (
        <p className="proposals-none">
          No pull request open on {on} proposes a date from <time dateTime={day}>{day}</time> on.
        </p>
      ) : (
        <>
          <p className="small muted">
            Dates that pull requests open on {on} would set; not announced until merged into the scope file on main.
          </p>
          <ul className="proposed-dates">
            {transitions.map((t) => (
              <li key={`${t.pr}/${t.subject}/${t.phrase}`} data-pr={t.pr} data-scope={t.scope ?? undefined}>
                <span className="proposed">proposed</span> <time dateTime={t.date!}>{t.date}</time>: {t.subject}{' '}
                {t.phrase}, by <a href={pullUrl(repo, t.pr)}>#{t.pr}</a> {t.title}{' '}
                <span className="small muted">
                  ({t.opened ? `open since ${t.opened}; ` : ''}
                  {proposalSource(t)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {proposed.others > 0 ? (
        <p className="small muted proposals-others">
          {others(proposed.others, transitions.length > 0)} changes without a date ahead (new scope versions, documents’
          dates, or heads that do not merge).
        </p>
      ) : null}
    </>
  );
}
