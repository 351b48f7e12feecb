/**
 * "What's due" for one day: certifiable versions per scope and the next transitions.
 * Rendered to static HTML on the server (home, /as-of/<day>/); the as-of island renders the
 * same component in the browser for a day picked there. React escapes every string.
 */
import type { DueView as Model } from '../domain/events/due.ts';
import { describeLead } from '../domain/events/revision-changes.ts';
import { hasComing, type Coming as ComingModel } from '../domain/report/coming.ts';
import { pullUrl } from '../domain/links/upstream-links.ts';
import { href, scopePath } from '../site/links.ts';
import Coming from './due/Coming.tsx';
import { Source, What } from './due/Transition.tsx';

const daysLeft = (n: number) => (n === 0 ? 'today' : n === 1 ? '1 day' : `${n} days`);

/**
 * `repo`: the upstream repository (`meta.source.repo`) that pull-request and commit links point into.
 * `coming`: what is coming (src/domain/report/coming.ts) for the same day, shown after the next
 * transitions when there is something to show.
 */
export default function DueView({
  model,
  repo,
  headingLevel = 2,
  coming = null,
}: {
  model: Model;
  repo: string;
  headingLevel?: 2 | 3;
  coming?: ComingModel | null;
}) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <div className="due" data-day={model.day} data-known-on={model.knownOn ?? ''}>
      <section aria-labelledby="certifiable">
        <H id="certifiable">
          Certifiable on <time dateTime={model.day}>{model.day}</time>
        </H>
        <p className="small muted">
          Versions that are <code>effective</code> or <code>warn</code> (scs-0003-v1)
          {model.knownOn ? (
            <>
              , by the timelines as they stood on <time dateTime={model.knownOn}>{model.knownOn}</time>
            </>
          ) : (
            <>, by the latest timelines</>
          )}
          .
        </p>
        <div className="cards">
          {model.scopes.map((s) => (
            <article className="card" key={s.id} data-scope={s.id}>
              <Sub>
                <a href={href(scopePath(s.id))}>{s.name}</a>
              </Sub>
              {s.certifiable.length === 0 ? (
                <p>No version is certifiable on this day.</p>
              ) : (
                <table className="certifiable stack-narrow">
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">Validity</th>
                      <th scope="col">Since</th>
                      <th scope="col">Until</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.certifiable.map((c) => (
                      <tr key={c.version} data-version={c.version}>
                        <th scope="row">{c.version}</th>
                        <td data-label="Validity">
                          <span className={`validity validity-${c.validity}`}>{c.validity}</span>
                        </td>
                        <td data-label="Since">{c.since ? <time dateTime={c.since}>{c.since}</time> : '—'}</td>
                        <td data-label="Until">
                          {c.until ? (
                            <>
                              <time dateTime={c.until}>{c.until}</time>
                              {c.then ? (
                                <>
                                  , then <span className={`validity validity-${c.then}`}>{c.then}</span>
                                </>
                              ) : null}
                            </>
                          ) : (
                            <span className="muted">not announced</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {model.knownOn ? (
                <p className="small muted">
                  {s.revision ? (
                    <>
                      Timeline as of <time dateTime={s.revision.date}>{s.revision.date}</time>
                      {s.revision.pr ? (
                        <>
                          {' '}
                          (<a href={pullUrl(repo, s.revision.pr)}>#{s.revision.pr}</a>)
                        </>
                      ) : null}
                      .
                    </>
                  ) : (
                    <>No timeline had been published yet.</>
                  )}
                </p>
              ) : null}
            </article>
          ))}
        </div>
      </section>
      <section aria-labelledby="next-transitions">
        <H id="next-transitions">Next transitions</H>
        <p className="small muted">
          Scope versions and standards that change state in the {model.horizonDays} days from{' '}
          <time dateTime={model.day}>{model.day}</time>, with the pull request that set the date and how far ahead it
          did.
        </p>
        {model.next.length === 0 ? (
          <p>No transition is announced for this period.</p>
        ) : (
          <div className="table-wrap">
            <table className="transitions stack-narrow">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="num">
                    Days left
                  </th>
                  <th scope="col">What</th>
                  <th scope="col">Date set by</th>
                  <th scope="col">Lead time</th>
                </tr>
              </thead>
              <tbody>
                {model.next.map((t) => (
                  <tr
                    key={`${t.kind}/${t.scope ?? t.document}/${t.version ?? ''}/${t.validity ?? t.state}/${t.date}`}
                    data-scope={t.scope ?? undefined}
                    data-version={t.version ?? undefined}
                    data-document={t.document ?? undefined}
                  >
                    <td className="nowrap" data-label="Date">
                      <time dateTime={t.date}>{t.date}</time>
                    </td>
                    <td className="num nowrap" data-label="Days left">
                      {daysLeft(t.daysLeft)}
                    </td>
                    <td data-label="What">
                      <What t={t} />
                    </td>
                    <td data-label="Date set by">
                      <Source source={t.source} announced={t.announced} repo={repo} />
                    </td>
                    <td className="nowrap" data-label="Lead time">
                      {describeLead(t.leadDays)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {coming && hasComing(coming) ? <Coming coming={coming} repo={repo} headingLevel={headingLevel} /> : null}
    </div>
  );
}
