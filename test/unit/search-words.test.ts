/**
 * The query as sent to Pagefind (src/lib/search/words.ts): each word cut to the
 * length of its stem, letters kept as typed, so that å, ä and ö are compared
 * exactly and only over the stem. The browser behaviour is in
 * test/e2e/search-index.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { isExactQuery, pagefindQuery, queryWords, stemPrefix } from '../../src/lib/search/words.ts';

describe('queryWords', () => {
  it('reads words as Pagefind does: lower case, punctuation left out, split on white space', () => {
    expect(queryWords('  Stöd-insatser, (IOP)  Linköping ')).toEqual(['stödinsatser', 'iop', 'linköping']);
    expect(queryWords('–')).toEqual([]);
  });

  it('composes letters typed as a letter and a combining mark', () => {
    expect(queryWords('sto\u0308den')).toEqual(['stöden']);
  });
});

describe('stemPrefix', () => {
  it('cuts a word to the length of its stem, keeping å, ä and ö', () => {
    expect(stemPrefix('stöden')).toBe('stöd');
    expect(stemPrefix('stödet')).toBe('stöd');
    expect(stemPrefix('tjänsterna')).toBe('tjänst');
    expect(stemPrefix('ängens')).toBe('äng');
    expect(stemPrefix('partnerskapen')).toBe('partnerskap');
  });

  it('stems until the stem stems no shorter, as Pagefind stems what it is sent', () => {
    expect(stemPrefix('ärendena')).toBe('ärend');
  });

  it('leaves words without an ending as they are', () => {
    expect(stemPrefix('år')).toBe('år');
    expect(stemPrefix('2019')).toBe('2019');
    expect(stemPrefix('iop')).toBe('iop');
  });
});

describe('pagefindQuery', () => {
  it('sends every word cut to its stem, one space between', () => {
    expect(pagefindQuery('Försörjningsstödet  för  nyanlända')).toBe('försörjningsstöd för nyanländ');
  });

  it('sends a quoted query, an exact phrase, as typed', () => {
    expect(isExactQuery('"stödet till"')).toBe(true);
    expect(pagefindQuery('"stödet till"')).toBe('"stödet till"');
  });

  it('sends nothing for a query of punctuation only', () => {
    expect(pagefindQuery(' – ')).toBe('');
  });
});
