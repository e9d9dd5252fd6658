/**
 * The personnummer guard: a public site must never publish a Swedish personal
 * identity number. Finds `YYMMDD-NNNN`, `YYMMDD+NNNN` and `YYYYMMDD-NNNN`
 * where the date is a real calendar day (day + 60 for a samordningsnummer)
 * and the Luhn check digit is valid. Organisationsnummer (month digits 20 or
 * more, e.g. `212000-0449`) and random digit runs are not flagged.
 */
import { luhnValid } from '../core/luhn.ts';
import { isRealDay } from '../core/partial-date.ts';

export interface PersonnummerHit {
  /** 1-based line in the scanned text. */
  line: number;
  /** The number as written, masked for the error message (`YYMMDD-****`). */
  masked: string;
}

const CANDIDATE = /(?<![\d-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+])(\d{4})(?!\d)/g;

function isPersonnummer(
  century: string | undefined,
  yy: string,
  mm: string,
  dd: string,
  sep: string,
  last4: string,
): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer
  // With a two-digit year, `-` means under 100 years old and `+` 100 or more;
  // any century can hold a real day, so test the leap-year-sensitive ones.
  const years = century !== undefined ? [Number(century + yy)] : [1900 + Number(yy), 2000 + Number(yy)];
  if (century !== undefined && sep === '+') return false;
  if (!years.some((y) => isRealDay(y, month, day))) return false;
  return luhnValid(`${yy}${mm}${dd}${last4}`);
}

/** Every personnummer or samordningsnummer in `text`, with its line. */
export function findPersonnummer(text: string): PersonnummerHit[] {
  const hits: PersonnummerHit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [, century, yy, mm, dd, sep, last4] = m as unknown as [
      string,
      string | undefined,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!isPersonnummer(century, yy, mm, dd, sep, last4)) continue;
    const index = m.index ?? 0;
    const line = text.slice(0, index).split('\n').length;
    hits.push({ line, masked: `${century ?? ''}${yy}${mm}${dd}${sep}****` });
  }
  return hits;
}

/**
 * The text with every personnummer or samordningsnummer masked (`YYMMDD-****`), so
 * that text read from a document can be shown or kept without publishing one.
 */
export function maskPersonnummer(text: string): string {
  return text.replace(
    CANDIDATE,
    (whole, century: string | undefined, yy: string, mm: string, dd: string, sep: string, last4: string) =>
      isPersonnummer(century, yy, mm, dd, sep, last4) ? `${century ?? ''}${yy}${mm}${dd}${sep}****` : whole,
  );
}
