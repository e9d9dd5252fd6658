/**
 * /redigera/fran-dokument/: reads the chosen decision document in the browser
 * (src/lib/draft/read.ts; the PDF and Word readers load only for such a file),
 * drafts the case (src/lib/draft/draft.ts) and shows each proposal as a small
 * form: a box to take it or leave it, its value to correct, and the sentence
 * and page it came from. "Fortsätt i redigeraren" keeps the accepted values in
 * this tab (src/lib/editor/draft-defaults.ts) and opens the editor, whose
 * new-case form starts with them.
 *
 * Every text from the document is set as text, never as markup.
 */
import { KIND_LABEL, ROLE_LABEL, STATUS_LABEL } from '../lib/core/labels.ts';
import { BASIS_LABEL, formatKronor, formatNumber } from '../lib/core/money.ts';
import { BASES, KINDS, ROLES, STATUSES } from '../lib/core/vocabulary.ts';
import { type CaseField, draftCase, REQUIRED_FIELDS, valuesOf } from '../lib/draft/draft.ts';
import { LIST_FIELDS, type Proposal, type ProposalField } from '../lib/draft/proposal.ts';
import { DocumentError, readDocument } from '../lib/draft/read.ts';
import { DRAFT_STORAGE_KEY, type StoredDraft } from '../lib/editor/draft-defaults.ts';

type InputKind = 'text' | 'textarea' | 'number' | 'date' | 'select';

interface Part {
  /** The key in the proposal's value (`name`, `period.start`); '' for a value that is the whole proposal. */
  key: string;
  kind: InputKind;
  options?: readonly (readonly [string, string])[];
}

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => [v, `${labels[v]} (${v})`] as const);

/** The inputs of each field's proposal, in the case format's order of its keys. */
const PARTS: Record<ProposalField, Part[]> = {
  title: [{ key: '', kind: 'text' }],
  kind: [{ key: '', kind: 'select', options: choices(KINDS, KIND_LABEL) }],
  status: [{ key: '', kind: 'select', options: choices(STATUSES, STATUS_LABEL) }],
  organisation: [{ key: '', kind: 'text' }],
  body: [{ key: '', kind: 'text' }],
  decided: [{ key: '', kind: 'date' }],
  reference: [{ key: '', kind: 'text' }],
  decisionPoints: [{ key: '', kind: 'textarea' }],
  parties: [
    { key: 'name', kind: 'text' },
    { key: 'role', kind: 'select', options: choices(ROLES, ROLE_LABEL) },
    { key: 'orgNumber', kind: 'text' },
  ],
  period: [
    { key: 'start', kind: 'date' },
    { key: 'end', kind: 'date' },
  ],
  funding: [
    { key: 'from', kind: 'text' },
    { key: 'to', kind: 'text' },
    { key: 'amount', kind: 'number' },
    { key: 'basis', kind: 'select', options: choices(BASES, BASIS_LABEL) },
    { key: 'period.start', kind: 'date' },
    { key: 'period.end', kind: 'date' },
  ],
  followUps: [
    { key: 'due', kind: 'date' },
    { key: 'what', kind: 'textarea' },
  ],
  outcomes: [
    { key: 'indicator', kind: 'textarea' },
    { key: 'target', kind: 'number' },
    { key: 'actual', kind: 'number' },
    { key: 'unit', kind: 'text' },
    { key: 'asOf', kind: 'date' },
  ],
  targetGroup: [
    { key: 'ageFrom', kind: 'number' },
    { key: 'ageTo', kind: 'number' },
  ],
  documents: [{ key: 'title', kind: 'text' }],
  signedBy: [
    { key: 'name', kind: 'text' },
    { key: 'unit', kind: 'text' },
  ],
};

/** Labels of the case format's fields and their parts, from the editor's configuration. */
type Labels = Map<string, string>;

interface ConfigField {
  name: string;
  label?: string;
  fields?: ConfigField[];
}

