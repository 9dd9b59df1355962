/**
 * A manifest as serializeManifest wrote it, read without parsing it whole: on
 * a 1,000-child root it is 13 MB, and a build after one edit needs a handful
 * of its entries. The text is cut into entries by their key lines (the
 * layout JSON.stringify with an indent of 2 gives: an entry starts at a line
 * `    "<output>": {` and ends at the next line `    }`, since no value holds
 * a raw line break); an entry is parsed when asked for, and the manifest is
 * written again by copying the text of every entry left as it was. Text laid
 * out any other way is not indexed (the caller parses it whole).
 */
import type { ManifestEntry, RecordedOutputs } from './manifest.js';

export interface ManifestText extends RecordedOutputs {
  /** Output paths, sorted as the file has them. */
  readonly keys: readonly string[];
  /** The outputs whose entry holds this text (e.g. `"children/C-1/case.yaml":`, an input's name as a key). */
  entriesHolding(text: string): string[];
  /** An entry's text as the file has it (entryText's layout), to be written again without being parsed. */
  textOf(key: string): Uint8Array | undefined;
}

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
const HEAD = /^\{\n {2}"version": 1,\n {2}"tool": "[^"\\\n]*",\n {2}"outputs": \{/;

/**
 * The manifest's bytes, indexed (its text is never decoded whole: a single
 * name outside Latin-1 would make 13 MB of text take 26).
 */
export function indexManifest(bytes: Uint8Array): ManifestText | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = HEAD.exec(buffer.toString('latin1', 0, Math.min(buffer.length, 200)));
  if (!head) return undefined;
  const keys: string[] = [];
  /** Key → [start of its key line (after the line break), end of its closing brace]. */
  const spans = new Map<string, readonly [number, number]>();
  let at = head[0].length;
  const rest = (from: number) => buffer.toString('latin1', from);
  if (buffer.length - at < 16 && rest(at) === '}\n}\n') return lazyManifest(buffer, keys, spans);
  for (;;) {
    if (buffer.indexOf(ENTRY_START, at) !== at) return undefined;
    const keyEnd = buffer.indexOf(KEY_END, at + ENTRY_START.length);
    const end = keyEnd < 0 ? -1 : buffer.indexOf(ENTRY_END, keyEnd);
    if (end < 0) return undefined;
    let key: unknown;
    try {
      key = JSON.parse(buffer.toString('utf8', at + ENTRY_START.length - 1, keyEnd + 1));
    } catch {
      return undefined;
    }
    if (typeof key !== 'string' || spans.has(key) || (keys.length > 0 && !(keys[keys.length - 1]! < key))) return undefined;
    keys.push(key);
    spans.set(key, [at + 1, end + ENTRY_END.length]);
    at = end + ENTRY_END.length;
    if (buffer[at] === 0x2c) {
      at++;
      continue;
    }
    return buffer.length - at < 16 && rest(at) === '\n  }\n}\n' ? lazyManifest(buffer, keys, spans) : undefined;
  }
}

function lazyManifest(buffer: Buffer, keys: readonly string[], spans: ReadonlyMap<string, readonly [number, number]>): ManifestText {
  const starts = keys.map((key) => spans.get(key)![0]);
  // The entries parsed last: a build asks for a job's entries several times in a row (plan.ts), and each is the same value.
  const recent = new Map<string, ManifestEntry>();
  return {
    keys,
    entry(key) {
      const known = recent.get(key);
      if (known) return known;
      const span = spans.get(key);
      if (!span) return undefined;
      const parsed = JSON.parse(buffer.toString('utf8', buffer.indexOf(KEY_END, span[0]) + 3, span[1])) as ManifestEntry;
      if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
      recent.set(key, parsed);
      return parsed;
    },
    entriesHolding(text) {
      const needle = bytesOf(text);
      const found: string[] = [];
      for (let at = buffer.indexOf(needle); at >= 0; ) {
        // The entry this offset falls in: the last one starting before it.
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= at) lo = mid;
          else hi = mid - 1;
        }
        const key = keys[lo];
        if (key === undefined || starts[lo]! > at) break;
        found.push(key);
        at = buffer.indexOf(needle, spans.get(key)![1]);
      }
      return found;
    },
    textOf(key) {
      const span = spans.get(key);
      return span && buffer.subarray(span[0], span[1]);
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
