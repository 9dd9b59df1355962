/**
 * One case file's text → its validated record, or the diagnostics that say
 * why not. Markdown notes have their front matter validated and their body kept.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { LineIndex } from '../core/source.js';
import { FILE_KINDS, type FileKindName, type RecordOf } from '../model/file-kinds.js';
import { FENCE } from '../model/passages.js';
import { splitFrontMatter } from './front-matter.js';
import { issuesToDiagnostics } from './schema-issues.js';
import { fastPathYaml } from './yaml-fast-path.js';
import type { FieldPath } from '../core/field-path.js';
import type { LoadedFile, Locator } from '../model/case-root.js';
import type { StoredRecord } from './parse-cache.js';
import { parseYaml } from './yaml-document.js';


export interface ParseResult<K extends FileKindName> {
  readonly loaded?: LoadedFile<K>;
  readonly diagnostics: Diagnostic[];
}

/**
 * Most files are well formed: they are read by the fast path (yaml-fast-path.ts, js-yaml:
 * no YAML document, positions found again only if a later check asks). A file
 * the fast path cannot read, or whose values do not validate, is read again
 * by the full parser, so its diagnostics are exactly the full parser's.
 */
export function parseCaseFile<K extends FileKindName>(file: string, kind: K, text: string, reread?: () => string): ParseResult<K> {
  return fastParseCaseFile(file, kind, text, reread) ?? fullParseCaseFile(file, kind, text);
}

/**
 * `reread` gives the text again when a later check needs a position (the
 * loader decodes the file's bytes again), so the locator holds no text or
 * document of its own until then.
 */
function fastParseCaseFile<K extends FileKindName>(file: string, kind: K, text: string, reread?: () => string): ParseResult<K> | undefined {
  const spec = FILE_KINDS[kind];
  let yaml = text;
  let body = '';
  let bodyLine = 1;
  if (spec.syntax === 'markdown') {
    const split = splitFrontMatter(text);
    if (!split.ok) return undefined;
    ({ yaml, body, bodyLine } = split.value);
  }
  const data = fastPathYaml(yaml);
  if (data === undefined) return undefined;
  const result = spec.schema.safeParse(data);
  if (!result.success) return undefined;
  // The full parse that knows where each field was written runs on first use.
  const locate = new LazyLocator(file, spec.syntax === 'markdown', reread ?? (() => text));
  return { loaded: { file, kind, data: result.data as RecordOf<K>, body, bodyLine, locate, mayHoldFence: text.includes(FENCE) }, diagnostics: [] };
}

/** A loaded record as the parse cache keeps it; `text` is the decoded text it was parsed from. */
export function storedRecord(loaded: LoadedFile, text: string): StoredRecord {
  // The body is the end of the text (front-matter.ts), so its start is all the cache needs to cut it again.
  return { data: loaded.data, bodyStart: text.length - loaded.body.length, bodyLine: loaded.bodyLine, mayHoldFence: loaded.mayHoldFence ?? true };
}

/**
 * A record from the parse cache as the parser would have given it: `text`
 * decodes the file's bytes again, and is called only when the body is read
 * (a note with a fence, a document) or a check asks where a value was written.
 */
export function restoredFile<K extends FileKindName>(file: string, kind: K, stored: StoredRecord, text: () => string): LoadedFile<K> {
  return new RestoredFile(file, kind, stored, text);
}

/**
 * (Classes, not object literals with a getter and closures: the main process
 * keeps one for each of a root's files, 470,000 at 20,000 children, and seven
 * closures with their contexts cost 300 bytes a file.)
 */
class RestoredFile<K extends FileKindName> implements LoadedFile<K> {
  readonly data: RecordOf<K>;
  readonly bodyLine: number;
  readonly mayHoldFence: boolean;
  readonly locate: Locator;
  #body: string | undefined;
  readonly #bodyStart: number;
  readonly #text: () => string;

  constructor(
    readonly file: string,
    readonly kind: K,
    stored: StoredRecord,
    text: () => string,
  ) {
    this.data = stored.data as RecordOf<K>;
    this.bodyLine = stored.bodyLine;
    this.mayHoldFence = stored.mayHoldFence;
    this.#bodyStart = stored.bodyStart;
    this.#text = text;
    this.locate = new LazyLocator(file, FILE_KINDS[kind].syntax === 'markdown', text);
  }

