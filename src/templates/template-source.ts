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
  private readonly index: LineIndex;
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.index = new LineIndex(text);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
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
