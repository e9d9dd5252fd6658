/**
 * The case file's frontmatter (format version 1, ../spec in README): the
 * small pieces composed into one strict schema, plus the rules that span
 * fields. The same schema runs in the build, in `npm run check`, and is
 * turned into the JSON Schema for editors.
 */
import { z } from 'astro/zod';
import { KINDS, STATUSES } from '../core/vocabulary.ts';
import { firstDay, isPartialDate, lastDay } from '../core/partial-date.ts';
import { partialDate, period } from './dates.ts';
import { followUps } from './follow-ups.ts';
import { funding } from './funding.ts';
import { always, isRecord, report } from './issue.ts';
import { outcomes, targetGroup } from './outcomes.ts';
import { parties } from './parties.ts';
import { href, organisationName, text, textList } from './text.ts';

const documentRef = z
  .strictObject({
    title: text(
      'Dokumentets namn',
      'Dokumentets namn.',
      'Tjänsteskrivelse Överenskommelse Stångåstaden Linkstep (dec 2019)',
      { max: 300 },
    ),
    href: href.meta({ title: 'Länk till dokumentet' }).optional(),
  })
  .meta({ title: 'Dokument', description: 'Ett källdokument.', examples: [{ title: 'Rapport år 1 till AMI' }] });

const signer = z
  .strictObject({
    name: text('Namn', 'Namn.', 'Helena Paulsson', { max: 200 }),
    unit: text('Enhet', 'Enhet eller förvaltning.', 'Utbildningskontoret', { max: 200 }).optional(),
  })
  .meta({
    title: 'Tjänsteperson',
    description: 'En tjänsteperson som står på dokumentet.',
    examples: [{ name: 'Helena Paulsson', unit: 'Utbildningskontoret' }],
  });

/** The frontmatter fields, without cross-field rules (also used for the JSON Schema). */
export const caseFields = z.strictObject({
  title: text('Rubrik', 'Ärendets namn som i dokumentet.', 'Stångåstaden ett steg till sysselsättning (Linkstep)', {
    min: 3,
    max: 200,
  }),
  summary: text(
    'Sammanfattning',
    'En eller två meningar: vem får vad, för vad.',
    'Arbetsmarknadsnämnden finansierar tre kompetenskoordinatorer hos AB Stångåstaden.',
    { min: 10, max: 400 },
  ),
  kind: z.enum(KINDS).meta({
    title: 'Typ av ärende',
    description:
      'agreement (överenskommelse/avtal), grant (beviljat stöd), partnership (IOP), application (ansökan) eller report (information/uppföljning).',
    examples: ['agreement'],
  }),
  status: z.enum(STATUSES).meta({
    title: 'Status',
    description:
      'proposed (förslag till beslut), applied (ansökt), decided (beslutat), noted (noterat), rejected (avslag) eller withdrawn (återkallat).',
    examples: ['decided'],
  }),
  organisation: organisationName(
    'organisation',
    'Organisation',
    'Organisationen som beslutar eller tillfrågas.',
    'Linköpings kommun',
  ),
  body: organisationName('body', 'Beslutande organ', 'Det beslutande organet.', 'Arbetsmarknadsnämnden'),
  decided: partialDate
    .meta({
      title: 'Beslutsdatum',
      description: 'Beslutsdatum; för proposed och applied datum för förslaget eller ansökan.',
      examples: ['2019-12-18'],
    })
    .optional(),
  reference: text('Diarienummer', 'Diarienummer.', 'KS 2018-597', { max: 100 }).optional(),
  decisionPoints: z
    .array(z.string().trim().min(1).max(2000))
    .min(1)
    .meta({
      title: 'Beslutspunkter',
      description: 'Det som beslutas eller föreslås, i ordning.',
      examples: [['Nämnden noterar informationen.']],
    }),
  parties,
  period: period.optional(),
  funding: funding.optional(),
  followUps: followUps.optional(),
  outcomes: outcomes.optional(),
  targetGroup: targetGroup.optional(),
  places: textList('Platser', 'Stadsdelar eller orter.', ['Ryd', 'Skäggetorp']).optional(),
  topics: textList('Ämnesord', 'Fria nyckelord.', ['försörjningsstöd', 'nyanlända']).optional(),
  documents: z
    .array(documentRef)
    .meta({
      title: 'Dokument',
      description: 'Källdokument (beslutsunderlag).',
      examples: [[{ title: 'Rapport år 1 till AMI' }]],
    })
    .optional(),
  signedBy: z
    .array(signer)
    .meta({
      title: 'Undertecknat av',
      description: 'Tjänstepersoner som står på dokumentet.',
      examples: [[{ name: 'Helena Paulsson', unit: 'Utbildningskontoret' }]],
    })
    .optional(),
});

/** Rules that span fields: funding payers are named, reports come after the decision. */
function crossFieldRules(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  if (!isRecord(value)) return;
  const names = new Set<string>();
  if (typeof value['organisation'] === 'string') names.add(value['organisation'].trim());
  if (Array.isArray(value['parties'])) {
    for (const p of value['parties']) if (isRecord(p) && typeof p['name'] === 'string') names.add(p['name'].trim());
  }
  if (Array.isArray(value['funding'])) {
    value['funding'].forEach((entry, i) => {
      if (!isRecord(entry) || typeof entry['from'] !== 'string') return;
      const from = entry['from'].trim();
      if (!names.has(from)) {
        report(ctx, {
          message: `betalaren "${from}" finns varken under parties eller som organisation`,
          input: from,
          path: ['funding', i, 'from'],
          expected: `ett av namnen: ${[...names].map((n) => `"${n}"`).join(', ')} (eller lägg till betalaren under parties)`,
          example: `parties: [{ name: ${from}, role: funder }]`,
        });
      }
    });
  }
  const decided = value['decided'];
  if (typeof decided === 'string' && isPartialDate(decided) && Array.isArray(value['followUps'])) {
    value['followUps'].forEach((f, i) => {
      if (!isRecord(f) || typeof f['done'] !== 'string' || !isPartialDate(f['done'])) return;
      if (lastDay(f['done']) < firstDay(decided)) {
        report(ctx, {
          message: `rapporten är markerad klar ${f['done']}, före beslutet ${decided}`,
          input: f['done'],
          path: ['followUps', i, 'done'],
          expected: `ett datum samma som eller efter beslutsdatumet ${decided}`,
          example: `done: "${decided}"`,
        });
      }
    });
  }
}

/** The whole case frontmatter with every rule. */
export const caseSchema = caseFields.superRefine(crossFieldRules, always);

export type CaseData = z.output<typeof caseSchema>;
export type FundingEntry = NonNullable<CaseData['funding']>[number];
export type FollowUp = NonNullable<CaseData['followUps']>[number];
export type Outcome = NonNullable<CaseData['outcomes']>[number];
export type Period = NonNullable<CaseData['period']>;
