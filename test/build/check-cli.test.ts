/**
 * `npm run check` (src/cli/check.ts) in plain Node: every error in every
 * file at once, exit 1 on any; the alias list is checked too. Run on
 * fixtures only (the seed fixture's alias list unless a test names another):
 * live content is `npm run check`'s own business, in CI.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_CASES, SEED_ORGANISATIONS } from '../helpers/site.ts';

function check(env: Record<string, string> = {}, args: string[] = []) {
  const settings = { INSYN_CASES_DIR: SEED_CASES, INSYN_ORGANISATIONS_FILE: SEED_ORGANISATIONS, ...env };
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...settings },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run check', () => {
  it('passes the seed case files', () => {
    const r = check();
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('Alla 5 ärendefiler är giltiga');
  });

  it('lists every error in every bad file at once and exits 1', () => {
    const r = check({ INSYN_CASES_DIR: 'test/fixtures/foundation' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('13 fel i 13 ärendefiler.');
    for (const [file, field] of [
      ['bad/cases/2020/felaktigt-belopp.mdx:17', 'funding[0].amount'],
      ['bad/cases/2020/omojligt-datum.mdx:8', 'decided'],
      ['bad/cases/2020/okant-falt.mdx', 'followups'],
      ['bad/cases/2020/poster-summerar-fel.mdx', 'funding[0].items'],
      ['bad/cases/2020/med-personnummer.mdx:23', 'personnummer'],
      ['bad/cases/2020/skript-i-brodtext.mdx:23', 'brödtext'],
      ['bad/cases/2020/saknat-dokument.mdx', 'documents[0].href'],
      ['bad/cases/2021/samma-slug.mdx', 'filnamn'],
      ['bad/cases/2020/kodad-lank.mdx:24', 'brödtext'],
      ['bad/cases/2020/okand-komponent.mdx:24', 'brödtext'],
      ['bad/cases/2020/citat-utan-kalla.mdx:24', 'brödtext <Citat>'],
      ['bad/cases/2020/rattelse-framtida-datum.mdx:24', 'brödtext <Rättelse>'],
      ['bad/cases/2020/arende-okand-slug.mdx:24', 'brödtext <Ärende>'],
    ]) {
      expect(r.out).toMatch(
        new RegExp(
          `test/fixtures/foundation/${file!.replace(/[.[\]]/g, '\\$&')}(:\\d+)?  ${field!.replace(/[.[\]]/g, '\\$&')}: `,
        ),
      );
    }
    expect(r.out).not.toContain('good/cases');
  });

  it('checks named files only', () => {
    const r = check({}, ['test/fixtures/foundation/bad/cases/2020/omojligt-datum.mdx']);
    expect(r.status).toBe(1);
    expect(r.out).toContain('1 fel i 1 ärendefil.');
    expect(r.out).toContain('omojligt-datum.mdx:8  decided: datumet finns inte i kalendern');
  });

  it('checks the organisation alias list', () => {
    const r = check({ INSYN_ORGANISATIONS_FILE: 'test/fixtures/organisations/bad-aliases.yaml' });
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      'test/fixtures/organisations/bad-aliases.yaml:4  [1].name: namnet "Stadsmissionen i Linköping" står redan i listan',
    );
  });

  it('warns about one name with two organisationsnummer and one number under names the alias list does not join', () => {
    const r = check({ INSYN_CASES_DIR: 'test/fixtures/open-data/cases' });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('2 varningar om organisationer:');
    expect(r.out).toContain(
      'test/fixtures/open-data/cases/2019/samma-nummer-annat-namn.mdx:17  parties[1].orgNumber: namnet "Förening D" har olika organisationsnummer: 802400-0021 i test/fixtures/open-data/cases/2019/samma-namn-annat-nummer.mdx:14, 802400-0013 i test/fixtures/open-data/cases/2019/samma-nummer-annat-namn.mdx:17',
    );
    expect(r.out).toContain(
      'test/fixtures/open-data/cases/2021/beslut-med-orgnr.mdx:16  parties[0].orgNumber: organisationsnumret 802400-0005 står under flera namn som alias-listan test/fixtures/seed/organisations.yaml inte förenar: "Föreningen Exempel i Staden" (test/fixtures/open-data/cases/2019/samma-nummer-annat-namn.mdx), "Föreningen Exempel" (test/fixtures/open-data/cases/2021/beslut-med-orgnr.mdx)',
    );
    expect(r.out).toContain('Alla 9 ärendefiler är giltiga');
  });

  it('is an error, naming the case file and the alias list, when the list joins names with different numbers', () => {
    const r = check({
      INSYN_CASES_DIR: 'test/fixtures/open-data/cases',
      INSYN_ORGANISATIONS_FILE: 'test/fixtures/organisations/conflicting-aliases.yaml',
    });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(
      /test\/fixtures\/open-data\/cases\/20\d\d\/[a-z-]+\.mdx:\d+ {2}parties\[\d\]\.orgNumber: alias-listan test\/fixtures\/organisations\/conflicting-aliases\.yaml anger att "[^"]+" och "[^"]+" är samma organisation, men de har olika organisationsnummer/,
    );
    expect(r.out).toContain(
      'Förväntat: samma organisation har samma organisationsnummer: rätta numret i ärendefilen, eller ta bort stavningen ur test/fixtures/organisations/conflicting-aliases.yaml',
    );
  });
});
