/**
 * html-validate's configuration for the built pages (test/build/html-valid.test.ts
 * validates every page of the shared fixture sites with it). A JavaScript file
 * rather than `.htmlvalidate.json` so that every rule turned off or narrowed
 * says why; the loader reads either.
 */
export default {
  // recommended includes the accessibility rules (html-validate:a11y);
  // document adds the outline and references: heading levels, labels, doctype, ids.
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // A page's title is the case's full title as decided, plus " – Insyn" (the
    // start page: the site's name and tagline). Shortening it to 70 characters
    // would cut the name readers and search engines look for; HTML sets no limit.
    'long-title': 'off',
    // Subresource integrity guards files from another origin. Every script and
    // stylesheet is the site's own (the CSP allows only 'self'), so only a
    // cross-origin one would need an integrity hash.
    'require-sri': ['error', { target: 'crossorigin' }],
    // The search page's filter checkboxes of one group share a name on purpose: each
    // is one value of the same URL parameter (`?plats=Ryd&plats=Berga`), as in a
    // form that submits several values. Radio buttons and buttons are shared by default.
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
  },
};
