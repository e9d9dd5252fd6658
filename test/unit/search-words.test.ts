/**
 * The query as sent to Pagefind (src/lib/search/words.ts): each word cut to the
 * length of its stem, letters kept as typed, so that å, ä and ö are compared
 * exactly and only over the stem. The browser behaviour is in
 * test/e2e/search-index.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  isExactQuery,
  pagefindQuery,
  foundByWord,
  queryWords,
  restsOnShortFallback,
  searchKey,
  stemPrefix,
} from '../../src/lib/search/words.ts';

describe('queryWords', () => {
  it('reads words as Pagefind does: lower case, punctuation left out, split on white space', () => {
    expect(queryWords('  Stöd-insatser, (IOP)  Linköping ')).toEqual(['stödinsatser', 'iop', 'linköping']);
    expect(queryWords('–')).toEqual([]);
  });

  it('composes letters typed as a letter and a combining mark', () => {
    expect(queryWords('sto\u0308den')).toEqual(['stöden']);
  });

  it('reads ligatures and other compatibility forms as their letters, as copied from a PDF', () => {
    expect(queryWords('\ufb01nansiering\u00a0av \ufb02ykting')).toEqual(['finansiering', 'av', 'flykting']);
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

  it('stems a stem again only while it stays SHORTEST_STAND_IN letters or longer', () => {
    // "insat" stems to "ins" (3 letters), the start of "insyn" and "inskrivning" too.
    expect(stemPrefix('insatserna')).toBe('insat');
    expect(stemPrefix('insats')).toBe('insat');
    // The first stem is taken however short it is.
    expect(stemPrefix('ängens')).toBe('äng');
  });

  it('keeps a letter with a mark that has no composed form whole', () => {
    // "İ" lower-cased is "i" and a combining dot; cutting by code points would drop the last letter.
    expect(stemPrefix('\u0130lhan'.toLocaleLowerCase('sv-SE'))).toBe('i\u0307lhan');
    expect(stemPrefix('i\u0307nsatserna')).toBe(`i\u0307${stemPrefix('insatserna').slice(1)}`);
  });

  it('leaves words without an ending as they are', () => {
    expect(stemPrefix('år')).toBe('år');
    expect(stemPrefix('2019')).toBe('2019');
    expect(stemPrefix('iop')).toBe('iop');
  });
});

describe('searchKey', () => {
  it('is one per site and query as sent: inflections cut to the same stem share it', () => {
    expect(searchKey('/', 'stöde')).toBe(searchKey('/', 'Stödet'));
    expect(searchKey('/', 'stöde')).not.toBe(searchKey('/insyn/', 'stöde'));
    expect(searchKey('/', 'stöden')).not.toBe(searchKey('/', 'tjänsten'));
  });
});

describe('pagefindQuery', () => {
  it('sends every word cut to its stem, one space between', () => {
    expect(pagefindQuery('Försörjningsstödet  för  nyanlända')).toBe('försörjningsstöd för nyanländ');
  });

  it('sends a quoted query, an exact phrase, as typed', () => {
    expect(isExactQuery('"stödet till"')).toBe(true);
    expect(pagefindQuery('"stödet till"')).toBe('"stödet till"');
    expect(pagefindQuery('"\ufb01nansiering av"')).toBe('"finansiering av"');
  });

  it('sends nothing for a query of punctuation only', () => {
    expect(pagefindQuery(' – ')).toBe('');
  });
});

describe('foundByWord', () => {
  it('tells a hit found by the word or a longer one from a hit found by a fallback to a shorter word', () => {
    expect(foundByWord('försörjningsstöd', ['Försörjningsstödet,'])).toBe(true);
    expect(foundByWord('partnerskap', ['och', 'partnerskapet'])).toBe(true);
    expect(foundByWord('iop', ['IOP-avtalet'])).toBe(true);
    expect(foundByWord('försörjningsstöd', ['försörjning'])).toBe(false);
    expect(foundByWord('partnerskap', ['partner'])).toBe(false);
    expect(foundByWord('insyn', ['in'])).toBe(false);
    expect(foundByWord('insyn', [])).toBe(false);
  });

  it('keeps å, ä and ö letters of their own', () => {
    expect(foundByWord('stöd', ['stödet'])).toBe(true);
    expect(foundByWord('stöd', ['stod'])).toBe(false);
    expect(foundByWord('äng', ['angivet'])).toBe(false);
  });
});

describe('restsOnShortFallback', () => {
  it('keeps an answer by the word itself or a longer word that starts with it', () => {
    expect(restsOnShortFallback('insyn', ['insyn'])).toBe(false);
    expect(restsOnShortFallback('insyn', ['Insynsrådet,'])).toBe(false);
    expect(restsOnShortFallback('iop', ['IOP-avtalet'])).toBe(false);
    expect(restsOnShortFallback('år', ['i', 'år'])).toBe(false);
  });

  it('refuses a fallback to a word of fewer than four letters in common', () => {
    // "insyn" is in no case: Pagefind answers with "in" ("komma in"), and so nearly every case.
    expect(restsOnShortFallback('insyn', ['in'])).toBe(true);
    expect(restsOnShortFallback('inskriv', ['insatser', '(in)'])).toBe(true);
    expect(restsOnShortFallback('ärv', ['är'])).toBe(true);
  });

  it('keeps a fallback of four letters or more: a misspelt or unknown ending still finds its word', () => {
    expect(restsOnShortFallback('försörjningstöd', ['försörjningsstöd'])).toBe(false);
    expect(restsOnShortFallback('stödp', ['stödet'])).toBe(false);
  });

  it('counts letters with their marks, and reads the words as a query is read', () => {
    expect(restsOnShortFallback('äng', ['Ängen'])).toBe(false);
    expect(restsOnShortFallback('ängs', ['Ängen'])).toBe(true);
    expect(restsOnShortFallback('ängs', ['angivet'])).toBe(true);
    expect(restsOnShortFallback('i\u0307nsats', ['İnsatsen'])).toBe(false);
    expect(restsOnShortFallback('finans', ['\ufb01nansiering'])).toBe(false);
  });

  it('leaves the answer alone when the hit has no words to read', () => {
    expect(restsOnShortFallback('insyn', [])).toBe(false);
    expect(restsOnShortFallback('insyn', ['–'])).toBe(false);
  });
});
