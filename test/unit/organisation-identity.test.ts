/**
 * Organisations by organisationsnummer: names with one number are one
 * organisation, one name with two numbers two (told apart in the URL),
 * name-only mentions follow the name's single number, and `npm run check`'s
 * identity warnings and the alias-list conflict, with their Swedish
 * messages.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEntry } from '../../src/lib/domain/cases.ts';
import { organisationIdentityIssues } from '../../src/lib/domain/organisation-checks.ts';
import { buildOrganisations } from '../../src/lib/domain/organisations.ts';
import { organisationSite } from '../../src/views/organisation-pages.ts';
import type { CaseData } from '../../src/lib/schema/case.ts';

function entry(id: string, data: Partial<CaseData>): CaseEntry {
  return {
    id,
    data: {
      title: id,
      summary: 'Sammanfattning av ärendet.',
      kind: 'grant',
      status: 'decided',
      organisation: 'Exempelkommun',
      body: 'Arbetsmarknadsnämnden',
      decisionPoints: ['Beslut.'],
      parties: [{ name: 'Exempelkommun', role: 'funder' }],
      ...data,
    } as CaseData,
  };
}

const A = entry('a', {
  parties: [{ name: 'Föreningen Exempel', role: 'recipient', orgNumber: '802400-0005' }],
  funding: [{ from: 'Exempelkommun', to: 'Föreningen Exempel', amount: 100, basis: 'total' }],
});
const B = entry('b', {
  parties: [{ name: 'Föreningen Exempel i Staden', role: 'recipient', orgNumber: '802400-0005' }],
  funding: [{ from: 'Exempelkommun', to: 'Föreningen Exempel i Staden', amount: 50, basis: 'total' }],
});
const D1 = entry('d1', { parties: [{ name: 'Förening D', role: 'applicant', orgNumber: '802400-0013' }] });
const D2 = entry('d2', { parties: [{ name: 'Förening D', role: 'applicant', orgNumber: '802400-0021' }] });
const D0 = entry('d0', { parties: [{ name: 'Förening D', role: 'applicant' }] });
const NAME_ONLY = entry('n', {
  funding: [{ from: 'Exempelkommun', to: 'Föreningen Exempel', amount: 7, basis: 'total' }],
});

describe('organisations by organisationsnummer', () => {
  const index = buildOrganisations([A, B, D1, D2, D0, NAME_ONLY]);

  it('names with the same number are one organisation, listing every name, with its number', () => {
    const org = index.bySlug.get('foreningen-exempel')!;
    expect(org.orgNumber).toBe('802400-0005');
    expect(org.spellings).toEqual(['Föreningen Exempel', 'Föreningen Exempel i Staden']);
    expect(org.cases.map((c) => c.id).sort()).toEqual(['a', 'b', 'n']);
    expect(index.bySlug.has('foreningen-exempel-i-staden')).toBe(false);
  });

  it('a name with no number in its case joins the one organisation that name has a number for', () => {
    expect(index.slugFor('Föreningen Exempel', NAME_ONLY.data)).toBe('foreningen-exempel');
  });

  it('one name with different numbers is different organisations, told apart in the URL by the number', () => {
    expect(index.slugFor('Förening D', D1.data)).toBe('forening-d-8024000013');
    expect(index.slugFor('Förening D', D2.data)).toBe('forening-d-8024000021');
    // Without a number the name alone cannot say which: it keeps its own page under the plain slug.
    expect(index.slugFor('Förening D', D0.data)).toBe('forening-d');
    expect(index.bySlug.get('forening-d-8024000013')!.orgNumber).toBe('802400-0013');
    expect(index.bySlug.get('forening-d')!.orgNumber).toBeUndefined();
  });

  it('money in and out is counted on the organisation of the number', () => {
    const site = organisationSite([A, B, NAME_ONLY], [], new Date('2026-11-23T12:00:00Z'));
    const page = site.pages.find((p) => p.org.slug === 'foreningen-exempel')!;
    expect(page.received.byBasis.total).toBe(157);
    expect(page.received.flows.every((f) => f.toSlug === 'foreningen-exempel')).toBe(true);
  });

  it('without numbers, names and the alias list decide as before', () => {
    const plain = buildOrganisations([D0], [{ name: 'Förening D', aliases: ['Föreningen D'] }]);
    expect(plain.slugFor('Föreningen D', D0.data)).toBe('forening-d');
  });
});

describe('organisation identity checks (npm run check)', () => {
  const file = (c: CaseEntry) => ({ file: `content/cases/2024/${c.id}.mdx`, data: c.data });

  it('warns when one name has two numbers', () => {
    const { warnings, errors } = organisationIdentityIssues([file(D1), file(D2)], [], 'content/organisations.yaml');
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toBe(
      'namnet "Förening D" har olika organisationsnummer: 802400-0013 i content/cases/2024/d1.mdx, 802400-0021 i content/cases/2024/d2.mdx; de visas som olika organisationer, var och en med numret i adressen',
    );
    expect(warnings[0]).toMatchObject({ file: 'content/cases/2024/d2.mdx', field: 'parties[0].orgNumber' });
  });

  it('warns when one number stands under names the alias list does not join, and not once it joins them', () => {
    const { warnings } = organisationIdentityIssues([file(A), file(B)], [], 'content/organisations.yaml');
    expect(warnings.map((w) => w.message)).toEqual([
      'organisationsnumret 802400-0005 står under flera namn som alias-listan content/organisations.yaml inte förenar: "Föreningen Exempel" (content/cases/2024/a.mdx), "Föreningen Exempel i Staden" (content/cases/2024/b.mdx); sidorna visar dem som en organisation',
    ]);
    expect(warnings[0]!.example).toBe('- { name: Föreningen Exempel, aliases: [Föreningen Exempel i Staden] }');
    const joined = organisationIdentityIssues(
      [file(A), file(B)],
      [{ name: 'Föreningen Exempel', aliases: ['Föreningen Exempel i Staden'] }],
      'content/organisations.yaml',
    );
    expect(joined).toEqual({ warnings: [], errors: [] });
  });

  it('is an error, naming both files, when the alias list joins names with different numbers', () => {
    const other = entry('c', {
      parties: [{ name: 'Föreningen Exempel i Staden', role: 'recipient', orgNumber: '802400-0013' }],
    });
    const { errors } = organisationIdentityIssues(
      [file(A), { ...file(other), source: '---\nparties:\n  - orgNumber: "802400-0013"\n---\n' }],
      [{ name: 'Föreningen Exempel', aliases: ['Föreningen Exempel i Staden'] }],
      'content/organisations.yaml',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: 'content/cases/2024/c.mdx',
      line: 3,
      otherFile: 'content/organisations.yaml',
      message:
        'alias-listan content/organisations.yaml anger att "Föreningen Exempel i Staden" och "Föreningen Exempel" är samma organisation, men de har olika organisationsnummer (802400-0013 i content/cases/2024/c.mdx:3, 802400-0005 i content/cases/2024/a.mdx)',
    });
  });
});
