/**
 * A fast reader for the plain YAML that case files are written in: block
 * mappings and sequences, one-line plain, quoted and flow values, `|` and `>`
 * block scalars, comments. It builds the values only — no document, no nodes,
 * no positions — and is about ten times faster than `yaml`'s parseDocument,
 * which matters for a 50,000-file case root.
 *
 * It is only a shortcut: on anything outside that subset, or anything the full
 * parser would report (duplicate keys, tabs, anchors and aliases, tags,
 * directives, several documents, a CR not before LF, multi-line plain or quoted
 * values, …), it gives up and returns undefined, and the caller uses the full
 * parser (yaml-document.ts), which reports exactly as before. What it does
 * return equals what `yaml` (YAML 1.2 core schema) would give for that text
 * with no error or warning: fast-yaml.test.ts checks this against `yaml` on
 * the example agency, the fixtures and generated documents.
 */

/** Thrown to give up; caught in fastYaml. */
const BAIL: unique symbol = Symbol('bail');

/** Characters the shortcut does not handle anywhere: tabs, CR, BOM, other line breaks, C1 controls, surrogates. */
const LONE_CR = /\r(?!\n)/;
const UNSUPPORTED = /[\t\r\uFEFF\u0080-\u009F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/;
/** A flow mapping key, read from a position: the word, then ": ". */
const FLOW_KEY = /([A-Za-z_][A-Za-z0-9_.-]*): /y;
/** Words the core schema reads as something other than a string; never keys here. */
const RESERVED_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const MAX_KEY_LENGTH = 1000;
const MAX_FLOW_DEPTH = 32;

// The YAML 1.2 core schema's plain scalar tags, as `yaml` (schema/core) tests them, in its order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

interface Line {
  readonly indent: number;
  /** The line from its first non-space character. */
  readonly text: string;
}

/** The values of a YAML mapping written in the supported subset, or undefined (use the full parser). */
export function fastYaml(source: string): Record<string, unknown> | undefined {
  // Files saved on Windows end lines with CRLF, which YAML reads as LF; a CR elsewhere is left to the full parser.
  const yaml = source.includes('\r') && !LONE_CR.test(source) ? source.replaceAll('\r\n', '\n') : source;
  if (UNSUPPORTED.test(yaml)) return undefined;
  try {
    const reader = new Reader(yaml.split('\n'));
    const first = reader.cur;
    if (!first || keyEnd(first.text) < 0) return undefined;
    const data = reader.mapping(first.indent);
    if (reader.cur) return undefined;
    return data;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

function bail(): never {
  throw BAIL;
}

class Reader {
  /** Index of the current line in `lines`. */
  private i = -1;
  /** The current significant line (blank and comment lines skipped); undefined at the end. */
  cur: Line | undefined;

  constructor(private readonly lines: readonly string[]) {
    this.advance();
  }

  /** Moves to the next line that is neither blank nor a comment. */
  private advance(): void {
    const { lines } = this;
    for (this.i++; this.i < lines.length; this.i++) {
      const line = lines[this.i]!;
      let n = 0;
      while (line.charCodeAt(n) === 32) n++;
      if (n === line.length || line.charCodeAt(n) === 35 /* # */) continue;
      this.cur = { indent: n, text: n === 0 ? line : line.slice(n) };
      return;
    }
    this.cur = undefined;
  }

  /** A block mapping whose keys are at column `indent` (the current line is its first key). */
  mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.cur && this.cur.indent === indent) {
      const { text } = this.cur;
      const end = keyEnd(text);
      if (end < 0) bail();
      const key = text.slice(0, end);
      checkKey(out, key);
      out[key] = this.value(text.slice(end + 1), indent, true);
    }
    return out;
  }

  /** A block sequence whose dashes are at column `indent`. */
  sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.cur && this.cur.indent === indent && isSeqEntry(this.cur.text)) {
      const rest = this.cur.text.slice(1);
      const spaces = countSpaces(rest);
      const body = rest.slice(spaces);
      const isKey = keyEnd(body) >= 0;
      if (isKey || isSeqEntry(body)) {
        // A compact mapping or sequence starting on the dash's line: read it as if its line began there.
        const column = indent + 1 + spaces;
        this.cur = { indent: column, text: body };
        out.push(isKey ? this.mapping(column) : this.sequence(column));
      } else {
        out.push(this.value(rest, indent, false));
      }
    }
    return out;
  }

  /**
   * The value after "key:" or "-" on the current line (`rest` starts with a
   * space or is empty); leaves the reader on the line after the value.
   * `indent` is the column of the key or dash.
   */
  private value(rest: string, indent: number, inMapping: boolean): unknown {
    const spaces = countSpaces(rest);
    const body = rest.slice(spaces);
    const c = body.charCodeAt(0);
    if (body === '' || c === 35 /* # */) {
      if (c === 35 && spaces === 0) bail();
      this.advance();
      const next = this.cur;
      if (next && next.indent > indent) return this.node();
      if (inMapping && next && next.indent === indent && isSeqEntry(next.text)) return this.sequence(indent);
      return null;
    }
    let value: unknown;
    if (c === 124 /* | */ || c === 62 /* > */) {
      value = this.blockScalar(body, indent);
    } else {
      if (c === 91 /* [ */ || c === 123 /* { */) {
        const flow = new FlowReader(body);
        value = flow.value(0);
        flow.lineEnd();
      } else if (c === 34 /* " */ || c === 39 /* ' */) {
        const [text, end] = quoted(body, 0);
        value = text;
        afterValue(body, end);
      } else {
        value = plainBlockScalar(body);
      }
      this.advance();
    }
    // A more indented line after a one-line value continues it (or is an error): not handled here.
    if (this.cur && this.cur.indent > indent) bail();
    return value;
  }

  /** A nested block node starting on the current line. */
  private node(): unknown {
    const { indent, text } = this.cur!;
    if (isSeqEntry(text)) return this.sequence(indent);
    if (keyEnd(text) >= 0) return this.mapping(indent);
    return bail();
  }

  /** A `|`, `|-`, `>` or `>-` block scalar whose header is `header`; the content is on the lines below. */
  private blockScalar(header: string, indent: number): string {
    let end = header.length;
    while (end > 1 && header.charCodeAt(end - 1) === 32) end--;
    const style = header[0];
    const chomp = header.slice(1, end);
    if (chomp !== '' && chomp !== '-') bail();
    const { lines } = this;
    const parts: string[] = [];
    let contentIndent = -1;
    let j = this.i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const n = countSpaces(line);
      if (n === line.length) {
        // An empty line; leading ones and ones with spaces past the content's indentation are left to the full parser.
        if (contentIndent < 0 || n > contentIndent) bail();
        parts.push('');
        continue;
      }
      if (contentIndent < 0) {
        if (n <= indent) bail();
        contentIndent = n;
      }
      if (n < contentIndent) {
        if (n > indent) bail();
        break;
      }
      if (n > contentIndent && style === '>') bail();
      if (line.charCodeAt(line.length - 1) === 32) bail();
      parts.push(line.slice(contentIndent));
    }
    if (contentIndent < 0) bail();
    while (parts[parts.length - 1] === '') parts.pop();
    let text: string;
    if (style === '|') {
      text = parts.join('\n');
    } else {
      text = parts[0]!;
      let blanks = 0;
      for (let k = 1; k < parts.length; k++) {
        const part = parts[k]!;
        if (part === '') {
          blanks++;
          continue;
        }
        text += blanks === 0 ? ` ${part}` : `${'\n'.repeat(blanks)}${part}`;
        blanks = 0;
      }
    }
    this.i = j - 1;
    this.advance();
    return chomp === '-' ? text : `${text}\n`;
  }
}

