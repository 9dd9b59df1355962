/**
 * YAML text → plain data plus a locator that maps a field path back to the
 * line and column it was written on. One parser (`yaml`, YAML 1.2 core schema)
 * for every file, front matter included, so a date is always a string.
 */
import { createRequire } from 'node:module';
import type * as YamlApi from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { FieldPath } from '../core/field-path.js';
import type { LineIndex, Span } from '../core/source.js';
import type { Locator } from '../model/case-root.js';
import { yamlTooDeep } from './yaml-depth.js';

/** `yaml`, loaded by the first parse: most runs parse every file on the fast path, or not at all (the parse cache). */
let Y: typeof YamlApi; // set by parseYaml, before any helper below runs
const yamlApi = (): typeof YamlApi => (Y ??= createRequire(import.meta.url)('yaml') as typeof YamlApi);

/** Aliases beyond this many expansions are refused (a "billion laughs" file). */
const MAX_ALIAS_COUNT = 100;


export interface ParsedYaml {
  readonly data?: unknown;
  readonly locate: Locator;
  readonly diagnostics: Diagnostic[];
}

export interface YamlSource {
  readonly file: string;
  /** Line index over the whole file (front matter files included). */
  readonly index: LineIndex;
  readonly yaml: string;
  /** Offset of `yaml` in the file's text. */
  readonly offset: number;
}

export function parseYaml(source: YamlSource): ParsedYaml {
  const { file, index, yaml, offset } = source;
  const { parseDocument } = yamlApi();
  // logLevel 'error': the parser never prints on its own (stderr carries casepress's messages only).
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false, version: '1.2', keepSourceTokens: false, logLevel: 'error' });
  const at = (start: number, end: number) => index.span(offset + start, offset + end);
  const locate = makeLocator(doc, yaml, at);
  const diagnostics: Diagnostic[] = [];

  // After the first real syntax error the parser is lost and what follows are
  // echoes of it; duplicate keys do not derail it, so each of those is reported.
  const [firstSyntax] = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  for (const error of doc.errors) {
    if (error.code !== 'DUPLICATE_KEY' && error !== firstSyntax) continue;
    diagnostics.push(syntaxDiagnostic({ file, yaml, doc, at }, error.code, error.message, error.pos[0], error.pos[1]));
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    diagnostics.push(
      diagnostic('CP1109', {
        file,
        span: index.span(offset, offset + (yaml.indexOf('\n') >>> 0)),
        message: `casepress reads YAML 1.2, but this file asks for YAML ${doc.directives.yaml.version}`,
        hint: 'remove the %YAML line',
      }),
    );
  }
  for (const warning of doc.warnings) {
    diagnostics.push(
      diagnostic('CP1108', {
        file,
        span: at(warning.pos[0], warning.pos[1]),
        message: `${firstLine(warning.message)}; the value is read as plain text`,
        hint: 'remove the tag (the word starting with "!")',
      }),
    );
  }
  const collectionKey = firstCollectionKey(doc);
  if (collectionKey?.range) {
    diagnostics.push(
      diagnostic('CP1110', {
        file,
        span: at(collectionKey.range[0], collectionKey.range[1]),
        message: `this key is written as a ${Y.isSeq(collectionKey) ? 'list' : 'mapping'} (${firstLine(yaml.slice(collectionKey.range[0], collectionKey.range[1]))}); a key is a word`,
        hint: 'write the key as a plain word before the colon, e.g. `domain: x`; to keep the braces as text, put the key in quotes',
      }),
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { locate, diagnostics };
  const deep = yamlTooDeep(doc, file, at, Y);
  if (deep) return { locate, diagnostics: [...diagnostics, deep] };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const bomb = /alias count|resource exhaustion/i.test(message);
    const alias = firstAlias(doc, at);
    diagnostics.push(
      diagnostic(bomb ? 'CP1103' : 'CP1101', {
        file,
        span: alias ?? contentStart(doc, at),
        message: bomb
          ? `the file's YAML aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies; casepress refuses it`
          : `the YAML cannot be read: ${firstLine(message)}`,
        hint: bomb ? 'write the values out instead of repeating aliases' : 'check every *alias names an &anchor defined above it',
      }),
    );
    return { locate, diagnostics };
  }
  if (data === null || data === undefined) {
    diagnostics.push(diagnostic('CP1004', { file, span: at(0, 0), message: 'the file holds only comments or blank lines, no fields', hint: 'add the fields of the record below the comments' }));
    return { locate, diagnostics };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(
      diagnostic('CP1106', {
        file,
        span: contentStart(doc, at),
        message: `the file must hold fields (key: value lines), but it holds ${Array.isArray(data) ? 'a list' : 'a single value'}`,
        hint: 'start each field at the beginning of a line, as in `name: value`',
      }),
    );
    return { locate, diagnostics };
  }
  return { data, locate, diagnostics };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

const SYNTAX_HINT = 'check the indentation and quotes on this line: a value containing ": " or " #", or starting with *, &, !, @, %, ` or a quote, must be put in quotes';

interface SyntaxContext {
  readonly file: string;
  readonly yaml: string;
  readonly doc: Document;
  readonly at: At;
}

function syntaxDiagnostic(ctx: SyntaxContext, code: string, message: string, start: number, end: number): Diagnostic {
  const { file, yaml, doc, at } = ctx;
  const span = at(start, end);
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = duplicateKeyAt(doc, start);
      return diagnostic('CP1102', {
        file,
        span,
        message: `the key "${key?.name ?? 'this key'}" appears twice in the same mapping`,
        hint: key ? `it is first set on line ${span.start.line - countLines(yaml, key.first, start)}; keep one of the two` : 'keep one of the two',
      });
    }
    case 'TAB_AS_INDENT':
      return diagnostic('CP1105', {
        file,
        span,
        message: 'a tab character is used to indent this line; YAML indents with spaces only',
        hint: 'replace the tab with spaces (most editors: "Convert indentation to spaces")',
      });
    case 'MULTIPLE_DOCS':
      return diagnostic('CP1104', {
        file,
        span,
        message: 'the file holds more than one YAML document (a second "---" line)',
        hint: 'one record per file: remove the "---" line or move the second record to its own file',
      });
    case 'RESOURCE_EXHAUSTION':
      return diagnostic('CP1103', { file, span, message: 'the YAML is too deeply nested or too repetitive to read safely' });
    default: {
      const outOfStep = outOfStepLine(yaml, code, start, (offset) => at(offset, offset).start.line);
      if (outOfStep) {
        return diagnostic('CP1101', {
          file,
          span: at(outOfStep.offset, outOfStep.offset),
          message: `YAML syntax error: the indentation does not line up with the lines above (${outOfStep.why})`,
          hint: 'keys of one group start in the same column; indent this line as its neighbours are',
        });
      }
      return diagnostic('CP1101', { file, span, message: `YAML syntax error: ${describeYamlError(code, message)}`, hint: SYNTAX_HINT });
    }
  }
}

