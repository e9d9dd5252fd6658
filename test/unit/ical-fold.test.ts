import { describe, expect, it } from 'vitest';
import { foldLine } from '../../src/lib/export/ical.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('iCalendar line folding (RFC 5545 3.1)', () => {
  it('leaves lines of at most 75 octets alone', () => {
    expect(foldLine('SUMMARY:kort')).toBe('SUMMARY:kort');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
  });

  it('folds longer lines into parts of at most 75 octets, the space included', () => {
    const line = `DESCRIPTION:${'Återrapport för arbetsmarknadsnämnden i Linköping, ö och ä. '.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((p) => octets(p) <= 75)).toBe(true);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = `X:${'å'.repeat(100)}${'😀'.repeat(30)}`;
    const folded = foldLine(line);
    expect(folded).not.toContain('\uFFFD');
    expect(unfold(folded)).toBe(line);
    expect(folded.split('\r\n').every((p) => octets(p) <= 75)).toBe(true);
  });
});
