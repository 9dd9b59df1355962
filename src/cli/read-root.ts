/** Reads a case root from disk and loads it: the glue between io and load. */
import { existsSync, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import type { ReadRoot, ReadRootOptions } from '../build/ports.js';
import { narrativeDiagnostics, type CleanNarratives } from '../build/narrative-check.js';
import { hasErrors, sortDiagnostics } from '../core/diagnostic.js';
import { sha256 } from '../core/hash.js';
import type { KnownHash, ListedEntry, RootListing } from '../core/listing.js';
import { codeIdentity, pruneShards, readShards, writeShards } from '../io/cache-shards.js';
import { whileLoading } from '../io/heap.js';
import { listCaseRoot, releaseBytes } from '../io/list-root.js';
import { MAX_FILE_BYTES } from '../load/decode.js';
import { loadCaseRoot } from '../load/load-root.js';
import { ParseCache, shardOf, shardsOfFolder } from '../load/parse-cache.js';
import { leavesOut, rootPart } from '../load/root-part.js';
import type { LoadedFile } from '../model/case-root.js';
import { UsageError } from './exit.js';
import { ParseAhead } from './parse-ahead.js';
import { settleLater } from './settle.js';

/** What a stored parse depends on besides the file's bytes: the loader's code and its libraries. */
const LOADER_CODE = { folders: ['load', 'model', 'core'], packages: ['yaml', 'zod'] } as const;

/** A folder that is no case root is a wrong command line. */
export async function checkRoot(rootArg: string): Promise<void> {
  const info = await stat(rootArg).catch(() => undefined);
  if (!info) throw new UsageError(`there is no case root at "${rootArg}": the folder does not exist`);
  if (!info.isDirectory()) throw new UsageError(`"${rootArg}" is a file; give the folder that holds agency.yaml`);
}

/**
 * The root listed for a full build (build/ports.ts Sources.listRoot): stamped
 * and hashed, unchanged files left unread, no bytes held (each part of the
 * root reads its files again when it is loaded: the page cache has them).
 */
export async function listRoot(rootArg: string, known: KnownHash): Promise<RootListing> {
  await checkRoot(rootArg);
  return listCaseRoot(rootArg, { maxFileBytes: MAX_FILE_BYTES, known, dropBytes: true });
}

export async function readRoot(rootArg: string, options: ReadRootOptions = {}): Promise<ReadRoot> {
  await checkRoot(rootArg);
  // The case text files by path: their bytes (read when first asked for, when the listing vouched for them) and any hash the listing knew.
  let files = new Map<string, Extract<ListedEntry, { type: 'file' }>>();
  const hashes = new Map<string, string>();
  const hashOf = (path: string) => {
    let hash = hashes.get(path);
    if (hash === undefined) {
      const file = files.get(path);
      hash = file?.sha256 ?? (file?.bytes && sha256(file.bytes));
      if (hash !== undefined) hashes.set(path, hash);
    }
    return hash;
  };
  const code = options.parseCache && codeIdentity(LOADER_CODE.folders, LOADER_CODE.packages);
  /** What the part of the root asked for leaves out (`options.children`, `options.homes`, `options.childFiles`, `options.skip`): its cached parses and verdicts are kept for the next run. */
  const spec = { children: options.children, homes: options.homes, childFiles: options.childFiles, skip: options.skip };
  const part = options.children || options.homes || options.childFiles || options.skip?.size ? leavesOut(spec) : undefined;
  const leftOut = part ?? (() => false);
  let leftOutShards: string[] = [];
  // Asked for, and a whole root that looks large with no parse cache yet: the parsing thread starts now, its code loading while the root is listed.
  const early = options.parseAhead && code && !options.memo && !options.list && !options.children && looksUnparsed(rootArg, options.parseCache!) ? ParseAhead.start() : undefined;
  const { root, diagnostics: loaded, cache, finishAhead } = await whileLoading(async () => {
    // (Unless given one, what the part leaves out is not walked into: the part is all that is read.)
    const whole = await (options.list ?? (() => listCaseRoot(rootArg, { maxFileBytes: MAX_FILE_BYTES, ...(part ? { leavesOut: part } : {}), ...(early ? { onFile: (file) => early.add(file) } : {}) })))(options.children);
    const cut = part && rootPart(whole, spec);
    const listing = cut?.listing ?? whole;
    const only = cut && { caseIds: cut.caseIds, ...(cut.homeIds ? { homeIds: cut.homeIds } : {}) };
    // The shards of what is left out are not read, and kept as they are.
    if (cut) leftOutShards = [...cut.caseIds.map((id) => `children/${id}`), ...homeFolders(whole)].flatMap(shardsOfFolder).filter(leftOut);
    files = new Map(listing.entries.flatMap((e) => (e.type === 'file' && 'bytes' in e ? [[e.path, e] as const] : [])));
    if (!code || options.memo) return { listing, cache: undefined, finishAhead: undefined, ...loadCaseRoot(listing, { memo: options.memo, ...only }) };
    const stored = readShards(options.parseCache!, [...files.keys()].map(shardOf), code);
    const ahead = await (early ?? (options.parseAhead ? ParseAhead.after(files.values(), stored) : undefined))?.parsed(hashOf);
    for (const [shard, entries] of ahead?.shards ?? []) {
      stored.set(shard, entries);
      // Hashed by the worker from the same bytes.
      for (const [path, parse] of entries) hashes.set(path, parse.sha256);
    }
    const cache = new ParseCache(stored, (path) => hashOf(path)!, ahead?.parses);
    // (Only `finish` is kept: the parses are the cache's, which goes once written.)
    return { listing, cache, finishAhead: ahead?.finish, ...loadCaseRoot(listing, { cache, ...only }) };
  }, options.children !== undefined);
  // Narratives as the documents will print them, checked now so a problem is found at validate, in the data file.
  const clean = code ? new CleanNarrativeStore(narrativesDir(options.parseCache!), hashOf, leftOut) : undefined;
  const diagnostics = sortDiagnostics([...loaded, ...narrativeDiagnostics(root, (file) => textOf(files.get(file)?.bytes), clean)]);
  // Loaded and checked: what follows keeps each file's hash, not its bytes (a code frame, a body a document prints, reads the file again).
  // (Watch's memo holds the bytes it compares with: its listing keeps them too, or every rebuild would read the whole root.)
  if (!options.memo) releaseBytes(files.values());
  // Data with errors builds nothing, so it creates no output folder: the cache is kept only where one exists already.
  // A part that loads some of each child's files writes none: its children's shards hold the files it left out.
  if (cache && code && !options.childFiles && (!hasErrors(diagnostics) || existsSync(options.parseCache!))) {
    const dir = options.parseCache!;
    const { shards, write } = cache.changes();
    const keep = new Set([...shards, ...leftOutShards]);
    // Only a cache: a folder that cannot be written costs the next run its time, never its correctness.
    if (finishAhead) {
      // The parsing thread writes the cache while this one goes on with the run (the command waits for it before it ends: settle.ts).
      const more = [...write].map(([shard, value]) => [shard, JSON.stringify(value)] as const);
      settleLater(finishAhead({ dir, code, more }).then(() => pruneShards(dir, keep)).catch(() => undefined));
    } else {
      await writeShards(dir, write, keep, code).catch(() => undefined);
    }
    await clean?.save().catch(() => undefined);
  } else {
    await finishAhead?.(null);
  }
  // (Let go: the functions returned share this scope, and a part of a 20,000-child root leaves out 60,000 shards.)
  leftOutShards = [];
  // Paths are shown under the root as the user typed it, so they can be pasted back.
  const shownRoot = normalize(rootArg);
  return {
    root,
    diagnostics,
    bytesOf: (path) => files.get(path)?.bytes,
    hashOf,
    report: {
      diagnostics,
      displayPath: (file) => join(shownRoot, file),
      sourceOf: (file) => textOf(files.get(file)?.bytes),
      filesChecked: root.fileCount,
    },
  };
}

/** No parse cache, and enough child and home folders that parsing on two threads is worth its start. */
function looksUnparsed(rootArg: string, parseCache: string): boolean {
  if (existsSync(parseCache)) return false;
  const count = (folder: string) => {
    try {
      return readdirSync(join(rootArg, folder)).length;
    } catch {
      return 0;
    }
  };
  return count('children') + count('homes') >= MANY_FOLDERS;
}

/** A child folder holds about 20 files: this many folders is about parse-ahead.ts's least number of files. */
const MANY_FOLDERS = 100;

/** The home folders a listing holds (`homes/<id>`). */
function homeFolders(listing: RootListing): string[] {
  return listing.entries.flatMap(({ path, type }) => (type === 'dir' && path.startsWith('homes/') && path.indexOf('/', 6) < 0 ? [path] : []));
}

/** What the narrative check's verdict depends on besides a file's bytes: the builders' line reading, the Markdown reader and its rules. */
const NARRATIVE_CODE = { folders: ['build', 'compute', 'document', 'templates', 'load', 'model', 'core'], packages: ['markdown-it'] } as const;

const narrativesDir = (parseCache: string) => join(dirname(parseCache), 'narratives');

/** The court notes and studies found clean, by path and sha256, kept beside the parse cache for the next run. */
class CleanNarrativeStore implements CleanNarratives {
  private readonly stored: ReadonlySet<string>;
  private readonly now = new Set<string>();
  private readonly code = codeIdentity(NARRATIVE_CODE.folders, NARRATIVE_CODE.packages);

  /** `leftOut`: a file this run does not load (a part of the root), whose verdict is kept as it was. */
  constructor(
    private readonly dir: string,
    private readonly hashOf: (path: string) => string | undefined,
    leftOut: (path: string) => boolean,
  ) {
    const value = readShards(dir, ['clean'], this.code).get('clean');
    this.stored = new Set(Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []);
    for (const key of this.stored) if (leftOut(key.slice(0, key.lastIndexOf(' ')))) this.now.add(key);
  }

  private key(file: LoadedFile): string | undefined {
    const hash = this.hashOf(file.file);
    return hash && `${file.file} ${hash}`;
  }

  has(file: LoadedFile): boolean {
    const key = this.key(file);
    return key !== undefined && this.stored.has(key);
  }

  add(file: LoadedFile): void {
    const key = this.key(file);
    if (key) this.now.add(key);
  }

  /** Keeps only the files of this run: written when that differs from what was read. */
  async save(): Promise<void> {
    if (this.now.size === this.stored.size && [...this.now].every((k) => this.stored.has(k))) return;
    await writeShards(this.dir, new Map([['clean', [...this.now].sort()]]), new Set(['clean']), this.code);
  }
}

/** A file's text, decoded leniently (so even a file that is not UTF-8 gets a code frame). */
export function textOf(content: Uint8Array | undefined): string | undefined {
  return content && !content.includes(0) ? new TextDecoder().decode(content) : undefined;
}
