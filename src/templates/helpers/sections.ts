/**
 * Handlebars' own block helpers, kept, with one change: a value the data does
 * not have is an error (CP2003), not "false", so a misspelled
 * `{{#if child.hasAttorny}}` cannot silently drop a section. A value that is
 * present but null is false, as usual. `optional=true` lets a value be absent:
 * `{{#if child.attorney optional=true}}`.
 */
import type { HelperSpec } from './spec.js';

/** Runs Handlebars' helper of the same name (see compile-template.ts). */
const builtin = (): never => {
  throw new Error('a built-in helper runs through Handlebars');
};

export const ifHelper: HelperSpec = {
  name: 'if',
  role: 'section',
  params: [1, 1],
  usage: '{{#if value}}…{{else}}…{{/if}}',
  hash: { optional: 'boolean', includeZero: 'boolean' },
  run: builtin,
};

export const unless: HelperSpec = {
  name: 'unless',
  role: 'section',
  params: [1, 1],
  usage: '{{#unless value}}…{{/unless}}',
  hash: { optional: 'boolean', includeZero: 'boolean' },
  run: builtin,
};

export const each: HelperSpec = {
  name: 'each',
  role: 'section',
  params: [1, 1],
  usage: '{{#each list}}…{{else}}…{{/each}}',
  hash: { optional: 'boolean' },
  run: builtin,
};

export const withHelper: HelperSpec = {
  name: 'with',
  role: 'section',
  params: [1, 1],
  usage: '{{#with value}}…{{/with}}',
  hash: { optional: 'boolean' },
  run: builtin,
};

/** `(lookup map key)`: a field chosen by a value; for conditions and other helpers' values. */
export const lookup: HelperSpec = {
  name: 'lookup',
  role: 'logic',
  params: [2, 2],
  usage: '(lookup value key)',
  run: builtin,
};

export const BUILTINS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with', 'lookup']);
