/**
 * Funding entries: each money flow the document states. The amount is
 * optional (left out when the document gives none); `items`, when given,
 * must add up to `amount` exactly.
 */
import { z } from 'astro/zod';
import { BASES } from '../core/vocabulary.ts';
import { formatKronor, formatNumber } from '../core/money.ts';
import { period } from './dates.ts';
import { always, isRecord, report } from './issue.ts';
import { amount } from './money.ts';
import { text } from './text.ts';

export const fundingItem = z
  .strictObject({
    label: text('Post', 'Vad posten avser.', 'Heltidstjänst inkl. sociala avgifter', { max: 300 }),
    amount,
  })
  .meta({
    title: 'Post',
    description: 'En post i beloppets uppdelning.',
    examples: [{ label: 'Utbildningslokal', amount: 120000 }],
  });

export const fundingEntry = z
  .strictObject({
    from: text('Betalare', 'Vem som betalar: ett namn under parties eller organisation.', 'Linköpings kommun', {
      max: 200,
    }),
    to: text('Mottagare', 'Vem som tar emot.', 'AB Stångåstaden', { max: 200 }).optional(),
    amount: amount.optional(),
    basis: z.enum(BASES).meta({
      title: 'Beloppets grund',
      description:
        'total (för hela perioden), per-year (per år), maximum (högst, för hela perioden) eller maximum-per-year (högst, per år).',
      examples: ['total'],
    }),
    period: period.optional(),
    items: z
      .array(fundingItem)
      .min(1)
      .meta({
        title: 'Uppdelning',
        description: 'Uppdelning av beloppet; posterna ska summera till amount exakt.',
        examples: [
          [
            { label: 'Heltidstjänst', amount: 550000 },
            { label: 'Heltidstjänst', amount: 550000 },
          ],
        ],
      })
      .optional(),
    note: text('Anmärkning', 'Varifrån pengarna kommer, villkor.', 'Ur medel från Tillväxtverket och Delmos.', {
      max: 1000,
    }).optional(),
  })
  .superRefine((value, ctx) => {
    if (!isRecord(value) || !Array.isArray(value['items'])) return;
    const items = value['items'] as unknown[];
    const amounts = items.map((item) => (isRecord(item) ? item['amount'] : undefined));
    if (!amounts.every((a): a is number => typeof a === 'number')) return;
    const sum = amounts.reduce((a, b) => a + b, 0);
    const stated = value['amount'];
    if (stated === undefined) {
      report(ctx, {
        message: `posterna summerar till ${formatKronor(sum)} men amount saknas`,
        input: undefined,
        path: ['amount'],
        expected: 'ett amount som posterna summerar till',
        example: `amount: ${sum}`,
      });
    } else if (typeof stated === 'number' && sum !== stated) {
      report(ctx, {
        message: `posterna summerar till ${formatKronor(sum)}, men amount är ${formatKronor(stated)}`,
        input: `${amounts.map(formatNumber).join(' + ')} = ${formatNumber(sum)}`,
        path: ['items'],
        expected: `poster som tillsammans blir exakt ${formatKronor(stated)}, eller ett amount som stämmer med posterna`,
        example: `amount: ${sum}`,
      });
    }
  }, always)
  .meta({
    title: 'Finansiering',
    description: 'Ett penningflöde som dokumentet anger.',
    examples: [{ from: 'Linköpings kommun', to: 'AB Stångåstaden', amount: 2400000, basis: 'total' }],
  });

export const funding = z.array(fundingEntry).meta({
  title: 'Finansiering',
  description: 'Varje penningflöde som dokumentet anger.',
  examples: [[{ from: 'Linköpings kommun', amount: 2400000, basis: 'total' }]],
});
