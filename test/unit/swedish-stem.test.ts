/**
 * The Snowball Swedish stemmer (src/lib/search/swedish-stem.ts) against Snowball's
 * own test vocabulary (a sample: test/fixtures/snowball-swedish/), and the rules
 * Snowball 3 added that Pagefind 1.6 stems with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { swedishStem } from '../../src/lib/search/swedish-stem.ts';
import { ROOT } from '../helpers/site.ts';

const sample = readFileSync(join(ROOT, 'test/fixtures/snowball-swedish/sample.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t') as [string, string]);

describe('swedishStem', () => {
  it("stems every word of Snowball's sample as Snowball does", () => {
    expect(sample.length).toBeGreaterThan(900);
    const wrong = sample.filter(([word, stem]) => swedishStem(word) !== stem);
    expect(wrong).toEqual([]);
  });

  it('takes off -et and -ets after a vowel and a consonant, but not where the word needs it', () => {
    expect(swedishStem('stodet')).toBe('stod');
    expect(swedishStem('partnerskapet')).toBe('partnerskap');
    expect(swedishStem('partnerskapets')).toBe('partnerskap');
    for (const kept of ['frihet', 'societet', 'alfabet', 'komet', 'raket', 'paket', 'staket'])
      expect(swedishStem(kept), kept).toBe(kept);
  });

  it('keeps short words, words without a vowel and endings outside R1', () => {
    expect(swedishStem('år')).toBe('år');
    expect(swedishStem('2019')).toBe('2019');
    expect(swedishStem('stod')).toBe('stod');
    expect(swedishStem('bar')).toBe('bar');
    expect(swedishStem('ande')).toBe('and');
  });

  it('changes -öst to -ös and -fullt to -full, and undoubles a final consonant pair', () => {
    expect(swedishStem('skamlöst')).toBe('skamlös');
    expect(swedishStem('respektfullt')).toBe('respektfull');
    expect(swedishStem('kvinnorna')).toBe('kvinn');
    expect(swedishStem('afbrott')).toBe('afbrot');
    expect(swedishStem('andfadd')).toBe('andfad');
  });
});
