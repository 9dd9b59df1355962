/**
 * Diagnostics are values: every stage returns them, the CLI prints them and
 * decides the exit code. A user's mistake is never thrown.
 */
import { CODES, type Code } from './codes.js';
import type { Span } from './source.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  /** Path of the file or folder, relative to the case root, with `/` separators. */
  readonly file: string;
  readonly span?: Span;
  /** The field, as `placements[2].end`, when the diagnostic is about one. */
  readonly field?: string;
  /** One sentence: what was found and what was expected. */
  readonly message: string;
  /** How to fix it, or an example of the right form. */
  readonly hint?: string;
}

export interface DiagnosticInput {
  readonly file: string;
  readonly span?: Span;
  readonly field?: string;
  readonly message: string;
  readonly hint?: string;
  /** Overrides the catalog's severity, rarely. */
  readonly severity?: Severity;
}

export function diagnostic(code: Code, input: DiagnosticInput): Diagnostic {
  const { severity = CODES[code].severity, ...rest } = input;
  return { code, severity, ...dropUndefined(rest) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** File order, then position, then code: the order a reader fixes them in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.span?.start.offset ?? -1) - (b.span?.start.offset ?? -1) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
