/**
 * The search page in the browser. The URL holds the whole state
 * (src/lib/search/state.ts): every change pushes a history entry (typing
 * replaces it), back/forward and a copied link restore the same search.
 *
 * Filters, counts, sorts and pages come from the facet table
 * (/sok/tabell.json, src/lib/search/query.ts; the column of a long filter
 * group from /sok/kolumner/ once the group is opened or filtered by, and
 * counted from then on); what a hit shows comes from
 * its chunk of /sok/rader/, fetched for the hits on screen only. Pagefind is
 * loaded only when there are words (./search-words.ts, in a worker): at once, beside the
 * table, when the URL has them; when the visitor turns to the search box
 * otherwise. Words are searched as they are typed (prepared, not shown), so
 * Enter usually finds their hits ready. The hits of a query are kept, so a
 * filter click never asks Pagefind again. All logic that can be pure lives
 * in src/lib/search; this file reads and writes the DOM.
 */
import { toJson } from '../lib/core/json-text.ts';
import { formatNumber } from '../lib/core/money.ts';
import { pageCount } from '../lib/core/paging.ts';
import { CASE_LIST_PATH, casePath } from '../lib/core/slug.ts';
import {
  FILTER_FIELDS,
  type FilterKey,
  PAGE_SIZE,
  RANGE_PARAMS,
  type RangeKey,
  type SortId,
} from '../lib/search/fields.ts';
import { filterGroupOrder, isShortGroup } from '../lib/search/filter-groups.ts';
import { hitLines } from '../lib/search/hit.ts';
import { columnsNeeded, type Ranges, select, type Selection, valueIndex } from '../lib/search/query.ts';
import {
  effectiveSort,
  parseRangeValue,
  parseState,
  type SearchState,
  stateToQuery,
  statusText,
  tableQuery,
  toggleFilter,
} from '../lib/search/state.ts';
import {
  type ColumnFile,
  type ColumnKey,
  columnPath,
  type DisplayRow,
  displayChunkPath,
  EXPORT_HEAD_PATH,
  type ExportChunk,
  type ExportHead,
  exportChunkPath,
  type FacetTable,
  hasColumn,
  TABLE_PATH,
  withColumn,
} from '../lib/search/table-format.ts';
import { preloadWords, searchWords, type WordHits } from './search-words.ts';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
/** A site path (`/arenden/x/`) under the base. */
const sitePath = (path: string) => `${BASE}${path.slice(1)}`;
/** True under `astro dev`, which has no search index (MODE, not DEV: DEV is also true in builds run with NODE_ENV=test). */
const IN_DEV_SERVER = import.meta.env.MODE === 'development';
const TYPING_DELAY_MS = 300;

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} saknas på söksidan`);
  return el as T;
};

const form = $<HTMLFormElement>('sok-formular');
const input = $<HTMLInputElement>('sok-fraga');
const note = $<HTMLElement>('sok-meddelande');
const status = $<HTMLElement>('sok-status');
const filterGroups = $<HTMLElement>('sok-filtergrupper');
const rangeForm = $<HTMLFormElement>('sok-intervall');
const clearButton = $<HTMLButtonElement>('sok-rensa');
const resultPart = $<HTMLElement>('sok-resultat');
const resultHeading = $<HTMLElement>('sok-resultat-rubrik');
const sortSelect = $<HTMLSelectElement>('sok-sortering');
const withoutAmountNote = $<HTMLElement>('sok-utan-belopp');
const list = $<HTMLOListElement>('sok-traffar');
const pager = $<HTMLElement>('sok-sidor');
const csvButton = $<HTMLButtonElement>('sok-ladda-csv');
const jsonButton = $<HTMLButtonElement>('sok-ladda-json');

const RANGE_KEYS = Object.keys(RANGE_PARAMS) as RangeKey[];
const rangeInput = (key: RangeKey) => $<HTMLInputElement>(`sok-${RANGE_PARAMS[key]}`);
const RANGE_ERROR: Record<RangeKey, string> = {
  decidedFrom: 'Skriv ett datum som 2019, 2019-06 eller 2019-06-18.',
  decidedTo: 'Skriv ett datum som 2019, 2019-06 eller 2019-06-18.',
  amountMin: 'Skriv ett belopp i hela kronor, till exempel 500 000.',
  amountMax: 'Skriv ett belopp i hela kronor, till exempel 500 000.',
};

let table: FacetTable;
let state: SearchState = parseState(location.search);
let run = 0;
let shownRuns = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** The selection on screen, for the downloads. */
let shown: Selection | undefined;

const files = new Map<string, Promise<unknown>>();
/** A JSON file of the site, fetched once. */
function fetchJson<T>(path: string): Promise<T> {
  let file = files.get(path);
  if (!file) {
    file = fetch(`${BASE}${path}`).then((r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.json();
    });
    file.catch(() => files.delete(path));
    files.set(path, file);
  }
  return file as Promise<T>;
}

/** The table could not be loaded, or a column of it. */
class TableFailed extends Error {}

/**
 * Puts the deferred columns of `keys` into the table (table-format.ts), each fetched once.
 * Each goes in as it arrives, into the table of that moment.
 */
async function loadColumns(keys: readonly ColumnKey[]): Promise<void> {
  const missing = keys.filter((key) => !hasColumn(table, key));
  try {
    await Promise.all(
      missing.map(async (key) => {
        const column = await fetchJson<ColumnFile>(columnPath(key));
        table = withColumn(table, key, column);
      }),
    );
  } catch (error) {
    throw new TableFailed(String(error));
  }
}

function showTableFailed(): void {
  showNote(
    'Sökningen kunde inte laddas. Försök igen senare, eller',
    'bläddra bland alla ärenden',
    sitePath(CASE_LIST_PATH),
  );
}

/** The file of a row's display chunk. */
const rowChunkPath = (row: number) => displayChunkPath(Math.floor(row / table.chunkSize));

async function displayRow(row: number): Promise<DisplayRow> {
  const chunk = await fetchJson<DisplayRow[]>(rowChunkPath(row));
  return chunk[row % table.chunkSize]!;
}

function showNote(text: string, linkText?: string, href?: string): void {
  note.replaceChildren(text);
  if (linkText && href) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = linkText;
    note.append(' ', a, '.');
  }
  note.hidden = false;
}

/** Writes the state into the URL: a new history entry, or the current one replaced. */
function commit(next: SearchState, mode: 'push' | 'replace'): void {
  state = next;
  const target = `${location.pathname}${stateToQuery(state)}`;
  if (target !== `${location.pathname}${location.search}`)
    history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', target);
  void search();
}

/** Puts the state into the form controls (page load and back/forward). */
function showState(): void {
  if (input.value.trim() !== state.q) input.value = state.q;
  sortSelect.value = effectiveSort(state);
  for (const box of filterGroups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = (state.filters[box.name as FilterKey] ?? []).includes(box.value);
  }
  for (const key of RANGE_KEYS) {
    const value = state.ranges[key];
    rangeInput(key).value = value === undefined ? '' : String(value);
    showRangeError(key, undefined);
  }
}

/** The checkboxes of a group not in the HTML (a long one), made when it is first opened and its column is in. */
function fillGroup(details: HTMLDetailsElement): void {
  const key = details.dataset['key'] as FilterKey;
  const fieldset = details.querySelector('fieldset');
  if (!fieldset || fieldset.querySelector('.check') || !hasColumn(table, key)) return;
  fieldset.querySelector('.group-loading')?.remove();
  for (const i of filterGroupOrder(key, table.values[key])) {
    const value = table.values[key][i]!;
    const row = document.createElement('div');
    row.className = 'check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `filter-${key}-${i}`;
    box.name = key;
    box.value = value;
    box.checked = (state.filters[key] ?? []).includes(value);
    const label = document.createElement('label');
    label.htmlFor = box.id;
    const count = document.createElement('span');
    count.className = 'count';
    label.append(value, ' ', count);
    row.append(box, label);
    fieldset.append(row);
  }
}

function showCounts(counts: Selection['counts']): void {
  for (const details of filterGroups.querySelectorAll<HTMLDetailsElement>('details')) {
    const key = details.dataset['key'] as FilterKey;
    if ((state.filters[key]?.length ?? 0) > 0) details.open = true;
    if (details.open) fillGroup(details);
    // A group whose column came in after this selection was made is counted when it is shown again.
    if (counts[key].length !== table.values[key].length) continue;
    const index = valueIndex(table, key);
    const short = isShortGroup(table.values[key].length);
    for (const row of details.querySelectorAll<HTMLElement>('.check')) {
      const box = row.querySelector('input') as HTMLInputElement;
      const n = counts[key][index.get(box.value) ?? -1] ?? 0;
      (row.querySelector('.count') as HTMLElement).textContent = `(${formatNumber(n)})`;
      // A short group keeps every value in place, so that the page does not move; a long one shows those with hits.
      row.hidden = !short && n === 0 && !box.checked;
    }
  }
}

/** Text and <mark> only, from Pagefind's excerpt HTML (parsed by the browser, never by pattern). */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((n) => {
    if (n.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = n.textContent;
      return mark;
    }
    return document.createTextNode(n.textContent ?? '');
  });
}

const hitTemplate = $<HTMLTemplateElement>('sok-traff-mall');

/** A hit, cloned from the template the build rendered with SearchHit.astro. */
function resultItem(row: number, shown: DisplayRow, excerpt: Promise<string> | undefined, mine: number): HTMLLIElement {
  const lines = hitLines(table, row, shown);
  const li = (hitTemplate.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
  const slot = (name: string) => li.querySelector(`[data-slot="${name}"]`) as HTMLElement;
  const link = slot('title') as HTMLAnchorElement;
  link.href = sitePath(casePath(lines.slug));
  link.textContent = lines.title;
  slot('who').textContent = lines.who;
  slot('facts').textContent = lines.facts;
  if (excerpt !== undefined) {
    // The hit shows at once; its excerpt (a fragment Pagefind fetches) follows into a line kept for it.
    const p = slot('excerpt');
    p.textContent = '…';
    p.hidden = false;
    excerpt.then(
      (html) => mine === run && p.replaceChildren('… ', ...excerptNodes(html), ' …'),
      () => mine === run && (p.hidden = true),
    );
  }
  return li;
}

function pageLink(page: number, text: string, rel: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = `${location.pathname}${stateToQuery({ ...state, page })}`;
  a.textContent = text;
  a.rel = rel;
  a.dataset['page'] = String(page);
  return a;
}

function showPager(page: number, pages: number): void {
  pager.replaceChildren();
  pager.hidden = pages <= 1;
  if (pages <= 1) return;
  const ul = document.createElement('ul');
  const item = (child: Node) => {
    const li = document.createElement('li');
    li.append(child);
    ul.append(li);
  };
  if (page > 1) item(pageLink(page - 1, 'Föregående sida', 'prev'));
  const here = document.createElement('span');
  here.textContent = `Sida ${page} av ${pages}`;
  item(here);
  if (page < pages) item(pageLink(page + 1, 'Nästa sida', 'next'));
  pager.append(ul);
}

function amountNote(selection: Selection, sort: SortId): string {
  const n = selection.withoutAmount;
  const byAmount = sort.startsWith('belopp');
  if (n === 0) return byAmount && selection.rows.length > 0 ? 'Alla träffar har ett angivet belopp.' : '';
  const those = n === 1 ? '1 träff saknar angivet belopp' : `${formatNumber(n)} träffar saknar angivet belopp`;
  return byAmount ? `${those} och visas sist.` : `${those}.`;
}

/** A search ready to show: its selection, the page on screen and what that page's hits show. */
interface Prepared {
  words: WordHits | undefined;
  selection: Selection;
  page: number;
  pages: number;
  onScreen: number[];
  rows: DisplayRow[];
}

/** The last selection made, by its query and words. */
let lastSelection: { key: string; words: WordHits | undefined; table: FacetTable; selection: Selection } | undefined;

/**
 * The selection for a state and its words' hits; the last one is kept, so that Enter
 * after typing ahead, or another page of the same hits, does not count every hit again.
 */
function selectionFor(at: SearchState, words: WordHits | undefined): Selection {
  const query = tableQuery(at);
  const key = JSON.stringify(query);
  if (lastSelection?.key === key && lastSelection.words === words && lastSelection.table === table)
    return lastSelection.selection;
  const selection = select(table, query, words?.rows);
  lastSelection = { key, words, table, selection };
  return selection;
}

/** Why a search could not be prepared: the words could not be searched. */
class WordsFailed extends Error {}

/**
 * Everything a state's search needs before it can be shown: the hits of its words, its
 * selection from the table, and the display rows of the page on screen. Hits and display
 * rows are kept once fetched, so preparing the same words again is quick.
 */
async function prepare(at: SearchState): Promise<Prepared> {
  // The columns the query needs, fetched beside the words' hits.
  const columns = loadColumns(columnsNeeded(tableQuery(at)));
  columns.catch(() => undefined);
  let words: WordHits | undefined;
  if (at.q !== '' && !IN_DEV_SERVER) {
    try {
      words = await searchWords(BASE, at.q);
    } catch (error) {
      throw new WordsFailed(String(error));
    }
  }
  await columns;
  const selection = selectionFor(at, words);
  const pages = pageCount(selection.rows.length, PAGE_SIZE);
  const page = Math.min(at.page, pages);
  const onScreen = selection.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  // The display rows are the table's too: one that cannot be loaded is said as the table is.
  const rows = await Promise.all(onScreen.map(displayRow)).catch((error: unknown) => {
    throw new TableFailed(String(error));
  });
  return { words, selection, page, pages, onScreen, rows };
}

/**
 * Typing ahead: while the visitor types, the search for the words so far is prepared but
 * not shown, one at a time, the latest words next. Enter (or the pause that shows the
 * words) then finds their hits and display rows ready: a word's inflections share one
 * search (searchWords), and its display rows are kept.
 */
const ahead: { running: boolean; next: string | undefined } = { running: false, next: undefined };
async function prepareAhead(q: string): Promise<void> {
  ahead.next = q;
  if (ahead.running) return;
  ahead.running = true;
  try {
    while (ahead.next !== undefined) {
      const words = ahead.next;
      ahead.next = undefined;
      if (words !== '') await prepare({ ...state, q: words, page: 1 }).catch(() => undefined);
    }
  } finally {
    ahead.running = false;
  }
}

/** Runs the search for the current state and shows it; stale runs are dropped. */
async function search(): Promise<void> {
  const mine = ++run;
  showState();
  if (state.q !== '' && IN_DEV_SERVER) {
    showNote(
      'Sökning på ord fungerar bara på den byggda webbplatsen, eftersom sökindexet skapas när webbplatsen byggs. Kör npm start för att bygga och visa webbplatsen med sökning. Filtren fungerar här.',
    );
  }
  let prepared: Prepared;
  try {
    prepared = await prepare(state);
  } catch (error) {
    if (mine !== run) return;
    if (error instanceof TableFailed) {
      showTableFailed();
      return;
    }
    if (!(error instanceof WordsFailed)) throw error;
    showNote(
      'Sökningen på ord kunde inte laddas. Försök igen senare, eller',
      'bläddra bland alla ärenden',
      sitePath(CASE_LIST_PATH),
    );
    return;
  }
  if (mine !== run) return;
  const { words, selection, page, pages, onScreen, rows } = prepared;
  const hits = selection.rows.length;
  const excerpts = words && onScreen.map((row) => words.excerpt(row));
  shown = selection;
  showCounts(selection.counts);
  list.replaceChildren(...onScreen.map((row, i) => resultItem(row, rows[i]!, excerpts?.[i], mine)));
  list.start = (page - 1) * PAGE_SIZE + 1;
  showPager(page, pages);
  withoutAmountNote.textContent = amountNote(selection, effectiveSort(state));
  withoutAmountNote.hidden = withoutAmountNote.textContent === '';
  clearButton.hidden = Object.keys(state.filters).length === 0 && Object.keys(state.ranges).length === 0;
  csvButton.disabled = jsonButton.disabled = hits === 0;
  status.textContent = statusText(hits, state.q, page);
  // Counts the searches shown (0 in the HTML, whose frame already shows the default one), for tests and the bench.
  resultPart.dataset['run'] = String(++shownRuns);
  prefetchNextPage(selection.rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE));
}

/** Most display-row chunks fetched ahead for the next page (see prefetchNextPage). */
const AHEAD_CHUNKS = 2;

/**
 * The next page's display rows, fetched once this page shows, so that the visitor who goes
 * on finds them loaded: when they are in at most AHEAD_CHUNKS chunks not fetched yet, as
 * they are in the table's own order (newest first). Hits in relevance order are spread
 * over the whole table, a chunk each: those wait until they are asked for.
 */
function prefetchNextPage(rows: readonly number[]): void {
  const missing = new Set(rows.map(rowChunkPath).filter((path) => !files.has(path)));
  if (missing.size > AHEAD_CHUNKS) return;
  for (const path of missing) fetchJson(path).catch(() => undefined);
}

function showRangeError(key: RangeKey, message: string | undefined): void {
  const field = rangeInput(key);
  const error = $<HTMLElement>(`sok-${RANGE_PARAMS[key]}-fel`);
  error.textContent = message ?? '';
  error.hidden = message === undefined;
  if (message === undefined) field.removeAttribute('aria-invalid');
  else field.setAttribute('aria-invalid', 'true');
}

/** The ranges typed in the form, or undefined (with the errors shown) when one is not understood. */
function rangesFromForm(): Ranges | undefined {
  const ranges: Record<string, string | number> = {};
  let firstBad: HTMLInputElement | undefined;
  for (const key of RANGE_KEYS) {
    const text = rangeInput(key).value.trim();
    const value = text === '' ? undefined : parseRangeValue(key, text);
    if (text !== '' && value === undefined) {
      showRangeError(key, RANGE_ERROR[key]);
      firstBad ??= rangeInput(key);
    } else {
      showRangeError(key, undefined);
      if (value !== undefined) ranges[key] = value;
    }
  }
  firstBad?.focus();
  return firstBad ? undefined : (ranges as Ranges);
}

/** Saves a download made in the browser. */
function save(text: string, type: string, name: string): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The hits of the selection on screen, all pages, in its order: as CSV like /data/arenden.csv, or as JSON. */
async function download(format: 'csv' | 'json'): Promise<void> {
  const selection = shown;
  if (!selection) return;
  const head = await fetchJson<ExportHead>(EXPORT_HEAD_PATH);
  const size = table.exportChunkSize;
  const wanted = [...new Set(selection.rows.map((row) => Math.floor(row / size)))];
  const chunks = new Map(
    await Promise.all(wanted.map(async (k) => [k, await fetchJson<ExportChunk>(exportChunkPath(k))] as const)),
  );
  const part = (row: number) => ({ chunk: chunks.get(Math.floor(row / size))!, i: row % size });
  if (format === 'csv') {
    const lines = selection.rows.map((row) => {
      const { chunk, i } = part(row);
      return chunk.csv[i]!;
    });
    save(head.csvHeader + lines.join(''), 'text/csv;charset=utf-8', 'insyn-traffar.csv');
  } else {
    const cases = selection.rows.map((row) => {
      const { chunk, i } = part(row);
      return chunk.json[i];
    });
    const file = {
      ...head.json,
      title: 'Insyn – träffar i en sökning',
      search: location.href,
      count: cases.length,
      cases,
    };
    save(toJson(file), 'application/json', 'insyn-traffar.json');
  }
}

function wire(): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    commit({ ...state, q: input.value.trim(), page: 1 }, 'push');
  });
  // Pagefind is fetched when the visitor turns to the words, not with the page.
  input.addEventListener('focus', () => {
    if (!IN_DEV_SERVER) preloadWords(BASE).catch(() => undefined);
  });
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    if (!IN_DEV_SERVER) void prepareAhead(input.value.trim());
    typingTimer = setTimeout(() => commit({ ...state, q: input.value.trim(), page: 1 }, 'replace'), TYPING_DELAY_MS);
  });
  filterGroups.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    commit(toggleFilter(state, box.name as FilterKey, box.value, box.checked), 'push');
  });
  filterGroups.addEventListener(
    'toggle',
    (event) => {
      const details = event.target as HTMLDetailsElement;
      if (!details.open || !shown) return;
      const key = details.dataset['key'] as FilterKey;
      if (hasColumn(table, key)) {
        fillGroup(details);
        showCounts(shown.counts);
        return;
      }
      // A deferred column: fetched now, then this search counted again over it.
      const fieldset = details.querySelector('fieldset');
      if (fieldset && !fieldset.querySelector('.group-loading')) {
        const loading = document.createElement('p');
        loading.className = 'group-loading meta';
        loading.textContent = 'Hämtar värdena …';
        fieldset.append(loading);
      }
      const mine = run;
      loadColumns([key])
        .then(() => prepare(state))
        .then(
          (prepared) => {
            if (mine !== run) return;
            shown = prepared.selection;
            showCounts(shown.counts);
          },
          (error: unknown) => {
            details.querySelector('.group-loading')?.remove();
            if (error instanceof TableFailed) showTableFailed();
          },
        );
    },
    true,
  );
  rangeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const ranges = rangesFromForm();
    if (ranges) commit({ ...state, ranges, page: 1 }, 'push');
  });
  clearButton.addEventListener('click', () => {
    commit({ ...state, filters: {}, ranges: {}, page: 1 }, 'push');
    input.focus();
  });
  sortSelect.addEventListener('change', () => {
    commit({ ...state, sort: sortSelect.value as SortId, page: 1 }, 'push');
  });
  pager.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
    if (!link) return;
    event.preventDefault();
    commit({ ...state, page: Number(link.dataset['page']) }, 'push');
    resultHeading.focus();
  });
  csvButton.addEventListener('click', () => void download('csv'));
  jsonButton.addEventListener('click', () => void download('json'));
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    void search();
  });
}

async function start(): Promise<void> {
  // A link with words needs Pagefind: it loads beside the table, not after it.
  if (state.q !== '' && !IN_DEV_SERVER) preloadWords(BASE).catch(() => undefined);
  try {
    table = await fetchJson<FacetTable>(TABLE_PATH);
  } catch {
    showTableFailed();
    return;
  }
  if (FILTER_FIELDS.some((f) => !table.values[f.key])) throw new Error('söktabellen saknar ett filter');
  wire();
  await search();
}

void start();