async function loadLabels(configUrl: string): Promise<{ labels: Labels; collection: string | undefined }> {
  const labels: Labels = new Map();
  try {
    const bundle = (await (await fetch(configUrl)).json()) as {
      config: { collections: { name: string; fields: ConfigField[] }[] };
    };
    const collection = bundle.config.collections[0];
    const walk = (fields: readonly ConfigField[], prefix: string) => {
      for (const f of fields) {
        labels.set(`${prefix}${f.name}`, f.label ?? f.name);
        if (f.fields) walk(f.fields, `${prefix}${f.name}.`);
      }
    };
    walk(collection?.fields ?? [], '');
    return { labels, collection: collection?.name };
  } catch {
    return { labels, collection: undefined };
  }
}

const labelOf = (labels: Labels, path: string) => labels.get(path) ?? path;

/** An element with properties (never markup) and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function get(value: unknown, key: string): unknown {
  if (key === '') return value;
  return key
    .split('.')
    .reduce<unknown>(
      (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      value,
    );
}

function set(target: Record<string, unknown>, key: string, value: unknown): void {
  const keys = key.split('.');
  let node = target;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** A number as staff may type it (`2 400 000`), or the text when it is none (the editor then says how to write it). */
function numberOf(text: string): number | string {
  const compact = text.replace(/[\s\u00a0]/gu, '');
  return /^\d+$/u.test(compact) ? Number(compact) : text;
}

let sequence = 0;

/** One proposal as a fieldset: take it or not, its value, its source. */
function proposalForm(
  proposal: Proposal,
  index: number,
  count: number,
  labels: Labels,
): { node: HTMLElement; read: () => Proposal | undefined } {
  const id = `utkast-${++sequence}`;
  const fieldLabel = labelOf(labels, proposal.field);
  const fieldset = el('fieldset', { className: 'utkast-post' });
  fieldset.append(el('legend', {}, count > 1 ? `${fieldLabel} ${index + 1} av ${count}` : fieldLabel));
  // The values on one side, the sentences they came from beside them (below on a narrow screen).
  const values = el('div', { className: 'utkast-varden' });
  const sources = el('div', { className: 'utkast-kallor' });
  fieldset.append(values, sources);
  const take = el('input', { type: 'checkbox', id: `${id}-med`, checked: true });
  values.append(
    el('div', { className: 'utkast-med' }, take, el('label', { htmlFor: `${id}-med` }, 'Ta med i ärendet')),
  );

  const readers: (() => [string, unknown])[] = [];
  for (const part of PARTS[proposal.field]) {
    const inputId = `${id}-${part.key.replace('.', '-') || 'varde'}`;
    const current = get(proposal.value, part.key);
    const text = current === undefined ? '' : typeof current === 'number' ? formatNumber(current) : String(current);
    const label = part.key === '' ? fieldLabel : labelOf(labels, `${proposal.field}.${part.key}`);
    let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (part.kind === 'select') {
      input = el('select', { id: inputId }, el('option', { value: '' }, 'Välj'));
      for (const [value, optionLabel] of part.options ?? [])
        input.append(el('option', { value, selected: value === text }, optionLabel));
    } else if (part.kind === 'textarea') {
      input = el('textarea', { id: inputId, value: text, rows: Math.min(8, Math.max(2, Math.ceil(text.length / 40))) });
    } else {
      input = el('input', { id: inputId, type: 'text', value: text });
      if (part.kind === 'number') input.inputMode = 'numeric';
      if (part.kind === 'date') input.autocomplete = 'off';
    }
    const hint = part.kind === 'date' ? el('span', { className: 'hint' }, ' (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)') : '';
    values.append(el('div', { className: 'utkast-varde' }, el('label', { htmlFor: inputId }, label, hint), input));
    readers.push(() => {
      const raw = input.value.trim();
      if (raw === '') return [part.key, undefined];
      return [part.key, part.kind === 'number' ? numberOf(raw) : raw];
    });
  }
  // A breakdown is taken as it stands; the editor's form is where it is corrected.
  const items = proposal.field === 'funding' ? proposal.value.items : undefined;
  if (items?.length) {
    values.append(
      el(
        'p',
        { className: 'utkast-varde' },
        `${labelOf(labels, 'funding.items')}: `,
        items.map((i) => `${i.label} ${formatKronor(i.amount)}`).join('; '),
      ),
    );
  }
  for (const source of proposal.sources) {
    sources.append(
      el(
        'figure',
        { className: 'utkast-kalla' },
        el('blockquote', {}, el('p', {}, source.text)),
        el('figcaption', {}, `Ur dokumentet, sida ${source.page}`),
      ),
    );
  }
  return {
    node: fieldset,
    read: () => {
      if (!take.checked) return undefined;
      const entries = readers.map((r) => r());
      if (entries.length === 1 && entries[0]![0] === '') {
        const value = entries[0]![1];
        return value === undefined ? undefined : ({ ...proposal, value } as Proposal);
      }
      const value: Record<string, unknown> = {};
      for (const [key, v] of entries) if (v !== undefined) set(value, key, v);
      if (items?.length) value['items'] = items;
      return Object.keys(value).length === 0 ? undefined : ({ ...proposal, value } as Proposal);
    },
  };
}

