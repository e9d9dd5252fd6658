import { defineCollection } from 'astro:content';
import { casesLoader } from './lib/content/loader.ts';

/** Every case file in content/cases, validated and rendered once by the loader. */
export const collections = {
  cases: defineCollection({ loader: casesLoader() }),
};
