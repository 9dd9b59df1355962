/**
 * `{{{markdown x}}}`: trusted Markdown written by staff (a narrative from a .md
 * file), alone on its template line. What it guarantees:
 * - the narrative cannot make or end a directive: every `:` it holds is escaped,
 *   so it cannot write `:::notice`, close the `:::` around it, or sign as `::signature`;
 * - it cannot swallow what follows: lines starting with `<` or a code fence
 *   (``` or ~~~) are escaped, so no HTML block or code block stays open;
 * - it cannot make a task list: a `[ ]` or `[x]` starting a line is escaped;
 * - it stays in the block it stands in: every line is indented like the
 *   `{{{markdown x}}}` line (so it stays inside a list item), and blank lines
 *   separate it from the template's text before and after;
 * - it is framed by `::narrative{field="…" file="…" line="…" …}` and `::narrative-end`,
 *   so the Markdown converter knows its origin: there it may hold paragraphs,
 *   lists, tables, bold, italics, links and line breaks, and anything else is
 *   reported naming the field and the template line (document/from-markdown.ts).
 * Dates written YYYY-MM-DD or YYYY-MM print in the long style (`proseDates`).
 * An empty value is CP2006, or *not recorded* with `optional=true`.
 */
import { NOT_RECORDED, escapeAttribute, isBlank } from '../escape.js';
import type { HelperCall } from './call.js';
import { proseDates } from './date.js';
import type { HelperSpec } from './spec.js';

export const markdown: HelperSpec = {
  name: 'markdown',
  role: 'narrative',
  params: [1, 1],
  usage: '{{{markdown value}}}',
  hash: { optional: 'boolean' },
  run(call, [value]) {
    const indent = indentOf(call);
    if (isBlank(value)) {
      const printed = call.empty(0, value);
      return printed === NOT_RECORDED ? `\n${indent}${NOT_RECORDED}\n` : '';
    }
    if (typeof value !== 'string') return call.wrongKind(0, value, 'Markdown text');
    const lines = value
      .replace(/\r\n|\r/g, '\n')
      .replace(/^(?:[ \t]*\n)+/, '')
      .trimEnd()
      .split('\n')
      .map((line) => guardLine(proseDates(line)));
    const loc = call.options.loc?.start;
    const attributes = [
      `field="${escapeAttribute(call.field(0) ?? '')}"`,
      `file="${escapeAttribute(call.file)}"`,
      `line="${loc?.line ?? 0}"`,
      `column="${(loc?.column ?? 0) + 1}"`,
      `offset="${loc && call.source ? call.source.offset(loc) : 0}"`,
    ].join(' ');
    const body = lines.map((line) => (line === '' ? indent : indent + line)).join('\n');
    return `\n${indent}::narrative{${attributes}}\n${body}\n${indent}\n${indent}::narrative-end\n`;
  },
};

/** The whitespace before `{{{markdown x}}}` on its line (the static check makes sure there is nothing else). */
function indentOf(call: HelperCall): string {
  const loc = call.options.loc;
  const source = call.source;
  if (!loc || !source) return '';
  return /^[ \t]*/.exec(source.before(loc.start))![0];
}

/** Escapes what could open a directive, HTML block or code fence on one line of the narrative. */
export function guardLine(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      out += c + line[i + 1];
      i++;
    } else if (c === ':') {
      out += '\\:';
    } else {
      out += c;
    }
  }
  // A checkbox at the start of a line (after a list marker or not) would make a task list, which only a
  // checklist may hold; escaped, it prints as written and the narrative stays in its block.
  return out.replace(/^([ \t]*)(<|```|~~~)/, '$1\\$2').replace(/^([ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?)\[([ xX])\]/, '$1\\[$2]');
}
