/** Text fields: trimmed, non-empty strings with optional length bounds. */
import { z } from 'astro/zod';

/** A non-empty line of text. */
export function text(label: string, description: string, example: string, bounds: { min?: number; max?: number } = {}) {
  return z
    .string()
    .trim()
    .min(bounds.min ?? 1)
    .max(bounds.max ?? 2000)
    .meta({ title: label, description, examples: [example] });
}

/** A list of short texts (places, topics). */
export function textList(label: string, description: string, example: string[]) {
  return z.array(z.string().trim().min(1).max(200)).meta({ title: label, description, examples: [example] });
}

/** A link: an absolute http(s) URL or a site path starting with `/`. */
export const href = z
  .string()
  .trim()
  .regex(/^(https?:\/\/\S+|\/\S*)$/)
  .meta({
    title: 'Länk',
    description: 'En webbadress (https://…) eller en sökväg på webbplatsen som börjar med /.',
    examples: ['/dokument/linkstep-rapport.pdf'],
  });
