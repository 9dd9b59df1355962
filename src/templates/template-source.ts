/**
 * A template's text and the positions Handlebars reports in it. Handlebars
 * counts lines from 1 and columns from 0; diagnostics count both from 1.
 */
import type { Span } from '../core/source.js';
import { LineIndex } from '../core/source.js';

export interface HandlebarsPosition {
  readonly line: number;
  readonly column: number;
}

export interface HandlebarsLocation {
  readonly start: HandlebarsPosition;
  readonly end: HandlebarsPosition;
}

export class TemplateSource {
  // Lines are found when first asked for: a template made from kept code asks only to report a problem.
  private lines?: { readonly index: LineIndex; readonly starts: readonly number[] };

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  private get index(): LineIndex {
    return this.lineTable().index;
  }

  private get starts(): readonly number[] {
    return this.lineTable().starts;
  }

  private lineTable(): { readonly index: LineIndex; readonly starts: readonly number[] } {
    if (this.lines) return this.lines;
    const starts = [0];
    for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
    return (this.lines = { index: new LineIndex(this.text), starts });
  }

  offset(position: HandlebarsPosition): number {
    const start = this.starts[position.line - 1] ?? this.text.length;
    return Math.min(start + position.column, this.text.length);
  }

  span(loc: HandlebarsLocation): Span {
    return this.index.span(this.offset(loc.start), this.offset(loc.end));
  }

  /** A span covering a whole 1-based line (for errors Handlebars gives only a line for). */
  lineSpan(line: number): Span {
    const start = this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)]!;
    return this.index.span(start, start + this.index.lineText(line).length);
  }

  /** The text of the line before a position (what stands left of a `{{…}}`). */
  before(position: HandlebarsPosition): string {
    return this.index.lineText(position.line).slice(0, position.column);
  }

  /** The text of the line after a position. */
  after(position: HandlebarsPosition): string {
    return this.index.lineText(position.line).slice(position.column);
  }
}
