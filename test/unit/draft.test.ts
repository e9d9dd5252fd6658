import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CASE_FIELDS, type Draft, draftCase, REQUIRED_FIELDS, valuesOf } from '../../src/lib/draft/draft.ts';
import { draftFileText } from '../../src/lib/draft/case-file.ts';
import type { Proposal } from '../../src/lib/draft/proposal.ts';
import { basisIn } from '../../src/lib/draft/funding.ts';
import { findAmounts, findDates, findRanges } from '../../src/lib/draft/swedish.ts';
import { splitSentences, unitsOf } from '../../src/lib/draft/text.ts';
import { splitFrontmatter } from '../../src/lib/content/parse-case.ts';
import { dataDictionary } from '../../src/lib/export/dictionary.ts';
import { caseFields } from '../../src/lib/schema/case.ts';

const draftOf = (text: string): Draft => draftCase({ name: 'beslut.txt', format: 'text', pages: text.split('\f') });
const valuesFrom = (text: string) => valuesOf(draftOf(text).proposals);
const proposalsOf = (text: string, field: Proposal['field']) =>
  draftOf(text).proposals.filter((p) => p.field === field);

describe('Swedish dates', () => {
  it.each([
    ['Beslutet fattades den 10 december 2019.', '2019-12-10'],
    ['Datum 2019-12-10', '2019-12-10'],
    ['Projektet har pågått sedan 1 okt 2018', '2018-10-01'],
    ['Utfall presenteras i september 2020', '2020-09'],
    ['Rapport lämnas 31 jan. 2021', '2021-01-31'],
    ['Inlämnad 2020-06', '2020-06'],
  ])('%s → %s', (text, date) => {
    expect(findDates(text).map((d) => d.value)).toEqual([date]);
  });

  it('finds no date that is not in the calendar, has no year, or is a diarienummer', () => {
    expect(findDates('den 30 februari 2021, 2021-02-30, i slutet av december, KS 2018-597, marschen 2019')).toEqual([]);
  });

  it.each([
    ['under perioden 2020-01-01 – 2020-12-31', { start: '2020-01-01', end: '2020-12-31' }],
    ['för perioden 1 januari 2022 fram till 31 december 2022', { start: '2022-01-01', end: '2022-12-31' }],
    ['projektperioden 2020-09-01--2023-02-28', { start: '2020-09-01', end: '2023-02-28' }],
    ['från september 2020 till februari 2023', { start: '2020-09', end: '2023-02' }],
    ['gäller 2020–2021', { start: '2020', end: '2021' }],
    ['från och med 1 mars 2021 till och med 28 februari 2022', { start: '2021-03-01', end: '2022-02-28' }],
  ])('period: %s', (text, range) => {
    expect(findRanges(text).map((r) => r.value)).toEqual([range]);
  });

  it('takes no range whose end comes before its start', () => {
    expect(findRanges('2021-12-31 – 2020-01-01')).toEqual([]);
  });
});

describe('sums of money in whole kronor', () => {
  it.each([
    ['med 2 400 000 kr under 2020', 2_400_000],
    ['maximalt 1 965 000 kronor', 1_965_000],
    ['högst 2,4 mnkr', 2_400_000],
    ['300 tkr per år', 300_000],
    ['2,4 miljoner kronor', 2_400_000],
    ['ett bidrag på SEK 500 000', 500_000],
    ['ersättning 50 000:-', 50_000],
    ['2.400.000 kr', 2_400_000],
  ])('%s → %i', (text, amount) => {
    expect(findAmounts(text).map((a) => a.value)).toEqual([amount]);
  });

  it('a number without a currency is not money', () => {
    expect(findAmounts('5 yrkescoachare á 27 000/månad 20 %/12 månader, 50 personer')).toEqual([]);
  });

  it.each([
    ['högst 300 tkr per år', 'maximum-per-year'],
    ['maximalt 1 965 000 kronor', 'maximum'],
    ['1 100 000 kr per år', 'per-year'],
    ['till en sammanlagd kostnad av 2 400 000 kr', 'total'],
    ['totalt 840 000 kr', 'total'],
    ['med 2 400 000 kr under perioden', undefined],
  ])('basis of "%s" is %s', (text, basis) => {
    expect(basisIn(text)).toBe(basis);
  });
});