/** One-line flow collections: `[a, b]`, `{ key: value, other: [x] }`. */
class FlowReader {
  pos = 0;

  constructor(private readonly text: string) {}

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === 32) this.pos++;
  }

  value(depth: number): unknown {
    if (depth > MAX_FLOW_DEPTH) bail();
    this.skipSpaces();
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    if (c === 91 /* [ */) {
      this.pos++;
      const out: unknown[] = [];
      this.skipSpaces();
      if (text.charCodeAt(this.pos) === 93 /* ] */) {
        this.pos++;
        return out;
      }
      for (;;) {
        out.push(this.value(depth + 1));
        if (this.separator(93)) return out;
      }
    }
    if (c === 123 /* { */) {
      this.pos++;
      const out: Record<string, unknown> = {};
      this.skipSpaces();
      if (text.charCodeAt(this.pos) === 125 /* } */) {
        this.pos++;
        return out;
      }
      for (;;) {
        FLOW_KEY.lastIndex = this.pos;
        const match = FLOW_KEY.exec(text);
        if (!match) bail();
        const key = match[1]!;
        checkKey(out, key);
        this.pos = FLOW_KEY.lastIndex;
        out[key] = this.value(depth + 1);
        if (this.separator(125)) return out;
      }
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const [value, end] = quoted(text, this.pos);
      this.pos = end;
      return value;
    }
    // A plain scalar runs to the next flow indicator.
    const start = this.pos;
    let end = start;
    for (; end < text.length; end++) {
      const ch = text.charCodeAt(end);
      if (ch === 44 /* , */ || ch === 93 /* ] */ || ch === 125 /* } */ || ch === 91 /* [ */ || ch === 123 /* { */) break;
      if (ch === 58 /* : */ || ch === 35 /* # */) bail();
    }
    const raw = trimSpacesEnd(text.slice(start, end));
    if (raw === '' || !plainStartOk(raw)) bail();
    this.pos = end;
    return resolvePlain(raw);
  }

  /** After an entry: "," (then more) or the closing bracket (returns true). A trailing comma is left to the full parser. */
  private separator(close: number): boolean {
    this.skipSpaces();
    const c = this.text.charCodeAt(this.pos);
    if (c === close) {
      this.pos++;
      return true;
    }
    if (c !== 44 /* , */) bail();
    this.pos++;
    this.skipSpaces();
    const next = this.text.charCodeAt(this.pos);
    if (next === 44 || next === 93 || next === 125 || Number.isNaN(next)) bail();
    return false;
  }

  /** Only spaces or a comment may follow the collection on its line. */
  lineEnd(): void {
    afterValue(this.text, this.pos);
  }
}

