/**
 * Every kind of bad case file, all in one fixture folder, built once: the
 * build stops, publishes nothing, and lists every error at once, each naming
 * file (and line), field and what is wrong, in Swedish.
 *
 * The good fixture site (test/fixtures/foundation/good) is built and asserted
 * in incremental.test.ts, whose rebuilds start from it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildSite } from '../helpers/site.ts';

const BAD = 'test/fixtures/foundation/bad/cases';

const errors: { kind: string; file: string; field: string; message: string }[] = [
  {
    kind: 'an amount as text',
    file: '2020/felaktigt-belopp.mdx:17',
    field: 'funding[0].amount',
    message: 'fel sorts värde: text i stället för ett heltal',
  },
  {
    kind: 'a date not in the calendar',
    file: '2020/omojligt-datum.mdx:8',
    field: 'decided',
    message: 'datumet finns inte i kalendern',
  },
  {
    kind: 'an unknown field',
    file: '2020/okant-falt.mdx',
    field: 'followups',
    message: 'fältet "followups" finns inte i formatet; menade du "followUps"?',
  },
  {
    kind: 'items that do not sum to the amount',
    file: '2020/poster-summerar-fel.mdx',
    field: 'funding[0].items',
    message: 'posterna summerar till 2\u00a0300\u00a0000\u00a0kr, men amount är 2\u00a0400\u00a0000\u00a0kr',
  },
  {
    kind: 'a personnummer',
    file: '2020/med-personnummer.mdx:23',
    field: 'personnummer',
    message: 'filen innehåller ett personnummer eller samordningsnummer',
  },
  {
    kind: 'a script in the body',
    file: '2020/skript-i-brodtext.mdx:23',
    field: 'brödtext',
    message: 'HTML-elementet <script> är inte tillåtet',
  },
  {
    kind: 'an entity-encoded javascript: link in the body',
    file: '2020/kodad-lank.mdx:24',
    field: 'brödtext',
    message: 'javascript:-länkar är inte tillåtna',
  },
  {
    kind: 'an unknown component',
    file: '2020/okand-komponent.mdx:24',
    field: 'brödtext',
    message: 'komponenten <Diagram> finns inte på webbplatsen',
  },
  {
    kind: 'a quotation without its source',
    file: '2020/citat-utan-kalla.mdx:24',
    field: 'brödtext <Citat>',
    message: 'attributet källa saknas',
  },
  {
    kind: 'a correction dated after the build day',
    file: '2020/rattelse-framtida-datum.mdx:24',
    field: 'brödtext <Rättelse>',
    message: 'datum: datumet är senare än i dag (2026-11-23)',
  },
  {
    kind: 'a link to a case that does not exist',
    file: '2020/arende-okand-slug.mdx:24',
    field: 'brödtext <Ärende>',
    message: 'slug: det finns inget ärende med sluggen "finns-inte"',
  },
  {
    kind: 'a missing document',
    file: '2020/saknat-dokument.mdx',
    field: 'documents[0].href',
    message: 'filen /dokument/finns-inte.pdf finns inte under public/',
  },
  {
    kind: 'a slug used in another year',
    file: '2021/samma-slug.mdx',
    field: 'filnamn',
    message: `sluggen "samma-slug" används redan av ${BAD}/2020/samma-slug.mdx`,
  },
];

describe('a build of every bad case file', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ cases: BAD });
  });

  it('stops, publishes nothing and counts every bad file', () => {
    expect(result.ok, result.output).toBe(false);
    expect(existsSync(join(result.outDir, 'index.html')), 'nothing is published').toBe(false);
    expect(result.output).toContain(`${errors.length} fel i ${errors.length} ärendefiler.`);
    expect(result.output).not.toContain(':0:0');
    // Only the Swedish errors: no English hint from Astro, which once took the field
    // `documents[…]` for code reaching for the browser's `document`.
    expect(result.output).toContain('documents[0].href');
    expect(result.output).not.toContain('Hint:');
  });

  it.each(errors)('names file, field and message for $kind', ({ file, field, message }) => {
    const at = result.output.indexOf(`${BAD}/${file}`);
    expect(at, result.output).toBeGreaterThanOrEqual(0);
    const entry = result.output.slice(at).split(/\n\n(?=test\/)/)[0]!;
    expect(entry).toContain(`${field}: ${message}`);
    expect(entry).toContain('Förväntat:');
  });
});
