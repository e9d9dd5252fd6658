/**
 * Global setup of the build project: the seed, generated and configured
 * fixture sites (shared-sites.ts). No browser.
 */
import type { TestProject } from 'vitest/node';
import { provideSites } from './shared-sites.ts';

export default function setup(project: TestProject): Promise<() => void> {
  return provideSites(project, ['seed', 'generated', 'configured']);
}
