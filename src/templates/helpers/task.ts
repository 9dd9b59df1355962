/** `- {{task x}} Birth certificate`: the `[x]` / `[ ]` of a checklist item, from true/false. */
import type { HelperSpec } from './spec.js';

export const task: HelperSpec = {
  name: 'task',
  role: 'task',
  params: [1, 1],
  usage: '- {{task done}} item text',
  run(call, [value]) {
    if (typeof value !== 'boolean') return call.wrongKind(0, value, 'true or false');
    return value ? '[x]' : '[ ]';
  },
};
