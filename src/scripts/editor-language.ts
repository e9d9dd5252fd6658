/**
 * The editor speaks Swedish unless the person has chosen another language in its
 * settings: Sveltia reads its language from this stored preference when it starts,
 * before the browser's. Imported before Sveltia by src/scripts/editor.ts.
 */
const PREFS = 'sveltia-cms.prefs';
try {
  const prefs = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as Record<string, unknown>;
  if (typeof prefs['locale'] !== 'string' || prefs['locale'] === 'auto') {
    localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: 'sv' }));
  }
} catch {
  // Storage turned off: the editor follows the browser's language.
}

export {};
