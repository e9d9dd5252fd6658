/** Rendered bodies kept outside the data store: one file per case, read by the case page. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BODY_DIR,
  bodyFileOf,
  bodyFilePath,
  caseBodyHtml,
  removeBodyFile,
  writeBodyFile,
} from '../../src/lib/content/body-store.ts';

const cache = mkdtempSync(join(tmpdir(), 'insyn-bodies-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('body store', () => {
  it('names a body by slug and digest under the cache dir', () => {
    expect(bodyFilePath('/c', 'linkstep', 'abc123')).toBe(join('/c', BODY_DIR, 'linkstep.abc123.html'));
  });

  it('writes a body and reads it back for the page', async () => {
    const file = bodyFilePath(cache, 'linkstep', 'd1');
    writeBodyFile(file, '<h3 id="bakgrund">Bakgrund</h3>');
    const entry = { id: 'linkstep', rendered: { html: '', metadata: { headings: [], bodyFile: file } } };
    expect(bodyFileOf(entry)).toBe(file);
    await expect(caseBodyHtml(entry)).resolves.toBe('<h3 id="bakgrund">Bakgrund</h3>');
  });

  it('falls back to HTML held in the store when no file is recorded', async () => {
    await expect(caseBodyHtml({ id: 'x', rendered: { html: '<p>Hej</p>' } })).resolves.toBe('<p>Hej</p>');
    await expect(caseBodyHtml({ id: 'x' })).resolves.toBe('');
  });

  it('stops the build, naming the case and the file, when a recorded body has gone', async () => {
    const file = bodyFilePath(cache, 'borta', 'd2');
    writeBodyFile(file, '<p>x</p>');
    removeBodyFile(file);
    expect(existsSync(file)).toBe(false);
    await expect(caseBodyHtml({ id: 'borta', rendered: { html: '', metadata: { bodyFile: file } } })).rejects.toThrow(
      `Brödtexten för ärendet "borta" saknas i byggets cache (${file}). Bygg om med en tom cache (ta bort ${BODY_DIR} och data-store.json).`,
    );
    removeBodyFile(undefined);
  });
});
