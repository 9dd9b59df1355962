/**
 * What a helper is, for the static check (check-template.ts) and for the
 * environment (compile-template.ts): its role decides where it may stand.
 */
import type { HelperCall } from './call.js';

/**
 * - `inline`: prints escaped text (`{{text x}}`), anywhere text may stand;
 * - `attribute`: prints a value inside a quoted directive attribute (`name="{{attr x}}"`);
 * - `narrative`: prints trusted Markdown, triple-stashed, alone on its line (`{{{markdown x}}}`);
 * - `task`: prints a checklist box `[x]`/`[ ]` at the start of a list item;
 * - `logic`: a value for `{{#if (…)}}`, never printed;
 * - `section`: a block helper (`{{#if}}`, `{{#each}}` …).
 */
export type HelperRole = 'inline' | 'attribute' | 'narrative' | 'task' | 'logic' | 'section';

/** What a hash option (`format="short"`) accepts; always a literal written in the template. */
export type HashKind = 'boolean' | 'string' | readonly string[];

export interface HelperSpec {
  readonly name: string;
  readonly role: HelperRole;
  /** How many values it takes, at least and at most. */
  readonly params: readonly [number, number];
  /** What the values are, for messages: "the date", "the count". */
  readonly usage: string;
  readonly hash?: Readonly<Record<string, HashKind>>;
  /** Runs with every absent value already reported; returns what is printed (or the logic value). */
  readonly run: (call: HelperCall, args: readonly unknown[]) => unknown;
}
