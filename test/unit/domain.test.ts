import { describe, expect, it } from 'vitest';
import { followUpState } from '../../src/lib/domain/follow-up.ts';
import { luhnValid } from '../../src/lib/core/luhn.ts';
import { formatAmount, formatKronor } from '../../src/lib/core/money.ts';
import {
  endNotBeforeStart,
  firstDay,
  formatPartialDate,
  formatPeriod,
  lastDay,
  parsePartialDate,
  sortKey,
} from '../../src/lib/core/partial-date.ts';
import { phaseOf } from '../../src/lib/domain/phase.ts';
import { newestFirst } from '../../src/lib/domain/cases.ts';
import type { CaseData } from '../../src/lib/schema/case.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('partial dates', () => {
  it('parses the three precisions and rejects impossible periods', () => {
    expect(parsePartialDate('2018')).toEqual({ year: 2018, precision: 'year' });
    expect(parsePartialDate('2020-09')).toEqual({ year: 2020, month: 9, precision: 'month' });
    expect(parsePartialDate('2019-12-18')).toEqual({ year: 2019, month: 12, day: 18, precision: 'day' });
    expect(parsePartialDate('2024-02-29')).not.toBeNull();
    for (const bad of [
      '2021-02-30',
      '2023-02-29',
      '2020-13',
      '2020-00',
      '2020-1',
      '20-01-01',
      '2020-09-31',
      '2020/09',
      ' 2020',
    ]) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
  });

  it('names the whole period it stands for', () => {
    expect([firstDay('2020-09'), lastDay('2020-09')]).toEqual(['2020-09-01', '2020-09-30']);
    expect([firstDay('2018'), lastDay('2018')]).toEqual(['2018-01-01', '2018-12-31']);
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2019-12-18')).toBe('2019-12-18');
  });

  it('formats at its own precision in Swedish, never inventing a day', () => {
    expect(formatPartialDate('2018')).toBe('2018');
    expect(formatPartialDate('2020-09')).toBe('september 2020');
    expect(formatPartialDate('2019-12-18')).toBe('18 december 2019');
    expect(formatPartialDate('2020-01-01')).toBe('1 januari 2020');
    expect(formatPeriod({ start: '2020-01-01', end: '2020-12-31' })).toBe('1 januari 2020 – 31 december 2020');
    expect(formatPeriod({ start: '2018-06' })).toBe('från juni 2018');
  });

  it('compares periods by the days they name', () => {
    expect(endNotBeforeStart('2020-06', '2020')).toBe(true);
    expect(endNotBeforeStart('2020-06-15', '2020-06')).toBe(true);
    expect(endNotBeforeStart('2020', '2019-12-31')).toBe(false);
    expect(sortKey('2019-12-18') > sortKey('2019-12')).toBe(true);
    expect(sortKey('2020') > sortKey('2019-12-31')).toBe(true);
  });
});

describe('money', () => {
  it('prints whole kronor the sv-SE way with non-breaking spaces', () => {
    expect(formatKronor(2400000)).toBe('2\u00a0400\u00a0000\u00a0kr');
    expect(formatKronor(980500)).toBe('980\u00a0500\u00a0kr');
    expect(formatKronor(500)).toBe('500\u00a0kr');
  });

  it('marks per-year amounts and ceilings, and unknown amounts', () => {
    expect(formatAmount(2400000, 'total')).toBe('2\u00a0400\u00a0000\u00a0kr');
    expect(formatAmount(1100000, 'per-year')).toBe('1\u00a0100\u00a0000\u00a0kr per år');
    expect(formatAmount(1965000, 'maximum')).toBe('högst 1\u00a0965\u00a0000\u00a0kr');
    expect(formatAmount(500000, 'maximum-per-year')).toBe('högst 500\u00a0000\u00a0kr per år');
    expect(formatAmount(undefined, 'total')).toBe('belopp ej angivet');
  });
});

describe('follow-up state on the build date', () => {
  const f = { due: '2020-09', what: 'Utfall redovisas' };
  it('is overdue once the due period has ended without a report', () => {
    expect(followUpState(f, day('2020-10-01'))).toBe('overdue');
    expect(followUpState(f, day('2026-11-23'))).toBe('overdue');
  });
  it('is due soon within 60 days of the last due day, including the due month itself', () => {
    expect(followUpState(f, day('2020-09-30'))).toBe('due-soon');
    expect(followUpState(f, day('2020-08-01'))).toBe('due-soon');
    expect(followUpState(f, day('2020-08-02'))).toBe('due-soon');
    expect(followUpState(f, day('2020-07-31'))).toBe('later');
  });
  it('is later when the due date is further ahead', () => {
    expect(followUpState(f, day('2020-07-01'))).toBe('later');
    expect(followUpState({ due: '2021' }, day('2020-06-01'))).toBe('later');
  });
  it('is reported when a done date exists, whatever the date', () => {
    expect(followUpState({ ...f, done: '2020-10' }, day('2026-11-23'))).toBe('reported');
    expect(followUpState({ ...f, done: '2020-09-24' }, day('2020-01-01'))).toBe('reported');
  });
});

describe('phase on the build date', () => {
  const period = { start: '2020-01-01', end: '2020-12' };
  it('is planned, ongoing, then ended', () => {
    expect(phaseOf(period, day('2019-12-31'))).toBe('planned');
    expect(phaseOf(period, day('2020-01-01'))).toBe('ongoing');
    expect(phaseOf(period, day('2020-12-31'))).toBe('ongoing');
    expect(phaseOf(period, day('2021-01-01'))).toBe('ended');
    expect(phaseOf({ start: '2018-06' }, day('2030-01-01'))).toBe('ongoing');
    expect(phaseOf(undefined, day('2020-01-01'))).toBeUndefined();
  });
});

describe('Luhn', () => {
  it('accepts valid check digits and rejects others', () => {
    expect(luhnValid('2120000449')).toBe(true);
    expect(luhnValid('2120000448')).toBe(false);
    expect(luhnValid('556016-0680'.replace('-', ''))).toBe(true);
  });
});

describe('newestFirst', () => {
  const entry = (id: string, decided?: string) => ({ id, data: { decided } as CaseData });
  const ids = (cases: readonly { id: string }[]) => cases.map((c) => c.id);

  it('orders by decision day, newest first, undated last, ties by slug; each call its own entries and array', () => {
    const cases = [entry('b', '2020-05'), entry('undated'), entry('a', '2021-01-02'), entry('c', '2020-05')];
    const first = newestFirst(cases);
    expect(ids(first)).toEqual(['a', 'b', 'c', 'undated']);
    // The same cases as new objects (another route's getCollection): the same order, of these objects.
    const again = cases.map((c) => ({ ...c }));
    const second = newestFirst(again);
    expect(ids(second)).toEqual(['a', 'b', 'c', 'undated']);
    expect(second[0]).toBe(again[2]);
    second.reverse();
    expect(ids(newestFirst(cases))).toEqual(['a', 'b', 'c', 'undated']);
  });

  it('orders a different list afresh', () => {
    newestFirst([entry('x', '2019'), entry('y', '2024')]);
    expect(ids(newestFirst([entry('x', '2019'), entry('z', '2018'), entry('y', '2024')]))).toEqual(['y', 'x', 'z']);
    const changed = [entry('x', '2025'), entry('y', '2024')];
    expect(ids(newestFirst(changed))).toEqual(['x', 'y']);
  });
});
