/**
 * The organisation, body, tracker, statistics and outcomes pages of the seed
 * fixture site (test/fixtures/seed, build date 2026-11-23): its figures
 * asserted; version links in the configured fixture site (INSYN_REPO_URL);
 * and a build with a bad alias file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CONFIGURED } from '../helpers/shared-sites.ts';
import { buildSite, readPage, ROOT, SEED_CASES, textOf } from '../helpers/site.ts';

const dir = inject('siteDir');
const page = (path: string) => readPage(dir, path);
const text = (path: string) => textOf(page(path));

const ORGS = [
  'ab-stangastaden',
  'arbetsformedlingen',
  'arbetsformedlingen-lund',
  'finsam',
  'forsakringskassan',
  'idrott-och-service',
  'knivsta-kommun',
  'linkopings-kommun',
  'linkopings-stadsmission',
  'lunds-kommun',
  'region-uppsala',
  'samordningsforbundet',
  'socialforvaltningen-i-lunds-kommun',
];

const NEW_PAGES = [
  '/organisationer/',
  '/organisationer/linkopings-kommun/',
  '/organisationer/linkopings-kommun/arbetsmarknadsnamnden/',
  '/uppfoljning/',
  '/statistik/',
  '/utfall/',
  '/utfall/linkopings-kommun/',
];

describe('organisation pages', () => {
  it('lists every organisation that decides, funds, receives, owns, partners or applies, with counts', () => {
    const html = page('/organisationer/');
    for (const slug of ORGS) {
      expect(html, slug).toContain(`href="/organisationer/${slug}/"`);
      expect(existsSync(join(dir, 'organisationer', slug, 'index.html')), slug).toBe(true);
    }
    const t = text('/organisationer/');
    expect(t).toContain('13 organisationer förekommer i ärendena');
    expect(t).toContain('Linköpings kommun 3 beslutande organisation, finansiär 2 3');
    expect(t).toContain('Knivsta kommun 1 mottagare, sökande 0 0');
  });

  it('shows an organisation’s money per basis, per year, its overdue follow-ups and its bodies', () => {
    const t = text('/organisationer/linkopings-kommun/');
    expect(t).toContain('Linköpings kommun förekommer i 3 ärenden.');
    expect(t).toContain(
      'Pengar som Linköpings kommun ger Totalt för perioden 2 400 000 kr Per år 1 100 000 kr Utan angivet belopp 1 penningflöde',
    );
    expect(t).toContain(
      'Pengar från Linköpings kommun per år År Totalt för perioden Per år Högst, för hela perioden Högst, per år 2020 2 400 000 kr 1 100 000 kr – – 2021 – 1 100 000 kr – –',
    );
    expect(t).toContain('Inga ärenden anger pengar till Linköpings kommun.');
    expect(t).toContain('Status den 23 november 2026');
    const html = page('/organisationer/linkopings-kommun/');
    expect(html.match(/<span class="state state-overdue">försenad<\/span>/g)).toHaveLength(3);
    expect(html).toContain('href="/organisationer/linkopings-kommun/arbetsmarknadsnamnden/"');
    expect(html).toContain('href="/organisationer/linkopings-kommun/bildningsnamnden/"');
    expect(html).toContain('href="/arenden/linkstep-stangastaden-2020/"');
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Nya ärenden: Linköpings kommun" href="/organisationer/linkopings-kommun/arenden.atom"',
    );
    expect(existsSync(join(dir, 'organisationer', 'linkopings-kommun', 'arenden.atom'))).toBe(true);
  });

  it('keeps ceilings as ceilings and per-year amounts per year', () => {
    expect(text('/organisationer/samordningsforbundet/')).toContain(
      'Pengar som Samordningsförbundet ger Högst, för hela perioden 1 965 000 kr',
    );
    expect(text('/organisationer/knivsta-kommun/')).toContain(
      'Pengar som Knivsta kommun tar emot Högst, för hela perioden 1 965 000 kr',
    );
    expect(text('/organisationer/linkopings-stadsmission/')).toContain(
      'Pengar som Linköpings Stadsmission ger Per år 980 500 kr',
    );
    expect(text('/organisationer/ab-stangastaden/')).toContain(
      'Pengar som AB Stångåstaden tar emot Totalt för perioden 2 400 000 kr',
    );
  });

  it('gives deciding bodies pages under their organisation', () => {
    const t = text('/organisationer/linkopings-kommun/arbetsmarknadsnamnden/');
    expect(t).toContain('Arbetsmarknadsnämnden i Linköpings kommun har 2 ärenden.');
    expect(t).toContain('Försenade: 2');
    expect(text('/organisationer/samordningsforbundet/forbundsstyrelsen/')).toContain(
      'Förbundsstyrelsen i Samordningsförbundet har 1 ärende.',
    );
    expect(text('/organisationer/lunds-kommun/socialforvaltningen/')).toContain('Ärendena utlovar inga återrapporter.');
  });
});

describe('embed pages', () => {
  it('every organisation has a plain embed page: latest cases, money, overdue reports, no script, links to the top window', () => {
    for (const slug of ORGS) {
      const html = page(`/inbaddning/${slug}/`);
      expect(html, slug).not.toMatch(/<script\b/);
      expect(html, slug).toContain('<base target="_top">');
      expect(html, slug).toContain('<meta http-equiv="Content-Security-Policy"');
      expect(html, slug).toContain('<meta name="robots" content="noindex">');
      expect(html, slug).not.toContain('class="site-nav"');
    }
    const t = text('/inbaddning/linkopings-kommun/');
    expect(t).toContain('Linköpings kommun på Insyn');
    expect(t).toContain('3 ärenden om pengar till arbetsmarknadsinsatser');
    for (const heading of ['Senaste ärenden', 'Pengar', 'Försenade återrapporter']) expect(t).toContain(heading);
    expect(page('/inbaddning/linkopings-kommun/')).toContain('href="/arenden/iop-linkopings-stadsmission/"');
  });

  it('the organisation page offers the <iframe> snippet with the embed page’s address', () => {
    const html = page('/organisationer/linkopings-kommun/');
    expect(html).toContain('<label for="inbaddningskod">Kod att klistra in (iframe)</label>');
    expect(html).toContain(
      '&lt;iframe src=&quot;https://insyn.example.se/inbaddning/linkopings-kommun/&quot; title=&quot;Linköpings kommun: ärenden och pengar (Insyn)&quot; width=&quot;100%&quot; height=&quot;600&quot; loading=&quot;lazy&quot;&gt;&lt;/iframe&gt;',
    );
  });

  it('only the embed pages may be framed (_headers)', () => {
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/inbaddning\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'self' https:$/m);
    expect(headers).toMatch(/^\/organisationer\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'none'$/m);
  });
});

describe('follow-up tracker', () => {
  it('groups every promised report relative to the stated build date, with counts and links to cases', () => {
    const t = text('/uppfoljning/');
    expect(t).toContain('Här finns alla 3 återrapporter');
    expect(t).toContain('Statusen gäller den 23 november 2026 , dagen då webbplatsen byggdes.');
    expect(t).toContain('3 försenade 0 ska komma inom 60 dagar 0 ska komma senare 0 rapporterade');
    expect(t).toContain('Linköpings kommun 3 0 0 0 3');
    expect(t).toContain('Arbetsmarknadsnämnden , Linköpings kommun 2 0 0 0 2');
    expect(t).toContain('Bildningsnämnden , Linköpings kommun 1 0 0 0 1');
    expect(t).toContain('Försenade (3)');
    expect(t).toContain('Ska komma inom 60 dagar (0) Inga.');
    const html = page('/uppfoljning/');
    expect(html.match(/href="\/arenden\/linkstep-stangastaden-2020\/"/g)).toHaveLength(2);
    expect(html).toContain('href="/arenden/arbetsplatskorkortet-idrott-och-service/"');
  });
});

describe('statistics', () => {
  it('states money per year and basis, per organisation, cases per kind and status, with honest notes', () => {
    const t = text('/statistik/');
    expect(t).toContain('4 av 5 ärenden anger minst ett belopp. 1 ärende anger inget belopp alls');
    expect(t).toContain('2 penningflöden anges per år');
    expect(t).toContain('1 sådant belopp gäller flera år');
    expect(t).toContain(
      'Angivna belopp per år och slag År Totalt för perioden Per år Högst, för hela perioden Högst, per år 2020 3 240 000 kr 2 080 500 kr – – 2021 – 2 080 500 kr – – 2022 – – 1 965 000 kr –',
    );
    expect(t).toContain(
      'Linköpings kommun 2 400 000 kr 1 100 000 kr – – Samordningsförbundet – – 1 965 000 kr – Linköpings Stadsmission – 980 500 kr – – Finsam 840 000 kr – – –',
    );
    expect(t).toContain(
      'Antal ärenden per status Status Ärenden Förslag till beslut 2 Ansökt 1 Beslutat 0 Noterat (information) 2',
    );
  });

  it('draws each chart as static accessible SVG with a title, and no inline styles or scripts', () => {
    const html = page('/statistik/');
    const svgs = html.match(/<svg role="img" aria-labelledby="[^"]+"/g) ?? [];
    expect(svgs).toHaveLength(5);
    expect(html).toContain('<title id="diagram-per-ar-title">Angivna belopp per år</title>');
    expect(html).toContain('class="chart-s0"');
  });
});

describe('outcomes overview', () => {
  it('counts targets and results, and lists them per organisation on static pages, flagging targets without a result', () => {
    const t = text('/utfall/');
    expect(t).toContain(
      'Ärendena anger 2 mål och 4 rapporterade utfall, i 3 ärenden. 2 mål saknar rapporterat utfall.',
    );
    expect(t).toContain('Linköpings kommun 6 2 4 2');
    expect(page('/utfall/')).toContain('href="/utfall/linkopings-kommun/"');
    const org = text('/utfall/linkopings-kommun/');
    expect(org).toContain('Mål och utfall: Linköpings kommun');
    expect(org).toContain(
      'Deltagare i egen försörjning under år 1 (minst 60 % av heltid under sex månader) Stångåstaden ett steg till sysselsättning (Linkstep) 50 – personer – Inget utfall rapporterat',
    );
    expect(org).toContain(
      'Deltagare som påbörjat en anställning Stångåstaden ett steg till sysselsättning (Linkstep) – 67 personer november 2019 utfall 67 personer, inget mål angivet',
    );
    // Targets without a result, in a table of their own after all of them.
    const missing = org.slice(org.indexOf('Mål utan rapporterat utfall i ärenden som Linköpings kommun beslutar om'));
    expect(missing).toContain(
      'Deltagare i insatsen Arbetsmarknadsinriktade insatser i samverkan med Idrott och service 40 – personer – Inget utfall rapporterat',
    );
    expect(missing).not.toContain('Deltagare som påbörjat en anställning');
    // Two lists of at most ten rows: whole on the page, no pages of their own.
    expect(existsSync(join(dir, 'utfall', 'linkopings-kommun', 'alla', 'index.html'))).toBe(false);
    expect(page('/utfall/linkopings-kommun/')).not.toContain('Visa alla');
    // Organisations whose cases state no outcomes get no outcomes page.
    expect(existsSync(join(dir, 'utfall', 'lunds-kommun', 'index.html'))).toBe(false);
  });

  it('is linked from the start page, as are the statistics', () => {
    const html = page('/');
    expect(html).toContain('href="/utfall/"');
    expect(html).toContain('href="/statistik/"');
  });
});

describe('new pages in general', () => {
  it('have the menu entries, the build date in the footer, no inline styles and no scripts', () => {
    for (const path of NEW_PAGES) {
      const html = page(path);
      for (const href of ['/organisationer/', '/uppfoljning/', '/statistik/', '/utfall/'])
        expect(html, path).toContain(`<a href="${href}"`);
      expect(textOf(html), path).toContain('Webbplatsen byggdes 23 november 2026 .');
      expect(html, path).not.toMatch(/\sstyle=/);
      expect(html, path).not.toMatch(/<script/);
      expect(html.match(/<h1[\s>]/g), path).toHaveLength(1);
    }
  });
});

describe('case pages', () => {
  it('show the change history from git and link the organisation, body and parties', () => {
    const html = page('/arenden/linkstep-stangastaden-2020/');
    const t = textOf(html);
    // The fixture's own history: the commits that touched its copy of the file.
    const file = `${SEED_CASES}/2019/linkstep-stangastaden-2020.mdx`;
    const day = execFileSync('git', ['log', '-1', '--format=%aI', '--', file], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .slice(0, 10);
    const hashes = execFileSync('git', ['log', '--format=%H', '--', file], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(hashes.length).toBeGreaterThan(0);
    expect(t).toContain('Ändringshistorik');
    expect(html).toContain(`Senast ändrad <time datetime="${day}">`);
    for (const h of hashes) expect(html).toContain(`<code>${h.slice(0, 8)}</code>`);
    expect(t).toContain('Ärendet publicerades.');
    expect(html).toContain('<a href="/organisationer/linkopings-kommun/">Linköpings kommun</a>');
    expect(html).toContain(
      '<a href="/organisationer/linkopings-kommun/arbetsmarknadsnamnden/">Arbetsmarknadsnämnden</a>',
    );
    expect(html).toContain('<a href="/organisationer/ab-stangastaden/">AB Stångåstaden</a>');
  });
});

describe('version links and the alias file', () => {
  it('links each version to the repository when INSYN_REPO_URL is set', () => {
    const html = readPage(inject('configuredSiteDir'), '/arenden/beslut-med-orgnr/');
    const file = `${CONFIGURED.cases}/2021/beslut-med-orgnr.mdx`;
    const hash = execFileSync('git', ['log', '-1', '--format=%H', '--', file], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(hash).toMatch(/^[0-9a-f]{40}$/);
    expect(html).toContain(`href="https://github.com/kommun/insyn/blob/${hash}/${file}"`);
  });

  it('stops the build with a Swedish error when the alias file is invalid', async () => {
    const result = await buildSite({ organisations: 'test/fixtures/organisations/bad-aliases.yaml' });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('test/fixtures/organisations/bad-aliases.yaml:4');
    expect(result.output).toContain(
      'namnet "Stadsmissionen i Linköping" står redan i listan (som stavning av Linköpings Stadsmission)',
    );
  });
});
