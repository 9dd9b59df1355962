/**
 * Source text and positions: turning character offsets into 1-based lines and
 * columns, the way editors and TypeScript report them.
 */

export interface Point {
  readonly line: number; // 1-based
  readonly column: number; // 1-based, in UTF-16 code units like editors count
  readonly offset: number; // 0-based character offset into the text
}

export interface Span {
  readonly start: Point;
  readonly end: Point;
}

/** Line starts of a text, for offset → line/column look-ups by binary search. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.starts[lo]! + 1, offset: clamped };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** The text of a 1-based line without its line ending (LF or CRLF). */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
