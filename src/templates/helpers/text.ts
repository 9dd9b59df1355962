/**
 * `{{text x}}`: a value as plain text, escaped; `optional=true` prints *not
 * recorded* for an empty value; `capitalize=true` starts it with a capital
 * (a code-like entry such as "budgeting" at the start of a table cell).
 */
import { escapeText, isBlank } from '../escape.js';
import type { HelperSpec } from './spec.js';

export const text: HelperSpec = {
  name: 'text',
  role: 'inline',
  params: [1, 1],
  usage: '{{text value}}',
  hash: { optional: 'boolean', capitalize: 'boolean' },
  run(call, [value]) {
    if (isBlank(value)) return call.empty(0, value);
    if (typeof value === 'string') return escapeText(call.hash['capitalize'] === true ? value.charAt(0).toUpperCase() + value.slice(1) : value);
    if (typeof value === 'number' && Number.isFinite(value)) return escapeText(String(value));
    return call.wrongKind(0, value, 'text or a number', kindHint(value, call.written(0) ?? '…'));
  },
};

export function kindHint(value: unknown, written: string): string | undefined {
  if (typeof value === 'boolean') return `print true/false with {{yesno ${written}}} or {{checkbox ${written}}}`;
  if (Array.isArray(value)) return `print a list with {{list ${written}}}, or each item with {{#each ${written}}}`;
  if (typeof value === 'object' && value !== null) return `print one of its fields, e.g. {{text ${written}.name}}`;
  return undefined;
}
