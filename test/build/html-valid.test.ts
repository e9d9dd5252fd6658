/**
 * Every page of the shared fixture sites (the seed site with default settings
 * and the configured site under a base path) is valid HTML by html-validate,
 * with the project's `.htmlvalidate.mjs` (the recommended rules, the
 * accessibility rules and the document rules), and nothing stands after
 * `</html>`, which the parser would move into `<body>` and a validator reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../helpers/site.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

const sites = [
  ['the seed site', inject('siteDir')],
  ['the configured site', inject('configuredSiteDir')],
] as const;

describe.each(sites)('HTML of %s', (_name, dir) => {
  const pages = listFiles(dir).filter((f) => f.endsWith('.html'));

  it('has every kind of page to validate', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
    expect(pages).toContain('sok/index.html');
    expect(pages.filter((p) => p.startsWith('arenden/')).length).toBeGreaterThanOrEqual(6);
    expect(pages.some((p) => p.startsWith('inbaddning/'))).toBe(true);
  });

  it('every page passes html-validate with the project config', async () => {
    const problems: string[] = [];
    for (const page of pages) {
      // The config is found from the file's path: test builds lie inside the project.
      const report = await validator.validateFile(join(dir, page));
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} [${m.ruleId}] ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('every page ends with </html>, with no element after it', () => {
    const after = pages.filter((page) => !/<\/html>\s*$/.test(readFileSync(join(dir, page), 'utf8')));
    expect(after).toEqual([]);
  });
});

describe('the accessibility statement', () => {
  it('records the assessment: its date, both tools and what they found', () => {
    const about = readFileSync(join(inject('siteDir'), 'om', 'index.html'), 'utf8');
    const statement = about.slice(about.indexOf('id="tillganglighet"'));
    expect(statement).toContain('Senaste bedömningen gjordes den <time datetime="2026-11-29">29 november 2026</time>');
    expect(statement).toContain('HTML-validatorn html-validate');
    expect(statement).toContain('axe-core i webbläsaren Chromium');
    expect(statement).toContain('axe-core hittade inga brister på de testade sidorna');
  });
});
