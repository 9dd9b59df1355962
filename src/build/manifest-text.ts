/**
 * A manifest as serializeManifest wrote it, read without holding it: a state
 * agency's is hundreds of megabytes (251 MB at 20,000 children), and a build
 * after an edit needs a handful of its entries. The file is read through a
 * window of a megabyte and cut into entries by their key lines (the layout
 * JSON.stringify with an indent of 2 gives: an entry starts at a line
 * `    "<output>": {` and ends at the next line `    }`, since no value holds
 * a raw line break); what is kept is each entry's key and where it lies. An
 * entry is read and parsed when asked for, and the manifest is written again
 * by copying the text of every entry left as it was, in the file's order.
 * Text laid out any other way is not indexed (the caller parses it whole).
 */
import type { ManifestEntry, RecordedOutputs } from './manifest.js';
import type { ReadableFile } from './ports.js';

export interface ManifestText extends RecordedOutputs {
  /** Output paths, sorted as the file has them. */
  readonly keys: readonly string[];
  /** The outputs whose entry holds this text (e.g. `"children/C-1/case.yaml":`, an input's name as a key). */
  entriesHolding(text: string): string[];
  /** An entry's text as the file has it (entryText's layout), to be written again without being parsed. */
  textOf(key: string): Uint8Array | undefined;
}

/** What the index reads: a file by offset (its bytes must not change while it is read). */
export type ManifestBytes = Pick<ReadableFile, 'size' | 'read'>;

const bytesOf = (text: string) => Buffer.from(text, 'utf8');
const ENTRY_START = bytesOf('\n    "');
const KEY_END = bytesOf('": {\n');
const ENTRY_END = bytesOf('\n    }');
const OPEN = bytesOf('{\n');
const COMMA = bytesOf(',\n');
/** How many parsed entries `entry` keeps (a job's formats, a few jobs at once). */
const RECENT = 16;
/** About how long a piece of `write` is (bytes). */
const CHUNK = 1 << 20;
/**
 * How much of the file is read at once (bytes): a search reads on through the
 * file a megabyte at a time; an entry asked for outside what was read last
 * reads on from there less far (a job's entries are asked for nearly, not
 * quite, in the file's order: entries are about 3 KB).
 */
export interface WindowSizes {
  readonly search: number;
  readonly entry: number;
}
const WINDOW: WindowSizes = { search: 1 << 20, entry: 64 << 10 };
const HEAD = /^\{\n {2}"version": 1,\n {2}"tool": "[^"\\\n]*",\n {2}"outputs": \{/;

/**
 * A file read through a window: each read outside the window replaces it with
 * the bytes from there on, so reading in the file's order reads it about once.
 * A window is never written over, so a slice of it stays valid.
 */
class FileWindow {
  #start = 0;
  #bytes: Buffer = Buffer.alloc(0);

  constructor(
    private readonly file: ManifestBytes,
    private readonly sizes = WINDOW,
  ) {}

