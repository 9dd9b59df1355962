/**
 * Comparisons for conditions: `{{#if (eq placement.type "kinship")}}`,
 * `{{#if (gt visits.length 3)}}`. `eq`/`ne` compare text, numbers, true/false
 * and null; `gt`/`gte`/`lt`/`lte` compare two numbers or two texts (dates
 * written YYYY-MM-DD compare correctly as text).
 */
import { describeValue } from './call.js';
import type { HelperCall } from './call.js';
import type { HelperSpec } from './spec.js';

type Scalar = string | number | boolean | null;

function scalar(call: HelperCall, i: number, value: unknown): value is Scalar {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  call.wrongKind(i, value, 'text, a number, true/false or null (lists and groups of fields are not compared)');
  return false;
}

function equality(name: string, same: boolean): HelperSpec {
  return {
    name,
    role: 'logic',
    params: [2, 2],
    usage: `(${name} a b)`,
    run(call, [a, b]) {
      if (!scalar(call, 0, a) || !scalar(call, 1, b)) return false;
      return (a === b) === same;
    },
  };
}

function order(name: string, test: (sign: number) => boolean): HelperSpec {
  return {
    name,
    role: 'logic',
    params: [2, 2],
    usage: `(${name} a b)`,
    run(call, [a, b]) {
      const bothNumbers = typeof a === 'number' && typeof b === 'number';
      const bothTexts = typeof a === 'string' && typeof b === 'string';
      if (!bothNumbers && !bothTexts) {
        call.report(
          'CP2006',
          `\`${name}\` compares two numbers or two texts: found ${describeValue(a)} and ${describeValue(b)}`,
          undefined,
          call.field(0),
        );
        return false;
      }
      return test(a < b ? -1 : a > b ? 1 : 0);
    },
  };
}

export const eq = equality('eq', true);
export const ne = equality('ne', false);
export const gt = order('gt', (s) => s > 0);
export const gte = order('gte', (s) => s >= 0);
export const lt = order('lt', (s) => s < 0);
export const lte = order('lte', (s) => s <= 0);
