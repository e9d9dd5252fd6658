/**
 * Follow-up state, derived on the build day, never written by hand.
 *
 * A follow-up is due by the last day its `due` partial date names
 * (`2020-09` is due by 2020-09-30).
 * - reported: it has a `done` date;
 * - overdue: the due period has ended and nothing is reported;
 * - due-soon: due within the next 60 days (inclusive);
 * - later: due further ahead.
 */
import { addDays, isoDay, lastDay } from '../core/partial-date.ts';

/** The states, in the order pages list them. */
export const FOLLOW_UP_STATES = ['overdue', 'due-soon', 'later', 'reported'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** Days ahead that count as "due soon". */
export const DUE_SOON_DAYS = 60;

export const FOLLOW_UP_STATE_LABEL: Record<FollowUpState, string> = {
  reported: 'rapporterad',
  overdue: 'försenad',
  'due-soon': 'snart dags',
  later: 'senare',
};

export function followUpState(followUp: { due: string; done?: string | undefined }, buildDate: Date): FollowUpState {
  if (followUp.done !== undefined) return 'reported';
  const today = isoDay(buildDate);
  const deadline = lastDay(followUp.due);
  if (deadline < today) return 'overdue';
  if (deadline <= addDays(today, DUE_SOON_DAYS)) return 'due-soon';
  return 'later';
}
