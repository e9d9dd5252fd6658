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
 * same file. Built with ical-generator (RFC 5545 folding and escaping).
 */
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import type { CaseEntry } from '../domain/cases.ts';
import { FOLLOW_UP_STATE_LABEL, followUpState } from '../domain/follow-up.ts';
import { addDays, firstDay, formatPartialDate, lastDay } from '../domain/partial-date.ts';

export interface CalendarOptions {
  buildDate: Date;
  /** Absolute URL of a case's page. */
  urlOf: (slug: string) => string;
  /** Host name for UIDs (`insyn.example.se`). */
  host: string;
  /** Absolute URL of the calendar itself. */
  calendarUrl?: string;
}

/** The stable UID of a case's n-th follow-up (n from 1). */
export function followUpUid(slug: string, n: number, host: string): string {
  return `${slug}-uppfoljning-${n}@${host}`;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The follow-up calendar as iCalendar text. */
export function followUpCalendar(cases: readonly CaseEntry[], options: CalendarOptions): string {
  const cal = ical({
    name: 'Insyn – utlovade uppföljningar',
    description: 'Återrapporter som beslut om arbetsmarknadsinsatser utlovar, med när de ska komma.',
    prodId: { company: 'Insyn', product: 'uppfoljning', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    ...(options.calendarUrl ? { url: options.calendarUrl } : {}),
  });
  for (const { id, data } of cases) {
    (data.followUps ?? []).forEach((f, i) => {
      const state = followUpState(f, options.buildDate);
      const page = options.urlOf(id);
      const lines = [
        f.what,
        `Ärende: ${data.title} (${data.organisation}, ${data.body}).`,
        `Ska komma: ${formatPartialDate(f.due)}.`,
        f.done ? `Rapporterad: ${formatPartialDate(f.done)}.` : `Status: ${FOLLOW_UP_STATE_LABEL[state]}.`,
        page,
      ];
      cal.createEvent({
        id: followUpUid(id, i + 1, options.host),
        allDay: true,
        start: day(firstDay(f.due)),
        end: day(addDays(lastDay(f.due), 1)),
        stamp: options.buildDate,
        summary: `${f.done ? 'Rapporterad' : 'Uppföljning'}: ${data.title}`,
        description: lines.join('\n'),
        url: page,
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    });
  }
  return cal.toString();
}