describe('reading the text', () => {
  it('splits sentences but not at abbreviations or list numbers', () => {
    expect(splitSentences('Kostnaden är 550 000 kr inkl. sociala avgifter. Se t.ex. bilaga 2. Nästa mening.')).toEqual([
      'Kostnaden är 550 000 kr inkl. sociala avgifter.',
      'Se t.ex. bilaga 2.',
      'Nästa mening.',
    ]);
  });

  it('joins a wrapped paragraph, keeps list items, labels and table rows apart, and strips markup', () => {
    const units = unitsOf({
      name: 'x.pdf',
      format: 'pdf',
      pages: [
        '## **Förslag till beslut**\n\n**att** bevilja stöd\n1. Nämnden noterar informationen.\n\nDet här är en lång mening som bröts över två rader när den skrevs i PDF-\nfilen och fortsätter här.\nProjektägare: Socialförvaltningen\nHeltidstjänst\t550 000 kr\nTotalt från kommunen per år:\t550 000 kr',
        'Sida två',
      ],
    });
    expect(units.map((u) => [u.text, u.page, u.marker ?? '', u.heading])).toEqual([
      ['Förslag till beslut', 1, '', true],
      ['bevilja stöd', 1, 'att', false],
      ['Nämnden noterar informationen.', 1, '1.', false],
      [
        'Det här är en lång mening som bröts över två rader när den skrevs i PDF-filen och fortsätter här.',
        1,
        '',
        false,
      ],
      ['Projektägare: Socialförvaltningen', 1, '', false],
      ['Heltidstjänst\t550 000 kr', 1, '', false],
      ['Totalt från kommunen per år:\t550 000 kr', 1, '', false],
      ['Sida två', 2, '', true],
    ]);
  });
});

const PROTOCOL = `Linköpings kommun
PROTOKOLL
Arbetsmarknadsnämnden
Sammanträdesdatum 2019-12-18

§ 145 Överenskommelse med Stiftelsen Activa om arbetsträning
Dnr AMN 2019-214

Beslut
Arbetsmarknadsnämnden beslutar att
1. godkänna överenskommelsen med Stiftelsen Activa i Östergötland (org.nr 822001-8884) om arbetsträningsplatser,
2. bevilja högst 1,2 mnkr per år under 2020–2021,
3. uppdra åt förvaltningen att återrapportera resultatet senast den 31 mars 2021.

Ärendebeskrivning
Kontaktperson är Anna Svensson, 19121212-1212. Målet är att 25 deltagare ska få arbetsträning varje år.

Beslutsunderlag
Tjänsteskrivelse 2019-11-20
Överenskommelse med Stiftelsen Activa.pdf

Justerandes signatur`;

