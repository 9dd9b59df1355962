/**
 * `validate` checks the narratives the documents print (issue 13): each court
 * note's body and each home study's body, prepared line for line as its
 * builder and {{{markdown x}}} prepare it, is read with the rules of every
 * narrative (document/convert/narrative.ts), and a problem is reported at the
 * data file's own line and column — not at the template that prints it, and
 * not first at build.
 *
 * The preparation keeps every line in its place: treatment fence lines are
 * blanked (load/checks/treatment-fences.ts reports their mistakes), a court
 * note's block-quote markers come off (compute/documents/court-report.ts sets
 * a quote in a box), a home study's headings are blanked (they become section
 * titles and bold lines, compute/documents/home-study.ts), each part's first
 * line loses its indentation (the builders trim each part), and each line is
 * guarded as {{{markdown x}}} guards it (guardLine).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Point } from '../core/source.js';
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
const CODE_FENCE = /^ {0,3}(```|~~~)/;
const QUOTE = /^ {0,3}> ?/;
const HEADING = /^ {0,3}#{1,6}[ \t]+/;

/** Diagnostics of one file's narrative, kept while the loaded file is (a watch session keeps unchanged files). */
const checked = new WeakMap<LoadedFile, Diagnostic[]>();

/** The narrative diagnostics of every court note and home study; `textOf` gives a file's whole text, for offsets. */
export function narrativeDiagnostics(root: CaseRoot, textOf: (file: string) => string | undefined): Diagnostic[] {
  const files: LoadedFile[] = [...root.children.flatMap((c) => c.courtNotes), ...root.homes.flatMap((h) => (h.study ? [h.study] : []))];
  return files.flatMap((file) => {
    let found = checked.get(file);
    if (!found) checked.set(file, (found = checkFile(file, textOf)));
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
  let fenced = false;
  let quoted = false;
  // Each section of a study, and each part of a court note (a quote, the text around it), is trimmed before it prints.
  let partStart = true;
  return file.body.split(/\r\n|\r|\n/).map((raw) => {
    if (FENCE_LINE.test(raw)) return { text: '', raw, shift: 0 };
    if (CODE_FENCE.test(raw)) fenced = !fenced;
    let shift = 0;
    if (file.kind === 'study' && !fenced && HEADING.test(raw)) {
      partStart = true;
      return { text: '', raw, shift: 0 };
    }
    if (file.kind === 'court-note') {
      const quote = fenced ? undefined : QUOTE.exec(raw);
      if (!!quote !== quoted) partStart = true;
      quoted = !!quote;
      shift = quote?.[0].length ?? 0;
    }
    if (partStart && raw.slice(shift).trim() !== '') {
      partStart = false;
      shift += /^\s*/.exec(raw.slice(shift))![0].length;
    }
    return { text: guardLine(raw.slice(shift)), raw, shift };
  });
}

/** The 1-based column in the raw line of a column in its prepared text: guardLine only adds backslashes. */
function rawColumn(line: Prepared, column: number): number {
  const stripped = line.raw.slice(line.shift);
  let j = 0;
  for (let i = 0; i < column - 1 && i < line.text.length; i++) if (line.text[i] === stripped[j]) j++;
  return line.shift + j + 1;
}
