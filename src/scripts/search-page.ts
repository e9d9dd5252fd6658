/**
 * The search page in the browser: a thin UI on Pagefind's JS API
 * (`/pagefind/pagefind.js`, loaded only here, when the page starts).
 * The URL holds the whole state (src/lib/search/state.ts): every change
 * pushes a history entry (typing replaces it), back/forward and a copied
 * link restore the same search. All logic that can be pure lives in
 * src/lib/search; this file only reads and writes the DOM.
 */
import {
  FILTER_FIELDS,
  type FilterKey,
  META_KEYS,
  PAGE_SIZE,
  SORT_OPTIONS,
  type SortId,
} from '../lib/search/fields.ts';
import {
  effectiveSort,
  hitsAnnouncement,
  pageCount,
  pagefindOptions,
  parseState,
  type SearchState,
  stateToQuery,
  toggleFilter,
} from '../lib/search/state.ts';

/** The parts of Pagefind's browser API this page uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, o: ReturnType<typeof pagefindOptions>) => Promise<PagefindSearch | null>;
}

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
/** True under `astro dev`, which has no search index (MODE, not DEV: DEV is also true in builds run with NODE_ENV=test). */
const IN_DEV_SERVER = import.meta.env.MODE === 'development';
const TYPING_DELAY_MS = 300;
/** Filter groups with at most this many values start open. */
const SHORT_GROUP = 6;

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} saknas på söksidan`);
  return el as T;
};

const form = $<HTMLFormElement>('sok-formular');
const input = $<HTMLInputElement>('sok-fraga');
const note = $<HTMLElement>('sok-meddelande');
const status = $<HTMLElement>('sok-status');
const filterPart = $<HTMLElement>('sok-filter');
const filterGroups = $<HTMLElement>('sok-filtergrupper');
const clearButton = $<HTMLButtonElement>('sok-rensa');
const resultPart = $<HTMLElement>('sok-resultat');
const resultHeading = $<HTMLElement>('sok-resultat-rubrik');
const sortSelect = $<HTMLSelectElement>('sok-sortering');
const list = $<HTMLOListElement>('sok-traffar');
const pager = $<HTMLElement>('sok-sidor');

let pagefind: Pagefind | undefined;
let state: SearchState = parseState(location.search);
let run = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

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
}

/** One checkbox per filter value, built once from the whole index. */
function buildFilters(all: Record<string, Record<string, number>>): void {
  const collator = new Intl.Collator('sv');
  for (const field of FILTER_FIELDS) {
    const values = Object.keys(all[field.key] ?? {});
    if (values.length === 0) continue;
    values.sort((a, b) => (field.key === 'ar' ? b.localeCompare(a) : collator.compare(a, b)));
    const details = document.createElement('details');
    details.className = 'filter-group';
    details.dataset['key'] = field.key;
    details.open = values.length <= SHORT_GROUP;
    const summary = document.createElement('summary');
    summary.textContent = field.label;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = field.label;
    fieldset.append(legend);
    values.forEach((value, i) => {
      const row = document.createElement('div');
      row.className = 'check';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = `filter-${field.key}-${i}`;
      box.name = field.key;
      box.value = value;
      const label = document.createElement('label');
      label.htmlFor = box.id;
      const count = document.createElement('span');
      count.className = 'count';
      label.append(value, ' ', count);
      row.append(box, label);
      fieldset.append(row);
    });
    details.append(summary, fieldset);
    filterGroups.append(details);
  }
}

/** Counts per value: for a filter in use, the hits with its other values allowed too (so "any" stays honest). */
async function filterCounts(pf: Pagefind, main: PagefindSearch): Promise<Record<string, Record<string, number>>> {
  const counts: Record<string, Record<string, number>> = { ...main.filters };
  for (const key of Object.keys(state.filters) as FilterKey[]) {
    const without = pagefindOptions({ ...state, filters: { ...state.filters, [key]: [] } });
    const other = await pf.search(state.q || null, without);
    counts[key] = other?.filters[key] ?? {};
  }
  return counts;
}

function showCounts(counts: Record<string, Record<string, number>>): void {
  for (const details of filterGroups.querySelectorAll<HTMLDetailsElement>('details')) {
    const key = details.dataset['key'] ?? '';
    let visible = 0;
    let chosen = 0;
    for (const row of details.querySelectorAll<HTMLElement>('.check')) {
      const box = row.querySelector('input') as HTMLInputElement;
      const n = counts[key]?.[box.value] ?? 0;
      (row.querySelector('.count') as HTMLElement).textContent = `(${n})`;
      row.hidden = n === 0 && !box.checked;
      if (!row.hidden) visible++;
      if (box.checked) chosen++;
    }
    details.hidden = visible === 0;
    if (chosen > 0) details.open = true;
  }
}

/** Text and <mark> only, from Pagefind's excerpt HTML. */
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

function resultItem(data: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const h3 = document.createElement('h3');
  const a = document.createElement('a');
  a.href = data.url;
  a.textContent = data.meta['title'] ?? data.url;
  h3.append(a);
  const facts = document.createElement('p');
  facts.className = 'meta';
  facts.textContent = [data.meta[META_KEYS.organisation], data.meta[META_KEYS.date], data.meta[META_KEYS.amount]]
    .filter(Boolean)
    .join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append('… ', ...excerptNodes(data.excerpt), ' …');
  li.append(h3, facts, excerpt);
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

/** Runs the search for the current state and shows it; stale runs are dropped. */
async function search(): Promise<void> {
  const pf = pagefind;
  if (!pf) return;
  const mine = ++run;
  showState();
  const result = await pf.search(state.q || null, pagefindOptions(state));
  if (mine !== run || !result) return;
  const counts = await filterCounts(pf, result);
  const hits = result.results.length;
  const pages = pageCount(hits, PAGE_SIZE);
  const page = Math.min(state.page, pages);
  const shown = await Promise.all(result.results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.data()));
  if (mine !== run) return;
  showCounts(counts);
  list.replaceChildren(...shown.map(resultItem));
  list.start = (page - 1) * PAGE_SIZE + 1;
  showPager(page, pages);
  clearButton.hidden = Object.keys(state.filters).length === 0;
  const range = hits > PAGE_SIZE ? ` Visar ${(page - 1) * PAGE_SIZE + 1}–${Math.min(page * PAGE_SIZE, hits)}.` : '';
  status.textContent = `${hitsAnnouncement(hits, state.q)}${range}`;
  resultPart.hidden = false;
}

function wire(): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    commit({ ...state, q: input.value.trim(), page: 1 }, 'push');
  });
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => commit({ ...state, q: input.value.trim(), page: 1 }, 'replace'), TYPING_DELAY_MS);
  });
  filterGroups.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    commit(toggleFilter(state, box.name as FilterKey, box.value, box.checked), 'push');
  });
  clearButton.addEventListener('click', () => {
    commit({ ...state, filters: {}, page: 1 }, 'push');
    input.focus();
  });
  sortSelect.addEventListener('change', () => {
    const id = sortSelect.value as SortId;
    commit({ ...state, sort: id, page: 1 }, 'push');
  });
  pager.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
    if (!link) return;
    event.preventDefault();
    commit({ ...state, page: Number(link.dataset['page']) }, 'push');
    resultHeading.focus();
  });
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    void search();
  });
}

async function start(): Promise<void> {
  for (const option of SORT_OPTIONS) sortSelect.add(new Option(option.label, option.id));
  if (IN_DEV_SERVER) {
    showNote(
      'Sökningen fungerar bara på den byggda webbplatsen, eftersom sökindexet skapas när webbplatsen byggs. Kör npm start för att bygga och visa webbplatsen med sökning.',
    );
    return;
  }
  try {
    const pf = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
    await pf.options({ baseUrl: BASE, excerptLength: 24 });
    await pf.init();
    buildFilters(await pf.filters());
    pagefind = pf;
  } catch {
    showNote('Sökningen kunde inte laddas. Försök igen senare, eller', 'bläddra bland alla ärenden', `${BASE}arenden/`);
    return;
  }
  filterPart.hidden = false;
  wire();
  await search();
}

void start();
