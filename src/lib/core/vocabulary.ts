/**
 * The format's closed lists, declared once: the schema validates against
 * them, labels and tables are keyed by them, and every type is derived from
 * them. Order is the order pages list them.
 */

/** What kind of decision a case is (`kind`). */
export const KINDS = ['agreement', 'grant', 'partnership', 'application', 'report'] as const;
export type Kind = (typeof KINDS)[number];

/** Where the decision stands (`status`). */
export const STATUSES = ['proposed', 'applied', 'decided', 'noted', 'rejected', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** A party's role in a case (`parties[].role`). */
export const ROLES = ['owner', 'recipient', 'partner', 'funder', 'applicant'] as const;
export type Role = (typeof ROLES)[number];

/** What an amount covers (`funding[].basis`): a whole period or a year, stated or a ceiling. */
export const BASES = ['total', 'per-year', 'maximum', 'maximum-per-year'] as const;
export type Basis = (typeof BASES)[number];

/** The bases that are amounts per year. */
export const YEARLY_BASES: ReadonlySet<Basis> = new Set(['per-year', 'maximum-per-year']);

/** The bases that are ceilings ("högst"). */
export const CEILING_BASES: ReadonlySet<Basis> = new Set(['maximum', 'maximum-per-year']);

/** A record with every value of a closed list as key, each set to zero (for counting and summing). */
export function zeroRecord<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
