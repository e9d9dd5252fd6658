/**
 * Organisations and their deciding bodies, derived from the cases.
 *
 * Every organisation named in a case gets one page: the one that decides
 * (`organisation`), every party (owner, recipient, partner, funder,
 * applicant) and every payer and payee in `funding`.
 *
 * Identity: where a party has an organisationsnummer, the number is the
 * organisation. A name in a case takes the number of a party of the same
 * case with that name (alias-aware); names with the same number are one
 * organisation, one page listing every name it appears under; the same name
 * with different numbers are different organisations. A name with no number
 * in its case joins the organisation that name has a number for elsewhere
 * when there is exactly one such number; otherwise (no number anywhere, or
 * several) the name decides as before: names are normalised to one slug
 * with `slugify`, and an alias list (`content/organisations.yaml`) merges
 * different spellings ("Stadsmissionen i Linköping" → "Linköpings
 * Stadsmission"). Two organisations whose names give the same slug are told
 * apart in the URL: the one without a number keeps the plain slug, each one
 * with a number gets its number added (`forening-d-8024000005`).
 *
 * Deciding bodies (`body`) get pages under their organisation. The alias
 * list is read and validated by src/lib/content/organisations-file.ts.
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
  /** Its organisationsnummer (`NNNNNN-NNNN`), when a case gives one. */
  orgNumber: string | undefined;
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
  /** The slug of the organisation a name in a case stands for (by the case's organisationsnummer, else the name). */
  slugFor(name: string, data: CaseEntry['data']): string;
  /** The body of a case: `{ orgSlug, slug }`. */
  bodyOf(data: CaseEntry['data']): { orgSlug: string; slug: string };
}

/** The organisationsnummer a case gives a name: that of a party with the same name (aliases applied). */
export function orgNumberIn(data: CaseEntry['data'], name: string, namer: OrganisationNamer): string | undefined {
  const slug = namer.slugOf(name);
  return data.parties.find((p) => p.orgNumber !== undefined && namer.slugOf(p.name) === slug)?.orgNumber;
}

/** The numbers each name (alias slug) has as a party anywhere in the cases. */
export function numbersByName(cases: readonly CaseEntry[], namer: OrganisationNamer): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of cases)
    for (const p of c.data.parties) {
      if (p.orgNumber === undefined) continue;
      const slug = namer.slugOf(p.name);
      let set = out.get(slug);
      if (!set) out.set(slug, (set = new Set()));
      set.add(p.orgNumber);
    }
  return out;
}

