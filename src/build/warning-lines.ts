/**
 * The warnings a build says, kept until its end (warnings.txt, the snapshot,
 * --strict): in a scratch file beside the caches, not in memory. A state
 * agency's build says over a hundred thousand (25 MB of text at 20,000
 * children), read back batch by batch when it ends: in the order said for the
 * snapshot, and sorted for warnings.txt by merging sorted runs of a few
 * megabytes, so that neither ever holds them all.
 */
import type { ScratchFile } from './ports.js';

/** Lines are written in batches of about this many characters (and so read back). */
const BATCH_CHARS = 1 << 16;
/** About how many characters of lines are sorted at once: longer, they are sorted in runs, written and merged. */
const RUN_CHARS = 1 << 22;
/** About how long a piece of warnings.txt is, as it is written. */
const PIECE_CHARS = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where a batch of lines lies in the scratch file. */
type Batch = readonly [offset: number, length: number];

export class WarningLines {
  #count = 0;
  /** Lines not yet written (all of them when no scratch file could be made). */
  #batch: string[] = [];
  #batchChars = 0;
  #file: ScratchFile | undefined;
  #opened = false;
  /** Where each batch written lies, in the order said: read back one at a time, never as one string. */
  readonly #written: Batch[] = [];

  /** `open`: the scratch file, made with the first batch; `runChars`: how many characters of lines are sorted at once. */
  constructor(
    private readonly open: () => ScratchFile,
    private readonly runChars = RUN_CHARS,
  ) {}

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
  *said(): Generator<string> {
    // (Fewer than a batch, or no scratch file: all are in memory.)
    if (!this.#file) {
      yield* [...this.#batch];
      return;
    }
    this.#flush();
    yield* this.#linesOf(this.#written);
  }

  /** Every line, sorted as `Array.prototype.sort` sorts them (by UTF-16 code units). */
  *sorted(): Generator<string> {
    const runs: Batch[][] = [];
    let run: string[] = [];
    let chars = 0;
    for (const line of this.said()) {
      run.push(line);
      chars += line.length + 1;
      if (chars >= this.runChars && this.#file) {
        runs.push(this.#write(run.sort()));
        run = [];
        chars = 0;
      }
    }
    run.sort();
    if (runs.length === 0) {
      yield* run;
      return;
    }
    if (run.length) runs.push(this.#write(run));
    run = [];
    // Each run's lines in order, a batch at a time; the least of their first lines goes next.
    const heads = runs.map((batches) => {
      const lines = this.#linesOf(batches);
      return { lines, line: lines.next() };
    });
    for (;;) {
      let least: (typeof heads)[number] | undefined;
      for (const head of heads) if (!head.line.done && (!least || head.line.value < (least.line.value as string))) least = head;
      if (!least) return;
      yield least.line.value as string;
      least.line = least.lines.next();
    }
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
    this.#written.push(...this.#write(this.#batch));
    this.#batch = [];
    this.#batchChars = 0;
  }

  /** Writes lines to the scratch file in batches; returns where they lie. */
  #write(lines: readonly string[]): Batch[] {
    const batches: Batch[] = [];
    for (let at = 0; at < lines.length; ) {
      let end = at;
      for (let chars = 0; end < lines.length && chars < BATCH_CHARS; end++) chars += lines[end]!.length + 1;
      const bytes = encoder.encode(`${lines.slice(at, end).join('\n')}\n`);
      batches.push([this.#file!.append(bytes), bytes.length]);
      at = end;
    }
    return batches;
  }

  *#linesOf(batches: readonly Batch[]): Generator<string> {
    for (const [offset, length] of batches) yield* decoder.decode(this.#file!.read(offset, length)).slice(0, -1).split('\n');
  }
}

/** Lines as a text file holds them, in pieces of about a megabyte (a file writer takes pieces: io/write-atomic.ts). */
export function* linesInPieces(lines: Iterable<string>): Generator<string> {
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
