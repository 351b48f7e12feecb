/**
 * Debian's khal and calcurse (calendars) and newsboat (feed reader), driven as a subscriber
 * would: import a calendar and list its events, reload a feed and read what the reader stored.
 * Each runs in a throwaway directory with its own configuration, never the user's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';

const which = (program: string) =>
  ['/usr/bin', '/usr/local/bin', '/bin'].map((d) => join(d, program)).find((p) => existsSync(p)) ?? null;

export const KHAL = which('khal');
export const CALCURSE = which('calcurse');
export const NEWSBOAT = which('newsboat');
export const CLIENTS_MISSING = [
  KHAL ? null : 'khal',
  CALCURSE ? null : 'calcurse',
  NEWSBOAT ? null : 'newsboat',
].filter((x) => x !== null);
export const CLIENTS_SKIP_REASON = `SKIPPED: the real-client feed tests need Debian's ${CLIENTS_MISSING.join(' and ')} (apt-get install khal calcurse newsboat)`;

export interface KhalEvent {
  start: string;
  end: string;
  uid: string;
  cancelled: boolean;
  title: string;
}

/** The first and last day (`YYYY-MM-DD`) given to `khal list` or `calcurse -Q`. */
export interface DayWindow {
  from: string;
  to: string;
}

/**
 * Imports a calendar into an empty khal calendar (a vdir) and returns a lister of its events
 * as the reader's machine in a time zone shows them. khal lists a window day by day, so a
 * century takes seconds: callers pass the window their calendar spans, widened so that an
 * event moved by a day still shows up (and fails the comparison) rather than falling outside.
 */
export function khalImport(ics: string): { list: (tz: string, window: DayWindow) => KhalEvent[] } {
  if (!KHAL) throw new Error('khal is missing');
  const dir = mkdtempSync(join(tmpdir(), 'scs-khal-'));
  mkdirSync(join(dir, 'calendar'));
  writeFileSync(join(dir, 'import.ics'), ics);
  const config = (tz: string) => {
    const file = join(dir, `khal-${tz.replace(/\W/g, '_')}.conf`);
    writeFileSync(
      file,
      [
        '[calendars]',
        '[[subscribed]]',
        `path = ${join(dir, 'calendar')}`,
        'type = calendar',
        '[locale]',
        'timeformat = %H:%M',
        'dateformat = %Y-%m-%d',
        'longdateformat = %Y-%m-%d',
        'datetimeformat = %Y-%m-%d %H:%M',
        'longdatetimeformat = %Y-%m-%d %H:%M',
        `local_timezone = ${tz}`,
        `default_timezone = ${tz}`,
        '[sqlite]',
        `path = ${join(dir, `khal-${tz.replace(/\W/g, '_')}.db`)}`,
        '',
      ].join('\n'),
    );
    return file;
  };
  const run = (tz: string, args: string[]) =>
    execFileSync(KHAL!, ['-c', config(tz), ...args], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  run('UTC', ['import', '--batch', '-a', 'subscribed', join(dir, 'import.ics')]);
  return {
    list: (tz, { from, to }) =>
      run(tz, [
        'list',
        '--format',
        '{start-date}\t{end-date}\t{uid}\t{cancelled}\t{title}',
        '--day-format',
        '',
        from,
        to,
      ])
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const [start = '', end = '', uid = '', cancelled = '', title = ''] = line.split('\t');
          return { start, end, uid, cancelled: cancelled.trim() !== '', title };
        }),
  };
}

export interface CalcurseEvent {
  /** The day calcurse shows the event under (`YYYY-MM-DD`). */
  day: string;
  /** What calcurse shows: the event's SUMMARY. */
  message: string;
  /** The note calcurse keeps with it: the event's DESCRIPTION. */
  note: string;
}

/**
 * Imports a calendar into an empty calcurse data directory, failing if calcurse skipped any
 * item, and returns a lister of the events calcurse shows day by day in a window, as the
 * reader's machine in a time zone runs it. calcurse keeps no UID and ignores STATUS, so a
 * reader of a withdrawn date sees only what its summary says.
 */
