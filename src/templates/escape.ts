/**
 * Markdown-safe printing of values from the data. A value can never change the
 * structure of the document it is printed into (architecture.md, "Escaping").
 *
 * The rules, which the property test (test/escaping.property.test.ts) checks:
 * - every ASCII punctuation character that means something wherever it stands
 *   gets a backslash (CommonMark 0.31 §2.4: an escaped character is literal), so
 *   `*`, `_`, `#`, `|`, `[`, `:`, `{`, `<`, `!`, `.`, `@`, `~` and `\` print as themselves
 *   in paragraphs, list items, headings, table cells and directive labels (`.` and
 *   `@` because GFM links bare www. and e-mail addresses);
 * - `-`, `+` and `=` mean something only at the start of a line (list markers,
 *   setext underlines, thematic breaks), so they are escaped only as a value's
 *   first character; `, ; ? ' " $ % / ^` mean nothing and stay as they are —
 *   dates and names are full of them, and every escape costs the parser time;
 * - each line break (CRLF, CR or LF) becomes one space, so a value stays on its
 *   line and cannot start a block;
 * - spaces and tabs at the start and end of the value become character references
 *   (`&#32;`, `&#9;`): CommonMark would strip them, or read four of them as code;
 * - U+0000 becomes U+FFFD, as CommonMark requires of any parser.
 * Everything else, including non-ASCII punctuation such as "—", is printed as is.
 */

/** The words printed, in italics, for a value the data does not record. */
export const NOT_RECORDED = '*not recorded*';
/** Printed, in italics, for an empty list. */
export const NONE = '*none*';

/** Every ASCII punctuation character: all may be backslash-escaped (CommonMark §2.4). */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** The punctuation that has a meaning wherever it stands in a line. */
const MEANINGFUL_ANYWHERE = /[!#&()*.:<>@[\\\]_`{|}~]/g;
/** The punctuation that has a meaning at the start of a line only. */
const MEANINGFUL_AT_LINE_START = /^[-+=]/;
const LINE_BREAK = /\r\n|\r|\n/g;

/** The documented newline rule: each line break becomes one space. */
export function flattenLines(value: string): string {
  return value.replace(LINE_BREAK, ' ');
}

/** True for null, undefined and text that is empty or only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Text for a paragraph, list item, heading, table cell or label. */
export function escapeText(value: string): string {
  const escaped = flattenLines(value)
    .replace(/\0/g, '\uFFFD')
    .replace(MEANINGFUL_ANYWHERE, (c) => `\\${c}`)
    .replace(MEANINGFUL_AT_LINE_START, (c) => `\\${c}`);
  return escaped.replace(/^[ \t]+/, characterReferences).replace(/[ \t]+$/, characterReferences);
}

/**
 * Text for a double-quoted directive attribute value (`name="…"`). Backslash
 * escapes do not work there; character references do, so every ASCII
 * punctuation character becomes one (`"` → `&#34;`).
 */
export function escapeAttribute(value: string): string {
  return flattenLines(value)
    .replace(/\0/g, '\uFFFD')
    .replace(ASCII_PUNCTUATION, (c) => `&#${c.charCodeAt(0)};`);
}

function characterReferences(whitespace: string): string {
  return [...whitespace].map((c) => `&#${c.charCodeAt(0)};`).join('');
}
