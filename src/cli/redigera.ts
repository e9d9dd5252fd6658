/**
 * `npm run redigera`: the form editor on this computer, with no account. Starts
 * Astro's development server with the editor working on the local working copy
 * (INSYN_EDITOR_LOCAL=1): Sveltia CMS reads and writes the case files in the
 * folder the person picks, through the browser's folder access (Chrome, Edge).
 * Nothing is pushed anywhere; the person commits the files as usual, and the
 * same site runs beside the editor, so a saved case can be looked at at once.
 *
 *   npm run redigera                 http://localhost:4321/redigera/
 *   npm run redigera -- --port 4400  another port
 */
// Set before the configuration is first read (the imports below), which then validates it.
// eslint-disable-next-line no-restricted-syntax
process.env['INSYN_EDITOR_LOCAL'] = '1';

const { dev } = await import('astro');
const { config } = await import('../lib/config.ts');
const { EDITOR_DIR } = await import('../lib/core/security.ts');

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 4321;

const server = await dev({
  root: process.cwd(),
  logLevel: 'warn',
  // The editor writes case files while it runs: the page must not reload under it.
  vite: { server: { hmr: false } },
  server: { host: 'localhost', port },
});
const address = `http://localhost:${server.address.port}${config.base}${EDITOR_DIR}/`;
console.log(
  [
    '',
    `Redigeraren: ${address}`,
    '',
    'Öppna adressen i Chrome eller Edge (de kan ge en webbsida tillgång till en mapp).',
    'Klicka på "Arbeta med lokalt repository" och välj mappen med arkivet (där content/ finns).',
    'Det du sparar skrivs direkt i filerna. Kontrollera med npm run check och committa som vanligt.',
    `Webbplatsen visas samtidigt på http://localhost:${server.address.port}${config.base}`,
    '',
    'Avsluta med Ctrl+C.',
  ].join('\n'),
);

export {};
