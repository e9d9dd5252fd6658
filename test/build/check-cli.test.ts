/**
 * `npm run check` (src/cli/check.ts) in plain Node: every error in every
 * file at once, exit 1 on any; the alias list is checked too.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

function check(env: Record<string, string> = {}, args: string[] = []) {
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run check', () => {
  it('passes the real case files', () => {
    const r = check();
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/Alla \d+ ärendefiler är giltiga/);
  });

  it('lists every error in every bad file at once and exits 1', () => {
    const r = check({ INSYN_CASES_DIR: 'test/fixtures/foundation' });
    expect(r.status).toBe(1);
    for (const [file, field] of [
      ['bad-amount/cases/2020/felaktigt-belopp.mdx:17', 'funding[0].amount'],
      ['bad-date/cases/2020/omojligt-datum.mdx:8', 'decided'],
      ['bad-unknown-field/cases/2020/okant-falt.mdx', 'followups'],
      ['bad-items/cases/2020/poster-summerar-fel.mdx', 'funding[0].items'],
      ['bad-personnummer/cases/2020/med-personnummer.mdx:23', 'personnummer'],
      ['bad-body/cases/2020/skript-i-brodtext.mdx:23', 'brödtext'],
      ['bad-document/cases/2020/saknat-dokument.mdx', 'documents[0].href'],
      ['bad-duplicate/cases/2021/samma-slug.mdx', 'filnamn'],
    ]) {
      expect(r.out).toMatch(new RegExp(`test/fixtures/foundation/${file!.replace(/[.[\]]/g, '\\$&')}(:\\d+)?  ${field!.replace(/[.[\]]/g, '\\$&')}: `));
    }
    expect(r.out).not.toContain('good/cases');
  });

  it('checks named files only', () => {
    const r = check({}, ['test/fixtures/foundation/bad-date/cases/2020/omojligt-datum.mdx']);
    expect(r.status).toBe(1);
    expect(r.out).toContain('1 fel i 1 ärendefil.');
    expect(r.out).toContain('omojligt-datum.mdx:8  decided: datumet finns inte i kalendern');
  });

  it('checks the organisation alias list', () => {
    const r = check({ INSYN_ORGANISATIONS_FILE: 'test/fixtures/organisations/bad-aliases.yaml' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('test/fixtures/organisations/bad-aliases.yaml:4  [1].name: namnet "Stadsmissionen i Linköping" står redan i listan');
  });
});
