import { describe, expect, it } from 'vitest';
import type { CaseEntry } from '../../src/lib/domain/cases.ts';
import { organisationIndex, organisationSite, trackerPage } from '../../src/views/organisation-pages.ts';
import { parseAliasFile } from '../../src/lib/content/organisations-file.ts';
import {
  bodySlugOf,
  buildOrganisations,
  ORGANISATION_LIST_SLUGS,
  organisationNamer,
} from '../../src/lib/domain/organisations.ts';
import { countFollowUpsBy, groupFollowUps, trackFollowUps } from '../../src/lib/domain/tracker.ts';
import { compareOutcome, outcomeRows, outcomeSummary } from '../../src/lib/domain/outcomes.ts';
import {
  caseCounts,
  moneyByOrganisation,
  moneyByYear,
  moneyFlows,
  rankOrganisations,
  sumFlows,
  totalsNotes,
} from '../../src/lib/domain/totals.ts';
import type { CaseData } from '../../src/lib/schema/case.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

function entry(id: string, data: Partial<CaseData>): CaseEntry {
  return {
    id,
    data: {
      title: id,
      summary: 'Sammanfattning av ärendet.',
      kind: 'grant',
      status: 'decided',
      organisation: 'Linköpings kommun',
      body: 'Arbetsmarknadsnämnden',
      decisionPoints: ['Beslut.'],
      parties: [{ name: 'Linköpings kommun', role: 'funder' }],
      ...data,
    } as CaseData,
  };
}

const ALIASES = `
- name: Linköpings Stadsmission
  aliases:
    - Stadsmissionen i Linköping
`;

describe('organisation names and aliases', () => {
  it('merges spellings through the alias list and by slug', () => {
    const { entries, errors } = parseAliasFile('content/organisations.yaml', ALIASES);
    expect(errors).toEqual([]);
    const namer = organisationNamer(entries);
    expect(namer.slugOf('Stadsmissionen i Linköping')).toBe('linkopings-stadsmission');
    expect(namer.slugOf('Linköpings stadsmission')).toBe('linkopings-stadsmission');
    expect(namer.slugOf('  LINKÖPINGS  STADSMISSION ')).toBe('linkopings-stadsmission');
    expect(namer.slugOf('AB Stångåstaden')).toBe('ab-stangastaden');

    const cases = [
      entry('a', {
        parties: [
          { name: 'Linköpings Stadsmission', role: 'partner' },
          { name: 'Linköpings kommun', role: 'funder' },
        ],
      }),
      entry('b', {
        parties: [{ name: 'Stadsmissionen i Linköping', role: 'recipient' }],
        funding: [{ from: 'Linköpings kommun', to: 'Stadsmissionen i Linköping', amount: 10, basis: 'total' }],
      }),
      entry('c', {
        organisation: 'Samordningsförbundet',
        body: 'Förbundsstyrelsen',
        parties: [{ name: 'Knivsta kommun', role: 'applicant' }],
      }),
    ];
    const index = buildOrganisations(cases, entries);
    expect(index.organisations.map((o) => o.slug)).toEqual([
      'knivsta-kommun',
      'linkopings-kommun',
      'linkopings-stadsmission',
      'samordningsforbundet',
    ]);
    const stad = index.bySlug.get('linkopings-stadsmission')!;
    expect(stad.name).toBe('Linköpings Stadsmission');
    expect(stad.spellings).toEqual(['Linköpings Stadsmission', 'Stadsmissionen i Linköping']);
    expect(stad.cases.map((c) => c.id)).toEqual(['a', 'b']);
    expect(stad.byRole.map((r) => [r.role, r.cases.map((c) => c.id)])).toEqual([
      ['recipient', ['b']],
      ['partner', ['a']],
    ]);
    const kommun = index.bySlug.get('linkopings-kommun')!;
    expect(kommun.byRole.map((r) => r.role)).toEqual(['decider', 'funder']);
    expect(kommun.bodies.map((b) => [b.slug, b.name, b.cases.length])).toEqual([
      ['arbetsmarknadsnamnden', 'Arbetsmarknadsnämnden', 2],
    ]);
    expect(index.bySlug.get('samordningsforbundet')!.bodies[0]!.slug).toBe('forbundsstyrelsen');
    expect(index.bodyOf(cases[2]!.data)).toEqual({ orgSlug: 'samordningsforbundet', slug: 'forbundsstyrelsen' });
  });

  it('without an alias list, the commonest spelling names the organisation', () => {
    const cases = [
      entry('a', { organisation: 'Lunds Kommun' }),
      entry('b', { organisation: 'Lunds kommun' }),
      entry('c', { organisation: 'Lunds kommun' }),
    ];
    const org = buildOrganisations(cases).bySlug.get('lunds-kommun')!;
    expect(org.name).toBe('Lunds kommun');
    expect(org.cases).toHaveLength(3);
  });

  it('rejects a bad alias file with Swedish errors naming file, line and field', () => {
    const bad = `- name: Linköpings Stadsmission
  aliases: [Stadsmissionen i Linköping]
- name: Stadsmissionen i Linköping
  aliases: [Stadsmission Linköping]
- name: Finsam
- aliases: [X]
  nam: Y
`;
    const { entries, errors } = parseAliasFile('content/organisations.yaml', bad);
    expect(entries).toEqual([]);
    expect(errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [
        3,
        '[1].name',
        'namnet "Stadsmissionen i Linköping" står redan i listan (som stavning av Linköpings Stadsmission)',
      ],
      [5, '[2].aliases', 'aliases saknas eller är ingen lista för Finsam'],
      [7, '[3].nam', 'okänt fält "nam"'],
      [6, '[3].name', 'name saknas eller är inte en text'],
    ]);
    expect(errors.every((e) => e.file === 'content/organisations.yaml')).toBe(true);
    expect(parseAliasFile('x.yaml', 'name: Finsam\n').errors.map((e) => e.message)).toEqual([
      'filen ska vara en lista med organisationer',
    ]);
    expect(parseAliasFile('x.yaml', '- name: [\n').errors[0]!.message).toMatch(/^YAML-fel: /);
    expect(parseAliasFile('x.yaml', '# bara kommentarer\n')).toEqual({ entries: [], errors: [] });
  });
});

