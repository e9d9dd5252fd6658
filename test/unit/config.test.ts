/** The configuration (src/lib/config.ts): every INSYN_* variable validated once, with messages that name the variable. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, readConfig } from '../../src/lib/config.ts';
import { ROOT } from '../helpers/site.ts';

const errorOf = (env: Record<string, string>): string => {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('readConfig accepted the environment');
};

describe('readConfig', () => {
  it('gives the documented defaults when nothing is set, and treats empty values as unset', () => {
    const defaults = {
      site: 'https://insyn.example.se',
      base: '/',
      repoUrl: undefined,
      repoBranch: 'main',
      contactEmail: undefined,
      editorLocal: false,
      buildDate: undefined,
      casesDir: 'content/cases',
      organisationsFile: 'content/organisations.yaml',
      outDir: './dist',
      cacheDir: './node_modules/.astro',
      prerenderWorkers: undefined,
    };
    expect(readConfig({})).toEqual(defaults);
    expect(readConfig(Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, ''])))).toEqual(defaults);
  });

  it('reads every variable, dropping trailing slashes from web addresses', () => {
    const config = readConfig({
      INSYN_SITE: 'https://insyn.kommun.se/',
      INSYN_BASE: '/insyn/',
      INSYN_REPO_URL: 'https://github.com/kommun/insyn/',
      INSYN_REPO_BRANCH: 'release/2026',
      INSYN_CONTACT_EMAIL: 'insyn@kommun.se',
      INSYN_EDITOR_LOCAL: '1',
      INSYN_BUILD_DATE: '2024-02-29',
      INSYN_CASES_DIR: 'test/fixtures/seed/cases',
      INSYN_ORGANISATIONS_FILE: 'test/fixtures/seed/organisations.yaml',
      INSYN_OUT_DIR: '/tmp/ut',
      INSYN_CACHE_DIR: '/tmp/cache',
      INSYN_PRERENDER_WORKERS: '4',
    });
    expect(config).toEqual({
      site: 'https://insyn.kommun.se',
      base: '/insyn/',
      repoUrl: 'https://github.com/kommun/insyn',
      repoBranch: 'release/2026',
      contactEmail: 'insyn@kommun.se',
      editorLocal: true,
      buildDate: '2024-02-29',
      casesDir: 'test/fixtures/seed/cases',
      organisationsFile: 'test/fixtures/seed/organisations.yaml',
      outDir: '/tmp/ut',
      cacheDir: '/tmp/cache',
      prerenderWorkers: 4,
    });
  });

  it.each([
    ['INSYN_SITE', 'insyn.kommun.se', 'en webbadress som börjar med https:// eller http://'],
    ['INSYN_SITE', 'ftp://insyn.kommun.se', 'en webbadress som börjar med https:// eller http://'],
    ['INSYN_BASE', 'insyn', 'en sökväg med snedstreck först och sist, t.ex. /insyn/'],
    ['INSYN_BASE', '/insyn', 'en sökväg med snedstreck först och sist, t.ex. /insyn/'],
    [
      'INSYN_REPO_URL',
      'github.com/kommun/insyn',
      'en webbadress som börjar med https:// eller http://, t.ex. https://github.com/kommun/insyn',
    ],
    ['INSYN_REPO_BRANCH', 'main..x', 'ett grennamn i git, t.ex. main'],
    ['INSYN_REPO_BRANCH', 'feature branch', 'ett grennamn i git, t.ex. main'],
    ['INSYN_CONTACT_EMAIL', 'insyn(at)kommun.se', 'en e-postadress, t.ex. insyn@kommun.se'],
    ['INSYN_BUILD_DATE', '23/11/2026', 'ett datum som finns, ÅÅÅÅ-MM-DD'],
    ['INSYN_BUILD_DATE', '2026-02-30', 'ett datum som finns, ÅÅÅÅ-MM-DD'],
    ['INSYN_BUILD_DATE', '2026-11', 'ett datum som finns, ÅÅÅÅ-MM-DD'],
    ['INSYN_CASES_DIR', ' content/cases', 'en sökväg i projektet, t.ex. content/cases'],
    ['INSYN_PRERENDER_WORKERS', '0', 'ett antal arbetsprocesser, 1–99, t.ex. 4'],
    ['INSYN_PRERENDER_WORKERS', 'två', 'ett antal arbetsprocesser, 1–99, t.ex. 4'],
  ])('refuses %s=%j, naming the variable, the value and what is expected', (name, value, expected) => {
    const message = errorOf({ [name]: value });
    expect(message).toContain('Fel i inställningarna (miljövariabler)');
    expect(message).toContain(`${name}: fick "${value}", förväntade ${expected}`);
  });

  it('lists every wrong variable at once', () => {
    const message = errorOf({ INSYN_BASE: 'x', INSYN_BUILD_DATE: 'igår' });
    expect(message).toContain('INSYN_BASE: fick "x"');
    expect(message).toContain('INSYN_BUILD_DATE: fick "igår"');
  });
});

describe('the README', () => {
  it('has one row in its configuration table for every variable, and no other INSYN_ variable', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const documented = new Set([...readme.matchAll(/^\|\s*`(INSYN_[A-Z_]+)`\s*\|/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});
