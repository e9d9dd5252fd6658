/**
 * Publishing settings in the built site: "Föreslå ändring" links to the
 * case file's edit page on the configured branch only when INSYN_REPO_URL is
 * set, and the frontmatter JSON Schema is published at /data/schema.json
 * with its public address (INSYN_SITE + INSYN_BASE) as `$id`. The configured
 * fixture site (the open-data fixture with every publishing setting) and the
 * seed fixture site (no settings) are built in global setup.
 */
import { describe, expect, inject, it } from 'vitest';
import { caseJsonSchemaText } from '../../src/lib/schema/json-schema.ts';
import { readPage, textOf } from '../helpers/site.ts';

const configured = inject('configuredSiteDir');

describe('Föreslå ändring', () => {
  it('links each case page to its file in the repository when INSYN_REPO_URL is set', () => {
    // INSYN_REPO_URL ends in a slash, INSYN_REPO_BRANCH is "publicering" (shared-sites.ts).
    const html = readPage(configured, '/arenden/beslut-med-orgnr/');
    expect(html).toContain(
      '<a href="https://github.com/kommun/insyn/edit/publicering/test/fixtures/open-data/cases/2021/beslut-med-orgnr.mdx">Föreslå ändring</a>',
    );
    expect(textOf(html)).toContain(
      'Hittar du ett fel eller något som saknas? Föreslå ändring i ärendets källfil (test/fixtures/open-data/cases/2021/beslut-med-orgnr.mdx).',
    );
    expect(readPage(configured, '/arenden/avslag/')).toContain(
      '/edit/publicering/test/fixtures/open-data/cases/2020/avslag.mdx"',
    );
  });

  it('is left out when no repository is configured', () => {
    const html = readPage(inject('siteDir'), '/arenden/linkstep-stangastaden-2020/');
    expect(html).not.toContain('Föreslå ändring');
    expect(html).not.toContain('/edit/');
  });
});

describe('/data/schema.json', () => {
  it('is the generated JSON Schema, with its own public address', () => {
    expect(readPage(inject('siteDir'), '/data/schema.json')).toBe(
      caseJsonSchemaText({ id: 'https://insyn.example.se/data/schema.json' }),
    );
    const published = JSON.parse(readPage(configured, '/data/schema.json'));
    expect(published.$id).toBe('https://data.example.org/insyn/data/schema.json');
    expect(published.properties.kind.enum).toContain('partnership');
  });
});
