import { defineCollection } from 'astro:content';
import { casesLoader } from './lib/content/loader.ts';

/**
 * Every case file in content/cases, validated and rendered once by the loader.
 * INSYN_CASES_DIR points the build at another directory (fixture sites in tests, the benchmark).
 */
export const collections = {
  cases: defineCollection({ loader: casesLoader({ dir: process.env['INSYN_CASES_DIR'] || undefined }) }),
};
