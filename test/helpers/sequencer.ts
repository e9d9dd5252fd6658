/**
 * The order test files start in, across all projects: the longest first, so the
 * incremental builds, the HTML checkers and the long browser files overlap instead of
 * queuing behind each other. Vitest's own order runs the projects one after another
 * (build, e2e, tooling, unit), which left one core idle while a browser file waited.
 *
 * A file's length is its duration in the last run where Vitest kept one; a file never
 * run (a fresh clone) is weighed by its size, a build or browser file counting as
 * longer than a unit test of the same size.
 */
import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Milliseconds per byte of a test file never run, by project: a guess that only orders them. */
const MS_PER_BYTE: Record<string, number> = { build: 3, e2e: 3, tooling: 0.2, unit: 0.05 };

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const weight = (spec: TestSpecification): number => {
      const last = this.ctx.cache.getTestSpecificationResult(spec);
      if (last) return last.duration;
      return statSync(spec.moduleId).size * (MS_PER_BYTE[spec.project.name] ?? 1);
    };
    const weights = new Map(files.map((spec) => [spec, weight(spec)]));
    return [...files].sort((a, b) => weights.get(b)! - weights.get(a)!);
  }
}
