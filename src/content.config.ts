import { defineCollection } from 'astro:content';
import { config } from './lib/config.ts';
import { casesLoader } from './lib/content/loader.ts';

/**
 * Every case file in content/cases, validated and rendered once by the loader.
 * The directory is configurable (fixture sites in tests, the benchmark).
 */
export const collections = {
  cases: defineCollection({ loader: casesLoader({ dir: config.casesDir }) }),
};
