/**
 * Organisations and their deciding bodies, derived from the cases.
 *
 * Every organisation named in a case gets one page: the one that decides
 * (`organisation`), every party (owner, recipient, partner, funder,
 * applicant) and every payer and payee in `funding`. Names are normalised to
 * one slug with `slugify`, and an alias list (`content/organisations.yaml`)
 * merges different spellings of the same organisation ("Stadsmissionen i
 * Linköping" → "Linköpings Stadsmission"). Deciding bodies (`body`) get
 * pages under their organisation. Pure: the alias file's text comes in as a
 * string (see src/lib/content/organisations-file.ts for reading it).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { slugify } from '../content/parse-case.ts';
import type { Role } from '../schema/parties.ts';
import type { CaseError } from '../validate/errors.ts';
import { type CaseEntry, newestFirst } from './cases.ts';
import { ROLE_LABEL } from './labels.ts';

/** How an organisation takes part in a case: it decides, or it has a party role. */
export type OrgRole = 'decider' | Role;

/** Roles in the order pages list them. */
export const ORG_ROLES: readonly OrgRole[] = ['decider', 'funder', 'recipient', 'owner', 'applicant', 'partner'];

/** Swedish headings for the roles ("Beslutar", "Finansiär" …). */
export const ORG_ROLE_LABEL: Record<OrgRole, string> = { decider: 'Beslutande organisation', ...ROLE_LABEL };

/** One entry of the alias list: the name to show, and other spellings of it. */
export interface AliasEntry {
  name: string;
  aliases: string[];
}

/** The slug used when a name folds to nothing (only punctuation). */
const EMPTY_SLUG = 'namnlos';

const slugOrFallback = (name: string): string => slugify(name) || EMPTY_SLUG;

const ENTRY_KEYS = new Set(['name', 'aliases']);
const EXAMPLE = '- name: Linköpings Stadsmission\n  aliases: [Stadsmissionen i Linköping]';

/**
 * Parses and validates the alias file's text. Returns the entries and every
 * error (in Swedish, with file, line and field), never throwing.
 */
