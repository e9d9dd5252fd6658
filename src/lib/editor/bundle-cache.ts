/**
 * An esbuild bundle kept in the build cache between builds.
 *
 * Why: the form editor's two bundles (Sveltia CMS, and the draft page with its PDF
 * and Word readers: megabytes of JavaScript) cost about 4.5 s of CPU in every build
 * with the editor on, as much as rendering a few hundred case pages, though their
 * sources change only with a dependency update or a change to src/scripts/.
 *
 * How: after bundling, the output files are copied to `<cacheFolder>/files/` with a
 * manifest of every file esbuild read (its metafile's inputs) and each one's SHA-256.
 * The next build copies the kept files instead of bundling when the key (esbuild's
 * version, the options, package-lock.json, and what the caller adds for its plugins)
 * and every read file are the same; esbuild's output is deterministic, so the bytes
 * are those a new bundle would have. Anything else bundles again and replaces the
 * kept copy. A kept copy that cannot be read (half removed, from another version of
 * this module) is bundled again too, never half used.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { build, type BuildOptions, version as esbuildVersion } from 'esbuild';

/** The folder under the build cache where the form editor's bundles are kept between builds (assets.ts). */
export const EDITOR_CACHE_DIR = 'insyn-editor';

/** Bumped when what this module writes into the cache changes. */
const MANIFEST_VERSION = 1;
const MANIFEST = 'manifest.json';
/**
 * esbuild's name for a module a package's `browser` field turns off (`(disabled):fs`):
 * no file is read, and the package.json that says so changes with the lock file.
 */
const DISABLED = '(disabled):';

interface Manifest {
  version: number;
  key: string;
  /** Every file esbuild read, by path from the working directory, with its SHA-256. */
  inputs: Record<string, string>;
  /** The output files, relative to the output folder. */
  outputs: string[];
}

export type CacheableOptions = BuildOptions & { outdir: string };

export interface CachedBundle {
  /** The output files, relative to `options.outdir`. */
  outputs: string[];
  /** True when the files were copied from the cache instead of bundled. */
  fromCache: boolean;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function fileDigest(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * What the bundle depends on besides the files it reads: esbuild's version, the
 * options (plugins by name; `pluginsKey` says what they do), and the lock file, which
 * changes with any dependency's version.
 */
function bundleKey(options: CacheableOptions, pluginsKey: string, cwd: string): string {
  const { outdir: _outdir, plugins, ...rest } = options;
  return sha256(
    JSON.stringify({
      esbuild: esbuildVersion,
      options: rest,
      plugins: (plugins ?? []).map((p) => p.name),
      pluginsKey,
      lock: fileDigest(join(cwd, 'package-lock.json')) ?? null,
    }),
  );
}

function readManifest(folder: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as Manifest;
    return manifest.version === MANIFEST_VERSION ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Copies the kept outputs into `outdir` when they are still what bundling would give; undefined otherwise. */
function restore(folder: string, key: string, outdir: string, cwd: string): string[] | undefined {
  const manifest = readManifest(folder);
  if (!manifest || manifest.key !== key) return undefined;
  for (const [path, digest] of Object.entries(manifest.inputs))
    if (digest !== DISABLED && fileDigest(resolve(cwd, path)) !== digest) return undefined;
  try {
    for (const file of manifest.outputs) {
      mkdirSync(dirname(join(outdir, file)), { recursive: true });
      copyFileSync(join(folder, 'files', file), join(outdir, file));
    }
  } catch {
    return undefined;
  }
  return manifest.outputs;
}

/** Keeps a new bundle's outputs and inputs, replacing the folder in one rename. */
function keep(folder: string, manifest: Manifest, outdir: string): void {
  const staging = `${folder}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of manifest.outputs) {
    mkdirSync(dirname(join(staging, 'files', file)), { recursive: true });
    copyFileSync(join(outdir, file), join(staging, 'files', file));
  }
  writeFileSync(join(staging, MANIFEST), JSON.stringify(manifest));
  rmSync(folder, { recursive: true, force: true });
  renameSync(staging, folder);
}

/**
 * Bundles with esbuild into `options.outdir`, or copies the same files from
 * `cacheFolder` when nothing the bundle depends on has changed (see above).
 * `pluginsKey` must change whenever what the options' plugins do changes.
 */
export async function cachedBundle(
  options: CacheableOptions,
  cacheFolder: string,
  pluginsKey: string,
): Promise<CachedBundle> {
  const cwd = options.absWorkingDir ?? process.cwd();
  const key = bundleKey(options, pluginsKey, cwd);
  const restored = restore(cacheFolder, key, options.outdir, cwd);
  if (restored) return { outputs: restored, fromCache: true };

  const result = await build({ ...options, metafile: true });
  const outputs = Object.keys(result.metafile.outputs).map((p) =>
    relative(options.outdir, isAbsolute(p) ? p : resolve(cwd, p)),
  );
  const inputs: Record<string, string> = {};
  for (const path of Object.keys(result.metafile.inputs)) {
    if (path.startsWith(DISABLED)) {
      inputs[path] = DISABLED;
      continue;
    }
    const digest = fileDigest(resolve(cwd, path));
    // An input that is not a file (a plugin's virtual module) cannot be checked: keep nothing.
    if (digest === undefined) return { outputs, fromCache: false };
    inputs[path] = digest;
  }
  try {
    keep(cacheFolder, { version: MANIFEST_VERSION, key, inputs, outputs }, options.outdir);
  } catch {
    // A cache that cannot be written costs the next build a bundle, nothing more.
    rmSync(`${cacheFolder}.${process.pid}.tmp`, { recursive: true, force: true });
  }
  return { outputs, fromCache: false };
}
