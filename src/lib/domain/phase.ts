/**
 * A case's phase on the build day, from its `period`:
 * planned (not started), ongoing, or ended (its last day has passed).
 * Cases without a period have no phase.
 */
import { firstDay, isoDay, lastDay } from '../core/partial-date.ts';

export type Phase = 'planned' | 'ongoing' | 'ended';

export const PHASE_LABEL: Record<Phase, string> = {
  planned: 'planerad',
  ongoing: 'pågår',
  ended: 'avslutad',
};

export function phaseOf(
  period: { start: string; end?: string | undefined } | undefined,
  buildDate: Date,
): Phase | undefined {
  if (period === undefined) return undefined;
  const today = isoDay(buildDate);
  if (today < firstDay(period.start)) return 'planned';
  if (period.end !== undefined && today > lastDay(period.end)) return 'ended';
  return 'ongoing';
}
