/**
 * The benchmark's floor: what building the cases costs without a site
 * generator, in plain Node, so the full build can be judged against it.
 * - `renderFloor`: read each file, parse its YAML, render its body
 *   (Markdown with GFM, by Sätteri, Astro 7's processor) and write one HTML page.
 * - `validateFloor`: read each file, parse its YAML and run the zod schema; no rendering.
 * - `rendererCosts`: milliseconds per body for the renderers that are installed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml, mdxToHast } from 'satteri';
import { parse } from 'yaml';
import { caseSchema } from '../../src/lib/schema/case.ts';
import { listCaseFiles } from '../../src/lib/content/collection.ts';
import { renderBody } from '../../src/lib/content/render-body.ts';

const GFM = { features: { gfm: true } };

/** Frontmatter YAML and body of a case file (the benchmark's files are well formed). */
export function splitCase(source: string): { yaml: string; body: string } {
  const end = source.indexOf('\n---', 3);
  return { yaml: source.slice(4, end + 1), body: source.slice(source.indexOf('\n', end + 4) + 1) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** CPU milliseconds (user + system) of this process since `since`. */
function cpuSince(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

/** Floor 1: read + YAML + Markdown→HTML with GFM + write each page. Returns wall and CPU milliseconds. */
export function renderFloor(root: string, dir: string, outDir: string): { ms: number; cpuMs: number; pages: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const files = listCaseFiles(root, dir);
  for (const file of files) {
    const { yaml, body } = splitCase(readFileSync(join(root, file), 'utf8'));
    const data = parse(yaml) as { title: string; summary: string };
    const { html } = markdownToHtml(body, GFM);
    const slug = file.slice(file.lastIndexOf('/') + 1, -4);
    const page = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(data.title)}</title></head><body><main><h1>${escapeHtml(data.title)}</h1><p>${escapeHtml(data.summary)}</p>${html}</main></body></html>`;
    mkdirSync(join(outDir, slug), { recursive: true });
    writeFileSync(join(outDir, slug, 'index.html'), page);
  }
  return { ms: performance.now() - started, cpuMs: cpuSince(cpu), pages: files.length };
}

/** Floor 2: read + YAML + zod, no rendering. Returns milliseconds and how many passed. */
export function validateFloor(root: string, dir: string): { ms: number; cpuMs: number; valid: number; files: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const files = listCaseFiles(root, dir);
  let valid = 0;
  for (const file of files) {
    const { yaml } = splitCase(readFileSync(join(root, file), 'utf8'));
    if (caseSchema.safeParse(parse(yaml)).success) valid++;
  }
  return { ms: performance.now() - started, cpuMs: cpuSince(cpu), valid, files: files.length };
}

export interface RendererCost {
  renderer: string;
  /** Milliseconds per body, averaged over the sample. */
  msPerBody: number;
}

/** Per-body cost of each renderer available here, over the given bodies. */
export async function rendererCosts(bodies: string[]): Promise<{ costs: RendererCost[]; missing: string[] }> {
  const time = (renderer: string, fn: (body: string) => unknown): RendererCost => {
    for (const b of bodies.slice(0, 50)) fn(b); // warm up
    const started = performance.now();
    for (const b of bodies) fn(b);
    return { renderer, msPerBody: (performance.now() - started) / bodies.length };
  };
  const costs = [
    time('Sätteri markdownToHtml (GFM)', (b) => markdownToHtml(b, GFM)),
    time('Insyn renderBody (one MDX tree: policy, components, headings, tables; serialised)', (b) => renderBody(b)),
    time('Sätteri mdxToHast (MDX grammar)', (b) => mdxToHast(b)),
  ];
  const missing: string[] = [];
  // unified + remark-parse + remark-gfm + remark-rehype + rehype-stringify, if installed.
  // Optional packages with no types installed: their shape is only known at run time.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const load = async (name: string): Promise<any> => {
    try {
      return await import(name);
    } catch {
      missing.push(name);
      return undefined;
    }
  };
  const mods = await Promise.all(
    ['unified', 'remark-parse', 'remark-gfm', 'remark-rehype', 'rehype-stringify'].map(load),
  );
  if (mods.every(Boolean)) {
    const [unified, remarkParse, remarkGfm, remarkRehype, rehypeStringify] = mods.map((m) => m.default ?? m);
    const processor = (unified.unified ?? unified)()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeStringify);
    costs.push(time('unified + remark-gfm', (b) => processor.processSync(b)));
  }
  return { costs, missing };
}
