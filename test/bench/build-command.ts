/**
 * The command `npm run build` runs, for the benchmark to run and measure
 * exactly that, without npm and without a shell: the `build` script of
 * package.json, one command with plain words (no quotes, `&&`, pipes or
 * variables). `node …` runs with this Node (process.execPath), as npm's
 * PATH would give the `node` devDependency; a package binary (`astro build`)
 * runs its script from node_modules/.bin with this Node. So
 *
 *   node --max-old-space-size=8192 node_modules/astro/bin/astro.mjs build
 *   node src/cli/build.ts
 *   astro build
 *
 * all become `<this node> …` with the same flags and arguments, run from the
 * project directory.
 */
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Command {
  command: string;
  args: string[];
}

/** `script` as a command to spawn from `root` with `node` (default: this Node). */
export function scriptCommand(script: string, root: string, node = process.execPath): Command {
  if (/["'`$\\|&;<>()*?{}]/.test(script)) {
    throw new Error(
      `npm-skriptet "${script}" kan inte köras utan skal: mätningen kör ett enda kommando med vanliga ord (utan citattecken, &&, | eller variabler).`,
    );
  }
  const [first, ...rest] = script.trim().split(/\s+/);
  if (!first) throw new Error('npm-skriptet är tomt.');
  if (first === 'node') return { command: node, args: rest };
  const bin = join(root, 'node_modules', '.bin', first);
  if (!existsSync(bin)) throw new Error(`npm-skriptet kör "${first}", som inte finns i node_modules/.bin.`);
  return { command: node, args: [realpathSync(bin), ...rest] };
}

/** The environment npm gives a script: the project's node_modules/.bin first on PATH. */
export function scriptEnv(env: NodeJS.ProcessEnv, root: string): NodeJS.ProcessEnv {
  const bin = join(root, 'node_modules', '.bin');
  return { ...env, PATH: env['PATH'] ? `${bin}${delimiter}${env['PATH']}` : bin };
}
