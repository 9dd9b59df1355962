/**
 * The manifest entries a build makes, kept until the manifest is written
 * last: as the manifest prints them (manifest-text.ts entryText), in a scratch
 * file beside the caches, not in memory. A state agency's are hundreds of
 * megabytes; a build keeps only where each one lies.
 */
import { entryText } from './manifest-text.js';
import type { ManifestEntry } from './manifest.js';
import type { ScratchFile } from './ports.js';

export class MadeEntries {
  readonly #where = new Map<string, readonly [offset: number, length: number] | Uint8Array>();
  #file: ScratchFile | undefined;
  #opened = false;

  /** `open`: the scratch file, made with the first entry (a folder that takes none keeps the entries in memory: its outputs fail to be written anyway). */
  constructor(private readonly open: () => ScratchFile) {}

  set(key: string, entry: ManifestEntry): void {
    const text = entryText(key, entry);
    if (!this.#opened) {
      this.#opened = true;
      try {
        this.#file = this.open();
      } catch {
        // kept in memory
      }
    }
    this.#where.set(key, this.#file ? [this.#file.append(text), text.length] : text);
  }

  keys(): IterableIterator<string> {
    return this.#where.keys();
  }

  /** An entry's text, as the manifest prints it. */
  textOf(key: string): Uint8Array | undefined {
    const where = this.#where.get(key);
    return where instanceof Uint8Array || where === undefined ? where : this.#file!.read(where[0], where[1]);
  }

  close(): void {
    this.#file?.close();
  }
}
