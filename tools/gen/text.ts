/** Small helpers for writing narrative: fill a template, pick sentences, join paragraphs. */
import type { Random } from './random.js';

/** Replaces `{name}` with `vars.name`; a missing variable is a bug, so it throws. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`template variable {${key}} is not set in "${template}"`);
    return String(value);
  });
}

/** `count` different sentences from a bank, filled and joined into one paragraph. */
export function sentences(rng: Random, bank: readonly string[], count: number, vars: Readonly<Record<string, string | number>>): string {
  return rng.sample(bank, count).map((s) => capitalize(fill(s, vars))).join(' ');
}

export function paragraphs(parts: readonly (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

/** "he" / "she" / "they" and friends for a child. */
export function pronouns(sex: 'male' | 'female') {
  return sex === 'male' ? { he: 'he', He: 'He', him: 'him', his: 'his', His: 'His' } : { he: 'she', He: 'She', him: 'her', his: 'her', His: 'Her' };
}

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
