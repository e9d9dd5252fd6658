// Prettier, run by `npm run format` (writes) and `npm run lint` (checks).
// What it skips, and why: .prettierignore.

/** @type {import('prettier').Config} */
export default {
  plugins: ['prettier-plugin-astro'],
  // 120, not Prettier's 80: the code has long, descriptive names and Swedish
  // strings, and at 80 most signatures and JSX attributes would be split onto
  // many lines. 120 still fits two panes side by side (an editor split, or a
  // side-by-side diff on GitHub) and ends the 160+ character lines; 140
  // would leave code lines too wide to review side by side. Prettier does not
  // break comments, long strings or Markdown prose, so some longer lines
  // remain (mostly README.md paragraphs and message strings).
  printWidth: 120,
  singleQuote: true,
  overrides: [
    {
      files: '*.astro',
      options: { parser: 'astro' },
    },
  ],
};
