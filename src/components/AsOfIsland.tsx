/**
 * The as-of view for any day, in the browser: loaded only when a day is asked for
 * (`/as-of/?day=2024-10-01`), it fetches the shipped data (src/site/as-of-data.ts) and runs the
 * same pure domain and the same component as the server-rendered pages: the due view and what
 * is coming, with the readiness of draft scope versions as the data stood on that day.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import DueView from './DueView.tsx';
import { isDay } from '../domain/days/day.ts';
import { dueView } from '../domain/events/due.ts';
import { comingView } from '../domain/report/coming.ts';
import { parseOrThrow } from '../domain/parse/errors.ts';
import { Dataset } from '../domain/schemas/data.ts';

/** `repo`: the upstream repository pull-request and commit links point into (`meta.source.repo`). */
export async function renderAsOf(container: HTMLElement, day: string, dataUrl: string, repo: string): Promise<void> {
  if (!isDay(day)) throw new Error(`“${day}” is not a calendar day: expected YYYY-MM-DD`);
  const response = await fetch(dataUrl);
  if (!response.ok) throw new Error(`could not load ${dataUrl}: HTTP ${response.status}`);
  // The site's own build output (src/pages/as-of/data.json.ts), validated when it was built, and
  // again here with the same schema: a stale cache or a proxy can serve something else.
  // The message (the page's status line) names at most MAX_PROBLEMS keys, each value shortened.
  const data = parseOrThrow(Dataset, await response.json(), dataUrl);
  const model = dueView(data, day, { knownOn: day });
  const coming = comingView(data, model);
  container.replaceChildren();
  const root = createRoot(container);
  // Synchronously, so the page says "Showing …" only once the view is there.
  flushSync(() => root.render(<DueView model={model} coming={coming} repo={repo} />));
}
