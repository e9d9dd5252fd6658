/**
 * A small static file server for a built site, as a static host serves it:
 * `/x/` serves `x/index.html`, unknown paths get `404.html` with status 404.
 *
 * By default files go out as they are on disk (the tests rely on that). With
 * `{ gzip: true }` it compresses like a host (Netlify, Cloudflare Pages, GitHub
 * Pages): text-like types (HTML, CSS, JavaScript, JSON, SVG, XML, CSV, iCalendar,
 * plain text, WebAssembly) go out with `Content-Encoding: gzip` to a client that
 * accepts it, at zlib's default level (6); everything else, Pagefind's index files
 * among them (gzip inside already), is sent as it is. Compressed bodies are kept
 * in memory per file, as a host's cache would, so that compressing is not timed.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content types a host compresses (see the module comment). */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim();
  return (
    type.startsWith('text/') ||
    ['application/json', 'application/xml', 'application/wasm', 'image/svg+xml'].includes(type) ||
    type.endsWith('+json') ||
    type.endsWith('+xml')
  );
}

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Compress text-like responses with gzip, as a host does (default false: bytes as on disk). */
  gzip?: boolean;
}

/** Resolves a URL path to a file in `dir`, or undefined. */
export function resolveFile(dir: string, pathname: string): string | undefined {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, clean);
  if (!file.startsWith(dir)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function serve(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const gzipped = new Map<string, { key: string; body: Buffer }>();
  const compressed = (file: string): Buffer => {
    const stat = statSync(file);
    const key = `${stat.size}:${stat.mtimeMs}`;
    const cached = gzipped.get(file);
    if (cached?.key === key) return cached.body;
    const body = gzipSync(readFileSync(file));
    gzipped.set(file, { key, body });
    return body;
  };
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const file = resolveFile(dir, pathname);
    const status = file ? 200 : 404;
    const body = file ?? join(dir, '404.html');
    const type = TYPES[extname(body)] ?? 'application/octet-stream';
    if (options.gzip && isCompressible(type)) {
      const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const headers = { 'content-type': type, vary: 'Accept-Encoding' };
      if (accepts) {
        const data = compressed(body);
        res.writeHead(status, { ...headers, 'content-encoding': 'gzip', 'content-length': data.length });
        res.end(data);
        return;
      }
      res.writeHead(status, headers);
    } else {
      res.writeHead(status, { 'content-type': type });
    }
    createReadStream(body).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
