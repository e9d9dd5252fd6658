/**
 * The follow-up calendar (`/uppfoljning.ics`): one all-day event per
 * promised follow-up report, so journalists can subscribe and see when a
 * report is due.
 *
 * A due date names a period and the event covers exactly that period: a day
 * (`2021-06-30`), a whole month (`2020-09`, 1–30 September) or a whole year
 * (`2023`). Events are marked free (TRANSP:TRANSPARENT), so a month-long
 * event does not block anyone's calendar. The UID is
 * `<slug>-uppfoljning-<n>@<host>` (n counts the case's follow-ups from 1 in
 * file order): stable across builds, so calendar apps update events rather
 * than duplicate them. DTSTAMP is the build date, so the same data gives the
 * same file. The data version (the commit of the case files and the build
 * day) is in `X-INSYN-DATA-VERSION` and in the calendar's description.
 *
 * Written directly (RFC 5545: CRLF lines, TEXT escaping, lines folded at 75
 * octets without splitting a character), because the calendar libraries on
 * npm fold lines far too slowly for tens of thousands of events.
 */
import type { CaseEntry } from '../domain/cases.ts';
import { FOLLOW_UP_STATE_LABEL, followUpState } from '../domain/follow-up.ts';
import { addDays, firstDay, formatPartialDate, lastDay } from '../core/partial-date.ts';

export interface CalendarOptions {
  buildDate: Date;
  /** Absolute URL of a case's page. */
  urlOf: (slug: string) => string;
  /** Host name for UIDs (`insyn.example.se`). */
  host: string;
  /** Absolute URL of the calendar itself. */
  calendarUrl?: string;
  /** The data version: `id` (`versionId`) and the text people read (`versionText`). */
  version?: { id: string; text: string };
}

/** The stable UID of a case's n-th follow-up (n from 1). */
export function followUpUid(slug: string, n: number, host: string): string {
  return `${slug}-uppfoljning-${n}@${host}`;
}

/** Escapes a TEXT value (RFC 5545 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  if (line.length <= 18) return line;
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (bytes.length - start > limit) {
    let cut = start + limit;
    while ((bytes[cut]! & 0xc0) === 0x80) cut--; // back off to the start of a character
    parts.push(bytes.toString('utf8', start, cut));
    start = cut;
    limit = 74; // continuation lines begin with a space
  }
  parts.push(bytes.toString('utf8', start));
  return parts.join('\r\n ');
}

const compactDay = (iso: string): string => iso.replaceAll('-', '');
const stampOf = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The follow-up calendar as iCalendar text. */
export function followUpCalendar(cases: readonly CaseEntry[], options: CalendarOptions): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Insyn//uppfoljning//SV',
    ...(options.calendarUrl ? [`URL:${options.calendarUrl}`] : []),
    'METHOD:PUBLISH',
    `NAME:${text(CALENDAR_NAME)}`,
    `X-WR-CALNAME:${text(CALENDAR_NAME)}`,
    `X-WR-CALDESC:${text(options.version ? `${CALENDAR_DESCRIPTION} Dataversion: ${options.version.text}.` : CALENDAR_DESCRIPTION)}`,
    ...(options.version ? [`X-INSYN-DATA-VERSION:${text(options.version.id)}`] : []),
  ];
  const stamp = stampOf(options.buildDate);
  for (const { id, data } of cases) {
    (data.followUps ?? []).forEach((f, i) => {
      const state = followUpState(f, options.buildDate);
      const page = options.urlOf(id);
      const description = [
        f.what,
        `Ärende: ${data.title} (${data.organisation}, ${data.body}).`,
        `Ska komma: ${formatPartialDate(f.due)}.`,
        f.done ? `Rapporterad: ${formatPartialDate(f.done)}.` : `Status: ${FOLLOW_UP_STATE_LABEL[state]}.`,
        page,
      ].join('\n');
      lines.push(
        'BEGIN:VEVENT',
        `UID:${followUpUid(id, i + 1, options.host)}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${compactDay(firstDay(f.due))}`,
        `DTEND;VALUE=DATE:${compactDay(addDays(lastDay(f.due), 1))}`,
        `SUMMARY:${text(`${f.done ? 'Rapporterad' : 'Uppföljning'}: ${data.title}`)}`,
        'TRANSP:TRANSPARENT',
        `DESCRIPTION:${text(description)}`,
        `URL;VALUE=URI:${page}`,
        'END:VEVENT',
      );
    });
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

const CALENDAR_NAME = 'Insyn – utlovade uppföljningar';
const CALENDAR_DESCRIPTION = 'Återrapporter som beslut om arbetsmarknadsinsatser utlovar, med när de ska komma.';
