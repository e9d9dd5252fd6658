/**
 * Writing a build file only when its text changes, for the steps that run after
 * Astro (src/cli/build.ts): an unchanged file keeps its bytes and time, and on
 * a rebuild rewriting thousands of unchanged files is most of the time spent.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Makes `file` hold `text`: writes it when it is missing or different. Returns whether it wrote. */
export function writeIfChanged(file: string, text: string): boolean {
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current === text) return false;
  writeFileSync(file, text);
  return true;
}
