/**
 * `npm run new` end to end: the interactive form fed through standard input
 * (with wrong answers re-asked), the flag form for scripts, refusal of an
 * existing slug, a draft from a decision document (`--fran`), and the written
 * files pass `npm run check` and build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionText, pdfOfText } from '../helpers/documents.ts';
import { buildSite, readPage, ROOT, SEED_CASES, SEED_ORGANISATIONS, textOf } from '../helpers/site.ts';

const DIR = `test/fixtures/.tmp-new-${process.pid}/cases`;
const ABS = join(ROOT, DIR);

function run(script: string, args: string[], input = '') {
  const env = { ...process.env, NO_COLOR: '1', INSYN_ORGANISATIONS_FILE: SEED_ORGANISATIONS };
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, input, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  mkdirSync(join(ABS, '2019'), { recursive: true });
  // One existing case, so defaults (organisation, body) and the slug rule have something to work with.
  cpSync(
    join(ROOT, SEED_CASES, '2019/linkstep-stangastaden-2020.mdx'),
    join(ABS, '2019/linkstep-stangastaden-2020.mdx'),
  );
});
afterAll(() => rmSync(join(ABS, '..'), { recursive: true, force: true }));

const interactiveInput = [
  'AB', // too short: asked again
  'Ny överenskommelse om Linkstep 2021',
  '', // accept the derived slug
  'Kommunen förlänger Linkstep hos AB Stångåstaden under 2021.',
  'avtal', // not a choice: asked again
  '1',
  'beslutat',
  '', // organisation: default from existing cases (Linköpings kommun)
  '', // body: default for that organisation (Arbetsmarknadsnämnden)
  '2021-02-30', // not a real day: asked again
  '2020-12-16',
  'AMN 2020-118',
  'Nämnden förlänger överenskommelsen med AB Stångåstaden om Linkstep till och med 2021-12-31.',
  'Utfallet redovisas för nämnden i februari 2022.',
  '',
  '', // first party: the organisation
  '', // its role: funder
  'AB Stångåstaden',
  'mottagare',
  '',
  '2021-01-01',
  '2020-12-31', // before the start: asked again
  '2021-12-31',
  'Linkstep förlängs ett år.',
  'j',
].join('\n');

describe('npm run new', () => {
  it('interactive: asks in Swedish, re-asks wrong answers with the error, writes a valid file', () => {
    const r = run('src/cli/new.ts', ['--dir', DIR], `${interactiveInput}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fel: texten är för kort. Förväntat: minst 3 tecken.');
    expect(r.stdout).toContain('Slug (filnamn och webbadress, ändras aldrig) [ny-overenskommelse-om-linkstep-2021]');
    expect(r.stdout).toContain('Fel: "avtal" finns inte bland valen.');
    expect(r.stdout).toContain('Organisation (som beslutar eller tillfrågas) [Linköpings kommun]');
    expect(r.stdout).toContain('Beslutande organ (t.ex. Arbetsmarknadsnämnden) [Arbetsmarknadsnämnden]');
    expect(r.stdout).toContain('Fel: datumet finns inte i kalendern.');
    expect(r.stdout).toContain('Fel: slutdatum 2020-12-31 ligger före startdatum 2021-01-01.');
    const file = `${DIR}/2020/ny-overenskommelse-om-linkstep-2021.mdx`;
    expect(r.stdout).toContain(`Skapade ${file}`);
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).toContain('title: Ny överenskommelse om Linkstep 2021\n');
    expect(text).toContain('decided: "2020-12-16"\nreference: AMN 2020-118\n');
    expect(text).toContain(
      'parties:\n  - name: Linköpings kommun\n    role: funder\n  - name: AB Stångåstaden\n    role: recipient\n',
    );
    expect(text).toContain('period:\n  start: "2021-01-01"\n  end: "2021-12-31"\n');
    expect(text).toContain('# funding:\n');
    const check = run('src/cli/check.ts', [file]);
    expect(check.stdout).toMatch(/^Alla 1 ärendefiler är giltiga/);
    expect(check.code).toBe(0);
  });

  it('interactive: refuses a slug that exists in any year and asks for another', () => {
    const input = ['Linkstep Stångåstaden 2020', 'linkstep-stangastaden-2020', 'linkstep-stangastaden-2020-andra'].join(
      '\n',
    );
    const r = run('src/cli/new.ts', ['--dir', DIR], `${input}\n`);
    expect(r.stdout).toContain('Obs: sluggen "linkstep-stangastaden-2020" används redan av test/fixtures/');
    expect(r.stdout).toContain('Fel: sluggen "linkstep-stangastaden-2020" används redan');
    // The input ends before every question is answered: nothing is written.
    expect(r.stderr).toContain('Indata tog slut innan alla frågor var besvarade.');
    expect(r.code).toBe(1);
    expect(existsSync(join(ABS, '2019/linkstep-stangastaden-2020-andra.mdx'))).toBe(false);
  });

  it('flags with --yes: asks nothing, fills defaults, writes a valid file', () => {
    const r = run('src/cli/new.ts', [
      '--yes',
      '--dir',
      DIR,
      '--title',
      'Ansökan: samverkan kring arbetsmarknad i Lund',
      '--summary',
      'Socialförvaltningen söker 840 000 kr från Finsam för en halvtidstjänst.',
      '--kind',
      'application',
      '--status',
      'applied',
      '--organisation',
      'Lunds kommun',
      '--body',
      'Socialförvaltningen',
      '--decided',
      '2020-06',
      '--decision',
      'Ansökt belopp: 840 000 kr för projektperioden.',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = `${DIR}/2020/ansokan-samverkan-kring-arbetsmarknad-i-lund.mdx`;
    expect(r.stdout).toContain(`Skapade ${file}`);
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).toContain('title: "Ansökan: samverkan kring arbetsmarknad i Lund"\n');
    expect(text).toContain('decisionPoints:\n  - "Ansökt belopp: 840 000 kr för projektperioden."\n');
    // The party defaults to the organisation, as applicant in an application.
    expect(text).toContain('parties:\n  - name: Lunds kommun\n    role: applicant\n');
    expect(run('src/cli/check.ts', [file]).code).toBe(0);
  });

  it('flags with --yes: lists every problem at once and writes nothing', () => {
    const r = run('src/cli/new.ts', [
      '--yes',
      '--dir',
      DIR,
      '--title',
      'Linkstep Stångåstaden 2020',
      '--summary',
      'Kort',
      '--kind',
      'avtal',
      '--decided',
      '2021-02-30',
      '--party',
      'AB Stångåstaden',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // Organisation and body have defaults from the existing case, so they are not errors.
    expect(r.stderr).toContain('Fel: 6 fel; ingen fil skrevs.');
    expect(r.stderr).toContain('--slug: sluggen "linkstep-stangastaden-2020" används redan av test/fixtures/');
    expect(r.stderr).toContain('--summary: texten är för kort. Förväntat: minst 10 tecken.');
    expect(r.stderr).toContain('--kind: "avtal" finns inte bland valen.');
    expect(r.stderr).toContain('--decided: datumet finns inte i kalendern.');
    expect(r.stderr).toContain('--decision saknas men är obligatoriskt när --yes används (minst en beslutspunkt).');
    expect(r.stderr).toContain('--party: parten "AB Stångåstaden" saknar roll.');
  });

  it('flags with --yes: a required field without a default is an error', () => {
    const r = run('src/cli/new.ts', ['--yes', '--dir', `${DIR}-empty`, '--title', 'Ett helt nytt ärende']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--summary saknas men är obligatoriskt när --yes används.');
    expect(r.stderr).toContain('--organisation saknas men är obligatoriskt när --yes används.');
    expect(r.stderr).toContain('--body saknas men är obligatoriskt när --yes används.');
  });

  it('--help explains every flag in Swedish; an unknown flag is a usage error', () => {
    const help = run('src/cli/new.ts', ['--help']);
    expect(help.code).toBe(0);
    for (const flag of [
      '--title',
      '--summary',
      '--kind',
      '--status',
      '--organisation',
      '--body',
      '--decided',
      '--reference',
      '--decision',
      '--party',
      '--period-start',
      '--period-end',
      '--background',
      '--slug',
      '--dir',
      '--yes',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toContain('Skapar en ny ärendefil');
    const bad = run('src/cli/new.ts', ['--titel', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Okänd eller felaktig flagga');
  });

  it('--fran: drafts from a PDF, quotes each source, and the file passes the check once the missing fields are filled', async () => {
    const pdf = join(ABS, '..', 'linkstep-forslag-till-beslut.pdf');
    writeFileSync(pdf, await pdfOfText(decisionText('linkstep-forslag-till-beslut.txt')));
    const r = run('src/cli/new.ts', ['--fran', pdf, '--dir', DIR]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = `${DIR}/2018/stangastaden-ett-steg-till-sysselsattning-linkstep.mdx`;
    expect(r.stdout).toContain(`Skapade ${file}, ett utkast ur linkstep-forslag-till-beslut.pdf (3 sidor).`);
    expect(r.stdout).toMatch(
      /Föreslaget ur dokumentet[^\n]*\n(?: {2}- .*\n)*\s*- Beslutspunkter \(decisionPoints\): 2 st\n/u,
    );
    expect(r.stdout).toMatch(/måste fyllas i innan ärendet kan publiceras:\n {2}- Sammanfattning \(summary\)\n\n/u);
    expect(r.stdout).toContain('- Diarienummer (reference)');
    let text = readFileSync(join(ROOT, file), 'utf8');
    // Each value under the sentence it was read from, with its page.
    expect(text).toContain(
      'funding:\n  # Källa, sida 1: ”Arbetsmarknadsnämnden ingår en överenskommelse med AB Stångåstaden om finansiering av projektet Linkstep med 2 400 000 kr under perioden 2020-01-01 – 2020-12-31.”\n',
    );
    expect(text).toContain(
      '  - from: Linköpings kommun\n    to: AB Stångåstaden\n    amount: 2400000\n    basis: total\n    period:\n      start: "2020-01-01"\n      end: "2020-12-31"\n',
    );
    expect(text).toContain('summary: ""\n');
    expect(text).not.toMatch(/^reference:/mu);

    const before = run('src/cli/check.ts', [file]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(`${file}:9  summary: texten är för kort`);
    expect(before.stderr).toContain('targetGroup.description: texten är för kort');

    text = text
      .replace('summary: ""', 'summary: Arbetsmarknadsnämnden finansierar Linkstep hos AB Stångåstaden under 2020.')
      .replace('description: ""', 'description: Personer med försörjningsstöd i Linköping');
    writeFileSync(join(ROOT, file), text);
    const after = run('src/cli/check.ts', [file]);
    expect(after.stdout).toMatch(/^Alla 1 ärendefiler är giltiga/);
    expect(after.code).toBe(0);
  });

  it('--fran: a scan without a text layer is refused with a message about OCR, and nothing is written', async () => {
    const scan = join(ABS, '..', 'skannad.pdf');
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawRectangle({ x: 72, y: 600, width: 400, height: 100 });
    writeFileSync(scan, await doc.save());
    const r = run('src/cli/new.ts', ['--fran', scan, '--dir', DIR]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/OCR/u);
    expect(r.stderr).toContain('Ingen fil skrevs.');
    expect(r.stdout).toBe('');
  });

  it('the written files build into pages', async () => {
    const result = await buildSite({ cases: DIR });
    expect(result.output).not.toMatch(/fel i \d+ ärendefil/);
    expect(result.ok).toBe(true);
    const page = textOf(readPage(result.outDir, '/arenden/ny-overenskommelse-om-linkstep-2021/'));
    expect(page).toContain(
      'Nämnden förlänger överenskommelsen med AB Stångåstaden om Linkstep till och med 2021-12-31.',
    );
    expect(page).toContain('AB Stångåstaden – mottagare');
    expect(page).toContain('Linkstep förlängs ett år.');
    const drafted = textOf(readPage(result.outDir, '/arenden/stangastaden-ett-steg-till-sysselsattning-linkstep/'));
    expect(drafted).toContain('Arbetsmarknadsnämnden finansierar Linkstep hos AB Stångåstaden under 2020.');
    expect(drafted).toContain('2 400 000 kr');
    expect(textOf(readPage(result.outDir, '/arenden/ansokan-samverkan-kring-arbetsmarknad-i-lund/'))).toContain(
      'Lunds kommun – sökande',
    );
  });
});