describe('money totals', () => {
  const cases = [
    entry('total', {
      decided: '2019-12',
      period: { start: '2020-01-01', end: '2020-12-31' },
      funding: [{ from: 'Linköpings kommun', to: 'AB Stångåstaden', amount: 2400000, basis: 'total' }],
    }),
    entry('yearly', {
      period: { start: '2020-01-01', end: '2021-12-31' },
      funding: [
        { from: 'Linköpings kommun', amount: 1100000, basis: 'per-year' },
        { from: 'Linköpings Stadsmission', amount: 980500, basis: 'per-year' },
      ],
    }),
    entry('ceiling', {
      organisation: 'Samordningsförbundet',
      period: { start: '2022-01-01', end: '2022-12-31' },
      funding: [{ from: 'Samordningsförbundet', to: 'Knivsta kommun', amount: 1965000, basis: 'maximum' }],
    }),
    entry('long', {
      period: { start: '2020-09-01', end: '2023-02-28' },
      funding: [{ from: 'Finsam', to: 'Lunds kommun', amount: 840000, basis: 'total' }],
    }),
    entry('unknown', {
      period: { start: '2018-06', end: '2018-12' },
      funding: [{ from: 'Linköpings kommun', to: 'Idrott och service', basis: 'total' }],
    }),
    entry('nothing', {}),
    entry('undated', { funding: [{ from: 'Finsam', amount: 5000, basis: 'maximum-per-year' }] }),
  ];
  const flows = moneyFlows(cases);

  it('sums per basis, never across bases, and counts amounts left out', () => {
    expect(sumFlows(flows)).toEqual({
      byBasis: { total: 3240000, 'per-year': 2080500, maximum: 1965000, 'maximum-per-year': 5000 },
      withAmount: 6,
      withoutAmount: 1,
    });
  });

  it('counts per-year amounts in every year of their period, whole-period amounts once in their first year', () => {
    expect(moneyByYear(flows)).toEqual([
      { year: 2020, byBasis: { total: 2400000 + 840000, 'per-year': 2080500, maximum: 0, 'maximum-per-year': 0 } },
      { year: 2021, byBasis: { total: 0, 'per-year': 2080500, maximum: 0, 'maximum-per-year': 0 } },
      { year: 2022, byBasis: { total: 0, 'per-year': 0, maximum: 1965000, 'maximum-per-year': 0 } },
      { year: undefined, byBasis: { total: 0, 'per-year': 0, maximum: 0, 'maximum-per-year': 5000 } },
    ]);
  });

  it('gives the honest notes their figures', () => {
    expect(totalsNotes(cases, flows)).toEqual({
      cases: 7,
      casesWithAmount: 5,
      casesWithoutAmount: 2,
      flowsWithoutAmount: 1,
      yearlyFlows: 3,
      multiYearTotals: 1,
      flowsWithoutYear: 1,
    });
  });

  it('sums money given and received per organisation, names merged', () => {
    const extra = entry('x', {
      funding: [{ from: 'Kommunen i Linköping', to: 'AB Stångåstaden', amount: 100, basis: 'total' }],
    });
    const index = buildOrganisations(
      [...cases, extra],
      [{ name: 'Linköpings kommun', aliases: ['Kommunen i Linköping'] }],
    );
    const rows = moneyByOrganisation(
      [...flows, ...moneyFlows([extra])],
      index.namer.slugOf,
      (slug) => index.bySlug.get(slug)!.name,
    );
    const kommun = rows.find((r) => r.slug === 'linkopings-kommun')!;
    expect(kommun.name).toBe('Linköpings kommun');
    expect(kommun.given).toEqual({ total: 2400100, 'per-year': 1100000, maximum: 0, 'maximum-per-year': 0 });
    expect(kommun.received).toEqual({ total: 0, 'per-year': 0, maximum: 0, 'maximum-per-year': 0 });
    expect(rows.find((r) => r.slug === 'ab-stangastaden')!.received.total).toBe(2400100);
    expect(rows.map((r) => r.name)).toEqual([
      'AB Stångåstaden',
      'Finsam',
      'Knivsta kommun',
      'Linköpings kommun',
      'Linköpings Stadsmission',
      'Lunds kommun',
      'Samordningsförbundet',
    ]);
    expect(rankOrganisations(rows, 'given').map((r) => r.name)).toEqual([
      'Linköpings kommun',
      'Samordningsförbundet',
      'Linköpings Stadsmission',
      'Finsam',
    ]);
    expect(rankOrganisations(rows, 'received').map((r) => r.name)).toEqual([
      'AB Stångåstaden',
      'Knivsta kommun',
      'Lunds kommun',
    ]);
  });

  it('counts cases per kind and status, zeros included', () => {
    const { byKind, byStatus } = caseCounts([
      entry('a', { kind: 'report', status: 'noted' }),
      entry('b', {}),
      entry('c', {}),
    ]);
    expect(byKind).toEqual({ agreement: 0, grant: 2, partnership: 0, application: 0, report: 1 });
    expect(byStatus).toEqual({ proposed: 0, applied: 0, decided: 2, noted: 1, rejected: 0, withdrawn: 0 });
  });
});

