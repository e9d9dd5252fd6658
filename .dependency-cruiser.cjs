/**
 * dependency-cruiser: one-way layers in src/, no cycles (`npm run lint`).
 *
 * Layers, lowest first. A file may import its own layer and the layers below
 * it, never a layer above:
 *
 *   core      src/lib/core/           pure helpers and closed vocabularies
 *   config    src/lib/config.ts,      configuration (reads INSYN_* once) and
 *             src/lib/site.ts         site URL helpers
 *   schema    src/lib/schema/         zod schema
 *   validate  src/lib/validate/
 *   content   src/lib/content/        parse, load, render
 *   domain    src/lib/domain/         derived figures
 *   features  src/lib/export/, src/lib/search/, src/lib/history/, src/lib/charts/,
 *             src/lib/editor/ (the form editor's configuration, generated from the schema)
 *             (may import each other, e.g. export/added.ts uses history/, but
 *             not in a cycle)
 *   draft     src/lib/draft/          the draft case from a decision document; at the
 *                                     features level, but imports only core and validate
 *   views     src/views/              what one page or a family of pages shows,
 *                                     computed from the library
 *   postbuild src/postbuild/          the steps that run after Astro has exited
 *                                     (per-case JSON, search index)
 *   top       src/pages/, src/components/, src/layouts/, src/integrations/,
 *             src/cli/, src/scripts/, src/content.config.ts
 *
 * Each layer rule is an allow-list ("may import only …"), so a new folder
 * under src/lib/ is refused until it is given a place here.
 *
 * .astro files: dependency-cruiser has no Astro parser. They are listed
 * (extraExtensionsToScan) and imports *of* them from .ts files are checked
 * (a lib file importing a component is caught), but imports *inside* their
 * front matter are not read. All .astro files are in the top layer, which may
 * import everything below, so what is left to check there (no imports from
 * test/ or of devDependencies) is done by ESLint's no-restricted-imports in
 * eslint.config.js. Cycles that pass through an .astro file are not detected.
 */

const { builtinModules } = require('node:module');

/** Path patterns (regular expressions on paths relative to the repository). */
const CORE = '^src/lib/core/';
const CONFIG = '^src/lib/(config|site)\\.ts$';
const SCHEMA = '^src/lib/schema/';
const VALIDATE = '^src/lib/validate/';
const CONTENT = '^src/lib/content/';
const DOMAIN = '^src/lib/domain/';
const FEATURES = '^src/lib/(export|search|history|charts|editor)/';
const DRAFT = '^src/lib/draft/';
const VIEWS = '^src/views/';
const POSTBUILD = '^src/postbuild/';
const TOP = '^src/(pages|components|layouts|integrations|cli|scripts)/|^src/content\\.config\\.ts$';
/** Node built-ins as dependency-cruiser names them ('node:fs' is resolved to 'fs'). */
const NODE_BUILTINS = `^(node:)?(${builtinModules.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`;
const LAYERED_LIB = [CORE, CONFIG, SCHEMA, VALIDATE, CONTENT, DOMAIN, FEATURES, DRAFT].join('|');

