/**
 * Parties to a case: who owns, receives, partners, funds or applies.
 * An organisationsnummer is `NNNNNN-NNNN` with a valid Luhn check digit.
 */
import { z } from 'astro/zod';
import { ROLES } from '../core/vocabulary.ts';
import { luhnValid } from '../core/luhn.ts';
import { report } from './issue.ts';
import { organisationName } from './text.ts';

/** A Swedish organisationsnummer, `NNNNNN-NNNN`, with a valid check digit. */
export const orgNumber = z
  .string()
  .trim()
  .regex(/^\d{6}-\d{4}$/)
  .superRefine((value, ctx) => {
    if (!luhnValid(value.replace('-', ''))) {
      report(ctx, {
        message: `kontrollsiffran i organisationsnumret ${value} stämmer inte`,
        input: value,
        expected: 'ett organisationsnummer NNNNNN-NNNN med rätt kontrollsiffra (sista siffran)',
        example: 'orgNumber: "212000-0449"',
      });
    }
  })
  .meta({
    title: 'Organisationsnummer',
    description: 'Organisationsnummer NNNNNN-NNNN med giltig kontrollsiffra.',
    examples: ['212000-0449'],
  });

export const party = z
  .strictObject({
    name: organisationName('name', 'Namn', 'Partens namn som i dokumentet.', 'AB Stångåstaden'),
    role: z.enum(ROLES).meta({
      title: 'Roll',
      description:
        'Partens roll: owner (ägare), recipient (mottagare), partner, funder (finansiär), applicant (sökande).',
      examples: ['recipient'],
    }),
    orgNumber: orgNumber.optional(),
  })
  .meta({
    title: 'Part',
    description: 'En part i ärendet med namn och roll.',
    examples: [{ name: 'AB Stångåstaden', role: 'recipient' }],
  });

export const parties = z
  .array(party)
  .min(1)
  .meta({
    title: 'Parter',
    description: 'Parterna i ärendet, minst en.',
    examples: [[{ name: 'AB Stångåstaden', role: 'recipient' }]],
  });
