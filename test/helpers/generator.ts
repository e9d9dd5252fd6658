/**
 * The benchmark's case generator: N realistic, schema-valid synthetic case
 * files from a seed, so every run of `npm run bench` builds the same site.
 *
 * Cases vary the way real ones do: organisations from real Swedish
 * municipalities and samordningsförbund, their deciding bodies, every kind and
 * status, amounts on every basis (some missing, some broken into items),
 * periods, follow-ups (some reported, some overdue), outcomes, parties with
 * valid organisationsnummer, and GFM bodies with headings, a table and a
 * footnote. No text holds a personnummer-like digit run. Pure: it returns file
 * paths and sources; writing them is the caller's business.
 */
import { BASES, KINDS, STATUSES, type Kind, type Status } from '../../src/lib/core/vocabulary.ts';
import { slugify } from '../../src/lib/core/slug.ts';

/** A generated case file: path relative to the cases directory, and its text. */
export interface GeneratedCase {
  /** `<year>/<slug>.mdx`. */
  path: string;
  slug: string;
  source: string;
}

/** A small, fast, seeded PRNG (mulberry32); returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real Swedish municipalities (a selection across the country). */
export const MUNICIPALITIES = [
  'Linköping',
  'Norrköping',
  'Stockholm',
  'Göteborg',
  'Malmö',
  'Uppsala',
  'Västerås',
  'Örebro',
  'Helsingborg',
  'Jönköping',
  'Umeå',
  'Lund',
  'Borås',
  'Huddinge',
  'Eskilstuna',
  'Nacka',
  'Gävle',
  'Halmstad',
  'Södertälje',
  'Sundsvall',
  'Karlstad',
  'Växjö',
  'Botkyrka',
  'Kristianstad',
  'Kungsbacka',
  'Luleå',
  'Skellefteå',
  'Haninge',
  'Kalmar',
  'Östersund',
  'Trollhättan',
  'Falun',
  'Borlänge',
  'Motala',
  'Mjölby',
  'Finspång',
  'Åtvidaberg',
  'Kinda',
  'Ydre',
  'Boxholm',
  'Vadstena',
  'Ödeshög',
  'Söderköping',
  'Valdemarsvik',
  'Katrineholm',
  'Nyköping',
  'Karlskrona',
  'Kiruna',
  'Gällivare',
  'Arvika',
  'Sandviken',
  'Hudiksvall',
  'Örnsköldsvik',
  'Piteå',
  'Landskrona',
  'Trelleborg',
  'Ystad',
  'Visby',
  'Varberg',
  'Uddevalla',
] as const;

/** Real samordningsförbund (finsam coordination associations). */
export const SAMORDNINGSFORBUND = [
  'Samordningsförbundet Centrala Östergötland',
  'Samordningsförbundet Västra Östergötland',
  'Samordningsförbundet Östra Östergötland',
  'Samordningsförbundet Stockholms stad',
  'Samordningsförbundet Göteborg Centrum',
  'Samordningsförbundet RAR i Sörmland',
  'Samordningsförbundet Uppsala län',
  'Samordningsförbundet Västerås',
  'Samordningsförbundet Lund',
  'Samordningsförbundet Malmö',
  'Samordningsförbundet Umeå',
  'Samordningsförbundet Skellefteå',
  'Samordningsförbundet Norrbotten',
  'Samordningsförbundet Gävle',
  'Samordningsförbundet Värmland',
  'Samordningsförbundet Halmstad',
  'Samordningsförbundet Jämtlands län',
  'Samordningsförbundet Kalmar län',
] as const;