describe('follow-up tracker', () => {
  const cases = [
    entry('linkstep', {
      followUps: [
        { due: '2020-09', what: 'Utfall' },
        { due: '2021-02', what: 'Utfall' },
      ],
    }),
    entry('soon', {
      organisation: 'Lunds kommun',
      body: 'Socialnämnden',
      followUps: [
        { due: '2026-12', what: 'Delrapport' },
        { due: '2027-06', what: 'Slutrapport' },
        { due: '2026-01', what: 'Rapport', done: '2026-02-03' },
      ],
    }),
  ];

  it('groups by state on the chosen day, overdue first and oldest first', () => {
    const t = groupFollowUps(trackFollowUps(cases, day('2026-11-23')));
    expect(t.total).toBe(5);
    expect(t.counts).toEqual({ overdue: 2, 'due-soon': 1, later: 1, reported: 1 });
    expect(t.groups.map((g) => [g.state, g.items.map((i) => `${i.entry.id}:${i.followUp.due}`)])).toEqual([
      ['overdue', ['linkstep:2020-09', 'linkstep:2021-02']],
      ['due-soon', ['soon:2026-12']],
      ['later', ['soon:2027-06']],
      ['reported', ['soon:2026-01']],
    ]);
  });

  it('moves follow-ups between groups as the build date changes', () => {
    // 2020-08-15: September 2020 ends within 60 days; February 2021 is later.
    const t = groupFollowUps(trackFollowUps(cases, day('2020-08-15')));
    expect(t.groups.map((g) => [g.state, g.items.map((i) => i.followUp.due)])).toEqual([
      ['overdue', []],
      ['due-soon', ['2020-09']],
      ['later', ['2021-02', '2026-01', '2026-12', '2027-06'].filter((d) => d !== '2026-01')],
      ['reported', ['2026-01']],
    ]);
    // The last day of the due month still counts as not overdue.
    expect(groupFollowUps(trackFollowUps(cases, day('2020-09-30'))).counts.overdue).toBe(0);
    expect(groupFollowUps(trackFollowUps(cases, day('2020-10-01'))).counts.overdue).toBe(1);
  });

  it('lists every follow-up, the newest reported first, counting all', () => {
    const many = Array.from({ length: 205 }, (_, i) =>
      entry(`c${String(i).padStart(3, '0')}`, {
        followUps: [
          { due: '2020-01', what: 'Rapport', done: `${2000 + (i % 20)}-02` },
          { due: '2020-01', what: 'Öppen' },
        ],
      }),
    );
    const page = trackerPage(many, [], day('2026-11-23'));
    expect(page.tracker.counts).toEqual({ overdue: 205, 'due-soon': 0, later: 0, reported: 205 });
    expect(page.tracker.groups.map((g) => g.items.length)).toEqual([205, 0, 0, 205]);
    expect(page.tracker.groups[3]!.items[0]!.followUp.done).toBe('2019-02');
    expect(page.byOrganisation).toEqual([
      {
        key: 'linkopings-kommun',
        slug: 'linkopings-kommun',
        name: 'Linköpings kommun',
        counts: { overdue: 205, 'due-soon': 0, later: 0, reported: 205 },
        total: 410,
      },
    ]);
    expect(page.byBody.map((b) => [b.orgSlug, b.slug, b.name, b.orgName])).toEqual([
      ['linkopings-kommun', 'arbetsmarknadsnamnden', 'Arbetsmarknadsnämnden', 'Linköpings kommun'],
    ]);
  });

  it('computes the organisation index, site and tracker once for the same collection', () => {
    const at = day('2026-11-23');
    // getCollection gives new entry objects on every call, with the store's own data objects.
    const again = cases.map((c) => ({ ...c }));
    expect(organisationIndex(again, [])).toBe(organisationIndex(cases, []));
    expect(organisationSite(again, [], at)).toBe(organisationSite(cases, [], at));
    expect(trackerPage(again, [], at)).toBe(trackerPage(cases, [], at));
    // Another build day, other aliases, a changed or reordered case: computed afresh.
    expect(trackerPage(cases, [], day('2020-08-15'))).not.toBe(trackerPage(cases, [], at));
    const aliases = [{ name: 'Linköpings kommun', aliases: ['Linkoping'] }];
    expect(organisationIndex(cases, aliases)).not.toBe(organisationIndex(cases, []));
    const changed = cases.map((c, i) => (i === 0 ? { ...c, data: { ...c.data, title: 'Ny titel' } } : c));
    expect(organisationIndex(changed, [])).not.toBe(organisationIndex(cases, []));
    expect(organisationSite([...cases].reverse(), [], at)).not.toBe(organisationSite(cases, [], at));
    // The result is the same as computing from scratch.
    expect(organisationIndex(again, []).organisations).toEqual(buildOrganisations(cases, []).organisations);
  });

  it('counts per organisation, most overdue first', () => {
    const items = trackFollowUps(cases, day('2026-11-23'));
    const rows = countFollowUpsBy(items, (i) => ({ key: i.entry.data.organisation, name: i.entry.data.organisation }));
    expect(rows.map((r) => [r.name, r.counts.overdue, r.total])).toEqual([
      ['Linköpings kommun', 2, 2],
      ['Lunds kommun', 0, 3],
    ]);
  });
});

