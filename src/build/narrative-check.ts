/**
 * `validate` checks the narratives the documents print (issue 13): each court
 * note's body and each home study's body, prepared line for line as its
 * builder and {{{markdown x}}} prepare it, is read with the rules of every
 * narrative (document/convert/narrative.ts), and a problem is reported at the
 * data file's own line and column — not at the template that prints it, and
 * not first at build.
 *
 * The preparation keeps every line in its place and reads the lines with the
 * builders' own functions: treatment fence lines are blanked (load/checks/
 * treatment-fences.ts reports their mistakes), a court note's block-quote
 * markers come off (noteLines: a quote prints in a box), a home study's `##`
 * headings are blanked and its other headings become bold lines (studyLines),
 * each part's first line loses its indentation (the builders trim each part),
 * and each line is guarded as {{{markdown x}}} guards it (guardLine).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Point } from '../core/source.js';
import { noteLines } from '../compute/documents/court-report.js';
import { studyLines } from '../compute/documents/home-study.js';
import { checkNarrative } from '../document/convert/narrative.js';
import type { CaseRoot, LoadedFile } from '../model/case-root.js';
import { guardLine } from '../templates/helpers/markdown.js';

/** A prepared line: its text, and how many characters came off its start. */
interface Prepared {
  readonly text: string;
  readonly raw: string;
  readonly shift: number;
}

const FENCE_LINE = /^[ \t]*:::/;

/** Diagnostics of one file's narrative, kept while the loaded file is (a watch session keeps unchanged files). */
const checked = new WeakMap<LoadedFile, Diagnostic[]>();

/** Files found clean by an earlier run (kept on disk by the caller, keyed by content): not checked again. */
export interface CleanNarratives {
  has(file: LoadedFile): boolean;
  add(file: LoadedFile): void;
}

/** The narrative diagnostics of every court note and home study; `textOf` gives a file's whole text, for offsets. */
export function narrativeDiagnostics(root: CaseRoot, textOf: (file: string) => string | undefined, clean?: CleanNarratives): Diagnostic[] {
  const files: LoadedFile[] = [...root.children.flatMap((c) => c.courtNotes), ...root.homes.flatMap((h) => (h.study ? [h.study] : []))];
  return files.flatMap((file) => {
    let found = checked.get(file);
    if (!found) {
      found = clean?.has(file) ? [] : checkFile(file, textOf);
      checked.set(file, found);
    }
    if (found.length === 0) clean?.add(file);
    return found;
  });
}

function checkFile(file: LoadedFile, textOf: (file: string) => string | undefined): Diagnostic[] {
  if (file.body.trim() === '') return [];
  const lines = prepare(file);
  const found = checkNarrative(lines.map((l) => l.text).join('\n'), file.file);
  if (found.length === 0) return found;
  // Where each of the body's lines starts in the file: the body is the end of the file's text (load/front-matter.ts).
  const bodyStart = (textOf(file.file)?.length ?? file.body.length) - file.body.length;
  const starts = [0];
  for (const m of file.body.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  /** A point in the prepared text → the same character in the file. */
  const inFile = (p: Point): Point => {
    const line = lines[p.line - 1];
    const column = line ? rawColumn(line, p.column) : p.column;
    return { line: file.bodyLine + p.line - 1, column, offset: bodyStart + (starts[p.line - 1] ?? 0) + column - 1 };
  };
  return found.map((d) => (d.span ? { ...d, span: { start: inFile(d.span.start), end: inFile(d.span.end) } } : d));
}

function prepare(file: LoadedFile): Prepared[] {
  const raws = file.body.split(/\r\n|\r|\n/);
  // Fence lines go (the lines between them print, or a marker does) before the builders read the lines.
  const body = raws.map((raw) => (FENCE_LINE.test(raw) ? '' : raw)).join('\n');
  const read = file.kind === 'study' ? studyLines(body).map((l) => ('title' in l ? { text: '', part: true } : { text: l.text, part: false })) : quoteParts(body);
  // Each section of a study, and each part of a court note (a quote, the text around it), is trimmed before it prints.
  let partStart = true;
  return read.map(({ text, part }, i) => {
    const raw = raws[i] ?? '';
    if (part) partStart = true;
    let shift = raw.endsWith(text) ? raw.length - text.length : 0;
    let line = text;
    if (partStart && line.trim() !== '') {
      partStart = false;
      const indent = /^\s*/.exec(line)![0].length;
      line = line.slice(indent);
      shift += indent;
    }
    return { text: guardLine(line), raw, shift };
  });
}

/** A court note's lines, a new part starting where a quote starts or ends. */
function quoteParts(body: string): Array<{ text: string; part: boolean }> {
  let quoted = false;
  return noteLines(body).map(({ quote, text }) => {
    const part = quote !== quoted;
    quoted = quote;
    return { text, part };
  });
}

/** The 1-based column in the raw line of a column in its prepared text: guardLine only adds backslashes. */
function rawColumn(line: Prepared, column: number): number {
  const stripped = line.raw.slice(line.shift);
  let j = 0;
  for (let i = 0; i < column - 1 && i < line.text.length; i++) if (line.text[i] === stripped[j]) j++;
  return line.shift + j + 1;
}
