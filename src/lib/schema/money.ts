/**
 * Money: whole Swedish kronor as an integer, never a string, never negative.
 * An unknown amount is left out, never written as 0 (so 0 is an error too).
 * The Swedish error texts come from src/lib/validate/zod-issues.ts.
 */
import { z } from 'astro/zod';

/** An amount in whole kronor, greater than 0 (leave it out when unknown). */
export const amount = z
  .int()
  .positive()
  .meta({
    title: 'Belopp (kr)',
    description: 'Belopp i hela kronor. Utelämnas när källan inte anger belopp.',
    examples: [2400000],
  });

/** A non-negative number (outcome targets and results). */
export const quantity = z
  .number()
  .nonnegative()
  .meta({ title: 'Tal', description: 'Ett tal som är 0 eller större.', examples: [50] });
