/**
 * `npm run new`: creates a new case file from a few questions in Swedish,
 * or from flags for scripts (`--yes` asks nothing). Every answer is checked
 * with the same schema as the build and asked again with the Swedish error;
 * the slug is derived from the title and must be new across all years; the
 * finished file is validated once more before it is written. The file text
 * comes from src/lib/content/scaffold.ts. Run `npm run new -- --help`.
 */
import './config-errors.ts';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { config } from '../lib/config.ts';
import { listCaseFiles, publicFileChecker, validateAll, validateCaseFiles } from '../lib/content/collection.ts';
import { slugify } from '../lib/core/slug.ts';
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
  choiceList,
  defaultOrganisationRole,
  KIND_CHOICES,
  mostCommon,
  parseChoice,
  parsePartyFlag,
  ROLE_CHOICES,
  type ScaffoldAnswers,
  STATUS_CHOICES,
  type TextField,
} from '../lib/content/scaffold.ts';
import { endNotBeforeStart } from '../lib/core/partial-date.ts';
import { formatCaseErrors } from '../lib/validate/errors.ts';

const HELP = `Skapar en ny ärendefil: content/cases/<år>/<slug>.mdx

Användning:
  npm run new                       frågar efter uppgifterna, en i taget
  npm run new -- --title "…" …      fyller i det som anges och frågar efter resten
  npm run new -- --yes --title "…"  frågar ingenting (för skript); saknas ett
                                    obligatoriskt fält avbryts det med ett fel

Fält (obligatoriska markerade med *):
  --title "…"          * ärendets namn som i dokumentet (3–200 tecken)
  --summary "…"        * en eller två meningar: vem får vad, för vad (10–400 tecken)
  --kind VÄRDE         * agreement | grant | partnership | application | report
                         (standard: agreement)
  --status VÄRDE       * proposed | applied | decided | noted | rejected | withdrawn
                         (standard: decided)
  --organisation "…"   * organisationen som beslutar eller tillfrågas
                         (standard: den vanligaste bland befintliga ärenden)
  --body "…"           * det beslutande organet, t.ex. Arbetsmarknadsnämnden
                         (standard: det vanligaste för organisationen)
  --decided DATUM        beslutsdatum: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD
  --reference "…"        diarienummer, t.ex. "KS 2018-597"
  --decision "…"       * en beslutspunkt; ange flera gånger för flera punkter
  --party "namn:roll"    en part; roll: owner | recipient | partner | funder |
                         applicant. Ange flera gånger för flera parter
                         (standard: organisationen, som funder, eller som
                         applicant när kind är application)
  --period-start DATUM   när arbetet börjar
  --period-end DATUM     när arbetet slutar
  --background "…"       första stycket i brödtexten (Bakgrund); i brödtexten
                         finns komponenterna <Citat>, <Rättelse> och <Ärende>
                         (se "Komponenter" i content/README.md)

Utkast ur ett beslutsdokument:
  npm run new -- --fran beslut.pdf
                       läser dokumentet (PDF, Word .docx eller text) och skriver
                       ett utkast med allt det hittar; källan (mening och sida)
                       står som kommentar ovanför varje värde. Obligatoriska fält
                       det inte hittar skrivs tomma, så att npm run check visar
                       dem tills du har fyllt i dem. Inget annat frågas.

Övrigt:
  --slug SLUG          filnamnet och webbadressen (standard: härleds från titeln)
  --dir KATALOG        var ärendena ligger (standard: ${config.casesDir})
  --yes, -y            fråga ingenting och skriv filen direkt
  --help, -h           visa den här texten

Mappen <år> är året för --decided, annars för --period-start, annars i år.
Valfria fält som inte anges skrivs som kommentarer i filen, med exempel.
Se content/README.md för vad varje fält betyder.`;

class UsageError extends Error {}

const root = process.cwd();