export function parseAliasFile(file: string, source: string): { entries: AliasEntry[]; errors: CaseError[] } {
  const errors: CaseError[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number | undefined => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      errors.push({ file, line: lineCounter.linePos(e.pos[0]).line, field: '(yaml)', message: `YAML-fel: ${e.message.split('\n')[0]}`, expected: 'giltig YAML: en lista med organisationer', example: EXAMPLE });
    }
    return { entries: [], errors };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { entries: [], errors };
  if (!isSeq(root)) {
    errors.push({ file, line: lineOf(root as YamlNode), field: '(fil)', message: 'filen ska vara en lista med organisationer', expected: 'en lista där varje post har name och aliases', example: EXAMPLE });
    return { entries: [], errors };
  }
  const entries: AliasEntry[] = [];
  /** slug → where it was first used (for duplicate detection). */
  const claimed = new Map<string, string>();
  const claim = (text: string, field: string, line: number | undefined, owner: string) => {
    const slug = slugOrFallback(text);
    const earlier = claimed.get(slug);
    if (earlier !== undefined) {
      errors.push({ file, line, field, message: `namnet "${text}" står redan i listan (${earlier})`, found: text, expected: 'varje stavning högst en gång i hela filen, under en enda organisation', example: EXAMPLE });
      return;
    }
    claimed.set(slug, owner === text ? `som organisation` : `som stavning av ${owner}`);
  };
  root.items.forEach((item, i) => {
    const at = `[${i}]`;
    if (!isMap(item)) {
      errors.push({ file, line: lineOf(item as YamlNode), field: at, message: 'posten ska ha fälten name och aliases', found: String((item as { toJSON?: () => unknown })?.toJSON?.() ?? item), expected: 'name: organisationens namn, aliases: en lista med andra stavningar', example: EXAMPLE });
      return;
    }
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!ENTRY_KEYS.has(key)) {
        errors.push({ file, line: lineOf(pair.key as YamlNode), field: `${at}.${key}`, message: `okänt fält "${key}"`, found: key, expected: 'bara name och aliases', example: EXAMPLE });
      }
    }
    const nameNode = item.get('name', true) as YamlNode | undefined;
    const name = isScalar(nameNode) && typeof nameNode.value === 'string' ? nameNode.value.trim() : '';
    if (name === '') {
      errors.push({ file, line: lineOf(nameNode ?? item), field: `${at}.name`, message: 'name saknas eller är inte en text', found: nameNode === undefined ? undefined : String(nameNode), expected: 'organisationens namn så som det ska visas', example: 'name: Linköpings Stadsmission' });
      return;
    }
    claim(name, `${at}.name`, lineOf(nameNode), name);
    const aliasNode = item.get('aliases', true) as YamlNode | undefined;
    const aliases: string[] = [];
    if (!isSeq(aliasNode) || aliasNode.items.length === 0) {
      errors.push({ file, line: lineOf((aliasNode as YamlNode | undefined) ?? item), field: `${at}.aliases`, message: `aliases saknas eller är ingen lista för ${name}`, expected: 'en lista med minst en annan stavning', example: 'aliases: [Stadsmissionen i Linköping]' });
    } else {
      aliasNode.items.forEach((a, j) => {
        const text = isScalar(a) && typeof a.value === 'string' ? a.value.trim() : '';
        if (text === '') {
          errors.push({ file, line: lineOf(a as YamlNode), field: `${at}.aliases[${j}]`, message: 'stavningen ska vara en text som inte är tom', found: isScalar(a) ? String(a.value) : undefined, expected: 'ett namn', example: 'aliases: [Stadsmissionen i Linköping]' });
          return;
        }
        claim(text, `${at}.aliases[${j}]`, lineOf(a as YamlNode), name);
        aliases.push(text);
      });
    }
    entries.push({ name, aliases });
  });
  return { entries: errors.length > 0 ? [] : entries, errors };
}

/** Maps any spelling of a name to its organisation's slug and display name. */
export interface OrganisationNamer {
  slugOf(name: string): string;
  /** The name the alias list gives for a slug, if any. */
  canonicalName(slug: string): string | undefined;
}

export function organisationNamer(entries: readonly AliasEntry[]): OrganisationNamer {
  const toSlug = new Map<string, string>();
  const names = new Map<string, string>();
  for (const e of entries) {
    const slug = slugOrFallback(e.name);
    names.set(slug, e.name);
    toSlug.set(slug, slug);
    for (const a of e.aliases) toSlug.set(slugOrFallback(a), slug);
  }
  const memo = new Map<string, string>();
  return {
    slugOf(name) {
      let slug = memo.get(name);
      if (slug === undefined) {
        const own = slugOrFallback(name);
        memo.set(name, (slug = toSlug.get(own) ?? own));
      }
      return slug;
    },
    canonicalName: (slug) => names.get(slug),
  };
}

/** A deciding body under its organisation. */
export interface Body<T extends CaseEntry = CaseEntry> {
  orgSlug: string;
  orgName: string;
  slug: string;
  name: string;
  cases: T[];
}

/** An organisation with its cases by role and its bodies. */
export interface Organisation<T extends CaseEntry = CaseEntry> {
  slug: string;
  name: string;
  /** Every spelling seen in the cases, sorted. */
  spellings: string[];
  /** Every case it takes part in, newest first. */
  cases: T[];
  /** Cases per role, in ORG_ROLES order, only roles it has. */
  byRole: { role: OrgRole; cases: T[] }[];
  bodies: Body<T>[];
}

export interface OrganisationIndex<T extends CaseEntry = CaseEntry> {
  /** All organisations, sorted by name (Swedish order). */
  organisations: Organisation<T>[];
  bySlug: Map<string, Organisation<T>>;
  /** All bodies, sorted by organisation then name. */
  bodies: Body<T>[];
  namer: OrganisationNamer;
  /** The body of a case: `{ orgSlug, slug }`. */
  bodyOf(data: CaseEntry['data']): { orgSlug: string; slug: string };
}