/** An organisation's identity key: `nr:<organisationsnummer>`, or `namn:<slug>` where no number is known. */
function identityKeyer(cases: readonly CaseEntry[], namer: OrganisationNamer) {
  const numbers = numbersByName(cases, namer);
  return (name: string, data: CaseEntry['data']): string => {
    const own = orgNumberIn(data, name, namer);
    if (own) return `nr:${own}`;
    const slug = namer.slugOf(name);
    const known = numbers.get(slug);
    return known?.size === 1 ? `nr:${[...known][0]!}` : `namn:${slug}`;
  };
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
  const keyOf = identityKeyer(cases, namer);
  interface Acc {
    spellings: Map<string, number>;
    cases: Set<T>;
    roles: Map<OrgRole, Set<T>>;
    bodies: Map<string, { names: Map<string, number>; cases: Set<T> }>;
  }
  const acc = new Map<string, Acc>();
  const get = (key: string): Acc => {
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { spellings: new Map(), cases: new Set(), roles: new Map(), bodies: new Map() }));
    return a;
  };
  const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  for (const c of cases) {
    for (const { name, role } of namesByRole(c.data)) {
      const a = get(keyOf(name, c.data));
      count(a.spellings, name.trim());
      a.cases.add(c);
      let set = a.roles.get(role);
      if (!set) a.roles.set(role, (set = new Set()));
      set.add(c);
    }
    const org = get(keyOf(c.data.organisation, c.data));
    const bodySlug = bodySlugOf(c.data.body);
    let body = org.bodies.get(bodySlug);
    if (!body) org.bodies.set(bodySlug, (body = { names: new Map(), cases: new Set() }));
    count(body.names, c.data.body.trim());
    body.cases.add(c);
  }
  /** The most used spelling; ties go to Swedish alphabetical order. */
  const commonest = (m: Map<string, number>): string =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || COLLATOR.compare(a[0], b[0]))[0]![0];
  /** The name an organisation is shown under: the alias list's name for one of its spellings, else the commonest. */
  const nameOf = (key: string, a: Acc): string => {
    if (key.startsWith('namn:')) return namer.canonicalName(key.slice(5)) ?? commonest(a.spellings);
    for (const spelling of [...a.spellings.keys()].sort(COLLATOR.compare)) {
      const canonical = namer.canonicalName(namer.slugOf(spelling));
      if (canonical) return canonical;
    }
    return commonest(a.spellings);
  };
  // Slugs: the name's slug; where several organisations share one, those with a number add it.
  const named = [...acc.entries()].map(([key, a]) => {
    const name = nameOf(key, a);
    return { key, a, name, base: key.startsWith('namn:') ? key.slice(5) : namer.slugOf(name) };
  });
  const perBase = new Map<string, number>();
  for (const n of named) perBase.set(n.base, (perBase.get(n.base) ?? 0) + 1);
  const slugByKey = new Map<string, string>();
  for (const n of named) {
    const shared = (perBase.get(n.base) ?? 0) > 1 && n.key.startsWith('nr:');
    slugByKey.set(n.key, shared ? `${n.base}-${n.key.slice(3).replace('-', '')}` : n.base);
  }
  const organisations: Organisation<T>[] = named.map(({ key, a, name }) => {
    const slug = slugByKey.get(key)!;
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
      orgNumber: key.startsWith('nr:') ? key.slice(3) : undefined,
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
  const slugFor = (name: string, data: CaseEntry['data']): string =>
    slugByKey.get(keyOf(name, data)) ?? namer.slugOf(name);
  return {
    organisations,
    bySlug: new Map(organisations.map((o) => [o.slug, o])),
    bodies: organisations.flatMap((o) => o.bodies),
    namer,
    slugFor,
    bodyOf: (data) => ({ orgSlug: slugFor(data.organisation, data), slug: bodySlugOf(data.body) }),
  };
}

/** The site path of an organisation's page (without the base; wrap in `url()`). */
export const organisationPath = (slug: string): string => `/organisationer/${slug}/`;

/** The site path of an organisation's embed page (without the base; wrap in `url()`). */
export const embedPath = (slug: string): string => `/inbaddning/${slug}/`;

/** The site path of a body's page (without the base; wrap in `url()`). */
export const bodyPath = (orgSlug: string, bodySlug: string): string => `/organisationer/${orgSlug}/${bodySlug}/`;

/** The slug of a body's name. */
export const bodySlugOf = (name: string): string => {
  const slug = nameSlug(name);
  return (Object.values(ORGANISATION_LIST_SLUGS) as string[]).includes(slug) ? `${slug}-organ` : slug;
};

/**
 * The path segments under `/organisationer/<org>/` where an organisation's long lists
 * are listed whole (src/views/organisation-lists.ts). They sit beside the bodies'
 * slugs, so a body whose name gives one of them ("Ärenden") gets `-organ` added.
 */
export const ORGANISATION_LIST_SLUGS = {
  cases: 'arenden',
  given: 'penningfloden-fran',
  received: 'penningfloden-till',
  overdue: 'forsenade',
} as const;

let namer: OrganisationNamer | undefined;

/** The site's name normaliser (alias list applied), built once per build. */
export function siteOrganisationNamer(): OrganisationNamer {
  return (namer ??= organisationNamer(readOrganisationAliases()));
}
