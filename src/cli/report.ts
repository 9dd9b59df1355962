/**
 * Prints diagnostics for people (`path:line:col error CODE message`, a code
 * frame, a hint, a summary line) or as one JSON object for scripts.
 */
import pc from 'picocolors';
import type { DiagnosticReport } from '../build/ports.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { codeFrame } from './code-frame.js';

/** Diagnostics with how to show their paths and sources (the build engine reports them in this shape). */
export type ReportInput = DiagnosticReport;

export function countBySeverity(diagnostics: readonly Diagnostic[]) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

export function formatText(input: ReportInput, elapsedMs?: number): string {
  const blocks = input.diagnostics.map((d) => formatOne(d, input));
  const { errors, warnings } = countBySeverity(input.diagnostics);
  const files = new Set(input.diagnostics.map((d) => d.file)).size;
  const checked = `${input.filesChecked} ${plural(input.filesChecked, 'file')} checked${elapsedMs === undefined ? '' : ` in ${Math.round(elapsedMs)} ms`}`;
  const summary =
    errors + warnings === 0
      ? pc.green(`✔ no problems: ${checked}`)
      : `${errors ? pc.red(`✖ ${errors} ${plural(errors, 'error')}`) : pc.green('✔ no errors')}${warnings ? `, ${pc.yellow(`⚠ ${warnings} ${plural(warnings, 'warning')}`)}` : ''} in ${files} ${plural(files, 'file')} (${checked})`;
  return [...blocks, summary].join('\n\n') + '\n';
}

function formatOne(d: Diagnostic, input: ReportInput): string {
  const where = d.span ? `${input.displayPath(d.file)}:${d.span.start.line}:${d.span.start.column}` : input.displayPath(d.file);
  const severity = d.severity === 'error' ? pc.red('error') : pc.yellow('warning');
  const lines = [`${pc.cyan(where)} ${severity} ${pc.dim(d.code)} ${d.message}`];
  const text = d.span ? input.sourceOf(d.file) : undefined;
  if (d.span && text !== undefined) lines.push(codeFrame(text, d.span, d.severity === 'error' ? pc.red : pc.yellow));
  if (d.hint) lines.push(`  ${pc.bold('hint:')} ${d.hint.replace(/\n/g, '\n    ')}`);
  return lines.join('\n');
}

export function formatJson(input: ReportInput): string {
  const { errors, warnings } = countBySeverity(input.diagnostics);
  return `${JSON.stringify({
    ok: errors === 0,
    errors,
    warnings,
    files: input.filesChecked,
    diagnostics: input.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      file: input.displayPath(d.file),
      line: d.span?.start.line ?? null,
      column: d.span?.start.column ?? null,
      endLine: d.span?.end.line ?? null,
      endColumn: d.span?.end.column ?? null,
      field: d.field ?? null,
      message: d.message,
      hint: d.hint ?? null,
    })),
  }, null, 2)}\n`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
