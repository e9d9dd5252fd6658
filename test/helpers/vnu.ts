/**
 * The W3C Nu Html Checker (vnu.jar, from the npm package vnu-jar) over built
 * pages, in one Java process for any number of files: it starts in about two
 * seconds, so one run per file would cost minutes.
 *
 * It needs Java 11 or later (`java` on the PATH, or `$JAVA_HOME/bin/java`).
 * If there is none, Debian's default-jre-headless is installed where we may
 * (apt.ts), as for Chromium; otherwise the error says how.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { aptInstall } from './apt.ts';
import { fileURLToPath } from 'node:url';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/**
 * One short run: the quick JIT compiler only and the serial collector, which halve the
 * CPU of checking a thousand pages at the same wall time (the optimising compiler's
 * threads compete with the rest of the suite for two cores); the checker needs a larger
 * thread stack than the default.
 */
const JAVA_FLAGS = ['-Xss2m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

function javaCommand(): string {
  const home = process.env['JAVA_HOME'];
  return home ? join(home, 'bin', 'java') : 'java';
}

function hasJava(java: string): boolean {
  return spawnSync(java, ['-version'], { stdio: 'ignore' }).status === 0;
}

/** The Java command to run vnu.jar with; installs Debian's Java when it is missing and may be installed. */
export function ensureJava(): string {
  const java = javaCommand();
  if (hasJava(java)) return java;
  // With JAVA_HOME set, the Java asked for is missing: installing another would not help.
  if (
    !process.env['JAVA_HOME'] &&
    aptInstall('default-jre-headless', 'för HTML-valideringen (vnu.jar)') &&
    hasJava(java)
  )
    return java;
  throw new Error(
    `HTML-valideringen med Nu Html Checker (vnu.jar) behöver Java 11 eller senare, men ${java} går inte att köra.\n` +
      'Installera Debians paket: sudo apt-get install -y default-jre-headless\n' +
      'eller peka på en annan Java med JAVA_HOME=/sökväg/till/java-katalogen.',
  );
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/**
 * Every error the Nu checker finds in `pages` (paths below one of the `sites`'
 * directories), checked in one Java process with `--errors-only`, as
 * `<site name>: <page>:<line>:<column> <message> [<extract>]`.
 */
export async function vnuErrors(sites: Record<string, { dir: string; pages: readonly string[] }>): Promise<string[]> {
  const java = ensureJava();
  const files = Object.values(sites).flatMap(({ dir, pages }) => pages.map((page) => join(dir, page)));
  const output = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
    execFile(
      java,
      [...JAVA_FLAGS, '-jar', VNU_JAR, '--errors-only', '--format', 'json', '--skip-non-html', ...files],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        // Status 1 means "errors found": they are in the JSON report. No number: Java did not start.
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? Number(error.code) : 0, stderr });
      },
    );
  });
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(output.stderr) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`vnu.jar gav ingen JSON-rapport (status ${output.code}):\n${output.stderr}`);
  }
  if (messages.length === 0 && output.code !== 0)
    throw new Error(`vnu.jar avslutades med status ${output.code} utan meddelanden:\n${output.stderr}`);
  const where = (url: string | undefined): string => {
    if (!url?.startsWith('file:')) return url ?? '(okänd fil)';
    const file = fileURLToPath(url);
    for (const [name, { dir }] of Object.entries(sites)) {
      const rel = relative(dir, file);
      if (!rel.startsWith('..')) return `${name}: ${rel.split('\\').join('/')}`;
    }
    return file;
  };
  return messages.map((m) => {
    const type = m.type === 'error' ? '' : `[${m.type}${m.subType ? `/${m.subType}` : ''}] `;
    const extract = m.extract ? ` [${m.extract.replace(/\s+/g, ' ').trim()}]` : '';
    return `${where(m.url)}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${type}${m.message}${extract}`;
  });
}
