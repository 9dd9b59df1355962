/** `{{checkbox x}}`: true → ☒, false → ☐ (as text, anywhere text may stand). */
import type { HelperSpec } from './spec.js';

export const CHECKED = '\u2612'; // ☒
export const UNCHECKED = '\u2610'; // ☐

export const checkbox: HelperSpec = {
  name: 'checkbox',
  role: 'inline',
  params: [1, 1],
  usage: '{{checkbox value}}',
  hash: { optional: 'boolean' },
  run(call, [value]) {
    if (value === null || value === undefined) return call.empty(0, value);
    if (typeof value !== 'boolean') return call.wrongKind(0, value, 'true or false');
    return value ? CHECKED : UNCHECKED;
  },
};