const MUNICIPAL_BODIES = [
  'Arbetsmarknadsnämnden',
  'Kommunstyrelsen',
  'Socialnämnden',
  'Bildningsnämnden',
  'Utbildningsnämnden',
  'Kommunfullmäktige',
  'Arbetsmarknads- och vuxenutbildningsnämnden',
];
const RECIPIENTS = [
  'Stadsmissionen',
  'Coompanion',
  'Studieförbundet Vuxenskolan',
  'ABF',
  'Röda Korset',
  'Hyresgästföreningen',
  'Fryshuset',
  'Individuell Människohjälp',
  'Kvinnojouren',
  'Företagarna',
  'Unga Jobb',
  'Sociala företaget Returen',
  'Arbetsintegrerande föreningen Steget',
  'Idrottsföreningen Kamraterna',
];
const FUNDERS = [
  'Arbetsförmedlingen',
  'Försäkringskassan',
  'Europeiska socialfonden',
  'Tillväxtverket',
  'Delegationen mot segregation',
  'Länsstyrelsen',
];
const TOPICS = [
  'försörjningsstöd',
  'nyanlända',
  'unga vuxna',
  'långtidsarbetslösa',
  'sysselsättning',
  'praktik',
  'språkstöd',
  'validering',
  'vuxenutbildning',
  'psykisk ohälsa',
  'sociala företag',
  'kommunalt bolag',
  'feriearbete',
  'rehabilitering',
];
const PLACES = [
  'Centrum',
  'Norr',
  'Söder',
  'Väster',
  'Öster',
  'Hageby',
  'Skäggetorp',
  'Ryd',
  'Berga',
  'Navestad',
  'Rosengård',
  'Tensta',
  'Gottsunda',
  'Hammarkullen',
  'Araby',
  'Holma',
];
const PROJECTS = [
  'Steget vidare',
  'Vägen in',
  'Jobbspåret',
  'Nya möjligheter',
  'Arbetsplatskörkortet',
  'Framtidsbron',
  'Språk och jobb',
  'Första jobbet',
  'Kompetenslyftet',
  'Samverkan för arbete',
  'Hela vägen',
  'Rätt stöd',
  'Unga in',
  'Mentorsprogrammet',
];
const OUTCOME_INDICATORS = [
  'Deltagare som påbörjat en anställning',
  'Deltagare i egen försörjning',
  'Deltagare som börjat studera',
  'Avbrott i insatsen',
  'Deltagare med förbättrad hälsa',
  'Praktikplatser',
];
const FIRST = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Sara',
  'Ahmed',
  'Leila',
  'Per',
  'Eva',
  'Mikael',
  'Fatima',
  'Nils',
];
const LAST = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Hassan',
  'Lindqvist',
];
const UNITS = [
  'Arbetsmarknadsförvaltningen',
  'Utbildningskontoret',
  'Socialförvaltningen',
  'Kommunledningsförvaltningen',
  'Förbundets kansli',
];

/** Luhn check digit for nine digits. */
function checkDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * A valid organisationsnummer from its first nine digits (the tenth is the
 * check digit). Callers derive the digits from the organisation, never at
 * random: a real organisation has one number wherever it occurs, and pages
 * group organisations by it. The third and fourth digits are 20 or more, so
 * it is never a personnummer.
 */
function orgNumber(nine: string): string {
  return `${nine.slice(0, 6)}-${nine.slice(6)}${checkDigit(nine)}`;
}

const pad3 = (n: number): string => String(n).padStart(3, '0');

/** "Linköpings kommun", "Arvika kommun", "Umeå kommun": no genitive s after a vowel or an s. */
export function municipalityName(place: string): string {
  return /[aeiouyåäös]$/.test(place) ? `${place} kommun` : `${place}s kommun`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Serialises a string as a double-quoted YAML scalar. */
function q(text: string): string {
  return JSON.stringify(text);
}

interface Picker {
  rnd: () => number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  some<T>(list: readonly T[], min: number, max: number): T[];
}

function picker(rnd: () => number): Picker {
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  return {
    rnd,
    int,
    pick: (list) => list[Math.floor(rnd() * list.length)]!,
    chance: (p) => rnd() < p,
    some: (list, min, max) => {
      const n = Math.min(list.length, int(min, max));
      const copy = [...list];
      const out = [];
      for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]!);
      return out;
    },
  };
}

