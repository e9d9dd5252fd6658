/**
 * A case that passes every rule and uses every field of the format, as a
 * plain object to mutate in tests (one rule broken at a time).
 */
/**
 * An untyped document to poke at: tests break a case (or read a JSON Schema)
 * field by field, deep inside, which is what static types are there to stop.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export function validCase(): Loose {
  return {
    title: 'Testärende om arbetsträning',
    summary: 'Kommunen finansierar arbetsträning hos ett kommunalt bolag.',
    kind: 'agreement',
    status: 'decided',
    organisation: 'Linköpings kommun',
    body: 'Arbetsmarknadsnämnden',
    decided: '2019-12-18',
    reference: 'AMN 2019-12',
    decisionPoints: ['Nämnden ingår överenskommelsen.'],
    parties: [
      { name: 'AB Stångåstaden', role: 'recipient', orgNumber: '556016-0680' },
      { name: 'Linköpings kommun', role: 'funder', orgNumber: '212000-0449' },
    ],
    period: { start: '2020-01-01', end: '2020-12-31' },
    funding: [
      {
        from: 'Linköpings kommun',
        to: 'AB Stångåstaden',
        amount: 1100000,
        basis: 'per-year',
        period: { start: 2020, end: '2021' },
        items: [
          { label: 'Tjänst 1', amount: 550000 },
          { label: 'Tjänst 2', amount: 550000 },
        ],
        note: 'Ur statsbidrag.',
      },
      { from: 'AB Stångåstaden', basis: 'maximum' },
    ],
    followUps: [
      { due: '2020-09', what: 'Utfall redovisas', done: '2020-09-24', report: '/arenden/testfall/' },
      { due: '2021-02', what: 'Slutrapport' },
    ],
    outcomes: [
      { indicator: 'Deltagare i arbete', target: 50, actual: 67, unit: 'personer', asOf: '2019-11' },
      { indicator: 'Nöjdhet', actual: 4.5, unit: 'betyg' },
    ],
    targetGroup: { description: 'Arbetssökande', ageFrom: 20, ageTo: 60 },
    places: ['Ryd', 'Skäggetorp'],
    topics: ['försörjningsstöd'],
    documents: [
      { title: 'Tjänsteskrivelse' },
      { title: 'Extern rapport', href: 'https://example.org/rapport.pdf' },
      { title: 'Ikon', href: '/favicon.svg' },
    ],
    signedBy: [{ name: 'Helena Paulsson', unit: 'Utbildningskontoret' }],
  };
}
