/**
 * Outcomes: targets and results. Each has at least one of `target` and
 * `actual`, both numbers ≥ 0, with a unit and optionally the date of the figure.
 */
import { z } from 'astro/zod';
import { partialDate } from './dates.ts';
import { always, isRecord, report } from './issue.ts';
import { quantity } from './money.ts';
import { text } from './text.ts';

export const outcome = z
  .strictObject({
    indicator: text('Indikator', 'Vad som mäts.', 'Deltagare som påbörjat en anställning', { max: 300 }),
    target: quantity.meta({ title: 'Mål', description: 'Målet.', examples: [50] }).optional(),
    actual: quantity.meta({ title: 'Utfall', description: 'Utfallet.', examples: [67] }).optional(),
    unit: text('Enhet', 'Enhet.', 'personer', { max: 50 }),
    asOf: partialDate
      .meta({ title: 'Gäller per', description: 'När siffran gällde.', examples: ['2019-11'] })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (!isRecord(value)) return;
    if (value['target'] === undefined && value['actual'] === undefined) {
      report(ctx, {
        message: 'varken target (mål) eller actual (utfall) är angivet',
        input: value['indicator'],
        expected: 'minst ett av target och actual',
        example: '{ indicator: Deltagare i arbete, target: 50, unit: personer }',
      });
    }
  }, always)
  .meta({
    title: 'Mål eller utfall',
    description: 'Ett mål och/eller ett utfall.',
    examples: [{ indicator: 'Deltagare som påbörjat en anställning', actual: 67, unit: 'personer', asOf: '2019-11' }],
  });

export const outcomes = z.array(outcome).meta({
  title: 'Mål och resultat',
  description: 'Mål och resultat.',
  examples: [[{ indicator: 'Deltagare i arbete', target: 50, unit: 'personer' }]],
});

export const targetGroup = z
  .strictObject({
    description: text('Beskrivning', 'Vilka arbetet riktar sig till.', 'Arbetssökande boende i Linköping', {
      max: 500,
    }),
    ageFrom: z
      .int()
      .nonnegative()
      .max(120)
      .meta({ title: 'Ålder från', description: 'Lägsta ålder.', examples: [20] })
      .optional(),
    ageTo: z
      .int()
      .nonnegative()
      .max(120)
      .meta({ title: 'Ålder till', description: 'Högsta ålder.', examples: [60] })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (!isRecord(value)) return;
    const { ageFrom, ageTo } = value;
    if (typeof ageFrom === 'number' && typeof ageTo === 'number' && ageFrom > ageTo) {
      report(ctx, {
        message: `ageFrom (${ageFrom}) är större än ageTo (${ageTo})`,
        input: ageFrom,
        path: ['ageFrom'],
        expected: 'ageFrom mindre än eller lika med ageTo',
        example: `ageFrom: ${ageTo}, ageTo: ${ageFrom}`,
      });
    }
  }, always)
  .meta({
    title: 'Målgrupp',
    description: 'Målgruppen: beskrivning och eventuellt åldersspann.',
    examples: [{ description: 'Arbetssökande boende i Linköping', ageFrom: 20, ageTo: 60 }],
  });
