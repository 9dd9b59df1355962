/**
 * `{{label "placement_setting" placement.setting}}`: a code from the data in the
 * words templates/labels.yaml gives it ("group_home" → "Group home");
 * `lower=true` for the middle of a sentence. `{{counts "area_status" counts}}`:
 * counts by code in a sentence, "7 in progress, 1 met and 1 partially met"
 * (the non-zero ones, most first, ties in the order labels.yaml lists them).
 * The facts check (facts-check.ts) makes sure every code a field can hold has
 * its label before any document is rendered.
 */
import { escapeText, isBlank, NONE } from '../escape.js';
import type { HelperCall } from './call.js';
import { isRecord } from './call.js';
import { joinProse } from './list.js';
import type { HelperSpec } from './spec.js';

export function vocabulary(call: HelperCall, name: unknown): ReadonlyMap<string, string> | undefined {
  const words = typeof name === 'string' ? call.state.labels?.vocabularies.get(name) : undefined;
  if (!words) call.wrongKind(0, name, `a vocabulary of ${call.state.labels?.file ?? 'templates/labels.yaml'} in quotes`);
  return words;
}

export function wordFor(call: HelperCall, words: ReadonlyMap<string, string>, name: string, code: string): string | undefined {
  const word = words.get(code);
  if (word === undefined) call.report('CP2006', `${call.state.labels?.file ?? 'labels.yaml'} "${name}" has no label for "${code}"`, `add ${code}: … under ${name}:`, call.field(1), 1);
  return word;
}

export const label: HelperSpec = {
  name: 'label',
  role: 'inline',
  params: [2, 2],
  usage: '{{label "vocabulary" value}}',
  hash: { lower: 'boolean', optional: 'boolean' },
  run(call, [name, code]) {
    if (isBlank(code)) return call.empty(1, code);
    const words = vocabulary(call, name);
    if (!words) return '';
    if (typeof code !== 'string') return call.wrongKind(1, code, 'a code, e.g. group_home');
    const word = wordFor(call, words, name as string, code);
    if (word === undefined) return '';
    return escapeText(call.hash['lower'] === true ? word.toLowerCase() : word);
  },
};

export const counts: HelperSpec = {
  name: 'counts',
  role: 'inline',
  params: [2, 2],
  usage: '{{counts "vocabulary" countsByCode}}',
  run(call, [name, byCode]) {
    const words = vocabulary(call, name);
    if (!words) return '';
    if (!isRecord(byCode) || Array.isArray(byCode)) return call.wrongKind(1, byCode, 'counts by code, e.g. { met: 2, in_progress: 1 }');
    const order = [...words.keys()];
    const codes = Object.keys(byCode).filter((code) => typeof byCode[code] === 'number' && (byCode[code] as number) > 0);
    const parts: string[] = [];
    for (const code of codes.sort((a, b) => (byCode[b] as number) - (byCode[a] as number) || order.indexOf(a) - order.indexOf(b))) {
      const word = wordFor(call, words, name as string, code);
      if (word === undefined) return '';
      parts.push(`${byCode[code] as number} ${word.toLowerCase()}`);
    }
    return parts.length ? escapeText(joinProse(parts, 'and')) : NONE;
  },
};
