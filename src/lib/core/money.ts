/**
 * Money: whole Swedish kronor as integers, printed the sv-SE way
 * (`2 400 000 kr`, with non-breaking spaces so a figure never wraps).
 */

import type { Basis } from './vocabulary.ts';

const NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** A number in Swedish notation (`2 400 000`). */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** An amount in kronor (`2 400 000 kr`). */
export function formatKronor(amount: number): string {
  return `${formatNumber(amount)}\u00a0kr`;
}

/** The words shown for an amount the source does not state. */
export const UNKNOWN_AMOUNT = 'belopp ej angivet';

/** Swedish labels for each basis, as shown in tables. */
export const BASIS_LABEL: Record<Basis, string> = {
  total: 'totalt för perioden',
  'per-year': 'per år',
  maximum: 'högst, för hela perioden',
  'maximum-per-year': 'högst, per år',
};

/**
 * An amount with its basis: `2 400 000 kr`, `1 100 000 kr per år`,
 * `högst 1 965 000 kr`, `högst 500 000 kr per år`, or "belopp ej angivet".
 */
export function formatAmount(amount: number | undefined, basis: Basis = 'total'): string {
  if (amount === undefined) return UNKNOWN_AMOUNT;
  const kr = formatKronor(amount);
  switch (basis) {
    case 'total':
      return kr;
    case 'per-year':
      return `${kr} per år`;
    case 'maximum':
      return `högst ${kr}`;
    case 'maximum-per-year':
      return `högst ${kr} per år`;
  }
}