const COLLATOR = new Intl.Collator('sv-SE');

/** The names a case gives each role (decider, parties, funding from/to). */
export function namesByRole(data: CaseEntry['data']): { name: string; role: OrgRole }[] {
  const out: { name: string; role: OrgRole }[] = [{ name: data.organisation, role: 'decider' }];
  for (const p of data.parties) out.push({ name: p.name, role: p.role });
  for (const f of data.funding ?? []) {
    out.push({ name: f.from, role: 'funder' });
    if (f.to !== undefined) out.push({ name: f.to, role: 'recipient' });
  }
  return out;
}

/** Builds every organisation and body page's data from the cases. */
export function buildOrganisations<T extends CaseEntry>(cases: readonly T[], entries: readonly AliasEntry[] = []): OrganisationIndex<T> {
  const namer = organisationNamer(entries);
  interface Acc {
    spellings: Map<string, number>;
    cases: Set<T>;
    roles: Map<OrgRole, Set<T>>;
    bodies: Map<string, { names: Map<string, number>; cases: Set<T> }>;
  }
  const acc = new Map<string, Acc>();
  const get = (slug: string): Acc => {
    let a = acc.get(slug);
    if (!a) acc.set(slug, (a = { spellings: new Map(), cases: new Set(), roles: new Map(), bodies: new Map() }));
    return a;
  };
  const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  for (const c of cases) {
    for (const { name, role } of namesByRole(c.data)) {
      const a = get(namer.slugOf(name));
      count(a.spellings, name.trim());
      a.cases.add(c);
      let set = a.roles.get(role);
      if (!set) a.roles.set(role, (set = new Set()));
      set.add(c);
    }
    const org = get(namer.slugOf(c.data.organisation));
    const bodySlug = slugOrFallback(c.data.body);
    let body = org.bodies.get(bodySlug);
    if (!body) org.bodies.set(bodySlug, (body = { names: new Map(), cases: new Set() }));
    count(body.names, c.data.body.trim());
    body.cases.add(c);
  }
  /** The most used spelling; ties go to Swedish alphabetical order. */
  const commonest = (m: Map<string, number>): string =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || COLLATOR.compare(a[0], b[0]))[0]![0];
  const organisations: Organisation<T>[] = [...acc.entries()].map(([slug, a]) => {
    const name = namer.canonicalName(slug) ?? commonest(a.spellings);
    const bodies: Body<T>[] = [...a.bodies.entries()]
      .map(([bslug, b]) => ({ orgSlug: slug, orgName: name, slug: bslug, name: commonest(b.names), cases: newestFirst([...b.cases]) }))
      .sort((x, y) => COLLATOR.compare(x.name, y.name));
    return {
      slug,
      name,
      spellings: [...a.spellings.keys()].sort(COLLATOR.compare),
      cases: newestFirst([...a.cases]),
      byRole: ORG_ROLES.filter((r) => a.roles.has(r)).map((role) => ({ role, cases: newestFirst([...a.roles.get(role)!]) })),
      bodies,
    };
  });
  organisations.sort((x, y) => COLLATOR.compare(x.name, y.name) || x.slug.localeCompare(y.slug));
  return {
    organisations,
    bySlug: new Map(organisations.map((o) => [o.slug, o])),
    bodies: organisations.flatMap((o) => o.bodies),
    namer,
    bodyOf: (data) => ({ orgSlug: namer.slugOf(data.organisation), slug: slugOrFallback(data.body) }),
  };
}

/** The site path of an organisation's page (without the base; wrap in `url()`). */
export const organisationPath = (slug: string): string => `/organisationer/${slug}/`;

/** The site path of a body's page (without the base; wrap in `url()`). */
export const bodyPath = (orgSlug: string, bodySlug: string): string => `/organisationer/${orgSlug}/${bodySlug}/`;

/** The slug of a body's name. */
export const bodySlugOf = (name: string): string => slugOrFallback(name);