interface Line {
  readonly start: number;
  readonly text: string;
}

const indentOf = (line: Line) => /^ */.exec(line.text)![0].length;
const isKeyLine = (line: Line | undefined): line is Line => line !== undefined && /^\s*[A-Za-z_][\w-]*:(\s|$)/.test(line.text);
/** A key line without a value opens a block: the line after it may be indented further. */
const opensBlock = (line: Line) => /:\s*$/.test(line.text);
const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

/**
 * The line whose indentation differs from its siblings', where YAML reports
 * the mistake elsewhere or in words that do not say so: its offset (the key's
 * first character) and why. A key indented less than the keys above it in its
 * group is reported by YAML on that line (BAD_INDENT); a key line indented
 * further than the key line above is read as the continuation of that key's
 * value, and reported on the line above — unless that line is itself the odd
 * one (the first key of a block, indented less than the keys after it).
 */
function outOfStepLine(yaml: string, code: string, pos: number, lineNumber: (offset: number) => number): { offset: number; why: string } | undefined {
  const line = lineAt(yaml, pos);
  if (code === 'BAD_INDENT') {
    const above = previousContentLine(yaml, line);
    const sibling = above && indentOf(above) !== indentOf(line) ? ` where line ${lineNumber(above.start)} has ${spaces(indentOf(above))}` : '';
    return { offset: line.start + indentOf(line), why: `this key is indented ${spaces(indentOf(line))}${sibling}` };
  }
  const next = nextLine(yaml, line);
  if (!isKeyLine(line) || !isKeyLine(next) || indentOf(next) <= indentOf(line) || opensBlock(line)) return undefined;
  const above = previousContentLine(yaml, line);
  const after = nextLine(yaml, next);
  if (isKeyLine(above) && opensBlock(above) && indentOf(above) < indentOf(line) && isKeyLine(after) && indentOf(after) === indentOf(next)) {
    return { offset: line.start + indentOf(line), why: `this key is indented ${spaces(indentOf(line))} where the keys after it (lines ${lineNumber(next.start)} and ${lineNumber(after.start)}) have ${spaces(indentOf(next))}` };
  }
  return { offset: next.start + indentOf(next), why: 'this line is indented further than the key before it' };
}

function lineAt(yaml: string, pos: number): Line {
  const start = yaml.lastIndexOf('\n', pos - 1) + 1;
  const end = yaml.indexOf('\n', start);
  return { start, text: yaml.slice(start, end < 0 ? yaml.length : end).replace(/\r$/, '') };
}

function nextLine(yaml: string, line: Line): Line | undefined {
  const end = yaml.indexOf('\n', line.start);
  return end < 0 || end + 1 >= yaml.length ? undefined : lineAt(yaml, end + 1);
}

