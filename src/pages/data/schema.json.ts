/**
 * /data/schema.json: the JSON Schema of a case file's frontmatter, generated
 * from the zod schema (src/lib/schema/json-schema.ts), with its own public
 * address as `$id`, for editors and anyone who validates case files.
 */
import type { APIRoute } from 'astro';
import { caseJsonSchemaText } from '../../lib/schema/json-schema.ts';
import { url } from '../../lib/site.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(caseJsonSchemaText({ id: site ? new URL(url('/data/schema.json'), site).href : undefined }), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
