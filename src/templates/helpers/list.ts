/**
 * `{{list names}}` → "A", "A and B", "A, B and C"; an empty list prints *none*.
 * `key="name"` prints that field of each item; `conjunction="or"` changes the
 * last joining word. Each item prints like {{text}}: escaped, its dates in the long style.
 */
import { NONE, escapeText, isBlank } from '../escape.js';
import { isRecord } from './call.js';
import { proseDates } from './date.js';
import type { HelperSpec } from './spec.js';

export function joinProse(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export const list: HelperSpec = {
  name: 'list',
  role: 'inline',
  params: [1, 1],
  usage: '{{list values}}',
  hash: { key: 'string', conjunction: 'string', optional: 'boolean' },
  run(call, [values]) {
    if (values === null || values === undefined) return call.empty(0, values);
    if (!Array.isArray(values)) return call.wrongKind(0, values, 'a list');
    if (values.length === 0) return NONE;
    const key = call.hash['key'] as string | undefined;
    const printed: string[] = [];
    for (const [index, item] of values.entries()) {
      const value = key === undefined ? item : pick(item, key);
      if ((typeof value === 'string' && !isBlank(value)) || (typeof value === 'number' && Number.isFinite(value))) {
        printed.push(escapeText(typeof value === 'string' ? proseDates(value) : String(value)));
        continue;
      }
      const what = key === undefined ? `item ${index + 1}` : `item ${index + 1}'s \`${key}\``;
      call.report(
        'CP2006',
        `${call.label(0)}: ${what} is ${value === undefined ? 'missing' : describe(value)}, expected text or a number`,
        key === undefined && isRecord(item) ? `print one field of each item with {{list ${call.written(0) ?? '…'} key="name"}}` : undefined,
        call.field(0),
      );
      return '';
    }
    return joinProse(printed, escapeText((call.hash['conjunction'] as string | undefined) ?? 'and'));
  },
};

function pick(item: unknown, key: string): unknown {
  let value = item;
  for (const part of key.split('.')) value = isRecord(value) ? value[part] : undefined;
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (typeof value === 'string') return 'empty text';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a group of fields';
  return String(value);
}
