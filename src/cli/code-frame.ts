/**
 * The source lines around a diagnostic, TypeScript style: a line-number gutter,
 * the line itself, and `~` under the span (first line of the span only).
 */
import { LineIndex, type Span } from '../core/source.js';

const CONTEXT_LINES = 1;
const MAX_WIDTH = 160;

export function codeFrame(text: string, span: Span, mark: (s: string) => string = (s) => s): string {
  const index = new LineIndex(text);
  const { line, column } = span.start;
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(index.lineCount, line + (span.end.line > line ? 1 : 0));
  const gutter = String(last).length;
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const source = visible(index.lineText(n));
    rows.push(`${n === line ? '>' : ' '} ${String(n).padStart(gutter)} | ${source}`);
    if (n === line) {
      const lineText = visible(index.lineText(n));
      const start = Math.min(column - 1, lineText.length);
      const end = span.end.line === line ? Math.max(span.end.column - 1, start + 1) : lineText.length;
      const width = Math.max(1, Math.min(end, lineText.length || start + 1) - start);
      rows.push(`  ${' '.repeat(gutter)} | ${' '.repeat(start)}${mark('~'.repeat(width))}`);
    }
  }
  return rows.join('\n');
}

/** Tabs shown as one space keep the underline aligned; very long lines are cut. */
function visible(line: string): string {
  const shown = line.replace(/\t/g, ' ');
  return shown.length > MAX_WIDTH ? `${shown.slice(0, MAX_WIDTH)}…` : shown;
}