let flags: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: false,
    options: {
      title: { type: 'string' },
      summary: { type: 'string' },
      kind: { type: 'string' },
      status: { type: 'string' },
      organisation: { type: 'string' },
      body: { type: 'string' },
      decided: { type: 'string' },
      reference: { type: 'string' },
      decision: { type: 'string', multiple: true },
      party: { type: 'string', multiple: true },
      'period-start': { type: 'string' },
      'period-end': { type: 'string' },
      background: { type: 'string' },
      slug: { type: 'string' },
      dir: { type: 'string' },
      fran: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}
try {
  flags = parse();
} catch (error) {
  console.error(
    `Okänd eller felaktig flagga: ${error instanceof Error ? error.message : String(error)}\n\nKör "npm run new -- --help" för att se alla flaggor.`,
  );
  process.exit(2);
}
if (flags.help) {
  console.log(HELP);
  process.exit(0);
}

if (flags.fran !== undefined) {
  const { newFromDocument } = await import('./new-from-document.ts');
  process.exit(
    await newFromDocument({
      root: process.cwd(),
      document: flags.fran,
      dir: (flags.dir ?? config.casesDir).replace(/\/+$/, ''),
      slug: flags.slug,
    }),
  );
}

const batch = flags.yes === true;
const dir = (flags.dir ?? config.casesDir).replace(/\/+$/, '');

/** Lines of standard input, read in order (buffered, so piped input is never lost between questions). */
const rl = batch
  ? undefined
  : createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
const lines = rl?.[Symbol.asyncIterator]();

async function readLine(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const next = await lines!.next();
  if (next.done) throw new UsageError('Indata tog slut innan alla frågor var besvarade.');
  if (!process.stdin.isTTY) process.stdout.write(`${next.value}\n`);
  return next.value;
}

/** With --yes, every problem is collected and reported at once, before anything is written. */
const batchErrors: string[] = [];
function batchError(message: string, value: string): string {
  batchErrors.push(message);
  return value;
}

interface Question {
  /** The Swedish prompt. */
  label: string;
  /** The flag's value, when given. */
  given?: string | undefined;
  /** The flag's name, for errors in batch mode. */
  flag: string;
  fallback?: string | undefined;
  optional?: boolean;
  check: (value: string) => string | undefined;
}

/** Asks one question (or takes the flag), re-asking with the Swedish error until the answer is valid. */
async function ask(q: Question): Promise<string | undefined> {
  if (q.given !== undefined) {
    const error = q.given.trim() === '' && q.optional ? undefined : q.check(q.given.trim());
    if (!error) return q.given.trim() || undefined;
    if (batch) return batchError(`--${q.flag}: ${error}`, q.given.trim());
    console.log(`  Fel i --${q.flag}: ${error}`);
  }
  if (batch) {
    if (q.fallback !== undefined) return q.fallback;
    if (q.optional) return undefined;
    return batchError(`--${q.flag} saknas men är obligatoriskt när --yes används.`, '');
  }
  for (;;) {
    const hint = q.fallback !== undefined ? ` [${q.fallback}]` : q.optional ? ' (Enter hoppar över)' : '';
    const raw = (await readLine(`${q.label}${hint}: `)).trim();
    const value = raw || q.fallback || '';
    if (value === '' && q.optional) return undefined;
    const error = value === '' ? 'svaret får inte vara tomt; fältet är obligatoriskt' : q.check(value);
    if (!error) return value;
    console.log(`  Fel: ${error}`);
  }
}

/** Asks for a choice from a fixed list, by number, value or Swedish label. */
async function askChoice<T extends string>(
  label: string,
  flag: string,
  given: string | undefined,
  choices: { values: readonly T[]; labels: Record<T, string> },
  fallback: T,
): Promise<T> {
  if (!batch && given === undefined) console.log(`${label}:\n${choiceList(choices.values, choices.labels)}`);
  const value = await ask({
    label: batch || given !== undefined ? label : 'Välj nummer eller värde',
    flag,
    given,
    fallback,
    check: (v) => (parseChoice(v, choices.values, choices.labels) ? undefined : choiceError(v, choices.values)),
  });
  return parseChoice(value!, choices.values, choices.labels) ?? fallback;
}

