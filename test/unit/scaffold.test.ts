/**
 * The pure part of `npm run new`: the file text it writes is a valid case
 * whose required fields are exactly the answers, optional fields are
 * commented out with examples that are valid when uncommented, and every
 * answer check gives its Swedish error.
 */
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import {
  buildCaseFile,
  caseYear,
  caseFilePath,
  checkDate,
  checkDecisionPoint,
  checkPartyName,
  checkSlug,
  checkText,
  choiceError,
  defaultOrganisationRole,
  mostCommon,
  parseChoice,
  parsePartyFlag,
  type ScaffoldAnswers,
} from '../../src/lib/content/scaffold.ts';
import { KIND_LABEL, STATUS_LABEL } from '../../src/lib/core/labels.ts';
import { KINDS, STATUSES } from '../../src/lib/core/vocabulary.ts';

const answers: ScaffoldAnswers = {
  title: 'Avtal: Linkstep, "ett steg" till sysselsättning',
  summary: 'Arbetsmarknadsnämnden finansierar tre kompetenskoordinatorer hos AB Stångåstaden.',
  kind: 'agreement',
  status: 'proposed',
  organisation: 'Linköpings kommun',
  body: 'Arbetsmarknadsnämnden',
  decided: '2019-12',
  decisionPoints: [
    'Nämnden ingår en överenskommelse med AB Stångåstaden om att finansiera Linkstep med 2 400 000 kr för 2020-01-01 – 2020-12-31.',
    '- yes: #2020',
  ],
  parties: [
    { name: 'AB Stångåstaden', role: 'recipient' },
    { name: 'Linköpings kommun', role: 'funder' },
  ],
};
const FILE = 'content/cases/2019/linkstep-test.mdx';

