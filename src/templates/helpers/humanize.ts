/**
 * `{{humanize code}}`: an open-ended code from the data (a CANS item, a therapy
 * type) in plain words: "anger_control" → "Anger control", "trauma_focused_cbt"
 * → "Trauma-focused CBT"; `lower=true` for the middle of a sentence. Text that
 * is not a snake_case code prints as written, its first letter a capital.
 * Codes with a closed list of values print through `{{label}}` instead.
 */
import { escapeText, isBlank } from '../escape.js';
import type { HelperSpec } from './spec.js';

const ACRONYMS: Readonly<Record<string, string>> = { cbt: 'CBT', dbt: 'DBT', tf: 'TF', emdr: 'EMDR', pcit: 'PCIT', iop: 'IOP', abc: 'ABC', adhd: 'ADHD', ptsd: 'PTSD', iep: 'IEP' };

export function humanizeCode(value: string): string {
  if (!/^[a-z0-9_]+$/.test(value)) return value.charAt(0).toUpperCase() + value.slice(1);
  const joined = value
    .split('_')
    .map((w) => ACRONYMS[w] ?? w)
    .join(' ')
    .replace(/ (focused|informed|based)\b/g, '-$1')
    .replace(/\bchild parent\b/g, 'child-parent');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export const humanize: HelperSpec = {
  name: 'humanize',
  role: 'inline',
  params: [1, 1],
  usage: '{{humanize code}}',
  hash: { lower: 'boolean', optional: 'boolean' },
  run(call, [value]) {
    if (isBlank(value)) return call.empty(0, value);
    if (typeof value !== 'string') return call.wrongKind(0, value, 'a code or text');
    const words = humanizeCode(value);
    // Lower case keeps acronyms: "trauma-focused CBT".
    return escapeText(call.hash['lower'] === true ? words.replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase()) : words);
  },
};