  /** The bytes from `from`, `length` of them (fewer at the end of the file). */
  slice(from: number, length: number): Buffer {
    const end = Math.min(from + length, this.file.size);
    if (from < this.#start || end > this.#start + this.#bytes.length) this.#load(from, Math.max(end - from, this.sizes.entry));
    return this.#bytes.subarray(from - this.#start, end - this.#start);
  }

  /** Where `needle` next starts at or after `from`; -1 when nowhere. */
  indexOf(needle: Uint8Array, from: number): number {
    if (from < this.#start || from >= this.#start + this.#bytes.length) this.#load(from, this.sizes.search);
    for (;;) {
      const at = this.#bytes.indexOf(needle, from - this.#start);
      if (at >= 0) return this.#start + at;
      const end = this.#start + this.#bytes.length;
      if (end >= this.file.size || this.#bytes.length === 0) return -1;
      // The next window overlaps this one by the needle's length less one, so a needle across the seam is found.
      from = Math.max(from, end - needle.length + 1);
      this.#load(from, Math.max(this.sizes.search, 2 * needle.length));
    }
  }

  #load(from: number, length: number): void {
    const bytes = this.file.read(from, Math.max(0, Math.min(length, this.file.size - from)));
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#start = from;
  }
}

/** The manifest's entries, indexed (its text is never held whole, nor decoded: a name outside Latin-1 would double it). */
export function indexManifest(file: ManifestBytes, sizes = WINDOW): ManifestText | undefined {
  const window = new FileWindow(file, sizes);
  const head = HEAD.exec(window.slice(0, 200).toString('latin1'));
  if (!head) return undefined;
  const keys: string[] = [];
  /** Each entry's start (its key line, after the line break) and end (after its closing brace), in the keys' order. */
  const starts: number[] = [];
  const ends: number[] = [];
  const startsAt = (needle: Uint8Array, at: number) => window.slice(at, needle.length).equals(needle);
  const endsWith = (at: number, text: string) => file.size - at === text.length && window.slice(at, text.length).toString('latin1') === text;
  let at = head[0].length;
  if (!endsWith(at, '}\n}\n')) {
    for (;;) {
      if (!startsAt(ENTRY_START, at)) return undefined;
      const keyEnd = window.indexOf(KEY_END, at + ENTRY_START.length);
      const end = keyEnd < 0 ? -1 : window.indexOf(ENTRY_END, keyEnd);
      if (end < 0) return undefined;
      let key: unknown;
      try {
        key = JSON.parse(window.slice(at + ENTRY_START.length - 1, keyEnd + 2 - (at + ENTRY_START.length)).toString('utf8'));
      } catch {
        return undefined;
      }
      if (typeof key !== 'string' || (keys.length > 0 && !(keys[keys.length - 1]! < key))) return undefined;
      keys.push(key);
      starts.push(at + 1);
      ends.push(end + ENTRY_END.length);
      at = end + ENTRY_END.length;
      if (window.slice(at, 1)[0] === COMMA[0]) {
        at++;
        continue;
      }
      if (!endsWith(at, '\n  }\n}\n')) return undefined;
      break;
    }
  }
  return lazyManifest(window, keys, starts, ends);
}

function lazyManifest(window: FileWindow, keys: readonly string[], starts: readonly number[], ends: readonly number[]): ManifestText {
  // (Keys are sorted and each is greater than the one before, so none repeats.)
  const indexOf = new Map(keys.map((key, i) => [key, i]));
  // The entries parsed last: a build asks for a job's entries several times in a row (plan.ts), and each is the same value.
  const recent = new Map<string, ManifestEntry>();
  const textAt = (i: number) => window.slice(starts[i]!, ends[i]! - starts[i]!);
  return {
    keys,
    entry(key) {
      const known = recent.get(key);
      if (known) return known;
      const i = indexOf.get(key);
      if (i === undefined) return undefined;
      const text = textAt(i);
      const parsed = JSON.parse(text.toString('utf8', text.indexOf(KEY_END) + 3)) as ManifestEntry;
      if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
      recent.set(key, parsed);
      return parsed;
    },
    entriesHolding(text) {
      const needle = bytesOf(text);
      const found: string[] = [];
      for (let at = window.indexOf(needle, 0); at >= 0; ) {
        // The entry this offset falls in: the last one starting before it.
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= at) lo = mid;
          else hi = mid - 1;
        }
        if (lo >= keys.length || starts[lo]! > at) break;
        found.push(keys[lo]!);
        at = window.indexOf(needle, ends[lo]!);
      }
      return found;
    },
    textOf(key) {
      const i = indexOf.get(key);
      return i === undefined ? undefined : textAt(i);
    },
  };
}

/** An entry as serializeManifest prints it inside the manifest: its key line, indented, to its closing brace. */
export function entryText(key: string, entry: ManifestEntry): Uint8Array {
  return bytesOf(`    ${JSON.stringify(key)}: ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`);
}

/**
 * A manifest as serializeManifest writes it, from each entry's text (entryText;
 * a key with none is left out), in pieces of about a megabyte: a state
 * agency's is hundreds of megabytes, and as one string it was the build's peak
 * of memory. `keys`: sorted.
 */
export function* manifestPieces(tool: string, keys: Iterable<string>, textOf: (key: string) => Uint8Array | undefined): Generator<Uint8Array> {
  let parts: Uint8Array[] = [bytesOf(`{\n  "version": 1,\n  "tool": ${JSON.stringify(tool)},\n  "outputs": `)];
  let size = 0;
  let first = true;
  for (const key of keys) {
    const text = textOf(key);
    if (text === undefined) continue;
    parts.push(first ? OPEN : COMMA, text);
    first = false;
    size += text.length;
    if (size >= CHUNK) {
      yield Buffer.concat(parts);
      parts = [];
      size = 0;
    }
  }
  parts.push(bytesOf(first ? '{}\n}\n' : '\n  }\n}\n'));
  yield Buffer.concat(parts);
}