/** "from this layer, only to these": forbid every src/ target outside the allowed ones. */
function layer(name, from, allowed, comment) {
  return {
    name: `layer-${name}`,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: '^src/', pathNot: allowed.join('|') },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycles anywhere in src/ (type-only imports count too: a cycle of types still means two modules ' +
        'that cannot be understood, tested or moved apart). Break the cycle by moving the shared part down a layer.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },

    layer(
      'core',
      CORE,
      [CORE],
      'src/lib/core/ holds pure helpers and closed vocabularies (partial dates, money, Luhn, slugs, text). ' +
        'It may import only other core files: everything else in src/ depends on it, so it depends on nothing.',
    ),
    layer(
      'config',
      CONFIG,
      [CORE, CONFIG],
      'src/lib/config.ts and src/lib/site.ts (configuration, site URL helpers) may import only src/lib/core/ ' +
        '(and each other).',
    ),
    layer(
      'schema',
      SCHEMA,
      [CORE, CONFIG, SCHEMA],
      'src/lib/schema/ (the zod schema) may import only core and config: it describes a case file, ' +
        'it does not validate, load or compute.',
    ),
    layer(
      'validate',
      VALIDATE,
      [CORE, CONFIG, SCHEMA, VALIDATE],
      'src/lib/validate/ may import only schema, core and config.',
    ),
    layer(
      'content',
      CONTENT,
      [CORE, CONFIG, SCHEMA, VALIDATE, CONTENT],
      'src/lib/content/ (parse, load, render) may import only validate, schema, core and config.',
    ),
    layer(
      'domain',
      DOMAIN,
      [CORE, CONFIG, SCHEMA, VALIDATE, CONTENT, DOMAIN],
      'src/lib/domain/ (derived figures) may import only content, validate, schema, core and config.',
    ),
    layer(
      'features',
      FEATURES,
      [CORE, CONFIG, SCHEMA, VALIDATE, CONTENT, DOMAIN, FEATURES],
      'src/lib/export/, search/, history/ and charts/ may import domain and everything below it, and each ' +
        'other (no-circular keeps that one-way); never views, pages, components, layouts, integrations, cli, scripts or postbuild.',
    ),
    layer(
      'draft',
      DRAFT,
      [CORE, VALIDATE, DRAFT],
      'src/lib/draft/ (reading a decision document and proposing case-file fields from it) runs in the browser ' +
        'and in Node: it may import only src/lib/core/ and src/lib/validate/.',
    ),
    layer(
      'views',
      VIEWS,
      [CORE, CONFIG, SCHEMA, VALIDATE, CONTENT, DOMAIN, FEATURES, VIEWS],
      'src/views/ (what a page shows, computed from the library) may import src/lib/ and other views; never ' +
        'pages, components or layouts, which use the views.',
    ),
    layer(
      'postbuild',
      POSTBUILD,
      [CORE, CONFIG, SCHEMA, VALIDATE, CONTENT, DOMAIN, FEATURES, POSTBUILD],
      'src/postbuild/ (the steps run after Astro has exited) may import src/lib/ and each other; it gets its ' +
        'input through its contract (src/postbuild/contract.ts), never from pages, views or integrations.',
    ),
    {
      name: 'lib-not-to-top',
      comment:
        'Nothing in src/lib/ may import views, postbuild or the top layer (pages, components, layouts, ' +
        'integrations, cli, scripts, content.config.ts): they use the library, never the other way round.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: `${TOP}|${VIEWS}|${POSTBUILD}` },
    },
    {
      name: 'components-not-to-pages',
      comment:
        'Components and layouts may not import pages (pages → layouts/components → views → lib). What a page ' +
        'computes for them belongs in src/views/. ESLint checks the same inside .astro files (eslint.config.js).',
      severity: 'error',
      from: { path: '^src/(components|layouts)/' },
      to: { path: '^src/pages/' },
    },
    {
      name: 'lib-unplaced',
      comment:
        'A file directly under src/lib/ other than config.ts and site.ts has no layer yet: move it into ' +
        'core/, schema/, validate/, content/, domain/ or a feature folder (or add its folder to .dependency-cruiser.cjs).',
      severity: 'warn',
      from: {},
      to: { path: '^src/lib/', pathNot: LAYERED_LIB },
    },
    {
      name: 'lib-no-dev-dependencies',
      comment:
        'src/lib/ is site code: it may not use devDependencies (playwright-core, vitest, …). ' +
        'Benchmark and test tooling belongs in test/ (test/bench/, test/helpers/).',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'scripts-browser-only',
      comment:
        'src/scripts/ is shipped to the browser: it may import only src/lib/search/, src/lib/core/, the ' +
        "editor's bundle types and draft defaults, src/lib/draft/ and other scripts (no Node built-ins, no other part of src/), and no npm package " +
        'except Sveltia CMS in the form editor (src/scripts/editor*.ts, bundled apart by src/lib/editor/assets.ts).',
      severity: 'error',
      from: { path: '^src/scripts/' },
      to: {
        pathNot:
          '^src/(scripts|lib/search|lib/core|lib/draft)/|^src/lib/editor/(bundle|draft-defaults)\\.ts$|^node_modules/@sveltia/cms/',
      },
    },
    {
      name: 'scripts-sveltia-only-in-editor',
      comment: 'Only the form editor loads Sveltia CMS; the search page and every other script stay small.',
      severity: 'error',
      from: { path: '^src/scripts/', pathNot: '^src/scripts/editor' },
      to: { path: '^node_modules/@sveltia/cms/' },
    },
    {
      name: 'scripts-no-node-reachable',
      comment:
        'Browser code (src/scripts/) must not reach a Node built-in through any chain of imports ' +
        '(e.g. a search helper that starts reading files). Keep Node-only code out of src/lib/search/ and src/lib/core/.',
      severity: 'error',
      from: { path: '^src/scripts/' },
      to: { path: NODE_BUILTINS, reachable: true },
    },
    {
      name: 'src-not-to-test',
      comment: 'Nothing in src/ may import from test/: tests depend on the code, never the other way round.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that cannot be resolved to a file or an installed package (a typo, or a package missing ' +
        "from package.json). Astro's virtual modules (astro:content, …) are exempt.",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^astro:' },
    },
    {
      name: 'not-to-undeclared',
      comment:
        'An npm package that is imported but not declared in package.json (it works only by accident of hoisting).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],

  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.astro|\\.bench|\\.test-builds|\\.scratch)/' },
    // List .astro files as modules (they cannot be parsed, see the top of this file).
    extraExtensionsToScan: ['.astro'],
    moduleSystems: ['es6', 'cjs'],
    // Count `import type` too: the layers are about knowledge, not only about runtime.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      // Imports in this project carry their extension (allowImportingTsExtensions).
      extensions: ['.ts', '.mjs', '.js', '.json', '.astro'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
