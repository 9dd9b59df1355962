/** `{{yesno x}}`: true → "Yes", false → "No"; anything else is CP2006. */
import type { HelperSpec } from './spec.js';

export const yesno: HelperSpec = {
  name: 'yesno',
  role: 'inline',
  params: [1, 1],
  usage: '{{yesno value}}',
  hash: { optional: 'boolean' },
  run(call, [value]) {
    if (value === null || value === undefined) return call.empty(0, value);
    if (typeof value !== 'boolean') return call.wrongKind(0, value, 'true or false');
    return value ? 'Yes' : 'No';
  },
};