describe('outcomes overview', () => {
  it('compares target and actual and flags targets without a result', () => {
    const rows = outcomeRows([
      entry('a', {
        decided: '2019',
        outcomes: [
          { indicator: 'I arbete', target: 50, actual: 67, unit: 'personer' },
          { indicator: 'Egen försörjning', target: 40, unit: 'personer' },
        ],
      }),
      entry('b', {
        decided: '2020',
        outcomes: [{ indicator: 'Deltagare', actual: 14, unit: 'personer', asOf: '2019-09' }],
      }),
      entry('c', {
        decided: '2018',
        outcomes: [
          { indicator: 'Deltagare', target: 0, actual: 3, unit: 'personer' },
          { indicator: 'Utbildade', target: 10, unit: 'personer' },
        ],
      }),
    ]);
    expect(rows.map((r) => [r.entry.id, r.missingResult, r.percentOfTarget])).toEqual([
      ['b', false, undefined],
      ['a', false, 134],
      ['a', true, undefined],
      ['c', false, undefined],
      ['c', true, undefined],
    ]);
    expect(rows.map(compareOutcome)).toEqual([
      'utfall 14 personer, inget mål angivet',
      '67 av 50 personer (134\u00a0% av målet)',
      'mål 40 personer, inget utfall rapporterat',
      '3 av 0 personer',
      'mål 10 personer, inget utfall rapporterat',
    ]);
    expect(outcomeSummary(rows)).toEqual({
      rows: 5,
      cases: 3,
      targets: 4,
      results: 3,
      missingResults: 2,
      casesWithTargetsOnly: 0,
    });
    expect(
      outcomeSummary(outcomeRows([entry('d', { outcomes: [{ indicator: 'X', target: 5, unit: 'st' }] })]))
        .casesWithTargetsOnly,
    ).toBe(1);
  });
});

describe('body slugs beside the organisation lists', () => {
  it('never take a list path: a body named "Ärenden" or "Försenade" gets -organ added', () => {
    expect(bodySlugOf('Ärenden')).toBe('arenden-organ');
    expect(bodySlugOf('Försenade')).toBe('forsenade-organ');
    expect(bodySlugOf('Arbetsmarknadsnämnden')).toBe('arbetsmarknadsnamnden');
    for (const segment of Object.values(ORGANISATION_LIST_SLUGS)) expect(bodySlugOf(segment)).toBe(`${segment}-organ`);
  });
});
