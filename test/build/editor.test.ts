/**
 * The form editor in a build and in `npm run redigera`, without a browser (the
 * editor in Chromium is test/e2e/editor.test.ts):
 * - with a GitHub repository configured (the configured fixture site, under /insyn/),
 *   /redigera/ is the editor's own page with its policy, its files are there, its
 *   configuration saves through pull requests to the configured branch, and the
 *   policy is scoped to /redigera/ in _headers;
 * - without one (the seed site), /redigera/ says in Swedish how to turn it on;
 * - `npm run redigera` serves the editor on the working copy with no account.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../../src/lib/config.ts';
import { CSP_EDITOR_HEADER, CSP_EDITOR_META, CSP_META } from '../../src/lib/core/security.ts';
import { writeEditorAssets } from '../../src/lib/editor/assets.ts';
import { CONFIGURED } from '../helpers/shared-sites.ts';
import { ROOT, SEED_CASES, SEED_ORGANISATIONS, seedEditorBundles, testBuildsDir } from '../helpers/site.ts';

const configured = inject('configuredSiteDir');
const seed = inject('siteDir');
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('the editor in a site with a GitHub repository', () => {
  const page = read(configured, 'redigera/index.html');

  it('is its own page with the editor policy, loading only its own script', () => {
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain(`content="${CSP_EDITOR_META.replace(/'/g, "'")}"`);
    expect(page).toContain('<script type="module" src="/insyn/redigera/insyn-editor.js"></script>');
    expect(page).not.toContain('/_astro/');
    expect(page).toContain('name="robots" content="noindex"');
  });

  it('has its script, the parts it loads and its fonts beside it', () => {
    const dir = join(configured, 'redigera');
    expect(readFileSync(join(dir, 'insyn-editor.js'), 'utf8')).toMatch(/^import|^var |^\(/);
    expect(readdirSync(join(dir, 'delar')).some((f) => f.startsWith('sv-') && f.endsWith('.js'))).toBe(true);
    expect(readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.woff2'))).toHaveLength(3);
    // The fonts come from there, never from Sveltia's CDN, which the policy blocks.
    const script = readFileSync(join(dir, 'insyn-editor.js'), 'utf8');
    expect(script).toContain('woff2');
    expect(script).not.toContain('cdn.jsdelivr.net/fontsource');
  });

  it('has the page that drafts a case from a document, under the site policy, with its own script', () => {
    const draft = read(configured, 'redigera/fran-dokument/index.html');
    expect(draft).toContain(`content="${CSP_META}"`);
    expect(draft).toContain('<script type="module" src="/insyn/redigera/insyn-utkast.js"></script>');
    expect(draft).toContain('name="robots" content="noindex"');
    expect(draft).toMatch(/<label for="utkast-fil"[^>]*>Beslutsdokument<\/label>/);
    expect(draft).toContain('data-editor="/insyn/redigera/"');
    // The editor links to it, and the script that reads documents is not in the editor's.
    expect(page).toContain('<a href="/insyn/redigera/fran-dokument/">Nytt ärende från ett dokument</a>');
    const script = read(configured, 'redigera/insyn-utkast.js');
    expect(script).toMatch(/^import|^var |^\(/);
    expect(read(configured, 'redigera/insyn-editor.js')).not.toContain('needs-ocr');
    expect(script).toContain('needs-ocr');
  });

  it('saves through pull requests to the configured branch, in the configured case folder', () => {
    const bundle = JSON.parse(read(configured, 'redigera/config.json'));
    expect(bundle.config.backend).toMatchObject({
      name: 'github',
      repo: 'kommun/insyn',
      branch: CONFIGURED.repoBranch,
    });
    expect(bundle.config.publish_mode).toBe('editorial_workflow');
    expect(bundle.config.collections[0].folder).toBe(CONFIGURED.cases);
    expect(bundle.components.map((c: { tag: string }) => c.tag)).toEqual(['Citat', 'Rättelse', 'Ärende']);
  });

  it('keeps its bundled scripts in the build cache: the next build copies the same bytes', async () => {
    // The shared site's build cache, as test/helpers/site.ts lays it out beside the output.
    const settings = readConfig({
      INSYN_CASES_DIR: CONFIGURED.cases,
      INSYN_REPO_URL: CONFIGURED.repoUrl,
      INSYN_CACHE_DIR: join(configured, '..', 'cache'),
    });
    const dir = mkdtempSync(join(testBuildsDir(), 'editor-again-'));
    try {
      const again = await writeEditorAssets(dir, settings);
      expect(again.fromCache).toBe(true);
      const scripts = again.files.filter((f) => f.endsWith('.js'));
      expect(scripts).toContain('insyn-editor.js');
      expect(scripts).toContain('insyn-utkast.js');
      for (const file of scripts) expect(read(dir, file), file).toBe(read(join(configured, 'redigera'), file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has its policy in _headers for /redigera/ only, and is not in the sitemap', () => {
    const headers = read(configured, '_headers');
    const rule = headers.split('\n\n').find((block) => block.startsWith('/insyn/redigera/*'));
    expect(rule).toContain(`Content-Security-Policy: ${CSP_EDITOR_HEADER}`);
    expect(headers.split(CSP_EDITOR_HEADER)).toHaveLength(2);
    expect(read(configured, 'sitemap.xml')).not.toContain('/redigera/');
  });
});

describe('the editor in a site without a repository', () => {
  it('says in Swedish how to turn it on, and ships none of its files', () => {
    const page = read(seed, 'redigera/index.html');
    expect(page).toContain('Redigeraren är inte påslagen');
    expect(page).toContain('INSYN_REPO_URL');
    expect(page).toContain('npm run redigera');
    expect(page).not.toContain('insyn-editor.js');
    expect(existsSync(join(seed, 'redigera', 'fran-dokument'))).toBe(false);
    expect(existsSync(join(seed, 'redigera', 'insyn-utkast.js'))).toBe(false);
    expect(existsSync(join(seed, 'redigera', 'config.json'))).toBe(false);
    expect(read(seed, '_headers')).not.toContain("'unsafe-inline'");
  });
});

/** A free TCP port on this machine. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe('npm run redigera', () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(() => {
    for (const child of children) child.kill();
  });

  it('serves the editor on the working copy, with no account and no repository set', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/redigera.ts'), '--port', String(port)], {
      cwd: ROOT,
      env: {
        // Not the shell's INSYN_ settings, nor Vitest's own variables (VITEST makes Vite's
        // server behave as in a test; BASE_URL and the rest are its import.meta.env).
        ...Object.fromEntries(
          Object.entries(process.env).filter(
            ([k]) =>
              !k.startsWith('INSYN_') &&
              !k.startsWith('VITEST') &&
              !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(k),
          ),
        ),
        INSYN_CASES_DIR: SEED_CASES,
        INSYN_ORGANISATIONS_FILE: SEED_ORGANISATIONS,
        // A cache of its own, with the run's editor bundles (test/helpers/site.ts), as on a
        // computer where the editor has been started before.
        INSYN_CACHE_DIR: seedEditorBundles(mkdtempSync(join(testBuildsDir(), 'redigera-cache-'))),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stderr!.on('data', (c) => (output += c));
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (c) => {
        output += c;
        const m = /Redigeraren: (http:\/\/localhost:\d+\/redigera\/)/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`npm run redigera slutade:\n${output}`)));
    });
    expect(output).toContain('Arbeta med lokalt repository');
    const page = await (await fetch(address)).text();
    expect(page).toContain('<script type="module" src="/redigera/insyn-editor.js"></script>');
    const script = await fetch(new URL('insyn-editor.js', address));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const draftScript = await fetch(new URL('insyn-utkast.js', address));
    expect(draftScript.status).toBe(200);
    expect(draftScript.headers.get('content-type')).toContain('javascript');
    const bundle = await (await fetch(new URL('config.json', address))).json();
    expect(bundle.config.backend.repo).toBe('lokal/arbetskopia');
    expect(bundle.config.collections[0].folder).toBe(SEED_CASES);
    // The site itself runs beside it, for looking at a saved case.
    const casePage = new URL('/arenden/linkstep-stangastaden-2020/', address);
    await expect.poll(async () => (await fetch(casePage)).status, { timeout: 30_000 }).toBe(200);
    const draftPage = await fetch(new URL('fran-dokument/', address));
    expect(draftPage.status).toBe(200);
    expect(await draftPage.text()).toMatch(/<h1[^>]*>Nytt ärende från ett dokument<\/h1>/);
  });
});
