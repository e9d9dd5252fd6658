/**
 * Writes `dist/_headers` with the site's security headers after the build:
 * one rule per top-level entry of the output, so that the embed pages can
 * allow framing while every other page forbids it (see src/lib/core/security.ts).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { config } from '../lib/config.ts';
import { headersFile } from '../lib/core/security.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'insyn-security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(new URL('_headers', dir), headersFile(readdirSync(fileURLToPath(dir)), config.base));
      },
    },
  };
}
