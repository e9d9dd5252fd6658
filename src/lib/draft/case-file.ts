/**
 * A draft as a case file (`npm run new -- --fran beslut.pdf`): the proposed
 * values in the case format, each marked with a YAML comment quoting the
 * sentence and page it came from; the required fields the document does not
 * state written empty with what to write, so that `npm run check` names each
 * one until the person has filled it; the optional ones it did not find listed
 * in a comment. Nothing of this is published before a person has checked it.
 */
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  Scalar,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { isPartialDate } from '../core/partial-date.ts';
import { CASE_FIELDS, type CaseField, type Draft, REQUIRED_FIELDS, valuesOf } from './draft.ts';
import type { Proposal, SourceRef } from './proposal.ts';

/** The source as a comment: `Källa, sida 2: ”…”`, long sentences cut at 240 characters. */
export function sourceComment(sources: readonly SourceRef[]): string {
  return sources
    .map((s) => {
      const text = s.text.replace(/\s+/gu, ' ').trim();
      return ` Källa, sida ${s.page}: ”${text.length > 240 ? `${text.slice(0, 239)}…` : text}”`;
    })
    .join('\n');
}

/** The value an empty required field is written with, so that the file is still YAML and the check names it. */
const EMPTY: Record<string, unknown> = {
  title: '',
  summary: '',
  kind: '',
  status: '',
  organisation: '',
  body: '',
  decisionPoints: [''],
  parties: [{ name: '', role: '' }],
};

/** A field as the data dictionary (src/lib/export/dictionary.ts) describes it. */
interface FieldInfo {
  path: string;
  label: string;
  description: string;
  examples?: string[] | undefined;
}

export interface DraftFileOptions {
  /** The data dictionary, for the fields' Swedish names and descriptions. */
  dictionary: readonly FieldInfo[];
  /** The document's file name as the person gave it. */
  documentName: string;
}

/** The text of the case file for a draft. */
export function draftFileText(draft: Draft, options: DraftFileOptions): string {
  const field = (path: string) => options.dictionary.find((f) => f.path === path);
  const values = valuesOf(draft.proposals);
  const missingRequired = draft.missing.filter((f) => REQUIRED_FIELDS.has(f));
  const data: Record<string, unknown> = {};
  for (const f of orderOf(values, draft.missing)) {
    if (f in values) data[f] = values[f];
    else if (f in EMPTY) data[f] = EMPTY[f];
  }
  // A target group needs a description in the person's own words; its ages may come from the text.
  const group = data['targetGroup'] as Record<string, unknown> | undefined;
  if (group && !('description' in group)) data['targetGroup'] = { description: '', ...group };
  const doc = new Document(data);
  // Dates quoted, as in the seed cases and the files `npm run new` writes.
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && isPartialDate(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const map = doc.contents as YAMLMap;

  // One comment per proposal: before the field, or before its item in a list.
  const byField = new Map<string, Proposal[]>();
  for (const p of draft.proposals) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
  for (const pair of map.items as Pair<Node, Node>[]) {
    const key = String((pair.key as { value?: unknown }).value);
    const proposals = byField.get(key);
    const keyNode = pair.key as Node;
    if (proposals && isSeq(pair.value)) {
      (pair.value as YAMLSeq<Node>).items.forEach((item, i) => {
        if (proposals[i]) item.commentBefore = sourceComment(proposals[i].sources);
      });
    } else if (proposals) {
      keyNode.commentBefore = proposals.map((p) => sourceComment(p.sources)).join('\n');
      const description =
        isMap(pair.value) && key === 'targetGroup'
          ? pair.value.items.find((p) => String((p.key as { value?: unknown }).value) === 'description')
          : undefined;
      if (description && (description.value as { value?: unknown }).value === '') {
        const info = field('targetGroup.description');
        (description.key as Node).commentBefore =
          ` FYLL I – ${info?.label ?? 'Beskrivning'}: ${info?.description ?? ''} Skriv med egna ord.`;
      }
    } else if (missingRequired.includes(key as CaseField)) {
      const info = field(key);
      keyNode.commentBefore = ` FYLL I – ${info?.label ?? key}: ${info?.description ?? ''} Dokumentet säger det inte, eller så kunde utkastet inte läsa det säkert.${info?.examples?.[0] ? ` Exempel: ${info.examples[0]}` : ''}`;
    }
  }
  const optionalMissing = draft.missing.filter((f) => !REQUIRED_FIELDS.has(f));
  doc.commentBefore = [
    ` Utkast ur ${options.documentName}. Kontrollera varje värde mot dokumentet innan du publicerar:`,
    ' kommentaren ovanför ett fält visar meningen och sidan det lästes från.',
    ...(optionalMissing.length
      ? [
          ` Hittades inte i dokumentet (lägg till om det står någon annanstans): ${optionalMissing
            .map((f) => `${field(f)?.label ?? f} (${f})`)
            .join(', ')}.`,
        ]
      : []),
  ].join('\n');
  const yaml = doc.toString({ lineWidth: 0 });
  return `---\n${yaml}---\n\n## Bakgrund\n\nSkriv med egna ord vad ärendet handlar om, vem som får pengar och varför.\n`;
}

/** The fields in the case format's order: those with values and the required missing ones. */
function orderOf(values: Record<string, unknown>, missing: readonly CaseField[]): string[] {
  const present = new Set([...Object.keys(values), ...missing.filter((f) => REQUIRED_FIELDS.has(f))]);
  return [...present].sort((a, b) => fieldIndex(a) - fieldIndex(b));
}

const fieldIndex = (f: string) => CASE_FIELDS.indexOf(f as CaseField);
