/** Diagnostics in the short form specs compare: code, file:line:column, field, message, hint. */
import type { Diagnostic } from '../../src/core/diagnostic.js';

export function brief(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((d) => ({
    code: d.code,
    at: `${d.file}:${d.span?.start.line ?? '?'}:${d.span?.start.column ?? '?'}`,
    ...(d.field ? { field: d.field } : {}),
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
  }));
}
