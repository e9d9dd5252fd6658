/**
 * Shared helpers for the schema pieces: a custom issue carries what was
 * expected and a one-line example of a fix, so the Swedish error formatter
 * (src/lib/validate/zod-issues.ts) can print them.
 */
import type { z } from 'astro/zod';

/** What a custom issue tells the person fixing the file. */
export interface IssueHelp {
  /** What is expected, in Swedish ("ett datum som finns i kalendern"). */
  expected: string;
  /** A one-line example of a fix, as YAML ("decided: \"2019-12-18\""). */
  example?: string;
}

type Ctx = z.core.$RefinementCtx<unknown>;

/** Adds a custom issue with Swedish text, the offending value and help. */
export function report(
  ctx: Ctx,
  issue: { message: string; input: unknown; path?: (string | number)[] } & IssueHelp,
): void {
  ctx.addIssue({
    code: 'custom',
    message: issue.message,
    input: issue.input,
    path: issue.path ?? [],
    params: { expected: issue.expected, example: issue.example },
    continue: true,
  });
}

/** Run a cross-field rule even when other fields already failed, so every error is listed at once. */
export const always = { when: () => true };

/** Narrowing helper for cross-field rules that may see partly invalid input. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
