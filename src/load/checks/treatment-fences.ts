/**
 * Treatment passages (model/passages.ts): every fence is written right, and
 * stands where a document reads it — a note's body, or one of the free-text
 * fields below. A fence anywhere else would print as ":::" in a copy it was
 * meant to be withheld from, so it is an error, as is an unbalanced fence.
 */
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { formatFieldPath, type FieldPath } from '../../core/field-path.js';
import type { Point, Span } from '../../core/source.js';
import { FILE_KINDS, type FileKindName } from '../../model/file-kinds.js';
import { FENCE, splitPassages, type FenceProblem } from '../../model/passages.js';
import { narrativeText } from '../../model/primitives.js';
import type { LoadedFile } from '../../model/case-root.js';
import { fieldsOfSchema } from '../schema-walk.js';
import type { Check } from './context.js';

/**
 * The free-text fields whose treatment passages the documents withhold are the
 * ones the schema types `narrativeText` (compute/documents/narrative.ts is
 * applied to each), by file kind; `[]` stands for any list index. Note bodies
 * hold passages too, except a home study's (it describes a foster family, not a parent).
 */
const narrativeFields = (kind: FileKindName): readonly string[] => (fieldsByKind[kind] ??= fieldsOfSchema(FILE_KINDS[kind].schema, narrativeText));
const fieldsByKind: Partial<Record<FileKindName, readonly string[]>> = {};
const BODY_KINDS: ReadonlySet<FileKindName> = new Set(['contact', 'visit', 'court-note']);

export const treatmentFencesAreBalanced: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  const files = [
    ...root.children.flatMap((c) => [c.case, c.plan, c.transition, ...c.contacts, ...c.visits, ...c.assessments, ...c.courtNotes]),
    ...root.homes.flatMap((h) => [h.home, h.study]),
  ];
  for (const file of files) if (file) checkFile(file, out);
  return out;
};

function checkFile(file: LoadedFile, out: Diagnostic[]): void {
  if (file.mayHoldFence === false) return;
  const fields = narrativeFields(file.kind);
  if (holdsFence(file.data)) eachString(file.data, [], (value, path) => {
    if (!value.includes(FENCE)) return;
    const field = formatFieldPath(path);
    if (!fields.includes(field.replace(/\[\d+\]/g, '[]'))) {
      if (looksLikeFence(value)) out.push(notHere(file, field, file.locate.value(path), fields));
      return;
    }
    const { problems } = splitPassages(value);
    // Positions only for a problem: locating parses the file again, with positions.
    if (problems.length === 0) return;
    const span = file.locate.value(path);
    const raw = file.locate.source(path);
    for (const p of problems) out.push(wrong(file, p, field, span && inValue(span, raw, p)));
  });
  if (!file.body.includes(FENCE)) return;
  if (!BODY_KINDS.has(file.kind)) {
    if (looksLikeFence(file.body)) out.push(notHere(file, undefined, undefined, []));
    return;
  }
  const { problems } = splitPassages(file.body);
  if (problems.length === 0) return;
  const lines = file.body.split(/\r\n?|\n/);
  const start = file.locate.value([])?.end.offset ?? 0;
  for (const p of problems) {
    const offset = start + lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
    out.push(wrong(file, p, undefined, at({ line: file.bodyLine + p.line, column: p.column, offset })));
  }
}

function wrong(file: LoadedFile, p: FenceProblem, field: string | undefined, span: Span | undefined): Diagnostic {
  return diagnostic('CP1315', { file: file.file, span, field, message: field ? `\`${field}\`: ${p.message}` : p.message, hint: p.hint });
}

function notHere(file: LoadedFile, field: string | undefined, span: Span | undefined, fields: readonly string[]): Diagnostic {
  return diagnostic('CP1316', {
    file: file.file,
    span,
    field,
    message: `${field ? `\`${field}\`` : 'this note'} cannot hold a treatment passage: no document withholds one here, so its fence would print`,
    hint: fields.length ? `mark treatment detail in a note, or in ${fields.map((f) => `\`${f}\``).join(', ')}` : 'mark treatment detail in a contact, family-time or court note, or in case.yaml\'s hearing outcomes and orders',
  });
}

/**
 * Where a problem at `p` (line and column of the value's text) was written. A
 * literal block (`|`) keeps the value's lines one for one after its header
 * line; a one-line value starts where it is written (after its quote). Any
 * other form is pointed at as a whole.
 */
function inValue(span: Span, raw: string | undefined, p: FenceProblem): Span {
  if (raw === undefined) return span;
  const rawLines = raw.split(/\r\n?|\n/);
  if (/^\|/.test(raw)) {
    if (rawLines[p.line + 1] === undefined) return span;
    // The block's indentation is its first written line's, which the value does not hold.
    const indent = /^ */.exec(rawLines.slice(1).find((l) => l.trim() !== '') ?? '')![0].length;
    const column = indent + p.column;
    const offset = span.start.offset + rawLines.slice(0, p.line + 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    return at({ line: span.start.line + p.line + 1, column, offset });
  }
  if (rawLines.length === 1 && p.line === 0) {
    const quote = /^["']/.test(raw) ? 1 : 0;
    return at({ line: span.start.line, column: span.start.column + quote + p.column - 1, offset: span.start.offset + quote + p.column - 1 });
  }
  return span;
}

/** A fence line, or a treatment opener anywhere: what would print as ":::" outside a narrative. */
const looksLikeFence = (text: string): boolean => text.includes(':::treatment') || /^[ \t]*:::[ \t]*$/m.test(text);

const at = (point: Point): Span => ({ start: point, end: { ...point, column: point.column + FENCE.length, offset: point.offset + FENCE.length } });

function holdsFence(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(FENCE);
  if (Array.isArray(value)) return value.some(holdsFence);
  if (value !== null && typeof value === 'object') {
    for (const key in value) if (holdsFence((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function eachString(value: unknown, path: FieldPath, visit: (value: string, path: FieldPath) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, [...path, i], visit));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) eachString(v, [...path, k], visit);
}
