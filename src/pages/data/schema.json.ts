/**
 * /data/schema.json: the JSON Schema of a case file's frontmatter, generated
 * from the zod schema (src/lib/schema/json-schema.ts), with its own public
 * address as `$id`, for editors and anyone who validates case files.
 */
import type { APIRoute } from 'astro';
import { config } from '../../lib/config.ts';
import { siteAbsolute } from '../../lib/export/links.ts';
import { caseJsonSchemaText } from '../../lib/schema/json-schema.ts';
import { url } from '../../lib/site.ts';

export const GET: APIRoute = () =>
  new Response(caseJsonSchemaText({ id: config.site ? siteAbsolute(url('/data/schema.json')) : undefined }), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