/** A partial date at a random precision inside `year`, with an optional lower bound (month). */
function partialIn(p: Picker, year: number, fromMonth = 1): { text: string; month: number } {
  const month = p.int(fromMonth, 12);
  const precision = p.rnd();
  if (precision < 0.15 && fromMonth === 1) return { text: String(year), month: 1 };
  if (precision < 0.55) return { text: `${year}-${pad(month)}`, month };
  return { text: `${year}-${pad(month)}-${pad(p.int(1, 28))}`, month };
}

function kronor(n: number): string {
  return `${n.toLocaleString('sv-SE').replace(/\s/g, ' ')} kr`;
}

/** The body: headings, paragraphs, a GFM table and a footnote. */
function bodyText(
  p: Picker,
  project: string,
  org: string,
  recipient: string,
  amount: number | undefined,
  year: number,
): string {
  const paragraphs = [
    `${org} har under flera år arbetat med att fler invånare ska gå från försörjningsstöd till arbete eller studier. ${project} bygger vidare på det arbetet och drivs tillsammans med ${recipient}.`,
    `Insatsen riktar sig till personer som står långt från arbetsmarknaden. Deltagarna får en egen kontaktperson, stöd i att söka arbete och vid behov praktik hos en arbetsgivare i närområdet.`,
    `Förvaltningen bedömer att insatsen ryms inom den kommunala kompetensen och att den kompletterar Arbetsförmedlingens uppdrag utan att ersätta det.[^1]`,
    `Under ${year} ska verksamheten utvärderas. Utvärderingen ska visa hur många deltagare som har fått arbete, hur många som har börjat studera och vad insatsen har kostat per deltagare.`,
    `Verksamheten följs upp av en styrgrupp med representanter från parterna. Styrgruppen träffas fyra gånger per år och rapporterar till nämnden.`,
    `Erfarenheter från tidigare projekt visar att ett nära samarbete med arbetsgivare är avgörande. Därför ingår *arbetsgivarkontakter* och **matchning** som en central del av uppdraget.`,
  ];
  const rows = p.int(2, 5);
  const tableRows: string[] = [];
  for (let r = 0; r < rows; r++) {
    const participants = p.int(10, 120);
    tableRows.push(`| ${year + r} | ${participants} | ${p.int(0, participants)} | ${kronor(p.int(1, 40) * 25000)} |`);
  }
  const parts = [
    '## Bakgrund',
    '',
    paragraphs[0]!,
    '',
    paragraphs[1]!,
    '',
    '## Bedömning',
    '',
    paragraphs[2]!,
    '',
    ...(p.chance(0.5) ? [paragraphs[4]!, ''] : []),
    '## Ekonomi och uppföljning',
    '',
    amount !== undefined ? `Det sammanlagda beloppet är ${kronor(amount)}. ${paragraphs[3]!}` : paragraphs[3]!,
    '',
    '| År | Deltagare | Varav i arbete | Kostnad |',
    '|---|--:|--:|--:|',
    ...tableRows,
    '',
    ...(p.chance(0.6) ? [paragraphs[5]!, ''] : []),
    '[^1]: Enligt förvaltningens tjänsteskrivelse.',
    '',
  ];
  return parts.join('\n');
}