describe('buildCaseFile', () => {
  it('writes a valid case whose required fields are exactly the answers, however they need quoting', () => {
    const { parsed, errors } = parseCase(FILE, buildCaseFile(answers));
    expect(errors).toEqual([]);
    expect(parsed!.data).toEqual({
      title: answers.title,
      summary: answers.summary,
      kind: 'agreement',
      status: 'proposed',
      organisation: 'Linköpings kommun',
      body: 'Arbetsmarknadsnämnden',
      decided: '2019-12',
      decisionPoints: answers.decisionPoints,
      parties: answers.parties,
    });
  });

  it('writes reference, period and the background paragraph when given', () => {
    const text = buildCaseFile({
      ...answers,
      decided: undefined,
      reference: 'KS 2018-597',
      periodStart: '2020-01-01',
      periodEnd: '2020-12-31',
      background: 'Linkstep startade 2018.',
    });
    const { parsed, errors } = parseCase(FILE, text);
    expect(errors).toEqual([]);
    expect(parsed!.data.decided).toBeUndefined();
    expect(parsed!.data.reference).toBe('KS 2018-597');
    expect(parsed!.data.period).toEqual({ start: '2020-01-01', end: '2020-12-31' });
    expect(parsed!.body).toContain('## Bakgrund\n\nLinkstep startade 2018.');
    expect(text).not.toMatch(/^# reference:/m);
    expect(text).not.toMatch(/^# period:/m);
  });

  it('comments out every optional field, with its description, and each example is valid once uncommented', () => {
    const text = buildCaseFile(answers);
    for (const key of [
      'reference',
      'period',
      'funding',
      'followUps',
      'outcomes',
      'targetGroup',
      'places',
      'topics',
      'documents',
      'signedBy',
    ]) {
      expect(text).toMatch(new RegExp(`^## ${key}: \\S`, 'm'));
      expect(text).toMatch(new RegExp(`^# ${key}:`, 'm'));
      expect(text).not.toMatch(new RegExp(`^${key}:`, 'm'));
    }
    const uncommented = text.replace(/^# /gm, '');
    const { parsed, errors } = parseCase(FILE, uncommented);
    expect(errors).toEqual([]);
    expect(Object.keys(parsed!.data).sort()).toEqual(
      [
        'title',
        'summary',
        'kind',
        'status',
        'organisation',
        'body',
        'decided',
        'reference',
        'decisionPoints',
        'parties',
        'period',
        'funding',
        'followUps',
        'outcomes',
        'targetGroup',
        'places',
        'topics',
        'documents',
        'signedBy',
      ].sort(),
    );
  });

  it('never publishes an empty body: without a background it writes an instruction to replace', () => {
    const { parsed } = parseCase(FILE, buildCaseFile(answers));
    expect(parsed!.body).toContain('Skriv här med egna ord');
  });
});

describe('answer checks (the same schema pieces as the build, Swedish errors)', () => {
  it('text fields', () => {
    expect(checkText('title', 'Linkstep')).toBeUndefined();
    expect(checkText('title', 'AB')).toBe(
      'texten är för kort. Förväntat: minst 3 tecken. Ärendets namn som i dokumentet.',
    );
    expect(checkText('summary', 'Kort.')).toBe(
      'texten är för kort. Förväntat: minst 10 tecken. En eller två meningar: vem får vad, för vad.',
    );
    expect(checkText('title', 'x'.repeat(201))).toMatch(/^texten är för lång\. Förväntat: högst 200 tecken/);
    expect(checkText('organisation', 'Linköpings kommun')).toBeUndefined();
  });

  it('partial dates', () => {
    for (const ok of ['2019', '2019-12', '2019-12-18', '2024-02-29']) expect(checkDate(ok)).toBeUndefined();
    expect(checkDate('2021-02-30')).toBe(
      'datumet finns inte i kalendern. Förväntat: ett datum som finns i kalendern, skrivet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
    );
    expect(checkDate('december 2019')).toBe(
      'datumet har fel form. Förväntat: ett datum som finns i kalendern, skrivet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
    );
  });

  it('decision points and party names', () => {
    expect(checkDecisionPoint('Nämnden noterar informationen.')).toBeUndefined();
    expect(checkDecisionPoint('   ')).toMatch(/^texten är för kort/);
    expect(checkPartyName('AB Stångåstaden')).toBeUndefined();
    expect(checkPartyName('')).toMatch(/^texten är för kort/);
  });

  it('slugs: the allowed characters, and new across all years', () => {
    const files = [
      'content/cases/2019/linkstep-stangastaden-2020.mdx',
      'content/cases/2020/iop-linkopings-stadsmission.mdx',
    ];
    expect(checkSlug('ny-linkstep', files)).toBeUndefined();
    expect(checkSlug('linkstep-stangastaden-2020', files)).toBe(
      'sluggen "linkstep-stangastaden-2020" används redan av content/cases/2019/linkstep-stangastaden-2020.mdx. Förväntat: en slug som inget annat ärende har, oavsett år, till exempel linkstep-stangastaden-2020-2',
    );
    expect(checkSlug('Stångåstaden 2020', files)).toBe(
      'sluggen "Stångåstaden 2020" får bara innehålla a–z, 0–9 och bindestreck mellan orden. Förväntat: till exempel stangastaden-2020',
    );
  });

  it('choices by number, value or the start of the Swedish label', () => {
    expect(parseChoice('2', KINDS, KIND_LABEL)).toBe('grant');
    expect(parseChoice('partnership', KINDS, KIND_LABEL)).toBe('partnership');
    expect(parseChoice('Ansökan', KINDS, KIND_LABEL)).toBe('application');
    expect(parseChoice('beslutat', STATUSES, STATUS_LABEL)).toBe('decided');
    expect(parseChoice('9', KINDS, KIND_LABEL)).toBeUndefined();
    expect(parseChoice('a', STATUSES, STATUS_LABEL)).toBeUndefined(); // ambiguous: Ansökt, Avslag
    expect(choiceError('9', KINDS)).toBe(
      '"9" finns inte bland valen. Förväntat: ett nummer 1–5 eller ett av värdena agreement, grant, partnership, application, report',
    );
  });

  it('parties from flags: namn:roll', () => {
    expect(parsePartyFlag('AB Stångåstaden:recipient')).toEqual({ name: 'AB Stångåstaden', role: 'recipient' });
    expect(parsePartyFlag('Samordningsförbundet: Finansiär')).toEqual({ name: 'Samordningsförbundet', role: 'funder' });
    expect(parsePartyFlag('AB Stångåstaden')).toBe(
      'parten "AB Stångåstaden" saknar roll. Förväntat: namn:roll, till exempel "AB Stångåstaden:recipient"',
    );
    expect(parsePartyFlag('AB Stångåstaden:köpare')).toBe(
      'parten "AB Stångåstaden:köpare": "köpare" finns inte bland valen. Förväntat: ett nummer 1–5 eller ett av värdena owner, recipient, partner, funder, applicant',
    );
  });
});

describe('defaults and paths', () => {
  it('the organisation funds, except in an application', () => {
    expect(defaultOrganisationRole('grant')).toBe('funder');
    expect(defaultOrganisationRole('application')).toBe('applicant');
  });

  it('the most common existing value', () => {
    expect(mostCommon(['Linköpings kommun', 'Lunds kommun', 'Linköpings kommun'])).toBe('Linköpings kommun');
    expect(mostCommon([])).toBeUndefined();
  });

  it('the year folder comes from decided, else the period start, else this year', () => {
    expect(caseYear({ decided: '2019-12', periodStart: '2020-01-01' }, 2026)).toBe('2019');
    expect(caseYear({ periodStart: '2020-01-01' }, 2026)).toBe('2020');
    expect(caseYear({}, 2026)).toBe('2026');
    expect(caseFilePath('content/cases/', '2019', 'linkstep')).toBe('content/cases/2019/linkstep.mdx');
  });
});