function missingList(missing: readonly CaseField[], labels: Labels): HTMLElement {
  const wrap = el('div', {});
  if (missing.length === 0) return wrap;
  wrap.append(el('h3', {}, 'Hittades inte i dokumentet'));
  wrap.append(
    el('p', {}, 'Fyll i dem i redigerarens formulär. De obligatoriska måste fyllas i innan ärendet kan sparas.'),
  );
  wrap.append(
    el(
      'ul',
      {},
      ...missing.map((f) => el('li', {}, `${labelOf(labels, f)}${REQUIRED_FIELDS.has(f) ? ' (obligatoriskt)' : ''}`)),
    ),
  );
  return wrap;
}

async function main(): Promise<void> {
  const chooser = document.querySelector<HTMLElement>('#utkast-dokument');
  const input = document.querySelector<HTMLInputElement>('#utkast-fil');
  const status = document.querySelector<HTMLElement>('#utkast-status');
  const error = document.querySelector<HTMLElement>('#utkast-fel');
  const section = document.querySelector<HTMLElement>('#utkast-forslag');
  const heading = document.querySelector<HTMLElement>('#utkast-rubrik');
  const summary = document.querySelector<HTMLElement>('#utkast-sammanfattning');
  const fields = document.querySelector<HTMLElement>('#utkast-falt');
  const missingBox = document.querySelector<HTMLElement>('#utkast-saknas');
  const form = document.querySelector<HTMLFormElement>('#utkast-formular');
  if (!chooser || !input || !status || !error || !section || !heading || !summary || !fields || !missingBox || !form)
    return;
  const { labels } = await loadLabels(chooser.dataset['config'] ?? 'config.json');
  let readers: (() => Proposal | undefined)[] = [];
  let documentName = '';

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    error.textContent = '';
    section.hidden = true;
    status.textContent = `Läser ${file.name} …`;
    try {
      const doc = await readDocument(new Uint8Array(await file.arrayBuffer()), file.name);
      const draft = draftCase(doc);
      documentName = file.name;
      const counts = new Map<ProposalField, number>();
      for (const p of draft.proposals) counts.set(p.field, (counts.get(p.field) ?? 0) + 1);
      const seen = new Map<ProposalField, number>();
      const forms = draft.proposals.map((p) => {
        const i = seen.get(p.field) ?? 0;
        seen.set(p.field, i + 1);
        return proposalForm(p, i, LIST_FIELDS.has(p.field) ? counts.get(p.field)! : 1, labels);
      });
      readers = forms.map((f) => f.read);
      fields.replaceChildren(...forms.map((f) => f.node));
      missingBox.replaceChildren(missingList(draft.missing, labels));
      const pages = `${doc.pages.length} ${doc.pages.length === 1 ? 'sida' : 'sidor'}`;
      summary.textContent =
        draft.proposals.length === 0
          ? `Inga uppgifter kunde läsas säkert ur ${file.name} (${pages}). Du kan ändå fortsätta och fylla i formuläret själv.`
          : `${draft.proposals.length} förslag ur ${file.name} (${pages}).`;
      status.textContent = `${file.name} är läst: ${draft.proposals.length} förslag.`;
      section.hidden = false;
      heading.focus();
    } catch (e) {
      status.textContent = '';
      error.replaceChildren(
        el(
          'p',
          {},
          e instanceof DocumentError
            ? e.message
            : `Dokumentet kunde inte läsas: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const accepted = readers.map((read) => read()).filter((p): p is Proposal => p !== undefined);
    const draft: StoredDraft = { document: documentName, values: valuesOf(accepted) };
    sessionStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
    location.assign(chooser.dataset['editor'] ?? '../');
  });
}

void main();
