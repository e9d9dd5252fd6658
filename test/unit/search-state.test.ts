/** The search state in the URL, both ways, and what it asks of the facet table. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  effectiveSort,
  hitsAnnouncement,
  parseRangeValue,
  parseState,
  stateToQuery,
  tableQuery,
  toggleFilter,
} from '../../src/lib/search/state.ts';

describe('URL ⇄ state', () => {
  it('reads the example link from the issue', () => {
    expect(parseState('?q=stadsmission&organisation=Link%C3%B6pings+kommun')).toEqual({
      q: 'stadsmission',
      filters: { organisation: ['Linköpings kommun'] },
      ranges: {},
      sort: undefined,
      page: 1,
    });
  });

  it('round-trips query, repeated filter values, sort and page in a stable order', () => {
    const state = {
      q: 'arbetsträning',
      filters: { part: ['A', 'B, C'], ar: ['2019'] },
      ranges: { decidedFrom: '2019-06', amountMax: 500000 },
      sort: 'belopp-hogst' as const,
      page: 3,
    };
    const query = stateToQuery(state);
    expect(query).toBe(
      '?q=arbetstr%C3%A4ning&ar=2019&part=A&part=B%2C+C&beslutat-fran=2019-06&belopp-till=500000&sortering=belopp-hogst&sida=3',
    );
    expect(parseState(query)).toEqual({ ...state, filters: { ar: ['2019'], part: ['A', 'B, C'] } });
    expect(stateToQuery(EMPTY_STATE)).toBe('');
  });

  it('ignores unknown parameters, unknown sorts, bad pages, blanks and duplicates', () => {
    expect(parseState('?x=1&sortering=pris&sida=0&q=%20%20&amne=&amne=unga&amne=unga')).toEqual({
      q: '',
      filters: { amne: ['unga'] },
      ranges: {},
      sort: undefined,
      page: 1,
    });
    expect(parseState('?sida=-2').page).toBe(1);
    expect(parseState('?sida=2.5').page).toBe(1);
    expect(parseState('?sida=12').page).toBe(12);
  });
});

describe('range filters', () => {
  it('reads partial dates and whole kronor (spaces allowed), and ignores anything else', () => {
    expect(
      parseState('?beslutat-fran=2019&beslutat-till=2020-06-30&belopp-fran=500+000&belopp-till=1200000').ranges,
    ).toEqual({ decidedFrom: '2019', decidedTo: '2020-06-30', amountMin: 500000, amountMax: 1200000 });
    expect(parseState('?beslutat-fran=2019-13&beslutat-till=2021-02-30&belopp-fran=-5&belopp-till=1,5').ranges).toEqual(
      {},
    );
    expect(parseRangeValue('amountMin', '1\u00a0000')).toBe(1000);
    expect(parseRangeValue('decidedTo', '18 juni 2019')).toBeUndefined();
  });
});

describe('what the table is asked', () => {
  it('passes filters and ranges on, and ranks by match with a query and newest first without one', () => {
    const state = parseState('?organisation=Lunds+kommun&organisation=Linköpings+kommun&belopp-fran=10');
    expect(tableQuery(state)).toEqual({
      filters: { organisation: ['Lunds kommun', 'Linköpings kommun'] },
      ranges: { amountMin: 10 },
      sort: 'nyast',
    });
    expect(effectiveSort(parseState('?q=unga'))).toBe('relevans');
    expect(tableQuery(parseState('?q=unga&sortering=aldst')).sort).toBe('aldst');
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
});
