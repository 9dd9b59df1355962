/**
 * `(and a b …)`, `(or a b …)`, `(not a)` for conditions. Truth is as in
 * `{{#if}}`: false, null, 0, "" and empty lists are false.
 */
import type { HelperSpec } from './spec.js';

export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

export const and: HelperSpec = {
  name: 'and',
  role: 'logic',
  params: [2, 9],
  usage: '(and a b)',
  run: (_call, args) => args.every(truthy),
};

export const or: HelperSpec = {
  name: 'or',
  role: 'logic',
  params: [2, 9],
  usage: '(or a b)',
  run: (_call, args) => args.some(truthy),
};

export const not: HelperSpec = {
  name: 'not',
  role: 'logic',
  params: [1, 1],
  usage: '(not a)',
  run: (_call, [a]) => !truthy(a),
};
