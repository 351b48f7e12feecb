/** Reading calendars back with ical.js, an independent RFC 5545 parser. */
import ICAL from 'ical.js';

// X-WR-CALNAME and X-WR-CALDESC are TEXT wherever they are read (Apple Calendar, Google,
// vobject), and so is RFC 7986 NAME; ical.js knows none of them, so it would hand back the
// raw value. Tell it, so that an unescaped separator shows as what a subscriber would see.
for (const name of ['x-wr-calname', 'x-wr-caldesc', 'name']) {
  ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

export interface ParsedEvent {
  uid: string;
  start: string;
  startIsDate: boolean;
  end: string | null;
  sequence: number;
  status: string | null;
  stamp: string;
  lastModified: string;
  summary: string;
  description: string;
  url: string;
  alarms: { action: string; trigger: string; description: string }[];
  propertyNames: string[];
}

export function parseCalendar(text: string): { name: string; events: ParsedEvent[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = v.getFirstPropertyValue('dtend') as ICAL.Time | null;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      start: start.toString(),
      startIsDate: start.isDate,
      end: end ? end.toString() : null,
      sequence: Number(v.getFirstPropertyValue('sequence')),
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
      stamp: String(v.getFirstPropertyValue('dtstamp')),
      lastModified: String(v.getFirstPropertyValue('last-modified')),
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description')),
      url: String(v.getFirstPropertyValue('url')),
      alarms: v.getAllSubcomponents('valarm').map((a) => ({
        action: String(a.getFirstPropertyValue('action')),
        trigger: String(a.getFirstPropertyValue('trigger')),
        description: String(a.getFirstPropertyValue('description')),
      })),
      propertyNames: v.getAllProperties().map((p) => p.name),
    };
  });
  return { name: String(cal.getFirstPropertyValue('x-wr-calname')), events };
}

/** RFC 5545 section 3.1: CRLF line ends, content lines folded at 75 octets. */
export function rfc5545Problems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push('has a bare CR or LF');
  for (const [i, line] of text.split('\r\n').entries()) {
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > 75) problems.push(`line ${i + 1} has ${octets} octets: ${line}`);
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) problems.push(`line ${i + 1} has a control character`);
  }
  return problems;
}
export { ICAL };
