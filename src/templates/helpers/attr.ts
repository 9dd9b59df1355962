/**
 * `name="{{attr x}}"`: a value inside a double-quoted directive attribute, where
 * backslash escapes do not work: every ASCII punctuation character becomes a
 * character reference. `optional=true` prints nothing for an empty value
 * (`date=""` means "no date"); `label="role"` prints a code in the words of that
 * labels.yaml vocabulary, as `{{label "role" x}}` does in text.
 */
import { escapeAttribute, isBlank } from '../escape.js';
import { vocabulary, wordFor } from './label.js';
import type { HelperSpec } from './spec.js';

export const attr: HelperSpec = {
  name: 'attr',
  role: 'attribute',
  params: [1, 1],
  usage: 'name="{{attr value}}"',
  hash: { optional: 'boolean', label: 'string' },
  run(call, [value]) {
    if (isBlank(value)) return call.optional ? '' : call.empty(0, value);
    const vocabularyName = call.hash['label'];
    if (vocabularyName !== undefined) {
      const words = vocabulary(call, vocabularyName);
      if (!words) return '';
      if (typeof value !== 'string') return call.wrongKind(0, value, 'a code, e.g. foster_parent');
      const word = wordFor(call, words, vocabularyName as string, value);
      return word === undefined ? '' : escapeAttribute(word);
    }
    if (typeof value === 'string') return escapeAttribute(value);
    if (typeof value === 'number' && Number.isFinite(value)) return escapeAttribute(String(value));
    return call.wrongKind(0, value, 'text or a number');
  },
};
