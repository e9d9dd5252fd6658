/**
 * Web addresses from case files (src/lib/core/web-address.ts): which a browser can
 * read, and their URI form, checked with ajv-formats' `uri`, the format 360Giving's
 * schema gives its links.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { isWebAddress, uriOf } from '../../src/lib/core/web-address.ts';

const ajv = new Ajv();
addFormats(ajv);
const isUri = ajv.compile({ type: 'string', format: 'uri' });

describe('web addresses', () => {
  it('reads http and https addresses with a host, and nothing else', () => {
    for (const ok of [
      'https://www.linköping.se/beslut/överenskommelse.pdf',
      'http://example.org',
      'https://e.org/?a=1#b',
    ])
      expect(isWebAddress(ok), ok).toBe(true);
    for (const bad of [
      'https://',
      'https://"><x>',
      'ftp://example.org/a',
      'javascript:alert(1)',
      '/dokument/a.pdf',
      'www.e.org',
    ])
      expect(isWebAddress(bad), bad).toBe(false);
  });

  it('writes each as a URI the standards accept, and leaves one that is already a URI as it was', () => {
    const cases: [string, string][] = [
      [
        'https://www.linköping.se/beslut/överenskommelse 2024.pdf',
        'https://www.xn--linkping-q4a.se/beslut/%C3%B6verenskommelse%202024.pdf',
      ],
      ['https://e.org/?q=å&x={y}|^`[1]', 'https://e.org/?q=%C3%A5&x=%7By%7D%7C%5E%60%5B1%5D'],
      ['https://e.org/100%', 'https://e.org/100%25'],
      ['https://example.org/?a="><script>', 'https://example.org/?a=%22%3E%3Cscript%3E'],
      ['https://e.org/rapport.pdf#sida=2', 'https://e.org/rapport.pdf#sida=2'],
      ['http://[::1]:8080/a%20b', 'http://[::1]:8080/a%20b'],
    ];
    for (const [address, uri] of cases) {
      expect(uriOf(address), address).toBe(uri);
      expect(isUri(uri), uri).toBe(true);
      expect(uriOf(uri), `${uri} again`).toBe(uri);
    }
  });
});
