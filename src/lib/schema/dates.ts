/**
 * Partial dates and periods.
 *
 * YAML gives `2018` as a number and `2019-12` as text; both are accepted and
 * kept as text. Dates are validated on their raw text, so an impossible day
 * such as `2024-02-30` is an error rather than silently becoming 1 March.
 */
import { z } from 'astro/zod';
import { endNotBeforeStart, isPartialDate } from '../core/partial-date.ts';
import { always, isRecord, report } from './issue.ts';

/** A partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar period. */
export const partialDate = z
  .union([z.string(), z.number().int()])
  .transform((value, ctx) => {
    const text = String(value);
    if (!isPartialDate(text)) {
      report(ctx, {
        message: /^\d{4}(-\d{2}){0,2}$/.test(text) ? 'datumet finns inte i kalendern' : 'datumet har fel form',
        input: value,
        expected: 'ett datum som finns i kalendern, skrivet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
      });
      return z.NEVER;
    }
    return text;
  })
  .meta({
    title: 'Datum',
    description: 'Ett datum med den precision källan ger: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.',
    examples: ['2019-12-18', '2020-09', '2018'],
  });

/** A period `{ start, end? }` of partial dates; `end` must not be before `start`. */
export const period = z
  .strictObject({
    start: partialDate.meta({ title: 'Från', description: 'Periodens början.', examples: ['2020-01-01'] }),
    end: partialDate
      .meta({ title: 'Till', description: 'Periodens slut (får utelämnas).', examples: ['2020-12-31'] })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (!isRecord(value)) return;
    const { start, end } = value;
    if (typeof start === 'string' && typeof end === 'string' && isPartialDate(start) && isPartialDate(end)) {
      if (!endNotBeforeStart(start, end)) {
        report(ctx, {
          message: `slutdatum ${end} ligger före startdatum ${start}`,
          input: end,
          path: ['end'],
          expected: 'ett slutdatum som är samma som eller senare än start',
          example: `period: { start: "${start}", end: "${start.slice(0, 4)}-12-31" }`,
        });
      }
    }
  }, always)
  .meta({
    title: 'Period',
    description: 'När det finansierade arbetet pågår: start och eventuellt slut.',
    examples: [{ start: '2020-01-01', end: '2020-12-31' }],
  });
