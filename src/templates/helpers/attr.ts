/**
 * `name="{{attr x}}"`: a value inside a double-quoted directive attribute, where
 * backslash escapes do not work: every ASCII punctuation character becomes a
 * character reference. `optional=true` prints nothing for an empty value
 * (`date=""` means "no date").
 */
import { escapeAttribute, isBlank } from '../escape.js';
import type { HelperSpec } from './spec.js';

export const attr: HelperSpec = {
  name: 'attr',
  role: 'attribute',
  params: [1, 1],
  usage: 'name="{{attr value}}"',
  hash: { optional: 'boolean' },
  run(call, [value]) {
    if (isBlank(value)) return call.optional ? '' : call.empty(0, value);
    if (typeof value === 'string') return escapeAttribute(value);
    if (typeof value === 'number' && Number.isFinite(value)) return escapeAttribute(String(value));
    return call.wrongKind(0, value, 'text or a number');
  },
};
