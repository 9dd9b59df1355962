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
import type { ManifestEntry } from './manifest.js';

export interface ManifestText {
  /** Output paths, sorted as the file has them. */
  readonly keys: readonly string[];
  entry(key: string): ManifestEntry | undefined;
  /** The outputs whose entry holds this text (e.g. `"children/C-1/case.yaml":`, an input's name as a key). */
  entriesHolding(text: string): string[];
  /** The manifest with these entries replaced or added (undefined: removed), as serializeManifest would write it. */
  write(tool: string, changes: ReadonlyMap<string, ManifestEntry | undefined>): string;
}

const ENTRY_START = '\n    "';
const ENTRY_END = '\n    }';

export function indexManifest(text: string): ManifestText | undefined {
  const head = /^\{\n {2}"version": 1,\n {2}"tool": "[^"\\\n]*",\n {2}"outputs": \{/.exec(text);
  if (!head) return undefined;
  const keys: string[] = [];
  /** Key → [start of its key line (after the line break), end of its closing brace]. */
  const spans = new Map<string, readonly [number, number]>();
  let at = head[0].length;
  if (text.slice(at) === '}\n}\n') return lazyManifest(text, keys, spans);
  for (;;) {
    if (!text.startsWith(ENTRY_START, at)) return undefined;
    const keyEnd = text.indexOf('": {\n', at + ENTRY_START.length);
    const end = keyEnd < 0 ? -1 : text.indexOf(ENTRY_END, keyEnd);
    if (end < 0) return undefined;
    let key: unknown;
    try {
      key = JSON.parse(text.slice(at + ENTRY_START.length - 1, keyEnd + 1));
    } catch {
      return undefined;
    }
    if (typeof key !== 'string' || spans.has(key) || (keys.length > 0 && !(keys[keys.length - 1]! < key))) return undefined;
    keys.push(key);
    spans.set(key, [at + 1, end + ENTRY_END.length]);
    at = end + ENTRY_END.length;
    if (text[at] === ',') {
      at++;
      continue;
    }
    return text.slice(at) === '\n  }\n}\n' ? lazyManifest(text, keys, spans) : undefined;
  }
}

function lazyManifest(text: string, keys: readonly string[], spans: ReadonlyMap<string, readonly [number, number]>): ManifestText {
  const starts = keys.map((key) => spans.get(key)![0]);
  return {
    keys,
    entry(key) {
      const span = spans.get(key);
      if (!span) return undefined;
      const body = text.slice(text.indexOf(': {', span[0]) + 2, span[1]);
      return JSON.parse(body) as ManifestEntry;
    },
    entriesHolding(needle) {
      const found: string[] = [];
      for (let at = text.indexOf(needle); at >= 0; ) {
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
        at = text.indexOf(needle, spans.get(key)![1]);
      }
      return found;
    },
    write(tool, changes) {
      const all = [...new Set([...keys, ...changes.keys()])].sort();
      const parts: string[] = [];
      for (const key of all) {
        const change = changes.get(key);
        if (changes.has(key) && change === undefined) continue;
        const span = spans.get(key);
        parts.push(change === undefined && span ? text.slice(span[0], span[1]) : `    ${JSON.stringify(key)}: ${JSON.stringify(change, null, 2).replace(/\n/g, '\n    ')}`);
      }
      return `{\n  "version": 1,\n  "tool": ${JSON.stringify(tool)},\n  "outputs": ${parts.length ? `{\n${parts.join(',\n')}\n  }` : '{}'}\n}\n`;
    },
  };
}
