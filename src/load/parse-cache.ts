/**
 * What parsing each case file gave, kept between runs (io/parse-cache-files.ts
 * stores it under the output folder), so a build after one edit decodes,
 * parses and validates only the files whose bytes changed. An entry is used
 * only for the same path, the same kind and the same sha256 of the bytes: a
 * stale, foreign or damaged entry is a miss, never a record. The cross-file
 * checks are not cached: they run on every load.
 *
 * Entries are grouped in shards, one per child or home folder (and one for the
 * rest; the assessments, court notes and home study apart: shardOf), so a build rewrites only the shards whose files changed. A shard holds
 * exactly the entries of the files loaded now: the stored cache depends on the
 * root's current bytes only, never on the order of the edits that led there.
 * It is a list of [path, parse] pairs sorted by path, not an object keyed by
 * path: 2,400 objects each with its own 20 keys cost V8 a hidden class per
 * key, when the shards are made and when they are read back.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { FileKindName } from '../model/file-kinds.js';
import { SKIPPABLE_PLACES } from './classify.js';

/** One file's parse as stored: its record without the locator (made again from the bytes when a check asks) and without its body (cut from the text when read). */
export interface StoredParse {
  readonly sha256: string;
  readonly kind: FileKindName;
  readonly record?: StoredRecord;
  /** The file's own diagnostics (decoding, YAML, schema). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A shard's entries as stored: [path, parse], sorted by path. */
export type StoredShard = readonly (readonly [path: string, parse: StoredParse])[];

export interface StoredRecord {
  readonly data: unknown;
  /** Where the body starts in the decoded text (its length for a YAML file). */
  readonly bodyStart: number;
  readonly bodyLine: number;
  readonly mayHoldFence: boolean;
}

/**
 * The shard a file's entry lives in: its child's or home's folder, or `root`;
 * the kinds a command may skip (classify.ts SKIPPABLE_PLACES) have shards of
 * their own (`children/<id>/assessments`, `homes/<id>/study.md`), left unread with them.
 */
export function shardOf(path: string): string {
  // (Index arithmetic, not split: this runs three times for each of 50,000 files.)
  const owner = path.startsWith('children/') ? 'children' : path.startsWith('homes/') ? 'homes' : undefined;
  if (!owner) return 'root';
  const end = path.indexOf('/', owner.length + 1);
  if (end <= owner.length + 1) return 'root';
  const next = path.indexOf('/', end + 1);
  const stop = next < 0 ? path.length : next;
  return SKIPPABLE_NAMES[owner].has(path.slice(end + 1, stop)) ? path.slice(0, stop) : path.slice(0, end);
}

/** Every shard a child's or home's folder (`children/<id>`) may have. */
export function shardsOfFolder(folder: string): string[] {
  const top = folder.startsWith('homes/') ? 'homes' : 'children';
  return [folder, ...[...SKIPPABLE_NAMES[top]].map((name) => `${folder}/${name}`)];
}

const SKIPPABLE_NAMES = { children: new Set<string>(), homes: new Set<string>() };
for (const { owner, name } of Object.values(SKIPPABLE_PLACES)) SKIPPABLE_NAMES[owner].add(name);

/**
 * The cache as one load uses it: lookups in what was stored, and the entries
 * of every file loaded now, from which the shards to write are worked out.
 */
export class ParseCache {
  private readonly stored = new Map<string, StoredParse>();
  private readonly current = new Map<string, [string, StoredParse][]>();

  private readonly shards = new Map<string, StoredShard>();

  /**
   * `stored`: shard → its entries as read back (a shard that is not a list of
   * well-formed entries of its own files is left out); `hashOf`: the sha256 of a listed
   * file's bytes (hashed once per build: the build's inputs reuse it).
   */
  constructor(
    stored: ReadonlyMap<string, unknown>,
    readonly hashOf: (path: string) => string,
    /** Parses made ahead of the load by this run (cli/parse-ahead.ts), by path: used as stored ones are, and written as fresh ones are. */
    private readonly ahead: ReadonlyMap<string, StoredParse> = new Map(),
  ) {
    for (const [shard, entries] of stored) {
      if (!Array.isArray(entries) || !entries.every((entry) => isEntryOf(shard, entry))) continue;
      this.shards.set(shard, entries as StoredShard);
      for (const [path, parse] of entries as StoredShard) this.stored.set(path, parse);
    }
  }

  /** The stored parse of this file, when it was made from these very bytes as this kind. */
  get(path: string, kind: FileKindName, sha256: string): StoredParse | undefined {
    const found = this.stored.get(path);
    if (found && found.kind === kind && found.sha256 === sha256) return found;
    const made = this.ahead.get(path);
    return made && made.kind === kind && made.sha256 === sha256 ? made : undefined;
  }

  /** Records the parse of a file loaded now (a hit or a fresh parse). */
  keep(path: string, parse: StoredParse): void {
    const shard = shardOf(path);
    let entries = this.current.get(shard);
    if (!entries) this.current.set(shard, (entries = []));
    entries.push([path, parse]);
  }

  /** Every shard the files loaded now belong to, and those whose entries differ from the stored ones (to be written). */
  changes(): ParseCacheChanges {
    const write = new Map<string, StoredShard>();
    for (const [shard, entries] of this.current) {
      sortEntries(entries);
      if (!sameEntries(this.shards.get(shard), entries)) write.set(shard, entries);
    }
    return { shards: new Set(this.current.keys()), write };
  }
}

export interface ParseCacheChanges {
  /** Every shard of the root now: any other stored shard is for folders that are gone. */
  readonly shards: ReadonlySet<string>;
  readonly write: ReadonlyMap<string, StoredShard>;
}

/** Same paths with the same stored parses, both sorted (a hit keeps the very object it was read as). */
function sameEntries(stored: StoredShard | undefined, now: StoredShard): boolean {
  return stored !== undefined && stored.length === now.length && now.every(([path, parse], i) => stored[i]![0] === path && stored[i]![1] === parse);
}

/** A shard's entries in their stored order (by path, as the strings compare). */
export function sortEntries<T extends readonly [string, StoredParse]>(entries: T[]): T[] {
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A [path, parse] pair of a file of this shard, as read back from disk. */
function isEntryOf(shard: string, entry: unknown): boolean {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && shardOf(entry[0]) === shard && isStoredParse(entry[1]);
}

/** A stored parse as read back from disk is only used when it has this shape (anything else is a miss). */
export function isStoredParse(value: unknown): value is StoredParse {
  const v = value as Partial<StoredParse> | null;
  if (!v || typeof v !== 'object' || typeof v.sha256 !== 'string' || typeof v.kind !== 'string' || !Array.isArray(v.diagnostics)) return false;
  const r = v.record as Partial<StoredRecord> | undefined;
  return r === undefined || (typeof r === 'object' && r !== null && 'data' in r && typeof r.bodyStart === 'number' && typeof r.bodyLine === 'number' && typeof r.mayHoldFence === 'boolean');
}