describe('a protocol extract', () => {
  const values = valuesFrom(PROTOCOL);

  it('proposes the decision: title, date, diarienummer, body, status and kind from its words, att-satser as points', () => {
    expect(values).toMatchObject({
      title: 'Överenskommelse med Stiftelsen Activa om arbetsträning',
      kind: 'agreement',
      status: 'decided',
      organisation: 'Linköpings kommun',
      body: 'Arbetsmarknadsnämnden',
      decided: '2019-12-18',
      reference: 'AMN 2019-214',
      decisionPoints: [
        'godkänna överenskommelsen med Stiftelsen Activa i Östergötland (org.nr 822001-8884) om arbetsträningsplatser',
        'bevilja högst 1,2 mnkr per år under 2020–2021',
        'uppdra åt förvaltningen att återrapportera resultatet senast den 31 mars 2021.',
      ],
    });
  });

  it('proposes parties with a valid organisationsnummer, the money with its basis, the period, the report and the target', () => {
    expect(values['parties']).toEqual([
      { name: 'Stiftelsen Activa i Östergötland', role: 'partner', orgNumber: '822001-8884' },
      { name: 'Linköpings kommun', role: 'funder' },
    ]);
    expect(values['funding']).toEqual([{ from: 'Linköpings kommun', amount: 1_200_000, basis: 'maximum-per-year' }]);
    expect(values['period']).toEqual({ start: '2020', end: '2021' });
    expect(values['followUps']).toEqual([
      { due: '2021-03-31', what: 'uppdra åt förvaltningen att återrapportera resultatet' },
    ]);
    expect(values['outcomes']).toEqual([
      { indicator: 'Målet är att 25 deltagare ska få arbetsträning varje år', target: 25, unit: 'personer' },
    ]);
    expect(values['documents']).toEqual([
      { title: 'Tjänsteskrivelse 2019-11-20' },
      { title: 'Överenskommelse med Stiftelsen Activa' },
    ]);
  });

  it('never proposes or quotes a personnummer', () => {
    const draft = draftOf(PROTOCOL);
    const all = JSON.stringify(draft.proposals);
    expect(all).not.toContain('1212-1212');
    expect(all).not.toMatch(/19121212-\d{4}/u);
  });

  it('gives every proposal its source sentence and page', () => {
    const draft = draftOf(PROTOCOL);
    for (const p of draft.proposals) {
      expect(p.sources.length).toBeGreaterThan(0);
      for (const s of p.sources) expect(PROTOCOL).toContain(s.text.split('\t')[0]!.slice(0, 20));
    }
    expect(proposalsOf(PROTOCOL, 'reference')[0]!.sources).toEqual([{ text: 'Dnr AMN 2019-214', page: 1 }]);
  });
});

describe('minutes with the paragraph on one line and its title on the next', () => {
  const MINUTES = `Kommunstyrelsen
Protokoll 2019-12-10

§ 245 Dnr KS 2018-597

Finansiering av arbetsmarknadsinsatser 2020

Beslut
Kommunstyrelsen beslutar
att bevilja Stiftelsen Activa 2,4 mnkr per år under 2020–2021,
att uppdra åt arbetsmarknadsförvaltningen att återrapportera resultatet senast den 30 juni 2021.
`;

  it('takes the title from the line after `§ 245 Dnr …`, never the reference, and the date of the minutes', () => {
    const v = valuesFrom(MINUTES);
    expect(v['title']).toBe('Finansiering av arbetsmarknadsinsatser 2020');
    expect(v['reference']).toBe('KS 2018-597');
    expect(v['status']).toBe('decided');
    expect(v['decided']).toBe('2019-12-10');
  });

  it('the one granted money in a decision point receives it', () => {
    const v = valuesFrom(MINUTES);
    expect(v['parties']).toEqual([{ name: 'Stiftelsen Activa', role: 'recipient' }]);
    expect(v['funding']).toEqual([{ to: 'Stiftelsen Activa', amount: 2_400_000, basis: 'per-year' }]);
    expect(v['followUps']).toEqual([
      { due: '2021-06-30', what: 'uppdra åt arbetsmarknadsförvaltningen att återrapportera resultatet' },
    ]);
  });

  it('a proposal keeps its date only where the text gives it as the day of the minutes', () => {
    expect(valuesFrom(MINUTES.replace('Protokoll 2019-12-10', 'Kallelse 2019-12-10'))['decided']).toBeUndefined();
  });
});

