/**
 * A Vitest reporter beside the default one: at the end of a run, how many
 * fixture sites the run built (and how long they took) and the ten slowest
 * test files, so a slow build or file is seen where it is added.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { relative } from 'node:path';
import { ROOT } from './site.ts';
import { buildsOfRun } from './shared-sites.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class RunSummary implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const builds = buildsOfRun();
    const lines = [
      '',
      `Testerna byggde ${builds.length} webbplatser (${seconds(builds.reduce((t, b) => t + b.ms, 0))} sammanlagt):`,
    ];
    for (const b of [...builds].sort((a, b) => b.ms - a.ms)) lines.push(`  ${seconds(b.ms).padStart(7)}  ${b.label}`);
    lines.push('De tio långsammaste testfilerna:');
    const files = modules.map((m) => ({ file: relative(ROOT, m.moduleId), ms: m.diagnostic().duration }));
    for (const f of files.sort((a, b) => b.ms - a.ms).slice(0, 10))
      lines.push(`  ${seconds(f.ms).padStart(7)}  ${f.file}`);
    console.log(lines.join('\n'));
  }
}
