/**
 * The GitHub Actions workflow does what the README promises: pull requests
 * are validated and tested (with Debian's Chromium); main, a nightly
 * schedule and manual runs build with the full git history and deploy dist/
 * to GitHub Pages with the site and base URL settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/site.ts';

const wf = parse(readFileSync(join(ROOT, '.github/workflows/site.yml'), 'utf8'));
const runs = (job: string): string[] => wf.jobs[job].steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run);
const uses = (job: string): string[] => wf.jobs[job].steps.filter((s: { uses?: string }) => s.uses).map((s: { uses: string }) => s.uses.split('@')[0]);

describe('.github/workflows/site.yml', () => {
  it('runs on pull requests, pushes to main, nightly and by hand', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
  });

  it('validates and tests pull requests, with Debian Chromium', () => {
    expect(wf.jobs.test.if).toBe("github.event_name == 'pull_request'");
    expect(wf.jobs.test.container).toMatch(/^node:22-bookworm/);
    expect(runs('test')).toEqual(expect.arrayContaining(['npm ci', 'npm run check', 'npm run typecheck', 'npm test']));
    expect(runs('test').some((r) => r.includes('apt-get install') && r.includes('chromium'))).toBe(true);
  });

  it('builds with the full history and deploys dist/ to GitHub Pages otherwise', () => {
    const deploy = wf.jobs.deploy;
    expect(deploy.if).toBe("github.event_name != 'pull_request'");
    expect(deploy.steps[0].with['fetch-depth']).toBe(0);
    expect(deploy.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(uses('deploy')).toEqual(['actions/checkout', 'actions/setup-node', 'actions/cache', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']);
    expect(deploy.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact')).with.path).toBe('dist');
    const build = deploy.steps.find((s: { run?: string }) => s.run === 'npm run build');
    expect(Object.keys(build.env).sort()).toEqual(['INSYN_BASE', 'INSYN_CONTACT_EMAIL', 'INSYN_REPO_BRANCH', 'INSYN_REPO_URL', 'INSYN_SITE']);
    expect(runs('deploy').indexOf('npm run check')).toBeLessThan(runs('deploy').indexOf('npm run build'));
    // The build cache (last output + Astro's cache) is restored after npm ci, which would empty node_modules.
    const steps = deploy.steps as { uses?: string; run?: string; with?: { path?: string; 'restore-keys'?: string } }[];
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache'));
    expect(cache).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm ci'));
    expect(cache).toBeLessThan(steps.findIndex((s) => s.run === 'npm run build'));
    expect(steps[cache]!.with!.path!.trim().split('\n')).toEqual(['dist', 'node_modules/.astro']);
    expect(steps[cache]!.with!['restore-keys']).toBe('insyn-build-');
  });
});
