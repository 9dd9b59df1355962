/**
 * `{{text x}}`: a value as plain text, escaped; `optional=true` prints *not
 * recorded* for an empty value; `capitalize=true` starts it with a capital
 * (a code-like entry such as "budgeting" at the start of a table cell);
 * `period=true` ends a sentence after the value, unless the value ends one
 * itself ("Family Services, Inc." never gets a second period); `initials=true`
 * prints a name as its first and last initials ("José Luis Núñez-García" → "J.N."),
 * as a court caption names a child. A date written YYYY-MM-DD or YYYY-MM in the
 * text prints in the long style (`proseDates`).
 */
import { escapeText, isBlank } from '../escape.js';
import { proseDates } from './date.js';
import type { HelperSpec } from './spec.js';

export const text: HelperSpec = {
  name: 'text',
  role: 'inline',
  params: [1, 1],
  usage: '{{text value}}',
  hash: { optional: 'boolean', capitalize: 'boolean', period: 'boolean', initials: 'boolean' },
  run(call, [value]) {
    if (isBlank(value)) return call.empty(0, value);
    const end = (shown: string) => (call.hash['period'] === true && !/[.!?]["'”’)]*\s*$/.test(shown) ? '.' : '');
    if (typeof value === 'string') {
      if (call.hash['initials'] === true) return escapeText(initials(value));
      const dated = proseDates(value);
      const shown = call.hash['capitalize'] === true ? dated.charAt(0).toUpperCase() + dated.slice(1) : dated;
      return escapeText(shown) + end(shown);
    }
    if (typeof value === 'number' && Number.isFinite(value)) return escapeText(String(value)) + end(String(value));
    return call.wrongKind(0, value, 'text or a number', kindHint(value, call.written(0) ?? '…'));
  },
};

/** The first letters of a name's first and last words (those with a letter), each with a period. */
export function initials(name: string): string {
  const letters = name.normalize('NFC').split(/\s+/).flatMap((word) => /\p{L}/u.exec(word) ?? []);
  const shown = letters.length > 1 ? [letters[0]!, letters.at(-1)!] : letters;
  return shown.map((letter) => `${letter[0]!.toLocaleUpperCase('en-US')}.`).join('');
}

export function kindHint(value: unknown, written: string): string | undefined {
  if (typeof value === 'boolean') return `print true/false with {{yesno ${written}}} or {{checkbox ${written}}}`;
  if (Array.isArray(value)) return `print a list with {{list ${written}}}, or each item with {{#each ${written}}}`;
  if (typeof value === 'object' && value !== null) return `print one of its fields, e.g. {{text ${written}.name}}`;
  return undefined;
}
