/** html-validate over built pages, with the project's `.htmlvalidate.mjs`. */
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** Every message html-validate gives for `pages` (paths below `dir`), as `page:line:column [rule] message`. */
export async function htmlProblems(dir: string, pages: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const page of pages) {
    // The config is found from the file's path: test builds lie inside the project.
    const report = await validator.validateFile(join(dir, page));
    for (const result of report.results)
      for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} [${m.ruleId}] ${m.message}`);
  }
  return problems;
}