export function calcurseImport(ics: string): { list: (tz: string, window: DayWindow) => CalcurseEvent[] } {
  if (!CALCURSE) throw new Error('calcurse is missing');
  const dir = mkdtempSync(join(tmpdir(), 'scs-calcurse-'));
  writeFileSync(join(dir, 'import.ics'), ics);
  const run = (tz: string, args: string[]) =>
    execFileSync(CALCURSE!, ['-D', dir, ...args], {
      env: { ...process.env, HOME: dir, TZ: tz },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  const report = run('UTC', ['-i', join(dir, 'import.ics')]);
  const counts = /(\d+) apps \/ (\d+) events \/ (\d+) todos \/ (\d+) skipped/.exec(report);
  if (!counts) throw new Error(`calcurse printed no import report:\n${report}`);
  if (counts[4] !== '0') throw new Error(`calcurse skipped ${counts[4]} items:\n${report}`);
  // A day heading "YYYY-MM-DD:" and under it one line per event: its summary and its note file.
  const EVENT = 'EVENT\t';
  return {
    list: (tz, { from, to }) => {
      const out = run(tz, [
        '-Q',
        '--input-datefmt',
        '4',
        '--output-datefmt',
        '%Y-%m-%d',
        '--from',
        from,
        '--to',
        to,
        '--format-event',
        `${EVENT}%n\t%m\n`,
      ]);
      const events: CalcurseEvent[] = [];
      let day = '';
      for (const line of out.split('\n')) {
        const heading = /^(\d{4}-\d{2}-\d{2}):$/.exec(line);
        if (heading) day = heading[1]!;
        else if (line.startsWith(EVENT)) {
          const [noteFile = '', ...message] = line.slice(EVENT.length).split('\t');
          // calcurse ends each note file with a newline of its own.
          const note = noteFile ? readFileSync(join(dir, 'notes', noteFile), 'utf8').replace(/\n$/, '') : '';
          events.push({ day, message: message.join('\t'), note });
        } else if (line.trim() !== '') throw new Error(`calcurse printed a line this reader does not know: ${line}`);
      }
      return events;
    },
  };
}

export interface NewsboatItem {
  guid: string;
  title: string;
  url: string;
  /** Seconds since the epoch, as newsboat read the item's pubDate. */
  pubDate: number;
  content: string;
}

const ROW = z.object({
  guid: z.string(),
  title: z.string(),
  url: z.string(),
  pubDate: z.number(),
  content: z.string(),
});

/** Reloads one RSS file with newsboat and returns the feed's title and its items as newsboat stored them. */
export function newsboatRead(xml: string): { title: string; url: string; items: NewsboatItem[] } {
  if (!NEWSBOAT) throw new Error('newsboat is missing');
  const dir = mkdtempSync(join(tmpdir(), 'scs-newsboat-'));
  const feed = join(dir, 'feed.xml');
  writeFileSync(feed, xml);
  writeFileSync(join(dir, 'urls'), `file://${feed}\n`);
  writeFileSync(join(dir, 'config'), 'show-read-feeds yes\n');
  const cache = join(dir, 'cache.db');
  execFileSync(NEWSBOAT, ['-u', join(dir, 'urls'), '-c', cache, '-C', join(dir, 'config'), '-x', 'reload'], {
    env: { ...process.env, HOME: dir },
    encoding: 'utf8',
  });
  const db = new DatabaseSync(cache, { readOnly: true });
  try {
    const channel = z
      .object({ title: z.string(), url: z.string() })
      .parse(db.prepare('SELECT title, url FROM rss_feed').get());
    const rows = z
      .array(ROW)
      .parse(db.prepare('SELECT guid, title, url, pubDate, content FROM rss_item ORDER BY pubDate DESC, id').all());
    return { title: channel.title, url: channel.url, items: rows };
  } finally {
    db.close();
  }
}