/** Only spaces, or spaces and a comment, may follow a value on its line. */
function afterValue(text: string, pos: number): void {
  let p = pos;
  while (text.charCodeAt(p) === 32) p++;
  if (p === text.length) return;
  if (text.charCodeAt(p) === 35 /* # */ && p > pos) return;
  bail();
}

/** A quoted scalar that closes on the same line: [its value, the offset after the closing quote]. */
function quoted(text: string, start: number): [string, number] {
  const q = text[start]!;
  if (q === '"') {
    const close = text.indexOf('"', start + 1);
    if (close < 0) bail();
    const value = text.slice(start + 1, close);
    if (value.includes('\\')) bail();
    return [value, close + 1];
  }
  let value = '';
  let from = start + 1;
  for (;;) {
    const close = text.indexOf("'", from);
    if (close < 0) bail();
    value += text.slice(from, close);
    if (text[close + 1] === "'") {
      value += "'";
      from = close + 2;
      continue;
    }
    return [value, close + 1];
  }
}

/** A one-line plain scalar in block context, up to a comment. */
function plainBlockScalar(body: string): unknown {
  let end = body.indexOf(' #');
  if (end < 0) end = body.length;
  const raw = trimSpacesEnd(body.slice(0, end));
  if (!plainStartOk(raw) || raw.includes(': ') || raw.endsWith(':')) bail();
  return resolvePlain(raw);
}

/** Whether a plain scalar may start with this character (else it is an indicator the full parser handles). */
function plainStartOk(raw: string): boolean {
  const c = raw[0]!;
  if (c === '-' || c === '?' || c === ':') return raw.length > 1 && raw[1] !== ' ' && c === '-';
  return !',[]{}#&*!|>\'"%@`'.includes(c);
}

/** A plain scalar's value under the YAML 1.2 core schema, as `yaml` resolves it. */
function resolvePlain(raw: string): unknown {
  const c = raw.charCodeAt(0);
  // Most values are words: only these first characters can start a null, boolean or number.
  const maybeTagged = (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!maybeTagged) return raw;
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return c === 116 || c === 84;
  if (INT_OCT.test(raw)) return parseInt(raw.substring(2), 8);
  if (INT.test(raw)) return parseInt(raw, 10);
  if (INT_HEX.test(raw)) return parseInt(raw.substring(2), 16);
  if (FLOAT_NAN.test(raw)) return raw.slice(-3).toLowerCase() === 'nan' ? NaN : raw[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(raw) || FLOAT.test(raw)) return parseFloat(raw);
  return raw;
}

/**
 * When `text` starts with a block mapping key — a bare word, [A-Za-z_][A-Za-z0-9_.-]*,
 * then ":" and a space or the end of the line — the offset of that ":"; else -1.
 */
function keyEnd(text: string): number {
  const first = text.charCodeAt(0);
  if (!(isLetter(first) || first === 95 /* _ */)) return -1;
  let i = 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 46 /* . */ || c === 45 /* - */) i++;
    else break;
  }
  if (text.charCodeAt(i) !== 58 /* : */) return -1;
  const after = text.charCodeAt(i + 1);
  return after === 32 || Number.isNaN(after) ? i : -1;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function checkKey(map: Record<string, unknown>, key: string): void {
  if (key.length > MAX_KEY_LENGTH || key === '__proto__' || Object.hasOwn(map, key)) bail();
  const c = key.charCodeAt(0);
  if ((c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) && RESERVED_KEY.test(key)) bail();
}

function isSeqEntry(text: string): boolean {
  return text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.charCodeAt(1) === 32);
}

function countSpaces(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 32) n++;
  return n;
}

function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}
