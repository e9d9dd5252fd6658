/**
 * Follow-ups: promised reports with a due date, and when they were reported.
 * Their state (reported, due soon, overdue, later) is derived at build time
 * by src/lib/domain/follow-up.ts, never written by hand.
 */
import { z } from 'astro/zod';
import { partialDate } from './dates.ts';
import { href, text } from './text.ts';

export const followUp = z
  .strictObject({
    due: partialDate.meta({ title: 'Ska rapporteras', description: 'När rapporten ska komma.', examples: ['2020-09'] }),
    what: text('Vad', 'Vad som ska rapporteras, och till vem.', 'Utfall redovisas för arbetsmarknadsnämnden', {
      max: 500,
    }),
    done: partialDate
      .meta({
        title: 'Rapporterades',
        description: 'När rapporten kom (utelämnas tills den kommit).',
        examples: ['2020-09-24'],
      })
      .optional(),
    report: href.meta({ title: 'Länk till rapporten' }).optional(),
  })
  .meta({
    title: 'Återrapport',
    description: 'En utlovad återrapport.',
    examples: [{ due: '2020-09', what: 'Utfall redovisas för arbetsmarknadsnämnden' }],
  });

export const followUps = z.array(followUp).meta({
  title: 'Återrapporter',
  description: 'Utlovade återrapporter.',
  examples: [[{ due: '2020-09', what: 'Utfall redovisas för nämnden' }]],
});
