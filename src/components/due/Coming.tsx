/**
 * "What is coming" (src/domain/report/coming.ts), under the next transitions of the due view:
 * the draft scope versions in preparation with their readiness, and on a day with nothing
 * announced each scope's latest certification change with its notice; and the dates open pull
 * requests propose, apart from the announced ones (ProposedDates.tsx). Rendered on the server
 * (home, /as-of/<day>/) and by the as-of island for any day.
 */
import { describeLead } from '../../domain/events/revision-changes.ts';
import type { Coming as Model } from '../../domain/report/coming.ts';
import ReadinessList from '../report/ReadinessList.tsx';
import ProposedDates from './ProposedDates.tsx';
import { Ref, What } from './Transition.tsx';

export default function Coming({ coming, repo, headingLevel }: { coming: Model; repo: string; headingLevel: 2 | 3 }) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const { day, dataEnd } = coming;
  return (
    <section aria-labelledby="coming" className="coming" data-nothing-ahead={coming.nothingAhead ? 'true' : 'false'}>
      <H id="coming">What is coming</H>
      {coming.nothingAhead ? (
        <p>
          Nothing is announced for the {coming.horizonDays} days from <time dateTime={day}>{day}</time>
          {coming.drafts.length === 0 ? ', and no scope version is in preparation' : ''}.
        </p>
      ) : null}
      {coming.latest.length > 0 ? (
        <section aria-labelledby="latest-change">
          <Sub id="latest-change">Latest change of each scope</Sub>
          <ul className="latest">
            {coming.latest.map((t) => (
              <li
                key={`${t.scope}/${t.version}/${t.validity}`}
                data-scope={t.scope ?? undefined}
                data-version={t.version ?? undefined}
              >
                <What t={t} verb="became" /> on <time dateTime={t.date}>{t.date}</time>
                {t.source ? (
                  <>
                    , announced {describeLead(t.leadDays)} by <Ref at={t.source} repo={repo} /> on{' '}
                    <time dateTime={t.source.date}>{t.source.date}</time>
                    {t.announced && t.announced.commit !== t.source.commit ? (
                      <span className="small muted">
                        {' '}
                        (first announced by <Ref at={t.announced} repo={repo} /> on{' '}
                        <time dateTime={t.announced.date}>{t.announced.date}</time>)
                      </span>
                    ) : null}
                  </>
                ) : (
                  <>, the commit that set its date is not in the data</>
                )}
                .
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {coming.drafts.length > 0 ? (
        <section aria-labelledby="readiness">
          <Sub id="readiness">
            Draft scope versions on <time dateTime={day}>{day}</time>
          </Sub>
          <p className="small muted">
            {/* Past the data's end, the words of report/PullsEnd.astro (the scope pages' readiness). */}
            How close each is to being stabilized, as the data stood on <time dateTime={day}>{day}</time>
            {coming.pastDataEnd ? (
              <>
                {' '}
                (pull requests as of <time dateTime={dataEnd}>{dataEnd}</time>, the data's end)
              </>
            ) : null}
            .
          </p>
          <ReadinessList rows={coming.drafts} />
        </section>
      ) : null}
      <section aria-labelledby="proposed-dates">
        <Sub id="proposed-dates">Proposed dates from open pull requests</Sub>
        <ProposedDates proposed={coming.proposed} day={day} repo={repo} />
      </section>
    </section>
  );
}