const text = (field: TextField) => (value: string) => checkText(field, value);

async function main(): Promise<void> {
  const existing = validateAll(root, dir);
  const existingFiles = listCaseFiles(root, dir);
  if (!batch) {
    console.log('Nytt ärende. Svara på frågorna; ett värde inom [ ] används om du bara trycker Enter.');
    console.log('Skriv uppgifterna exakt som i källdokumentet.\n');
  }

  const title = (await ask({
    label: 'Titel (ärendets namn som i dokumentet)',
    flag: 'title',
    given: flags.title,
    check: text('title'),
  }))!;
  const derived = flags.slug ?? slugify(title);
  const clash = checkSlug(derived, existingFiles);
  if (!batch && flags.slug === undefined && clash) console.log(`  Obs: ${clash}`);
  const slug = (await ask({
    label: 'Slug (filnamn och webbadress, ändras aldrig)',
    flag: 'slug',
    given: flags.slug ?? (batch ? derived : undefined),
    fallback: clash ? undefined : derived,
    check: (v) => checkSlug(v, existingFiles),
  }))!;
  const summary = (await ask({
    label: 'Sammanfattning (en eller två meningar: vem får vad, för vad)',
    flag: 'summary',
    given: flags.summary,
    check: text('summary'),
  }))!;
  const kind = await askChoice('Typ av ärende', 'kind', flags.kind, KIND_CHOICES, 'agreement');
  const status = await askChoice('Status', 'status', flags.status, STATUS_CHOICES, 'decided');
  const organisation = (await ask({
    label: 'Organisation (som beslutar eller tillfrågas)',
    flag: 'organisation',
    given: flags.organisation,
    fallback: mostCommon(existing.cases.map((c) => c.data.organisation)),
    check: text('organisation'),
  }))!;
  const body = (await ask({
    label: 'Beslutande organ (t.ex. Arbetsmarknadsnämnden)',
    flag: 'body',
    given: flags.body,
    fallback: mostCommon(existing.cases.filter((c) => c.data.organisation === organisation).map((c) => c.data.body)),
    check: text('body'),
  }))!;
  const decided = await ask({
    label: 'Beslutsdatum (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ)',
    flag: 'decided',
    given: flags.decided,
    optional: true,
    check: checkDate,
  });
  const reference = await ask({
    label: 'Diarienummer',
    flag: 'reference',
    given: flags.reference,
    optional: true,
    check: text('reference'),
  });

  const decisionPoints: string[] = [];
  if (flags.decision?.length) {
    for (const d of flags.decision)
      decisionPoints.push(
        (await ask({ label: 'Beslutspunkt', flag: 'decision', given: d, check: checkDecisionPoint }))!,
      );
  } else if (batch) {
    batchError('--decision saknas men är obligatoriskt när --yes används (minst en beslutspunkt).', '');
  } else {
    console.log('Beslutspunkter: det som beslutas eller föreslås, en i taget, i samma ordning som i dokumentet.');
    for (let n = 1; ; n++) {
      const p = await ask({ label: `Beslutspunkt ${n}`, flag: 'decision', optional: n > 1, check: checkDecisionPoint });
      if (p === undefined) break;
      decisionPoints.push(p);
      if (n === 1) console.log('  (Enter på en tom rad när alla punkter är med.)');
    }
  }

  const parties: ScaffoldAnswers['parties'] = [];
  if (flags.party?.length) {
    for (const p of flags.party) {
      const parsed = parsePartyFlag(p);
      if (typeof parsed === 'string') {
        if (batch) batchError(`--party: ${parsed}`, '');
        else throw new UsageError(`--party: ${parsed}`);
      } else parties.push(parsed);
    }
  } else if (batch) {
    parties.push({ name: organisation, role: defaultOrganisationRole(kind) });
  } else {
    console.log('Parter: vem som äger, tar emot, samverkar, finansierar eller söker.');
    for (let n = 1; ; n++) {
      const name = await ask({
        label: `Part ${n}, namn`,
        flag: 'party',
        fallback: n === 1 ? organisation : undefined,
        optional: n > 1,
        check: checkPartyName,
      });
      if (name === undefined) break;
      const role = await askChoice(
        `Roll för ${name}`,
        'party',
        undefined,
        ROLE_CHOICES,
        n === 1 && name === organisation ? defaultOrganisationRole(kind) : 'recipient',
      );
      parties.push({ name, role });
      if (n === 1) console.log('  (Enter på en tom rad när alla parter är med.)');
    }
  }

  const periodStart = await ask({
    label: 'Periodens början (när arbetet börjar)',
    flag: 'period-start',
    given: flags['period-start'],
    optional: true,
    check: checkDate,
  });
  const periodEnd = periodStart
    ? await ask({
        label: 'Periodens slut',
        flag: 'period-end',
        given: flags['period-end'],
        optional: true,
        check: (v) =>
          checkDate(v) ??
          (endNotBeforeStart(periodStart, v)
            ? undefined
            : `slutdatum ${v} ligger före startdatum ${periodStart}. Förväntat: ett slutdatum som är samma som eller senare än start`),
      })
    : undefined;
  if (!periodStart && flags['period-end']) batchError('--period-end kräver --period-start.', '');
  const background = await ask({
    label: 'Bakgrund, första stycket i brödtexten (kan skrivas i filen sedan)',
    flag: 'background',
    given: flags.background,
    optional: true,
    check: () => undefined,
  });

  if (batchErrors.length > 0)
    throw new UsageError(
      `${batchErrors.length} fel; ingen fil skrevs.\n  ${batchErrors.join('\n  ')}\n\nKör "npm run new -- --help" för att se alla flaggor.`,
    );
  const answers: ScaffoldAnswers = {
    title,
    summary,
    kind,
    status,
    organisation,
    body,
    decided,
    reference,
    decisionPoints,
    parties,
    periodStart,
    periodEnd,
    background,
  };
  const file = caseFilePath(dir, caseYear(answers, new Date().getFullYear()), slug);
  const source = buildCaseFile(answers);
  const { errors } = validateCaseFiles({
    files: [file],
    allFiles: [...existingFiles, file],
    read: () => source,
    publicFileExists: publicFileChecker(root),
  });
  if (errors.length > 0) {
    console.error(formatCaseErrors(errors));
    console.error('\nIngen fil skrevs.');
    process.exit(1);
  }
  if (existsSync(join(root, file))) throw new UsageError(`Filen ${file} finns redan; ingen fil skrevs.`);
  if (!batch) {
    const ok = (await readLine(`\nSkriva ${file}? [J/n]: `)).trim().toLowerCase();
    if (ok !== '' && !['j', 'ja', 'y', 'yes'].includes(ok)) {
      console.log('Avbrutet; ingen fil skrevs.');
      return;
    }
  }
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), source, 'utf8');
  console.log(`\nSkapade ${file}
Nästa steg:
  1. Öppna filen. Ta bort "# " framför de valfria fält som dokumentet anger och
     skriv in uppgifterna exakt som i källan. Skriv brödtexten med egna ord.
     I brödtexten finns tre komponenter, utan import:
       <Citat källa="dokumentets titel" sida="4">ordagrant ur källan</Citat>
       <Rättelse datum="ÅÅÅÅ-MM-DD">vad som rättades</Rättelse>
       <Ärende slug="ett-annat-arende">länktext</Ärende>
     (se "Komponenter" i content/README.md).
  2. Kontrollera filen:  npm run check -- ${file}
  3. Förhandsgranska:    npm run dev  och öppna /arenden/${slug}/
  4. Publicera:          se "Publicera" i content/README.md`);
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`\nFel: ${error.message}`);
    process.exitCode = error.message.startsWith('Indata') ? 1 : 2;
  } else {
    throw error;
  }
} finally {
  rl?.close();
}
