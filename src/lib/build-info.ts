/**
 * The build date: every derived state (follow-ups, phases) is relative to it,
 * and every page shows it. `INSYN_BUILD_DATE=YYYY-MM-DD` pins it (tests,
 * reproducible builds); otherwise it is the moment the build runs.
 */
function buildDateFromEnv(value: string | undefined): Date {
  if (value === undefined || value === '') return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`INSYN_BUILD_DATE måste vara ÅÅÅÅ-MM-DD, fick "${value}"`);
  return new Date(`${value}T12:00:00Z`);
}

export const BUILD_DATE: Date = buildDateFromEnv(process.env['INSYN_BUILD_DATE']);
