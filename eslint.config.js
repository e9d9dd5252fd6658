// ESLint (flat config), run by `npm run lint`. Formatting is Prettier's job
// (prettier.config.mjs); import layers are dependency-cruiser's
// (.dependency-cruiser.cjs). This file is about bugs and suspicious code.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's globals switched off, for code that runs in the browser (globals merge across config objects). */
const nodeGlobalsOff = Object.fromEntries(Object.keys(globals.node).map((name) => [name, 'off']));

export default defineConfig(
  // Build outputs, caches and generated or vendored files (ESLint itself
  // skips node_modules/ and .git/; it does not read .gitignore).
  globalIgnores([
    'dist/',
    '.astro/',
    '.bench/',
    '.test-builds/',
    '.scratch/',
    'test-results/',
    'test/fixtures/',
    '**/dist/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,

  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      // Build scripts, CLI tools, integrations and tests run in Node.
      globals: { ...globals.node },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // `_name` marks a parameter or binding that is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // One configuration: only src/lib/config.ts reads INSYN_* variables; everything
  // else takes its settings from `config`, so each is validated once.
  {
    files: ['src/**'],
    ignores: ['src/lib/config.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['name', 'value'].map((key) => ({
          selector: `MemberExpression[object.object.name='process'][object.property.name='env'][property.${key}=/^INSYN_/]`,
          message: 'Read settings from `config` (src/lib/config.ts), which validates every INSYN_* variable once.',
        })),
      ],
    },
  },

  // Configuration files in CommonJS (dependency-cruiser's config).
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Code shipped to the browser: browser globals, and no Node globals (a
  // stray `process` or `Buffer` would only fail in the reader's browser).
  {
    files: ['src/scripts/**'],
    languageOptions: { globals: { ...nodeGlobalsOff, ...globals.browser } },
    rules: {
      // typescript-eslint turns no-undef off for .ts files (the compiler checks
      // names), and @types/node declares these for the whole project.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate'].map(
          (name) => ({ name, message: 'src/scripts/ runs in the browser, which has no Node globals.' }),
        ),
      ],
    },
  },
  {
    files: ['**/*.astro'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // Layers for .astro files, which dependency-cruiser cannot read (see
  // .dependency-cruiser.cjs): pages → layouts and components → views → lib.
  // Nothing in src/ imports test/ or a devDependency; a component or a layout
  // never imports a page (views live in src/views/, not beside the pages).
  ...astroLayers(),
);

/** no-restricted-imports for the .astro files of each folder of src/ (a later rule replaces an earlier one). */
function astroLayers() {
  const always = {
    patterns: [
      {
        group: ['**/test/**', '../**/test', 'test/**'],
        message: 'Nothing in src/ may import from test/ (see .dependency-cruiser.cjs, src-not-to-test).',
      },
    ],
    paths: [
      { name: 'playwright-core', message: 'A devDependency: site code may not use it.' },
      { name: 'vitest', message: 'A devDependency: site code may not use it.' },
    ],
  };
  const above = (folders, who) => ({
    group: folders.flatMap((folder) => [`**/${folder}/**`, `**/${folder}`]),
    message: `${who} may not import ${folders.join(', ')}: layers point one way (pages → layouts/components → views → lib).`,
  });
  return [
    { files: ['src/**/*.astro'], rules: { 'no-restricted-imports': ['error', always] } },
    {
      files: ['src/components/**/*.astro', 'src/layouts/**/*.astro'],
      rules: {
        'no-restricted-imports': [
          'error',
          { ...always, patterns: [...always.patterns, above(['pages'], 'A component or a layout')] },
        ],
      },
    },
  ];
}
