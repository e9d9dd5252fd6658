/**
 * The catalogue of downloads: each file's site path, format and a Swedish
 * description, as the /data/ page lists them, plus the settings shared by
 * the 360Giving endpoint and the /data/ page (which lists what the package
 * leaves out).
 */
import { caseUrl, url } from '../site.ts';
import type { Giving360Options } from './giving360.ts';
import type { Absolutize } from './links.ts';
import { TABLE_NAMES, type TableName, tablePath } from './tables.ts';
import type { DataVersion } from '../history/data-version.ts';
import type { OrganisationIndex } from '../domain/organisations.ts';
import type { CaseData } from '../schema/case.ts';

export interface Download {
  /** Site path without the base (wrap in `url()`). */
  path: string;
  format: 'CSV' | 'Excel' | 'JSON' | 'Atom' | 'iCalendar' | 'XML';
  description: string;
}

const EXCEL_DESCRIPTION =
  'Samma rader som CSV-filen, som Excel-arbetsbok: svenska rubriker, belopp och antal som tal, hela dagar som datum, fast rubrikrad, ett blad med kolumnernas betydelse och ett om filen.';

/** What each table's CSV file holds, as the /data/ page says it. */
const TABLE_DESCRIPTIONS: Record<TableName, string> = {
  arenden:
    'En rad per ärende. Listor (beslutspunkter, parter, platser …) står i samma cell, ett värde per rad. Antal finansieringsposter, uppföljningar och utfall står som tal.',
  finansiering:
    'En rad per penningflöde (funding): vem som betalar, vem som tar emot, belopp, grund och period. index räknar flödena i ärendet från 1.',
  'finansiering-poster':
    'En rad per post i ett penningflödes uppdelning (funding[].items). fundingIndex pekar på raden i finansiering.csv.',
  uppfoljningar:
    'En rad per utlovad återrapport, med status (state: reported, overdue, due-soon eller later) den dag webbplatsen byggdes.',
  utfall: 'En rad per mål eller resultat (outcomes).',
};

export const CASES_JSON_PATH = '/data/arenden.json';
/** The folder of the per-case files, which the build writes by splitting CASES_JSON_PATH. */
export const CASE_JSON_DIR = '/data/arenden/';
export const CASE_JSON_PATH = (slug: string): string => `${CASE_JSON_DIR}${slug}.json`;
export const GIVING360_PATH = '/data/360giving.json';
export const ALL_CASES_FEED_PATH = '/arenden.atom';
export const CORRECTIONS_FEED_PATH = '/rattelser.atom';
export const FOLLOW_UP_CALENDAR_PATH = '/uppfoljning.ics';
export const organisationFeedPath = (orgSlug: string): string => `/organisationer/${orgSlug}/arenden.atom`;

export const DOWNLOADS: readonly Download[] = [
  {
    path: CASES_JSON_PATH,
    format: 'JSON',
    description: 'Alla ärenden med alla fält, webbadress och slug. Samma fältnamn som i dataordlistan.',
  },
  {
    path: CASE_JSON_PATH('<slug>'),
    format: 'JSON',
    description:
      'Ett ärende per fil, till exempel för att länka till ett enskilt ärende. Adressen står också i arenden.json.',
  },
  ...TABLE_NAMES.flatMap((name): Download[] => [
    { path: tablePath(name, 'csv'), format: 'CSV', description: TABLE_DESCRIPTIONS[name] },
    { path: tablePath(name, 'xlsx'), format: 'Excel', description: EXCEL_DESCRIPTION },
  ]),
  {
    path: '/data/datapackage.json',
    format: 'JSON',
    description:
      'Beskrivning av CSV-filerna som Frictionless Data Package: varje kolumns typ, rubrik och betydelse, licensen och dataversionen, för verktyg som läser CSV med typer.',
  },
  {
    path: GIVING360_PATH,
    format: 'JSON',
    description:
      'Beviljade medel enligt 360Giving Data Standard 1.4, ett bidrag per penningflöde. Vad som inte ingår, och varför, står längre ner.',
  },
  {
    path: ALL_CASES_FEED_PATH,
    format: 'Atom',
    description:
      'Flöde med alla ärenden, nyast först. Prenumerera i en flödesläsare. Varje organisation har också ett eget flöde på sin sida.',
  },
  {
    path: CORRECTIONS_FEED_PATH,
    format: 'Atom',
    description:
      'Flöde med alla rättelser i ärendena, nyast först: vad som rättades, när och i vilket ärende. Den som citerar Insyn kan följa det.',
  },
  {
    path: FOLLOW_UP_CALENDAR_PATH,
    format: 'iCalendar',
    description:
      'Kalender med alla utlovade återrapporter, en heldagshändelse per uppföljning (en dag, en månad eller ett år, så som källan anger). Prenumerera i din kalender.',
  },
  { path: '/sitemap.xml', format: 'XML', description: 'Alla sidor på webbplatsen, för sökmotorer.' },
];

/** The 360Giving settings for this site. */
export function giving360Options(
  buildDate: Date,
  absolute: Absolutize,
  version?: DataVersion,
  organisations?: OrganisationIndex,
): Giving360Options {
  return {
    buildDate,
    absolute,
    ...(version ? { version } : {}),
    ...(organisations
      ? {
          orgSlugOf: organisations.namer.slugOf,
          orgNumberOf: (name: string, data: CaseData) =>
            organisations.bySlug.get(organisations.slugFor(name, data))?.orgNumber,
        }
      : {}),
    caseUrl,
    caseJsonPath: (slug) => url(CASE_JSON_PATH(slug)),
    homePath: url('/'),
    dataPagePath: url('/data/'),
    packagePath: url(GIVING360_PATH),
  };
}
