/**
 * The benchmark cannot rot: its generated cases pass `npm run check` (the
 * same rules as the build), and a generated site (230 cases, built once in
 * global setup, test/helpers/shared-sites.ts) builds with one page per case
 * (and one search record per case when the index is built).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateCases } from '../helpers/generator.ts';
import { casePageSlugs, pageWeights, pagefindRecords } from '../bench/site-stats.ts';
import { validateAll } from '../../src/lib/content/collection.ts';
import { formatCaseErrors } from '../../src/lib/validate/errors.ts';
import { GENERATED } from '../helpers/shared-sites.ts';
import { ROOT, SEED_ORGANISATIONS } from '../helpers/site.ts';

const N = 20;
const DIR = `.bench/test-${process.pid}`;
const CASES = `${DIR}/cases`;
const cases = generateCases(N, 3);

beforeAll(() => {
  for (const c of cases) {
    const file = join(ROOT, CASES, c.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, c.source);
  }
});
afterAll(() => rmSync(join(ROOT, DIR), { recursive: true, force: true }));

describe('benchmark generator', () => {
  it('writes cases that pass validateAll with no errors', () => {
    const { errors, cases: parsed, files } = validateAll(ROOT, CASES);
    expect(formatCaseErrors(errors)).toBe(formatCaseErrors([]));
    expect(files).toHaveLength(N);
    expect(parsed.map((c) => c.slug).sort()).toEqual(cases.map((c) => c.slug).sort());
  });

  it('passes npm run check', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts')], {
      cwd: ROOT,
      env: { ...process.env, INSYN_CASES_DIR: CASES, INSYN_ORGANISATIONS_FILE: SEED_ORGANISATIONS },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Alla ${N} ärendefiler är giltiga`);
  });

  it('builds a site with one page per case, no JavaScript on case pages', () => {
    const [outDir, output] = [inject('generatedSiteDir'), inject('generatedSiteLog')];
    const generated = generateCases(GENERATED.count, GENERATED.seed);
    expect(output).not.toMatch(/\berror\b/i);
    expect(casePageSlugs(outDir)).toEqual(generated.map((c) => c.slug).sort());
    const records = pagefindRecords(outDir);
    if (records !== null) expect(records).toBe(GENERATED.count);
    const weights = pageWeights(outDir, casePageSlugs(outDir));
    expect(weights.caseJsBytes).toBe(0);
    expect(weights.caseHtmlGzMedian).toBeGreaterThan(0);
  });
});