/** The nearest line above with content (not blank, not a comment). */
function previousContentLine(yaml: string, line: Line): Line | undefined {
  for (let start = line.start; start > 0; ) {
    const above = lineAt(yaml, start - 1);
    const text = above.text.trim();
    if (text !== '' && !text.startsWith('#')) return above;
    start = above.start;
  }
  return undefined;
}

function describeYamlError(code: string, message: string): string {
  const words: Record<string, string> = {
    BLOCK_AS_IMPLICIT_KEY: 'a value that itself contains ": " must be put in quotes',
    MISSING_CHAR: firstLine(message).replace(/^Missing closing (.)quote$/, 'a quote $1 is opened but never closed').toLowerCase(),
    BAD_INDENT: 'the indentation does not line up with the lines above',
    MULTILINE_IMPLICIT_KEY: 'a key must fit on one line (is a ":" missing, or a quote not closed, above?)',
    UNEXPECTED_TOKEN: firstLine(message).toLowerCase(),
  };
  return words[code] ?? firstLine(message).replace(/^./, (c) => c.toLowerCase());
}

type At = (start: number, end: number) => Span;

/** Where the first alias (*name) is written: where an alias bomb starts to go off. */
function firstAlias(doc: Document, at: At): Span | undefined {
  let range: readonly number[] | undefined;
  Y.visit(doc, {
    Alias(_, alias) {
      range = alias.range ?? undefined;
      return Y.visit.BREAK;
    },
  });
  return range ? at(range[0]!, range[1]!) : undefined;
}

/** The first mapping key written as a list or a mapping (`{ domain: x }: 1`, `? [a, b]`), which no field can be named by. */
function firstCollectionKey(doc: Document): Node | undefined {
  let found: Node | undefined;
  Y.visit(doc, {
    Pair(_, pair) {
      if (Y.isMap(pair.key) || Y.isSeq(pair.key)) {
        found = pair.key;
        return Y.visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The first line with content, past any leading comments. */
function contentStart(doc: Document, at: At): Span {
  const range = doc.contents?.range;
  return range ? at(range[0], range[0]) : at(0, 0);
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The key reported as duplicate at `pos`, and where its first occurrence starts. */
function duplicateKeyAt(doc: Document, pos: number): { name: string; first: number } | undefined {
  let found: { name: string; first: number } | undefined;
  Y.visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (!Y.isScalar(key) || !key.range) continue;
        const name = String(key.value);
        if (key.range[0] === pos && seen.has(name)) {
          found = { name, first: seen.get(name)! };
          return Y.visit.BREAK;
        }
        if (!seen.has(name)) seen.set(name, key.range[0]);
      }
      return undefined;
    },
  });
  return found;
}

function makeLocator(doc: Document, yaml: string, at: (start: number, end: number) => Span): Locator {
  /** Walks the path; returns the deepest pair and node reached and whether the whole path resolved. */
  const walk = (path: FieldPath) => {
    let node: unknown = doc.contents;
    let pair: Pair | undefined;
    let depth = 0;
    for (const part of path) {
      if (Y.isAlias(node)) node = node.resolve(doc);
      if (Y.isMap(node)) {
        const next = node.items.find((item) => Y.isPair(item) && Y.isScalar(item.key) && String(item.key.value) === String(part));
        if (!next) break;
        pair = next;
        node = next.value;
      } else if (Y.isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
        node = node.items[part];
      } else break;
      depth++;
    }
    return { node: node as Node | null | undefined, pair, complete: depth === path.length };
  };
  const spanOf = (node: Node | null | undefined) => (node?.range ? at(node.range[0], node.range[1]) : undefined);
  const keySpan = (pair: Pair | undefined) => spanOf(pair?.key as Node | undefined);
  return {
    value(path) {
      const { node, pair, complete } = walk(path);
      if (!complete) return keySpan(pair) ?? contentStart(doc, at);
      return spanOf(node) ?? keySpan(pair) ?? contentStart(doc, at);
    },
    key(path) {
      const { pair, complete } = walk(path);
      return (complete ? keySpan(pair) : undefined) ?? this.value(path);
    },
    source(path) {
      const { node, complete } = walk(path);
      if (!complete || !Y.isScalar(node) || !node.range) return undefined;
      return yaml.slice(node.range[0], node.range[1]);
    },
    splitByComma(path) {
      const parent = walk(path.slice(0, -1)).node;
      if (!Y.isMap(parent) || !parent.flow) return undefined;
      const index = parent.items.findIndex((item) => Y.isScalar(item.key) && String(item.key.value) === String(path[path.length - 1]));
      const pair = parent.items[index];
      const before = parent.items[index - 1];
      if (!pair || pair.value !== null || !before || !Y.isScalar(before.key) || !Y.isScalar(before.value) || !before.value.range) return undefined;
      return { key: String(before.key.value), value: yaml.slice(before.value.range[0], before.value.range[1]) };
    },
  };
}