  get body(): string {
    return (this.#body ??= this.#text().slice(this.#bodyStart));
  }
}

/** A locator made from the file's text (read again) the first time a check asks where something was written. */
class LazyLocator implements Locator {
  #real: Locator | undefined;
  readonly #file: string;
  readonly #markdown: boolean;
  readonly #text: () => string;

  constructor(file: string, markdown: boolean, text: () => string) {
    this.#file = file;
    this.#markdown = markdown;
    this.#text = text;
  }

  private get real(): Locator {
    return (this.#real ??= fullLocator(this.#file, this.#markdown, this.#text()));
  }

  value(path: FieldPath) {
    return this.real.value(path);
  }

  key(path: FieldPath) {
    return this.real.key(path);
  }

  source(path: FieldPath) {
    return this.real.source(path);
  }

  splitByComma(path: FieldPath) {
    return this.real.splitByComma(path);
  }

  lineOf(needle: string, within?: string) {
    return lineOfText(this.#text(), needle, within);
  }
}

function fullLocator(file: string, markdown: boolean, text: string): Locator {
  let yaml = text;
  let offset = 0;
  if (markdown) {
    const split = splitFrontMatter(text);
    if (split.ok) ({ yaml, yamlOffset: offset } = split.value);
  }
  return parseYaml({ file, index: new LineIndex(text), yaml, offset }).locate;
}

/** Locator.lineOf over a file's whole text. */
export function lineOfText(text: string, needle: string, within?: string): number | undefined {
  const from = within === undefined ? 0 : Math.max(0, find(text, within.trim().split(/\s+/).slice(0, 8).join(' '), 0));
  const at = find(text, needle, from);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** Where the words of `needle` stand in `text` from `from` on, any white space between them; -1 when not. */
function find(text: string, needle: string, from: number): number {
  const words = needle.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return -1;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu');
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

/** The full parser: a YAML document with positions, and every diagnostic. */
export function fullParseCaseFile<K extends FileKindName>(file: string, kind: K, text: string): ParseResult<K> {
  const spec = FILE_KINDS[kind];
  const index = new LineIndex(text);
  let yaml = text;
  let offset = 0;
  let body = '';
  let bodyLine = 1;
  if (spec.syntax === 'markdown') {
    const split = splitFrontMatter(text);
    if (!split.ok) {
      return {
        diagnostics: [
          diagnostic('CP1107', {
            file,
            span: index.span(0, 0),
            message:
              split.reason === 'missing'
                ? 'the note does not start with front matter (a "---" line, the fields, and another "---" line)'
                : 'the front matter opened by "---" on line 1 is never closed by a second "---" line',
            hint: `start the file with:\n---\n${exampleFields(kind)}\n---`,
          }),
        ],
      };
    }
    ({ yaml, yamlOffset: offset, body, bodyLine } = split.value);
    if (yaml.trim() === '') {
      return { diagnostics: [diagnostic('CP1004', { file, span: index.span(0, 3), message: 'the front matter is empty', hint: `add the fields:\n${exampleFields(kind)}` })] };
    }
  }
  const parsed = parseYaml({ file, index, yaml, offset });
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data === undefined || hasErrors(diagnostics)) return { diagnostics };

  const result = spec.schema.safeParse(parsed.data);
  if (!result.success) {
    diagnostics.push(
      ...issuesToDiagnostics(result.error.issues, { file, schema: spec.schema, locate: parsed.locate, data: parsed.data }),
    );
    return { diagnostics };
  }
  return {
    loaded: { file, kind, data: result.data as RecordOf<K>, body, bodyLine, locate: { ...parsed.locate, lineOf: (needle, within) => lineOfText(text, needle, within) }, mayHoldFence: text.includes(FENCE) },
    diagnostics,
  };
}

function exampleFields(kind: FileKindName): string {
  switch (kind) {
    case 'contact':
      return 'date: 2026-10-03\ntype: home_visit\nwith: [child, foster_parent]\nlocation: residence\nchild_seen: true\nauthor: jdoe';
    case 'visit':
      return 'date: 2026-10-10\nparticipants: [mother]\nlevel: supervised\nattended: yes';
    case 'court-note':
      return 'hearing: 2026-12-01\nsection: child_wishes';
    case 'study':
      return 'date: 2026-09-30\ntype: annual_reevaluation\nauthor: kpatel\nrecommendation: approve';
    default:
      return '';
  }
}
