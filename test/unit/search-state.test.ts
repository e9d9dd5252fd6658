/** The search state in the URL, both ways, and what it asks Pagefind for. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  effectiveSort,
  hitsAnnouncement,
  pageCount,
  pagefindOptions,
  parseState,
  stateToQuery,
  toggleFilter,
} from '../../src/lib/search/state.ts';

describe('URL ⇄ state', () => {
  it('reads the example link from the issue', () => {
    expect(parseState('?q=stadsmission&organisation=Link%C3%B6pings+kommun')).toEqual({
      q: 'stadsmission',
      filters: { organisation: ['Linköpings kommun'] },
      sort: undefined,
      page: 1,
    });
  });

  it('round-trips query, repeated filter values, sort and page in a stable order', () => {
    const state = {
      q: 'arbetsträning',
      filters: { part: ['A', 'B, C'], ar: ['2019'] },
      sort: 'belopp-hogst' as const,
      page: 3,
    };
    const query = stateToQuery(state);
    expect(query).toBe('?q=arbetstr%C3%A4ning&ar=2019&part=A&part=B%2C+C&sortering=belopp-hogst&sida=3');
    expect(parseState(query)).toEqual({ ...state, filters: { ar: ['2019'], part: ['A', 'B, C'] } });
    expect(stateToQuery(EMPTY_STATE)).toBe('');
  });

  it('ignores unknown parameters, unknown sorts, bad pages, blanks and duplicates', () => {
    expect(parseState('?x=1&sortering=pris&sida=0&q=%20%20&amne=&amne=unga&amne=unga')).toEqual({
      q: '',
      filters: { amne: ['unga'] },
      sort: undefined,
      page: 1,
    });
    expect(parseState('?sida=-2').page).toBe(1);
    expect(parseState('?sida=2.5').page).toBe(1);
    expect(parseState('?sida=12').page).toBe(12);
  });
});

describe('Pagefind options', () => {
  it('asks for any of the values within a filter, all filters together', () => {
    const state = parseState('?organisation=Lunds+kommun&organisation=Linköpings+kommun&status=Beslutat');
    expect(pagefindOptions(state).filters).toEqual({
      organisation: { any: ['Lunds kommun', 'Linköpings kommun'] },
      status: { any: ['Beslutat'] },
    });
  });

  it('ranks by match with a query and newest first without one, unless a sort is chosen', () => {
    expect(effectiveSort(parseState('?q=unga'))).toBe('relevans');
    expect(pagefindOptions(parseState('?q=unga')).sort).toBeUndefined();
    expect(pagefindOptions(parseState('')).sort).toEqual({ datum_fallande: 'desc' });
    expect(pagefindOptions(parseState('?q=unga&sortering=aldst')).sort).toEqual({ datum_stigande: 'asc' });
    expect(pagefindOptions(parseState('?sortering=belopp-lagst')).sort).toEqual({ belopp_stigande: 'asc' });
    expect(pagefindOptions(parseState('?sortering=belopp-hogst')).sort).toEqual({ belopp_fallande: 'desc' });
  });

  it('toggles a filter value and goes back to the first page', () => {
    const on = toggleFilter({ ...EMPTY_STATE, page: 4 }, 'plats', 'Ryd', true);
    expect(on).toEqual({ ...EMPTY_STATE, filters: { plats: ['Ryd'] }, page: 1 });
    expect(toggleFilter(on, 'plats', 'Ryd', true).filters).toEqual({ plats: ['Ryd'] });
    expect(toggleFilter(on, 'plats', 'Ryd', false).filters).toEqual({});
  });
});

describe('texts', () => {
  it('announces the number of hits in Swedish', () => {
    expect(hitsAnnouncement(0, 'xyz')).toBe('Inga träffar för ”xyz”.');
    expect(hitsAnnouncement(1, ' unga ')).toBe('1 träff för ”unga”.');
    expect(hitsAnnouncement(5, '')).toBe('5 träffar.');
    expect(hitsAnnouncement(12345, '')).toBe('12\u00a0345 träffar.');
  });

  it('counts pages, at least one', () => {
    expect([pageCount(0, 10), pageCount(10, 10), pageCount(11, 10)]).toEqual([1, 1, 2]);
  });
});
