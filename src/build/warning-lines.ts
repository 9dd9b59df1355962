/**
 * The warnings a build says, kept until its end (warnings.txt, the snapshot,
 * --strict): in a scratch file beside the caches, not in memory. A state
 * agency's build says over a hundred thousand, read back once when it ends.
 */
import type { ScratchFile } from './ports.js';

/** Lines are written in batches of about this many characters (and so read back). */
const BATCH_CHARS = 1 << 16;
/** About how long a piece of warnings.txt is, as it is written. */
const PIECE_CHARS = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class WarningLines {
  #count = 0;
  /** Lines not yet written (all of them when no scratch file could be made). */
  #batch: string[] = [];
  #batchChars = 0;
  #file: ScratchFile | undefined;
  #opened = false;
  /** Where each batch written lies: read back one at a time, never as one string (20,000 children's warnings are 25 MB of text). */
  readonly #written: (readonly [offset: number, length: number])[] = [];

  /** `open`: the scratch file, made with the first batch. */
  constructor(private readonly open: () => ScratchFile) {}

  get length(): number {
    return this.#count;
  }

  push(line: string): void {
    this.#count++;
    this.#batch.push(line);
    this.#batchChars += line.length + 1;
    if (this.#batchChars >= BATCH_CHARS) this.#flush();
  }

  /** Every line, in the order said. */
  all(): string[] {
    // (Fewer than a batch, or no scratch file: all are in memory.)
    if (!this.#file) return [...this.#batch];
    this.#flush();
    const lines: string[] = [];
    for (const [offset, length] of this.#written) for (const line of decoder.decode(this.#file.read(offset, length)).slice(0, -1).split('\n')) lines.push(line);
    return lines;
  }

  close(): void {
    this.#file?.close();
  }

  #flush(): void {
    if (this.#batch.length === 0) return;
    if (!this.#opened) {
      this.#opened = true;
      try {
        this.#file = this.open();
      } catch {
        // kept in memory
      }
    }
    if (!this.#file) return;
    const bytes = encoder.encode(`${this.#batch.join('\n')}\n`);
    this.#written.push([this.#file.append(bytes), bytes.length]);
    this.#batch = [];
    this.#batchChars = 0;
  }
}

/** Lines as a text file holds them, in pieces of about a megabyte (a file writer takes pieces: io/write-atomic.ts). */
export function* linesInPieces(lines: readonly string[]): Generator<string> {
  let piece: string[] = [];
  let chars = 0;
  for (const line of lines) {
    piece.push(line);
    chars += line.length + 1;
    if (chars >= PIECE_CHARS) {
      yield `${piece.join('\n')}\n`;
      piece = [];
      chars = 0;
    }
  }
  if (piece.length) yield `${piece.join('\n')}\n`;
}
