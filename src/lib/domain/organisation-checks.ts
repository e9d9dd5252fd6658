/**
 * Checks of organisation identity for `npm run check`, across all case
 * files and the alias list (src/lib/domain/organisations.ts says how
 * numbers and names decide who is who):
 *
 * - warning: one name with different organisationsnummer in different
 *   places (two organisations with one name, or a wrong number);
 * - warning: one organisationsnummer under names that the alias list does
 *   not join (one organisation under several names: the pages already join
 *   them by the number, and the alias list makes it explicit);
 * - error: the alias list joins names that carry different
 *   organisationsnummer (the list and the case file contradict each other;
 *   both files are named).
 */
import { nameSlug } from '../core/slug.ts';
import type { AliasEntry } from '../content/organisations-file.ts';
import { frontmatterLocator } from '../content/parse-case.ts';
import type { CaseError } from '../validate/errors.ts';
import type { CaseData } from '../schema/case.ts';
import { organisationNamer } from './organisations.ts';

export interface CheckedCase {
  file: string;
  data: CaseData;
  /** The file's text, to name the line of a number. */
  source?: string;
}

interface Mention {
  file: string;
  line: number | undefined;
  field: string;
  name: string;
  number: string;
}

const ALIAS_EXAMPLE = (a: string, b: string) => `- { name: ${a}, aliases: [${b}] }`;

export function organisationIdentityIssues(
  cases: readonly CheckedCase[],
  aliases: readonly AliasEntry[],
  aliasFile: string,
): { warnings: CaseError[]; errors: CaseError[] } {
  const namer = organisationNamer(aliases);
  const mentions: Mention[] = [];
  for (const c of cases) {
    let lineOf: ReturnType<typeof frontmatterLocator>;
    c.data.parties.forEach((p, i) => {
      if (p.orgNumber === undefined) return;
      lineOf ??= c.source === undefined ? undefined : frontmatterLocator(c.source);
      mentions.push({
        file: c.file,
        line: lineOf?.(['parties', i, 'orgNumber']),
        field: `parties[${i}].orgNumber`,
        name: p.name.trim(),
        number: p.orgNumber,
      });
    });
  }
  const warnings: CaseError[] = [];
  const errors: CaseError[] = [];
  const group = <K>(key: (m: Mention) => K) => {
    const out = new Map<K, Mention[]>();
    for (const m of mentions) {
      const k = key(m);
      const list = out.get(k);
      if (list) list.push(m);
      else out.set(k, [m]);
    }
    return out;
  };
  const where = (m: Mention) => `${m.number} i ${m.file}${m.line ? `:${m.line}` : ''}`;

  // The alias list joins names that carry different numbers: an error naming both files.
  for (const list of group((m) => namer.slugOf(m.name)).values()) {
    if (new Set(list.map((m) => m.number)).size < 2) continue;
    // One mention per name and number is enough to find a pair.
    const distinct = list.filter(
      (m, i) => list.findIndex((x) => x.number === m.number && nameSlug(x.name) === nameSlug(m.name)) === i,
    );
    let pair: [Mention, Mention] | undefined;
    for (const a of distinct) {
      const b = distinct.find((x) => x.number !== a.number && nameSlug(x.name) !== nameSlug(a.name));
      if (b) {
        pair = [a, b];
        break;
      }
    }
    if (!pair) continue;
    const [first, other] = pair;
    errors.push({
      file: other.file,
      line: other.line,
      field: other.field,
      message: `alias-listan ${aliasFile} anger att "${other.name}" och "${first.name}" är samma organisation, men de har olika organisationsnummer (${where(other)}, ${where(first)})`,
      found: `${other.name}: ${other.number}; ${first.name}: ${first.number}`,
      expected: `samma organisation har samma organisationsnummer: rätta numret i ärendefilen, eller ta bort stavningen ur ${aliasFile} om det är två organisationer`,
      example: `orgNumber: "${first.number}"`,
      otherFile: aliasFile,
    });
  }

  // One name, written the same, with several numbers.
  for (const list of group((m) => nameSlug(m.name)).values()) {
    const numbers = [...new Set(list.map((m) => m.number))];
    if (numbers.length < 2) continue;
    const first = list[0]!;
    const other = list.find((m) => m.number !== first.number)!;
    warnings.push({
      file: other.file,
      line: other.line,
      field: other.field,
      message: `namnet "${other.name}" har olika organisationsnummer: ${list
        .filter((m, i) => list.findIndex((x) => x.number === m.number) === i)
        .map(where)
        .join(', ')}; de visas som olika organisationer, var och en med numret i adressen`,
      found: numbers.join(', '),
      expected: 'kontrollera numren mot källdokumenten (eller Bolagsverket): samma organisation har samma nummer',
      example: `orgNumber: "${first.number}"`,
    });
  }

  // One number under names the alias list does not join.
  for (const [number, list] of group((m) => m.number)) {
    const names = new Map<string, Mention>();
    for (const m of list) if (!names.has(namer.slugOf(m.name))) names.set(namer.slugOf(m.name), m);
    if (names.size < 2) continue;
    const [first, second] = [...names.values()] as [Mention, Mention];
    warnings.push({
      file: second.file,
      line: second.line,
      field: second.field,
      message: `organisationsnumret ${number} står under flera namn som alias-listan ${aliasFile} inte förenar: ${[
        ...names.values(),
      ]
        .map((m) => `"${m.name}" (${m.file})`)
        .join(', ')}; sidorna visar dem som en organisation`,
      found: [...names.values()].map((m) => m.name).join(', '),
      expected: `namnen som stavningar av samma organisation i ${aliasFile}, eller rätt nummer i ärendefilen`,
      example: ALIAS_EXAMPLE(first.name, second.name),
    });
  }
  return { warnings, errors };
}
