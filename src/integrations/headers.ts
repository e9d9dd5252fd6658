/** Writes `dist/_headers` with the site's security headers after the build. */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/core/security.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'insyn-security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(new URL('_headers', dir), headersFile());
      },
    },
  };
}
