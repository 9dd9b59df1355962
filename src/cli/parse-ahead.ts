/**
 * A run that asks for it (ReadRootOptions.parseAhead: `stats`) and finds most
 * of the root unparsed (a first run, a new output folder) parses it on two
 * threads: a worker (parse-worker.ts) takes about half of the child and home
 * folders whose parse-cache shards are missing, this thread parses the rest,
 * and the load that follows finds every file parsed, as it would find it in
 * the cache. Both threads make each parse with
 * the same function from the same bytes (load-root.ts parseToStore), so the
 * records, the diagnostics and the stored cache are those of a parse on one
 * thread. Started before the root is listed, the worker is given each of its
 * folders as soon as it is read, and parses while the listing goes on. It
 * writes the parse cache (its shards and this thread's) when told to.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { classify } from '../load/classify.js';
import { MAX_FILE_BYTES } from '../load/decode.js';
import { parseToStore } from '../load/load-root.js';
import { shardOf, type StoredParse, type StoredShard } from '../load/parse-cache.js';
import type { FileKindName } from '../model/file-kinds.js';

/** Fewer files than this to parse, and starting a thread (its code loaded, the bytes copied) costs more than it saves. */
const MIN_FILES = 2_000;
/**
 * The worker's part of the bytes: over half, as it parses while this thread
 * still lists the root (npm run bench:agency -- --stats 2026-Q3).
 */
const WORKER_SHARE = 0.55;

/** A file for the worker: its path, its kind and its bytes. */
export type ParseItem = readonly [path: string, kind: FileKindName, bytes: Uint8Array];
/**
 * The worker's messages, in order: `files` to parse (one folder's) any number
 * of times; then `done`, upon which it sends its shards (ParsedShards); then
 * the write order.
 */
export type ParseWork = { readonly files: readonly ParseItem[] } | { readonly done: true };
/** What the worker sends back: its shards as the cache stores them, as JSON (what it writes; read back here faster than a structured clone). */
export type ParsedShards = readonly (readonly [shard: string, json: string])[];
/**
 * What the worker is told last: write its shards, then `more` (this thread's,
 * as JSON: written after, so where both have a shard this thread's stands)
 * into this cache folder with this code identity; or (null) nothing.
 */
export type WriteOrder = { readonly dir: string; readonly code: string; readonly more: ParsedShards } | null;

export interface ParsedAhead {
  /** The worker's shards, to be used as if read back from the cache (it writes them when told to). */
  readonly shards: ReadonlyMap<string, StoredShard>;
  /** This thread's parses by path: the cache uses them as stored ones and writes them as fresh ones. */
  readonly parses: ReadonlyMap<string, StoredParse>;
  /** Has the worker write the shards (or nothing) and waits until it has; then the worker ends. */
  finish(order: WriteOrder): Promise<void>;
}

export interface ListedFile {
  readonly path: string;
  readonly size: number;
  readonly bytes?: Uint8Array;
}

/** The parsing thread's code (bundled beside this module's); running from the sources, as the tests do, it is not there. */
const WORKER_FILE = new URL('./parse-worker.cjs', import.meta.url);

/** Parsing on two threads: files are given as they are listed (`add`), then `parsed` gives the parses. */
export class ParseAhead {
  private ours: ParseItem[] = [];
  /** The folder being listed (`children/<id>`), its files not yet given to a side. */
  private folder: string | undefined;
  private pending: ParseItem[] = [];
  /** Bytes given to the worker less its share of all bytes so far (weighted): the next folder goes to whichever side is behind. */
  private balance = 0;

  private constructor(private readonly worker: Worker) {
    // Held only while awaited: a run that ends another way is not kept alive by it.
    worker.unref();
  }

  /** Starts the thread now (its code loads while the root is listed); undefined when its code is not there. */
  static start(workerFile = WORKER_FILE): ParseAhead | undefined {
    return existsSync(fileURLToPath(workerFile)) ? new ParseAhead(new Worker(workerFile)) : undefined;
  }

  /** For a root listed already: its files in the shards `stored` lacks, when there are enough for a second thread. */
  static after(files: Iterable<ListedFile>, stored: ReadonlyMap<string, unknown>): ParseAhead | undefined {
    const missing = [...files].filter((file) => !stored.has(shardOf(file.path)) && itemOf(file));
    const ahead = missing.length >= MIN_FILES ? ParseAhead.start() : undefined;
    for (const file of missing) ahead?.add(file);
    return ahead;
  }

  /** A file of the root, as it is listed. */
  add(file: ListedFile): void {
    const item = itemOf(file);
    if (!item) return;
    const folder = ownerFolder(file.path);
    if (folder === undefined) {
      this.ours.push(item);
      return;
    }
    if (folder !== this.folder) this.flush(folder);
    this.pending.push(item);
  }

  /** Gives the folder listed so far to a side, whole (its shards stay on one side). */
  private flush(next?: string): void {
    const items = this.pending;
    const size = items.reduce((sum, [, , bytes]) => sum + bytes.length, 0);
    if (this.balance <= 0) {
      if (items.length > 0) this.worker.postMessage({ files: items } satisfies ParseWork);
      this.balance += size * (1 - WORKER_SHARE);
    } else {
      this.ours.push(...items);
      this.balance -= size * WORKER_SHARE;
    }
    this.folder = next;
    this.pending = [];
  }

  /**
   * This thread's files parsed here, the worker's received: the parses for the
   * load. A worker that failed gives none, and the load parses its files.
   */
  async parsed(hashOf: (path: string) => string | undefined): Promise<ParsedAhead> {
    this.flush();
    const { worker } = this;
    const sent = nextMessage<ParsedShards>(worker);
    worker.postMessage({ done: true } satisfies ParseWork);
    const parses = new Map<string, StoredParse>();
    for (const [path, kind, bytes] of this.ours) {
      const sha256 = hashOf(path);
      if (sha256 !== undefined) parses.set(path, { sha256, kind, ...parseToStore(path, kind, bytes) });
    }
    // The bytes go with the listing's (the caller may keep this object while its run lasts).
    this.ours = [];
    worker.ref();
    const shards = new Map((await sent.catch(() => [])).map(([shard, json]) => [shard, JSON.parse(json) as StoredShard]));
    worker.unref();
    return {
      shards,
      parses,
      async finish(order) {
        worker.ref();
        const written = nextMessage(worker).catch(() => undefined);
        worker.postMessage(order satisfies WriteOrder);
        await written;
        await worker.terminate();
      },
    };
  }
}

/** A file the load parses: a case record with its bytes, not too large. */
function itemOf(file: ListedFile): ParseItem | undefined {
  if (file.size > MAX_FILE_BYTES) return undefined;
  const place = classify(file.path, false);
  return place.is === 'record' && file.bytes ? [file.path, place.kind, file.bytes] : undefined;
}

/** `children/<id>` or `homes/<id>` for a file inside one; undefined for the root's own files. */
function ownerFolder(path: string): string | undefined {
  const shard = shardOf(path);
  if (shard === 'root') return undefined;
  const second = shard.indexOf('/', shard.indexOf('/') + 1);
  return second < 0 ? shard : shard.slice(0, second);
}

/** The worker's next message; rejected if it fails or ends first. */
function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', reject);
      worker.off('exit', onExit);
    };
    const onMessage = (value: T) => {
      off();
      resolve(value);
    };
    const onExit = (code: number) => {
      off();
      reject(new Error(`the parsing thread ended (${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', reject);
    worker.on('exit', onExit);
  });
}
