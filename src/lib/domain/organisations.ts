/**
 * Organisations and their deciding bodies, derived from the cases.
 *
 * Every organisation named in a case gets one page: the one that decides
 * (`organisation`), every party (owner, recipient, partner, funder,
 * applicant) and every payer and payee in `funding`. Names are normalised to
 * one slug with `slugify`, and an alias list (`content/organisations.yaml`)
 * merges different spellings of the same organisation ("Stadsmissionen i
 * Linköping" → "Linköpings Stadsmission"). Deciding bodies (`body`) get
 * pages under their organisation. The alias list is read and validated by
 * src/lib/content/organisations-file.ts.
 */
import { nameSlug } from '../core/slug.ts';
import type { Role } from '../core/vocabulary.ts';
import { type AliasEntry, readOrganisationAliases } from '../content/organisations-file.ts';
import { type CaseEntry, newestFirst } from './cases.ts';
import { ROLE_LABEL } from '../core/labels.ts';

/** How an organisation takes part in a case, in the order pages list them: it decides, or it has a party role. */
export const ORG_ROLES = [
  'decider',
  'funder',
  'recipient',
  'owner',
  'applicant',
  'partner',
] as const satisfies readonly ('decider' | Role)[];
export type OrgRole = (typeof ORG_ROLES)[number];

/** Swedish headings for the roles ("Beslutar", "Finansiär" …). */
export const ORG_ROLE_LABEL: Record<OrgRole, string> = { decider: 'Beslutande organisation', ...ROLE_LABEL };

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
    const slug = nameSlug(e.name);
    names.set(slug, e.name);
    toSlug.set(slug, slug);
    for (const a of e.aliases) toSlug.set(nameSlug(a), slug);
  }
  const memo = new Map<string, string>();
  return {
    slugOf(name) {
      let slug = memo.get(name);
      if (slug === undefined) {
        const own = nameSlug(name);
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
export function buildOrganisations<T extends CaseEntry>(
  cases: readonly T[],
  entries: readonly AliasEntry[] = [],
): OrganisationIndex<T> {
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
    const bodySlug = nameSlug(c.data.body);
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
      .map(([bslug, b]) => ({
        orgSlug: slug,
        orgName: name,
        slug: bslug,
        name: commonest(b.names),
        cases: newestFirst([...b.cases]),
      }))
      .sort((x, y) => COLLATOR.compare(x.name, y.name));
    return {
      slug,
      name,
      spellings: [...a.spellings.keys()].sort(COLLATOR.compare),
      cases: newestFirst([...a.cases]),
      byRole: ORG_ROLES.filter((r) => a.roles.has(r)).map((role) => ({
        role,
        cases: newestFirst([...a.roles.get(role)!]),
      })),
      bodies,
    };
  });
  organisations.sort((x, y) => COLLATOR.compare(x.name, y.name) || x.slug.localeCompare(y.slug));
  return {
    organisations,
    bySlug: new Map(organisations.map((o) => [o.slug, o])),
    bodies: organisations.flatMap((o) => o.bodies),
    namer,
    bodyOf: (data) => ({ orgSlug: namer.slugOf(data.organisation), slug: nameSlug(data.body) }),
  };
}

/** The site path of an organisation's page (without the base; wrap in `url()`). */
export const organisationPath = (slug: string): string => `/organisationer/${slug}/`;

/** The site path of a body's page (without the base; wrap in `url()`). */
export const bodyPath = (orgSlug: string, bodySlug: string): string => `/organisationer/${orgSlug}/${bodySlug}/`;

/** The slug of a body's name. */
export const bodySlugOf = (name: string): string => nameSlug(name);

let namer: OrganisationNamer | undefined;

/** The site's name normaliser (alias list applied), built once per build. */
export function siteOrganisationNamer(): OrganisationNamer {
  return (namer ??= organisationNamer(readOrganisationAliases()));
}
