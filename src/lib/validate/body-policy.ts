/**
 * The MDX body policy: a body may use Markdown, GFM and safe HTML elements,
 * and nothing else. No `import`/`export`, no `{expressions}`, no components
 * outside the allow-list, no `<script>`, `<iframe>` and the like, no `on*=`
 * handlers, no `javascript:` links. The body is parsed with an MDX-aware
 * parser (Sätteri's MDX mode), so the checks see MDX syntax and report lines.
 */
import { mdxToMdast } from 'satteri';
import type { CaseError } from './errors.ts';

/** Components the site provides to case bodies. None yet: add a name here and render it in src/lib/content/render-body.ts. */
export const ALLOWED_COMPONENTS: ReadonlySet<string> = new Set();

/** HTML elements that can run code, embed other pages or submit data. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
]);

type BodyError = Omit<CaseError, 'file'>;

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** Cheap test: only bodies that could hold MDX syntax or script links need the MDX parse. */
function mayNeedCheck(body: string): boolean {
  return (
    body.includes('<') ||
    body.includes('{') ||
    body.includes('}') ||
    /^\s*(import|export)\b/m.test(body) ||
    /javascript:/i.test(body)
  );
}

/**
 * Errors for a body. `lineOffset` is the number of file lines before the body,
 * so reported lines point into the file.
 */
export function bodyPolicyErrors(body: string, lineOffset: number): BodyError[] {
  if (!mayNeedCheck(body)) return [];
  let tree: Node;
  try {
    tree = mdxToMdast(body) as unknown as Node;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+)(?:-\d+:\d+)?: (.*)$/s.exec(text);
    return [
      {
        line: m ? Number(m[1]) + lineOffset : undefined,
        field: 'brödtext',
        message: `brödtexten går inte att läsa som MDX (${m ? m[3]!.replace(/\s*\([\w:-]+\)\s*$/, '') : text})`,
        expected:
          'Markdown utan { } och med tecknet < bara i tillåtna HTML-taggar; skriv \\{ \\} eller \\< för att visa tecknen som text',
        example: 'Beloppet är \\{ ungefär \\} 2 000 000 kr.',
      },
    ];
  }
  const errors: BodyError[] = [];
  const at = (node: Node) => (node.position ? node.position.start.line + lineOffset : undefined);
  const visit = (node: Node): void => {
    switch (node.type) {
      case 'mdxjsEsm':
        errors.push({
          line: at(node),
          field: 'brödtext',
          message: 'import och export är inte tillåtna i brödtexten',
          found: node.value?.split('\n')[0],
          expected: 'bara text i Markdown',
          example: 'ta bort raden',
        });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        errors.push({
          line: at(node),
          field: 'brödtext',
          message: 'uttryck inom { } är inte tillåtna i brödtexten',
          found: `{${node.value ?? ''}}`,
          expected: 'vanlig text; skriv \\{ och \\} för att visa klammerparenteser',
          example: `\\{${node.value ?? ''}\\}`,
        });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const isComponent = /^[A-Z]/.test(name) || name.includes('.');
        if (name === '') {
          errors.push({
            line: at(node),
            field: 'brödtext',
            message: 'tomma taggar <> är inte tillåtna',
            found: '<>',
            expected: 'vanlig text',
            example: 'ta bort <> och </>',
          });
        } else if (isComponent && !ALLOWED_COMPONENTS.has(name)) {
          errors.push({
            line: at(node),
            field: 'brödtext',
            message: `komponenten <${name}> finns inte på webbplatsen`,
            found: `<${name}>`,
            expected: ALLOWED_COMPONENTS.size
              ? `en av: ${[...ALLOWED_COMPONENTS].join(', ')}`
              : 'Markdown; webbplatsen har inga komponenter för brödtexten',
            example: 'skriv innehållet som vanlig text',
          });
        } else if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
          errors.push({
            line: at(node),
            field: 'brödtext',
            message: `HTML-elementet <${name}> är inte tillåtet`,
            found: `<${name}>`,
            expected: 'Markdown utan skript, inbäddade sidor eller formulär',
            example: 'länka i stället: [Rapporten](https://exempel.se/rapport.pdf)',
          });
        }
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute') {
            errors.push({
              line: at(node),
              field: 'brödtext',
              message: `uttryck i taggen <${name}> är inte tillåtna`,
              found: `<${name} {…}>`,
              expected: 'attribut med text i citattecken',
              example: `<${name} title="…">`,
            });
          } else if (/^on/i.test(attr.name ?? '')) {
            errors.push({
              line: at(node),
              field: 'brödtext',
              message: `händelseattributet ${attr.name}= är inte tillåtet`,
              found: `${attr.name}=`,
              expected: 'inga on…=-attribut',
              example: `ta bort ${attr.name}="…"`,
            });
          } else if (typeof attr.value !== 'string' && attr.value !== null && attr.value !== undefined) {
            errors.push({
              line: at(node),
              field: 'brödtext',
              message: `uttryck i attributet ${attr.name} är inte tillåtna`,
              found: `${attr.name}={…}`,
              expected: 'attribut med text i citattecken',
              example: `${attr.name}="…"`,
            });
          } else if (typeof attr.value === 'string' && /^\s*javascript:/i.test(attr.value)) {
            errors.push({
              line: at(node),
              field: 'brödtext',
              message: 'javascript:-länkar är inte tillåtna',
              found: attr.value,
              expected: 'en länk som börjar med https:// eller /',
              example: `${attr.name}="https://exempel.se"`,
            });
          }
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        if (/^\s*javascript:/i.test(node.url ?? '')) {
          errors.push({
            line: at(node),
            field: 'brödtext',
            message: 'javascript:-länkar är inte tillåtna',
            found: node.url,
            expected: 'en länk som börjar med https:// eller /',
            example: '[Rapporten](https://exempel.se/rapport.pdf)',
          });
        }
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return errors;
}
