/**
 * The warnings a build says, kept until its end (warnings.txt, the snapshot,
 * --strict): in a scratch file beside the caches, not in memory. A state
 * agency's build says over a hundred thousand, read back once when it ends.
 */
import type { ScratchFile } from './ports.js';

/** Lines are written in batches of about this many characters. */
const BATCH_CHARS = 1 << 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class WarningLines {
  #count = 0;
  /** Lines not yet written (all of them when no scratch file could be made). */
  #batch: string[] = [];
  #batchChars = 0;
  #file: ScratchFile | undefined;
  #opened = false;
  #written = 0;

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
    const text = decoder.decode(this.#file.read(0, this.#written));
    return text ? text.slice(0, -1).split('\n') : [];
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
    this.#file.append(bytes);
    this.#written += bytes.length;
    this.#batch = [];
    this.#batchChars = 0;
  }
}
