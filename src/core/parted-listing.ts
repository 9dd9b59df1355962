/**
 * A root's listing as a build in parts holds it (build/parts.ts): what lies
 * inside the children's folders waits in a scratch file, each child's entries
 * where it can read them back, and only the rest (agency.yaml, the assets, the
 * homes, the case folders themselves) stays in memory. A 20,000-child root
 * lists 530,000 entries inside its children's folders, some 140 MB held
 * through a build that needs a few hundred children's at a time.
 */
import type { FileStamp, ListedEntry, RootListing } from './listing.js';

/** Where the entries wait: bytes appended, read back by offset (build/ports.ts ScratchFile). */
export interface EntryStore {
  append(bytes: Uint8Array): number;
  read(offset: number, length: number): Uint8Array;
}

/** An entry as JSON can hold it, and back (io/list-root.ts: a listed file keeps its folder and hash, never its bytes). */
export interface EntryCodec {
  encode(entry: ListedEntry): unknown;
  decode(value: unknown): ListedEntry;
}

/** A listing as a build uses it: a part's entries, every entry's stamp. */
export interface HeldListing {
  readonly listedAt?: number;
  /** The entries a part loading these children needs (undefined: all): those of the others' folders may be left out. */
  part(children: ReadonlySet<string> | undefined): RootListing;
  /** Every entry's stamp in path order, or undefined when something could not be stamped (as rootStamps). */
  stamps(): Iterable<FileStamp> | undefined;
}

const CHILDREN = 'children/';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The child folder a path lies inside (`children/<name>/…` → name), or undefined. */
function childOf(path: string): string | undefined {
  if (!path.startsWith(CHILDREN)) return undefined;
  const end = path.indexOf('/', CHILDREN.length);
  return end < 0 ? undefined : path.slice(CHILDREN.length, end);
}

const byPath = (a: ListedEntry, b: ListedEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The stamp a snapshot keeps of an entry; undefined for one that cannot be stamped. */
function stampOf(entry: ListedEntry): FileStamp | undefined {
  if (entry.type === 'problem' || (entry.type === 'file' && entry.mtimeMs === undefined)) return undefined;
  if (entry.type === 'dir') return [`${entry.path}/`, 0, 0, ''];
  return entry.sha256 === undefined ? [entry.path, entry.size, entry.mtimeMs!] : [entry.path, entry.size, entry.mtimeMs!, entry.sha256];
}

/** A listing held whole in memory. */
export function heldInMemory(listing: RootListing): HeldListing {
  return {
    ...(listing.listedAt === undefined ? {} : { listedAt: listing.listedAt }),
    part: () => listing,
    stamps: () => rootStamps(listing),
  };
}

/**
 * The stamps of a root as listed (its folders too: an empty one is an error),
 * or undefined when something in it could not be stamped (it is reported when
 * the root is loaded).
 */
export function rootStamps(listing: RootListing): FileStamp[] | undefined {
  const stamps: FileStamp[] = [];
  for (const entry of listing.entries) {
    const stamp = stampOf(entry);
    if (!stamp) return undefined;
    stamps.push(stamp);
  }
  return stamps;
}

export class PartedListing implements HeldListing {
  readonly listedAt?: number;
  /** The entries outside the children's folders, in path order. */
  readonly #rest: ListedEntry[] = [];
  /** Each child folder's entries: where they lie in the store. */
  readonly #where = new Map<string, readonly [offset: number, length: number]>();
  /** Every child folder in the order its entries were stored (path order). */
  readonly #stored: string[] = [];
  readonly #stampable: boolean;

  /** Stores the entries inside the children's folders of `listing` (in path order) in `store`. */
  constructor(
    listing: RootListing,
    private readonly store: EntryStore,
    private readonly codec: EntryCodec,
  ) {
    if (listing.listedAt !== undefined) this.listedAt = listing.listedAt;
    let stampable = true;
    let child: string | undefined;
    let lines: string[] = [];
    const flush = () => {
      if (child === undefined) return;
      const bytes = encoder.encode(`${lines.join('\n')}\n`);
      // (A sorted listing holds a folder's entries together: a path between two under `children/A/` is under it too.)
      if (this.#where.has(child)) throw new Error(`the entries of children/${child} are not together in the listing`);
      this.#where.set(child, [store.append(bytes), bytes.length]);
      this.#stored.push(child);
      lines = [];
    };
    for (const entry of listing.entries) {
      stampable &&= stampOf(entry) !== undefined;
      const inside = childOf(entry.path);
      if (inside !== child) flush();
      child = inside;
      if (inside === undefined) this.#rest.push(entry);
      else lines.push(JSON.stringify(codec.encode(entry)));
    }
    flush();
    this.#stampable = stampable;
  }

  /** A child folder's entries, read back. */
  #entriesOf(child: string): ListedEntry[] {
    const where = this.#where.get(child);
    if (!where) return [];
    const text = decoder.decode(this.store.read(where[0], where[1]));
    return text
      .slice(0, -1)
      .split('\n')
      .map((line) => this.codec.decode(JSON.parse(line)));
  }

  part(children: ReadonlySet<string> | undefined): RootListing {
    const names = children ?? this.#stored;
    const entries = [...this.#rest];
    for (const child of names) entries.push(...this.#entriesOf(child));
    entries.sort(byPath);
    return { entries, ...(this.listedAt === undefined ? {} : { listedAt: this.listedAt }) };
  }

  stamps(): Iterable<FileStamp> | undefined {
    return this.#stampable ? this.#allStamps() : undefined;
  }

  /** The rest and the stored entries merged back into path order, one child folder read at a time. */
  *#allStamps(): Generator<FileStamp> {
    let at = 0;
    for (const child of this.#stored) {
      for (const entry of this.#entriesOf(child)) {
        while (at < this.#rest.length && this.#rest[at]!.path < entry.path) yield stampOf(this.#rest[at++]!)!;
        yield stampOf(entry)!;
      }
    }
    while (at < this.#rest.length) yield stampOf(this.#rest[at++]!)!;
  }
}