describe('decisions without a Beslut heading', () => {
  it('starts the decision at the line saying who decides, and names the association that decides', () => {
    const v = valuesFrom(`Samordningsförbundet Göteborg Nordost
Förbundsstyrelsen
Sammanträdesdatum: 2023-02-17

§ 8 Insats Steg framåt

Förbundsstyrelsen beslutar
att bevilja Arbetsförmedlingen 500 000 kr för insatsen Steg framåt under perioden 2023-01-01--2023-12-31,
att insatsen ska redovisa resultat till förbundsstyrelsen i februari 2024.

Bakgrund
Kostnaden för lokaler uppgår till 45 000 kr per månad. Kontakt: 19850101-1234.
`);
    expect(v).toMatchObject({
      title: 'Insats Steg framåt',
      status: 'decided',
      organisation: 'Samordningsförbundet Göteborg Nordost',
      body: 'Förbundsstyrelsen',
      decided: '2023-02-17',
      funding: [{ from: 'Samordningsförbundet Göteborg Nordost', to: 'Arbetsförmedlingen', amount: 500_000 }],
    });
    expect(v['decisionPoints']).toHaveLength(2);
    expect(JSON.stringify(v)).not.toContain('1234');
  });

  it('takes the body from `… föreslås besluta`', () => {
    const v = valuesFrom(`Förslag till beslut
Arbetsmarknadsnämnden föreslås besluta
att godkänna avtal med Företagarna Norr om finansiering av Jobbspåret med totalt 1,2 miljoner kronor.
`);
    expect(v['body']).toBe('Arbetsmarknadsnämnden');
    expect(v['status']).toBe('proposed');
    expect(v['funding']).toEqual([{ to: 'Företagarna Norr', amount: 1_200_000, basis: 'total' }]);
  });
});

describe('a tjänsteskrivelse for an idea-based partnership', () => {
  const MEMO = `Tjänsteskrivelse
2021-09-14
Dnr VIN 2021-0312

Idéburet offentligt partnerskap med Stadsmissionen Väst om arbetsträning 2022–2024

Förslag till beslut
Vuxen- och arbetsmarknadsnämnden föreslås besluta
1. att ingå ett idéburet offentligt partnerskap med Stadsmissionen Väst om arbetsträning för perioden 2022-01-01 – 2024-12-31,
2. att finansiera partnerskapet med högst 1 200 000 kronor per år.

Beslutsunderlag
Tjänsteskrivelse 2021-09-14
Överenskommelse om IOP Stadsmissionen Väst

Anna Berg
Förvaltningschef
`;

  it('keeps the points without their numbers and att, names the body and the partner', () => {
    const v = valuesFrom(MEMO);
    expect(v['decisionPoints']).toEqual([
      'ingå ett idéburet offentligt partnerskap med Stadsmissionen Väst om arbetsträning för perioden 2022-01-01 – 2024-12-31',
      'finansiera partnerskapet med högst 1 200 000 kronor per år.',
    ]);
    expect(v['body']).toBe('Vuxen- och arbetsmarknadsnämnden');
    expect(v['parties']).toEqual([{ name: 'Stadsmissionen Väst', role: 'partner' }]);
    expect(v['funding']).toEqual([{ amount: 1_200_000, basis: 'maximum-per-year' }]);
  });

  it('ends the list of documents at the signature under it', () => {
    expect(valuesFrom(MEMO)['documents']).toEqual([
      { title: 'Tjänsteskrivelse 2021-09-14' },
      { title: 'Överenskommelse om IOP Stadsmissionen Väst' },
    ]);
  });
});

describe('an application', () => {
  it('names the funder asked in its title, and the applicant on its label', () => {
    const v = valuesFrom(`Ansökan om medel från Samordningsförbundet Västra Mälardalen

Sökande organisation: Köpings kommun

Sökt belopp: 1 000 000 kr för perioden 2024-01-01 – 2025-06-30.
`);
    expect(v['parties']).toEqual([
      { name: 'Köpings kommun', role: 'applicant' },
      { name: 'Samordningsförbundet Västra Mälardalen', role: 'funder' },
    ]);
    expect(v['funding']).toEqual([
      { from: 'Samordningsförbundet Västra Mälardalen', to: 'Köpings kommun', amount: 1_000_000 },
    ]);
    expect(v['kind']).toBe('application');
  });
});