/** One case, deterministic in (seed, index). */
export function generateCase(index: number, seed = 1): GeneratedCase {
  const p = picker(seededRandom((seed * 1_000_003 + index * 7_919) >>> 0));
  const isFinsam = p.chance(0.25);
  const municipality = p.pick(MUNICIPALITIES);
  const organisation = isFinsam ? p.pick(SAMORDNINGSFORBUND) : municipalityName(municipality);
  const body = isFinsam ? 'Förbundsstyrelsen' : p.pick(MUNICIPAL_BODIES);
  const kind: Kind = p.pick(KINDS);
  const status: Status = p.pick(STATUSES);
  const project = p.pick(PROJECTS);
  const recipientKind = p.pick(RECIPIENTS);
  const recipient = `${recipientKind} ${municipality}`;
  const year = p.int(2015, 2026);
  const hasDecided = p.chance(0.85);
  const decided = hasDecided ? partialIn(p, year) : undefined;
  const title = `${project} – ${recipient}`;
  const slug = `${slugify(`${project} ${municipality} ${year}`)}-${index + 1}`;

  const kindIndex = RECIPIENTS.indexOf(recipientKind);
  const place = pad3(MUNICIPALITIES.indexOf(municipality));
  const recipientNumber = orgNumber(`${kindIndex % 2 ? '802' : '556'}${200 + kindIndex}${place}`);
  const organisationNumber = orgNumber(
    isFinsam
      ? `222000${pad3(SAMORDNINGSFORBUND.indexOf(organisation as (typeof SAMORDNINGSFORBUND)[number]))}`
      : `212000${place}`,
  );
  const parties: string[] = [
    `  - name: ${q(recipient)}\n    role: ${kind === 'application' ? 'applicant' : 'recipient'}${p.chance(0.5) ? `\n    orgNumber: "${recipientNumber}"` : ''}`,
  ];
  parties.push(
    `  - name: ${q(organisation)}\n    role: ${p.chance(0.7) ? 'funder' : 'owner'}${p.chance(0.4) ? `\n    orgNumber: "${organisationNumber}"` : ''}`,
  );
  const extraFunder = p.chance(0.3) ? p.pick(FUNDERS) : undefined;
  if (extraFunder) parties.push(`  - name: ${q(extraFunder)}\n    role: funder`);
  if (p.chance(0.2)) parties.push(`  - name: ${q(`Region ${municipality}`)}\n    role: partner`);

  const startYear = Math.max(2014, year + p.int(-1, 1));
  const endYear = startYear + p.int(0, 3);
  const hasPeriod = p.chance(0.85);
  const periodLines = hasPeriod
    ? [
        `period:`,
        `  start: "${startYear}-${pad(p.int(1, 6))}"`,
        ...(p.chance(0.9) ? [`  end: "${endYear}-12-31"`] : []),
      ]
    : [];

  const fundingLines: string[] = [];
  let headlineAmount: number | undefined;
  const nFunding = p.int(0, 3);
  for (let i = 0; i < nFunding; i++) {
    const from = i === 1 && extraFunder ? extraFunder : organisation;
    const basis = p.pick(BASES);
    const hasAmount = p.chance(0.85);
    const withItems = hasAmount && p.chance(0.3);
    const items = withItems
      ? Array.from({ length: p.int(2, 4) }, (_, k) => ({
          label: ['Personalkostnad', 'Lokaler', 'Utbildning', 'Handledning'][k]!,
          amount: p.int(1, 40) * 25_000,
        }))
      : [];
    const amount = withItems
      ? items.reduce((s, it) => s + it.amount, 0)
      : hasAmount
        ? p.int(2, 400) * 25_000
        : undefined;
    if (i === 0) headlineAmount = amount;
    fundingLines.push(`  - from: ${q(from)}`, `    to: ${q(recipient)}`);
    if (amount !== undefined) fundingLines.push(`    amount: ${amount}`);
    fundingLines.push(`    basis: ${basis}`);
    if (p.chance(0.3)) fundingLines.push(`    period:`, `      start: "${startYear}"`, `      end: "${endYear}"`);
    if (withItems) {
      fundingLines.push('    items:');
      for (const it of items) fundingLines.push(`      - label: ${it.label}`, `        amount: ${it.amount}`);
    }
    if (p.chance(0.4))
      fundingLines.push(
        `    note: ${q(`Finansieras inom ramen för ${p.pick(['budgeten för arbetsmarknadsåtgärder', 'statsbidrag från Delegationen mot segregation', 'förbundets medel för insatser', 'medel från Europeiska socialfonden'])}.`)}`,
      );
  }

  const followLines: string[] = [];
  const nFollow = p.int(0, 3);
  const baseYear = decided ? year : startYear;
  for (let i = 0; i < nFollow; i++) {
    const dueYear = baseYear + i + 1;
    const due = `${dueYear}-${pad(p.int(1, 12))}`;
    followLines.push(
      `  - due: "${due}"`,
      `    what: ${q(p.pick(['Utfall redovisas för nämnden', 'Delrapport till förbundsstyrelsen', 'Slutrapport med utvärdering', 'Ekonomisk redovisning']))}`,
    );
    if (dueYear <= 2025 && p.chance(0.6)) {
      followLines.push(`    done: "${dueYear}-12"`);
      if (p.chance(0.5)) followLines.push(`    report: https://www.example.se/rapporter/${slug}-${i + 1}.pdf`);
    }
  }

  const outcomeLines: string[] = [];
  for (let i = 0, n = p.int(0, 3); i < n; i++) {
    outcomeLines.push(`  - indicator: ${q(OUTCOME_INDICATORS[(i + p.int(0, 5)) % OUTCOME_INDICATORS.length]!)}`);
    const which = p.rnd();
    if (which < 0.7) outcomeLines.push(`    target: ${p.int(5, 200)}`);
    if (which >= 0.4)
      outcomeLines.push(
        `    actual: ${p.int(0, 180)}`,
        `    asOf: "${Math.min(2026, baseYear + 1)}-${pad(p.int(1, 12))}"`,
      );
    outcomeLines.push(`    unit: personer`);
  }

  const decisionPoints = [
    `${body} ${status === 'proposed' ? 'föreslås besluta' : 'beslutar'} att ${kind === 'application' ? 'ansöka om medel för' : 'finansiera'} ${project} tillsammans med ${recipient}.`,
    ...(p.chance(0.6) ? [`Insatsen följs upp och redovisas för ${body.toLowerCase()} årligen.`] : []),
  ];

  const lines = [
    '---',
    `title: ${q(title)}`,
    `summary: ${q(`${organisation} ${kind === 'application' ? 'söker medel för' : 'stöder'} ${project}, som hjälper arbetssökande i ${municipality} till arbete eller studier.`)}`,
    `kind: ${kind}`,
    `status: ${status}`,
    `organisation: ${q(organisation)}`,
    `body: ${q(body)}`,
    ...(decided ? [`decided: "${decided.text}"`] : []),
    ...(p.chance(0.7) ? [`reference: ${q(`${isFinsam ? 'SF' : 'AMN'} ${year}/${p.int(10, 999)}`)}`] : []),
    'decisionPoints:',
    ...decisionPoints.map((d) => `  - ${q(d)}`),
    'parties:',
    ...parties,
    ...periodLines,
    ...(fundingLines.length ? ['funding:', ...fundingLines] : []),
    ...(followLines.length ? ['followUps:', ...followLines] : []),
    ...(outcomeLines.length ? ['outcomes:', ...outcomeLines] : []),
    ...(p.chance(0.6)
      ? [
          'targetGroup:',
          `  description: ${q(p.pick(['Arbetssökande med försörjningsstöd', 'Unga vuxna som varken arbetar eller studerar', 'Nyanlända vuxna', 'Personer med behov av samordnad rehabilitering']))}`,
          '  ageFrom: 16',
          `  ageTo: ${p.int(24, 64)}`,
        ]
      : []),
    ...(p.chance(0.5) ? ['places:', ...p.some(PLACES, 1, 3).map((x) => `  - ${x}`)] : []),
    'topics:',
    ...p.some(TOPICS, 1, 4).map((x) => `  - ${x}`),
    'documents:',
    `  - title: ${q(`Tjänsteskrivelse ${project} (${year})`)}`,
    ...(p.chance(0.3) ? [`    href: https://www.example.se/protokoll/${slug}.pdf`] : []),
    ...(p.chance(0.6)
      ? ['signedBy:', `  - name: ${q(`${p.pick(FIRST)} ${p.pick(LAST)}`)}`, `    unit: ${q(p.pick(UNITS))}`]
      : []),
    '---',
    '',
    bodyText(p, project, organisation, recipient, headlineAmount, Math.max(year, startYear)),
  ];
  const dirYear = decided ? year : hasPeriod ? startYear : year;
  return { path: `${dirYear}/${slug}.mdx`, slug, source: lines.join('\n') };
}

/** N cases, deterministic in the seed. */
export function generateCases(n: number, seed = 1): GeneratedCase[] {
  return Array.from({ length: n }, (_, i) => generateCase(i, seed));
}
