/**
 * The readiness of draft scope versions (src/domain/report/readiness.ts): one summary line per
 * version, then its included standards with their state and the open pull requests on them.
 * One rendering for the scope pages, the report and the as-of pages (Readiness.astro) and
 * for the due view's "coming" section, on the server and in the as-of island.
 */
import { Fragment } from 'react';
import { IN_PROGRESS_LABELS } from '../../domain/report/in-progress.ts';
import type { Readiness } from '../../domain/report/readiness.ts';
import { documentPath, href } from '../../site/links.ts';

type Pull = Readiness['scopePulls'][number];

function PullWords({ p }: { p: Pull }) {
  return (
    <>
      <a href={p.url}>PR#{p.number}</a> {IN_PROGRESS_LABELS[p.kind]}
      {p.daysOpen !== null && (
        <>
          , open {p.daysOpen} day{p.daysOpen === 1 ? '' : 's'}
        </>
      )}
    </>
  );
}

export default function ReadinessList({ rows }: { rows: readonly Readiness[] }) {
  return (
    <ul className="readiness">
      {rows.map((r) => (
        <li
          key={`${r.scope}/${r.version}`}
          data-scope={r.scope}
          data-version={r.version}
          data-not-stable={r.notStable.join(' ')}
        >
          <p className="readiness-words">{r.words}</p>
          <ul className="small">
            {r.standards.map((s) => (
              <li key={s.id} data-standard={s.id}>
                {s.external ? (
                  <>
                    {s.name} <span className="muted">(external test, no document then)</span>
                  </>
                ) : (
                  <>
                    <a href={href(documentPath(s.id))}>
                      <code>{s.id}</code>
                    </a>{' '}
                    <span className={`state state-${(s.state ?? 'missing').toLowerCase()}`}>
                      {s.state ?? 'missing'}
                    </span>
                  </>
                )}
                {s.pulls.map((p) => (
                  <Fragment key={p.number}>
                    {' '}
                    · <PullWords p={p} />
                  </Fragment>
                ))}
              </li>
            ))}
            {r.scopePulls.map((p) => (
              <li key={`scope/${p.number}`}>
                scope file: <PullWords p={p} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
