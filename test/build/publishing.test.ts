/**
 * Publishing settings in the built site: "Föreslå ändring" links to the
 * case file's edit page only when INSYN_REPO_URL is set, and the frontmatter
 * JSON Schema is published at /data/schema.json with its public address
 * (INSYN_SITE + INSYN_BASE) as `$id`.
 */
import { inject } from 'vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseJsonSchemaText } from '../../src/lib/schema/json-schema.ts';
import { type BuildResult, buildSite, readPage, textOf } from '../helpers/site.ts';

const CASE = '/arenden/linkstep-stangastaden-2020/';
let configured: BuildResult;

beforeAll(async () => {
  configured = await buildSite({
    env: { INSYN_REPO_URL: 'https://github.com/kommun/insyn/', INSYN_REPO_BRANCH: 'main', INSYN_SITE: 'https://kommun.github.io', INSYN_BASE: '/insyn/' },
  });
  if (!configured.ok) throw new Error(configured.output);
});

describe('Föreslå ändring', () => {
  it('links each case page to its file in the repository when INSYN_REPO_URL is set', () => {
    const html = readPage(configured.outDir, CASE);
    expect(html).toContain('<a href="https://github.com/kommun/insyn/edit/main/content/cases/2019/linkstep-stangastaden-2020.mdx">Föreslå ändring</a>');
    expect(textOf(html)).toContain('Hittar du ett fel eller något som saknas? Föreslå ändring i ärendets källfil (content/cases/2019/linkstep-stangastaden-2020.mdx).');
    expect(readPage(configured.outDir, '/arenden/iop-linkopings-stadsmission/')).toContain('/edit/main/content/cases/2020/iop-linkopings-stadsmission.mdx"');
  });

  it('is left out when no repository is configured', () => {
    const html = readPage(inject('siteDir'), CASE);
    expect(html).not.toContain('Föreslå ändring');
    expect(html).not.toContain('/edit/');
  });
});

describe('/data/schema.json', () => {
  it('is the generated JSON Schema, with its own public address', () => {
    expect(readPage(inject('siteDir'), '/data/schema.json')).toBe(caseJsonSchemaText({ id: 'https://insyn.example.se/data/schema.json' }));
    const published = JSON.parse(readPage(configured.outDir, '/data/schema.json'));
    expect(published.$id).toBe('https://kommun.github.io/insyn/data/schema.json');
    expect(published.properties.kind.enum).toContain('partnership');
  });
});
