/**
 * The site's configuration: every `INSYN_*` environment variable, read once
 * here and validated, so a wrong value stops the build with a message that
 * names the variable, what was found and what is expected. Everything else
 * takes its settings from `config`; nothing else reads `INSYN_*`.
 *
 * An empty value counts as unset. The README's configuration table lists
 * every variable of `CONFIG_VARIABLES` (a unit test keeps the two in step).
 *
 * Never read `import.meta.env` here: Astro would inline every environment
 * variable named in this file into it, and every page's incremental-build
 * hash would then depend on how the build was started.
 */
import { z } from 'astro/zod';
import { isPartialDate } from './core/partial-date.ts';
import { isWebAddress } from './core/web-address.ts';

const webAddress = (example: string) =>
  z
    .string()
    .refine(isWebAddress, {
      message: `en webbadress som börjar med https:// eller http://, t.ex. ${example}`,
    })
    .transform((value) => value.replace(/\/+$/, ''));

const projectPath = (example: string) =>
  z.string().refine((value) => !value.includes('\0') && value.trim() === value, {
    message: `en sökväg i projektet, t.ex. ${example}`,
  });

/** Each variable with its schema and default; what each is for is in the README's table. */
const variables = {
  INSYN_SITE: webAddress('https://insyn.kommun.se').default('https://insyn.example.se'),
  INSYN_BASE: z
    .string()
    .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, {
      message: 'en sökväg med snedstreck först och sist, t.ex. /insyn/ (eller / för webbplatsens rot)',
    })
    .default('/'),
  INSYN_REPO_URL: webAddress('https://github.com/kommun/insyn').optional(),
  INSYN_REPO_BRANCH: z
    .string()
    .regex(/^(?!\/|.*(?:\/\/|\.\.|@\{|\/$|\.lock$))[A-Za-z0-9._/-]+$/, { message: 'ett grennamn i git, t.ex. main' })
    .default('main'),
  INSYN_CONTACT_EMAIL: z.email({ message: 'en e-postadress, t.ex. insyn@kommun.se' }).optional(),
  INSYN_BUILD_DATE: z
    .string()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isPartialDate(value), {
      message: 'ett datum som finns, ÅÅÅÅ-MM-DD, t.ex. 2026-11-23',
    })
    .optional(),
  INSYN_EDITOR_LOCAL: z
    .enum(['0', '1'], { message: '1 (redigeraren på /redigera/ arbetar mot den lokala arbetskopian) eller 0' })
    .default('0'),
  INSYN_CASES_DIR: projectPath('content/cases').default('content/cases'),
  INSYN_ORGANISATIONS_FILE: projectPath('content/organisations.yaml').default('content/organisations.yaml'),
  INSYN_OUT_DIR: projectPath('./dist').default('./dist'),
  INSYN_CACHE_DIR: projectPath('./node_modules/.astro').default('./node_modules/.astro'),
  INSYN_PRERENDER_WORKERS: z
    .string()
    .regex(/^[1-9]\d?$/, { message: 'ett antal arbetsprocesser, 1–99, t.ex. 4' })
    .transform(Number)
    .optional(),
};

export type ConfigVariable = keyof typeof variables;

/** Every variable the site reads. */
export const CONFIG_VARIABLES = Object.keys(variables) as ConfigVariable[];

const envSchema = z.object(variables);

export interface Config {
  /** Public origin, without a trailing slash (`https://insyn.example.se`). */
  site: string;
  /** The path the site lives under, with slashes at both ends (`/insyn/`). */
  base: string;
  /** The repository's web address, without a trailing slash; undefined turns off edit and history links. */
  repoUrl: string | undefined;
  repoBranch: string;
  contactEmail: string | undefined;
  /**
   * The editor on /redigera/ works on the local working copy only (`npm run redigera`),
   * whether or not a repository is configured.
   */
  editorLocal: boolean;
  /** The pinned build day (`YYYY-MM-DD`), or undefined for the day the build runs. */
  buildDate: string | undefined;
  /** Case files, relative to the project root. */
  casesDir: string;
  /** The organisation alias list, relative to the project root. */
  organisationsFile: string;
  outDir: string;
  cacheDir: string;
  /**
   * Pages rendered in this many worker processes (Astro's experimental parallel
   * prerendering), or undefined for none. Off by default: each worker loads every case,
   * so the memory grows with the workers, and on two cores it gained nothing (the
   * benchmark prints the comparison).
   */
  prerenderWorkers: number | undefined;
}

/** Settings that say where and how the build runs, not what it shows; they are not part of page cache keys. */
export const BUILD_ONLY_SETTINGS: readonly (keyof Config)[] = ['outDir', 'cacheDir', 'prerenderWorkers'];

/** A configuration error: every wrong variable, what was found and what is expected. */
export class ConfigError extends Error {
  constructor(problems: readonly string[]) {
    super(`Fel i inställningarna (miljövariabler):\n${problems.join('\n')}`);
    this.name = 'ConfigError';
    this.stack = this.message;
  }
}

/** Reads and validates the configuration from an environment (empty values count as unset). */
export function readConfig(env: Record<string, string | undefined>): Config {
  const raw = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name] === '' ? undefined : env[name]]));
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}: fick "${raw[name] ?? ''}", förväntade ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const v = result.data;
  return {
    site: v.INSYN_SITE,
    base: v.INSYN_BASE,
    repoUrl: v.INSYN_REPO_URL,
    repoBranch: v.INSYN_REPO_BRANCH,
    contactEmail: v.INSYN_CONTACT_EMAIL,
    editorLocal: v.INSYN_EDITOR_LOCAL === '1',
    buildDate: v.INSYN_BUILD_DATE,
    casesDir: v.INSYN_CASES_DIR,
    organisationsFile: v.INSYN_ORGANISATIONS_FILE,
    outDir: v.INSYN_OUT_DIR,
    cacheDir: v.INSYN_CACHE_DIR,
    prerenderWorkers: v.INSYN_PRERENDER_WORKERS,
  };
}

/** This process's configuration. */
export const config: Config = readConfig(process.env);

/**
 * The build date: every derived state (follow-ups, phases) is relative to
 * it, and every page shows it. INSYN_BUILD_DATE pins it (tests, reproducible
 * builds); otherwise it is the moment the build runs.
 */
export const BUILD_DATE: Date = config.buildDate ? new Date(`${config.buildDate}T12:00:00Z`) : new Date();
