/** Text fields: trimmed, non-empty strings with optional length bounds. */
import { z } from 'astro/zod';
import { isWebAddress } from '../core/web-address.ts';
import { report } from './issue.ts';

/** A non-empty line of text. */
export function text(label: string, description: string, example: string, bounds: { min?: number; max?: number } = {}) {
  return z
    .string()
    .trim()
    .min(bounds.min ?? 1)
    .max(bounds.max ?? 2000)
    .meta({ title: label, description, examples: [example] });
}

/**
 * The name of an organisation or a body. It needs a letter or a digit: a name of
 * punctuation alone ("–", "???") has no slug (src/lib/core/slug.ts), so two such
 * organisations would share one page.
 */
export function organisationName(key: string, label: string, description: string, example: string) {
  return text(label, description, example, { max: 200 }).superRefine((value, ctx) => {
    if (!/[\p{L}\p{N}]/u.test(value))
      report(ctx, {
        message: 'namnet har inga bokstäver eller siffror',
        input: value,
        expected: 'namnet som det står i dokumentet',
        example: `${key}: ${example}`,
      });
  });
}

/** A list of short texts (places, topics). */
export function textList(label: string, description: string, example: string[]) {
  return z.array(z.string().trim().min(1).max(200)).meta({ title: label, description, examples: [example] });
}

/**
 * A link's form: an absolute http(s) address, or a path on the site: one `/`, since
 * `//host/…` would lead to another site. The editor checks it too (cms-config.ts).
 */
export const HREF_PATTERN = /^(https?:\/\/\S+|\/(?![/\\])\S*)$/;

/** A link: an absolute http(s) address a browser can read, or a site path starting with `/`. */
export const href = z
  .string()
  .trim()
  .regex(HREF_PATTERN)
  .superRefine((value, ctx) => {
    // Only a value of the right form: a wrong one has its error from the pattern already.
    if (/^https?:/.test(value) && HREF_PATTERN.test(value) && (!isWebAddress(value) || /["<>\\]/.test(value)))
      report(ctx, {
        message: 'webbadressen går inte att läsa',
        input: value,
        expected: 'en hel webbadress med ett värdnamn efter https://, utan citattecken, < > eller \\',
        example: 'href: https://www.linkoping.se/beslut/rapport.pdf',
      });
  })
  .meta({
    title: 'Länk',
    description: 'En webbadress (https://…) eller en sökväg på webbplatsen som börjar med /.',
    examples: ['/dokument/linkstep-rapport.pdf'],
  });