describe('what is not stated is not proposed', () => {
  it('an organisationsnummer with a wrong check digit is left out', () => {
    const values = valuesFrom(
      'Beslut\n1. Nämnden ingår ett avtal med AB Exempel (org.nr 556024-3531) om finansiering med 100 000 kr.',
    );
    expect(values['parties']).toContainEqual({ name: 'AB Exempel', role: 'recipient' });
    expect(JSON.stringify(values)).not.toContain('orgNumber');
  });

  it('a personnummer is never a party number, even beside a name', () => {
    const values = valuesFrom('Sökande: Anna Svensson\nAnna Svensson (121212-1212) söker bidrag.');
    expect(JSON.stringify(values)).not.toContain('1212-1212');
  });

  it('a diarienummer is proposed only where labelled, and only whole', () => {
    expect(valuesFrom('Dnr KS 2018-597\n\nMedel tas ur anslaget (KS 2019-149).')['reference']).toBe('KS 2018-597');
    expect(valuesFrom('Medel tas ur anslaget (KS 2019-149).')['reference']).toBeUndefined();
    expect(valuesFrom('Diarienummer\nSO 2018/')['reference']).toBeUndefined();
    expect(valuesFrom('Diarienummer: AMN 2019/123')['reference']).toBe('AMN 2019/123');
  });

  it('kind and status come only from explicit wording', () => {
    const values = valuesFrom('Projekt Nystart\n\nProjektet hjälper unga till arbete i Motala.');
    expect(values['kind']).toBeUndefined();
    expect(values['status']).toBeUndefined();
    expect(valuesFrom('Förslag till beslut\n1. Nämnden noterar informationen.')).toMatchObject({
      status: 'noted',
      kind: 'report',
    });
    expect(valuesFrom('Förslag till beslut\natt bevilja föreningen stöd med 200 tkr')).toMatchObject({
      status: 'proposed',
      kind: 'grant',
    });
  });

  it('an age range is proposed only where the text speaks of age', () => {
    expect(valuesFrom('Insatsen vänder sig till personer (16 - 64 år).')['targetGroup']).toBeUndefined();
    expect(valuesFrom('Målgruppen är unga i åldern 16–24 år.')['targetGroup']).toEqual({ ageFrom: 16, ageTo: 24 });
  });

  it('lists the fields it did not find, in the format order', () => {
    expect(draftOf('Projekt Nystart').missing).toEqual(CASE_FIELDS.filter((f) => f !== 'title'));
  });
});

describe('a draft as a case file', () => {
  const draft = draftOf(PROTOCOL);
  const text = draftFileText(draft, { dictionary: dataDictionary(), documentName: 'protokoll.pdf' });
  const split = splitFrontmatter(text)!;
  const data = load(split.yaml, { schema: CORE_SCHEMA }) as Record<string, unknown>;

  it('holds every proposed value', () => {
    expect(data).toMatchObject(valuesOf(draft.proposals));
  });

  it('quotes each source above its value, and writes the missing required fields empty with what to write', () => {
    expect(split.yaml).toContain('# Källa, sida 1: ”Dnr AMN 2019-214”\nreference: AMN 2019-214');
    expect(data['summary']).toBe('');
    expect(split.yaml).toMatch(/# FYLL I – Sammanfattning: .*\nsummary: ""/u);
    expect(split.yaml).toContain('Hittades inte i dokumentet');
  });

  it('keeps no personnummer, not even in a comment', () => {
    expect(text).not.toContain('1212-1212');
  });
});

describe('the drafter follows the case format', () => {
  it('knows its fields in its order, and which are required', () => {
    expect([...CASE_FIELDS]).toEqual(Object.keys(caseFields.shape));
    const required = dataDictionary()
      .filter((f) => !f.path.includes('.') && !f.path.includes('[') && f.required)
      .map((f) => f.path);
    expect([...REQUIRED_FIELDS].sort()).toEqual(required.sort());
  });
});
