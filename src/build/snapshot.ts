/**
 * The no-change shortcut of a full build, and what spares the next one from
 * reading unchanged files. A full build that ends clean records a snapshot:
 * its settings, and the size, modification time and sha256 of every file of
 * the case root and of the templates, and the stamps of every output. The
 * next full build with the same settings stamps the same files and, when
 * every one matches, knows that every document is up to date without loading
 * the root: on a 2,000-child root that is the difference between seconds and
 * a minute. Any difference at all, or --force, takes the full path, where
 * fingerprints decide document by document (fingerprint.ts); there, a file
 * whose stamp is unchanged is not read: its hash is the snapshot's.
 *
 * A stamp is trusted only when it is older than the listing that recorded it
 * by more than a file system's coarsest time step (racy git's rule): a file
 * saved twice within one step keeps its size and mtime, and the second save
 * could have come after the listing read the first. Such a file is read and
 * hashed again. --force rebuilds regardless.
 */
import { resolve } from 'node:path';
import type { FileStamp, KnownHash } from '../core/listing.js';
import { canonicalJson, sha256 } from './fingerprint.js';
import type { DocType } from './jobs.js';

/** Beside the manifest: the stamps of the last clean full build. */
export const SNAPSHOT_FILE = '.casepress-snapshot.json';

/** Everything a full build's outputs depend on besides the files it stamps. */
export interface Settings {
  readonly tool: string;
  readonly asOf: string;
  readonly formats: readonly string[];
  readonly audience?: string;
  readonly parent?: string;
  readonly draft?: boolean;
  readonly pdfa?: boolean;
  readonly root: string;
  readonly templates: string;
  readonly out: string;
  /** `--preflight [profile]` (a build without it hashes as before). */
  readonly preflight?: { readonly profile?: string } | undefined;
}

export function settingsHash(settings: Settings): string {
  return sha256(
    canonicalJson({
      tool: settings.tool,
      asOf: settings.asOf,
      formats: [...settings.formats].sort(),
      audience: settings.audience ?? null,
      parent: settings.parent ?? null,
      draft: settings.draft === true,
      pdfa: settings.pdfa === true,
      folders: [resolve(settings.root), resolve(settings.templates), resolve(settings.out)],
      ...(settings.preflight ? { preflight: settings.preflight.profile ?? '' } : {}),
    }),
  );
}

/** FAT's two seconds: the coarsest modification time step of a file system a case root may sit on. */
const COARSEST_STEP_MS = 2_000;

export interface Snapshot {
  readonly version: 2;
  /** Wall-clock ms when the root was listed (its stamps are trusted only when older by a time step). */
  readonly listedAt: number;
  /** Hash of everything else the outputs depend on: tool version, as-of date, formats, audience, draft, pdfa, the folders used. */
  readonly settings: string;
  /** Every file of the root and of the templates, with its hash (but for files too large to read). */
  readonly root: readonly FileStamp[];
  readonly templates: readonly FileStamp[];
  /** Every output recorded in the manifest, and the manifest itself. */
  readonly outputs: readonly FileStamp[];
  /** What to say again: the build's warnings and its documents by type. */
  readonly warnings: readonly string[];
  /** How many of the warnings are the data's (the first), then the rule set's: the documents' follow (local-change.ts carries them over). */
  readonly said?: { readonly data: number; readonly rules: number };
  readonly documents: Readonly<Partial<Record<DocType, number>>>;
  /** The agency's time zone, for today's date when --as-of is not given. */
  readonly timeZone?: string;
}

export function parseSnapshot(text: string | undefined): Snapshot | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Snapshot>;
    return parsed.version === 2 && typeof parsed.listedAt === 'number' && Array.isArray(parsed.root) && Array.isArray(parsed.outputs) && Array.isArray(parsed.templates) ? (parsed as Snapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** A snapshot as a build writes it: the root's stamps and the warnings may be read back as they are written (core/parted-listing.ts, warning-lines.ts). */
export type SnapshotToWrite = Omit<Snapshot, 'root' | 'warnings'> & { readonly root: Iterable<FileStamp>; readonly warnings: Iterable<string> };

/** About how long a piece of the snapshot's text is (its file is written piece by piece). */
const PIECE_CHARS = 1 << 20;

/** Past ASCII: escaped in the snapshot's text. */
const NOT_ASCII = /[\u0080-\uffff]/g;
/**
 * A value's JSON with every character past ASCII escaped (`\u00e9`): one name
 * with such a character made the whole 100 MB text of 20,000 children's
 * snapshot a string of two bytes a character when read back.
 */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(NOT_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The snapshot's JSON text (`JSON.stringify`'s, to the byte but for the
 * characters past ASCII, escaped), in pieces of about a megabyte: 20,000
 * children's stamps are 100 MB of text, which a build should not hold at once
 * beside everything else it holds at its end.
 */
export function* snapshotText(snapshot: SnapshotToWrite): Generator<string> {
  let piece = '';
  let opening = '{';
  for (const [key, value] of Object.entries(snapshot)) {
    if (value === undefined) continue;
    piece += `${opening}${asciiJson(key)}:`;
    opening = ',';
    if (typeof value !== 'object' || value === null || !(Symbol.iterator in value)) {
      piece += asciiJson(value);
      continue;
    }
    let first = true;
    for (const item of value as Iterable<unknown>) {
      piece += `${first ? '[' : ','}${asciiJson(item)}`;
      first = false;
      if (piece.length >= PIECE_CHARS) {
        yield piece;
        piece = '';
      }
    }
    piece += first ? '[]' : ']';
  }
  yield `${piece}}`;
}

/** The hashes of the files whose stamps the snapshot vouches for (the rest are read and hashed). */
export function knownHashes(stamps: readonly FileStamp[], listedAt: number): KnownHash {
  let next = 0;
  let byPath: Map<string, number> | undefined;
  /** The listing asks in about the stamps' order (by path): where the last one was found first, by path only when that misses. */
  const find = (path: string): FileStamp | undefined => {
    while (next < stamps.length && stamps[next]![0].endsWith('/')) next++;
    if (stamps[next]?.[0] !== path) {
      if (!byPath) {
        byPath = new Map();
        for (let i = 0; i < stamps.length; i++) byPath.set(stamps[i]![0], i);
      }
      const at = byPath.get(path);
      if (at === undefined) return undefined;
      next = at;
    }
    return stamps[next++];
  };
  return (path, size, mtimeMs) => {
    const stamp = find(path);
    return stamp && stamp[1] === size && stamp[2] === mtimeMs && trusted(stamp, listedAt) ? stamp[3] : undefined;
  };
}

/** Same settings and the same files, file for file: by hash where both have one, else by a stamp old enough to trust. */
export function unchangedSince(snapshot: Snapshot, now: Pick<Snapshot, 'settings' | 'root' | 'templates'>): boolean {
  return snapshot.settings === now.settings && sameFiles(snapshot.root, now.root, snapshot.listedAt) && sameFiles(snapshot.templates, now.templates, snapshot.listedAt);
}

/** Same outputs: the build wrote them, so their stamps are trusted. */
export function sameOutputs(snapshot: Snapshot, now: readonly FileStamp[]): boolean {
  const was = snapshot.outputs;
  return was.length === now.length && was.every((x, i) => x[0] === now[i]![0] && x[1] === now[i]![1] && x[2] === now[i]![2]);
}

function sameFiles(was: readonly FileStamp[], now: readonly FileStamp[], listedAt: number): boolean {
  if (was.length !== now.length) return false;
  for (let i = 0; i < was.length; i++) if (was[i]![0] !== now[i]![0] || !sameFile(was[i]!, now[i]!, listedAt)) return false;
  return true;
}

/** The same file: by hash where both stamps have one, else by a stamp old enough to trust. */
function sameFile(x: FileStamp, y: FileStamp, listedAt: number): boolean {
  if (x[1] !== y[1]) return false;
  return x[3] !== undefined && y[3] !== undefined ? x[3] === y[3] : x[2] === y[2] && trusted(x, listedAt);
}

/** A path whose file (or folder, ending in `/`) is new, gone or changed since the snapshot's stamps. */
export interface ChangedPath {
  readonly path: string;
  readonly how: 'added' | 'removed' | 'changed';
}

/** What differs between the snapshot's stamps and these, path by path (sameFile's rule). */
export function changedPaths(was: readonly FileStamp[], now: readonly FileStamp[], listedAt: number): ChangedPath[] {
  const changed: ChangedPath[] = [];
  // Mostly the same paths in the same order: compared in step up to the first that differs, by path from there.
  let i = 0;
  for (; i < was.length && i < now.length && was[i]![0] === now[i]![0]; i++) if (!sameFile(was[i]!, now[i]!, listedAt)) changed.push({ path: now[i]![0], how: 'changed' });
  const before = new Map<string, FileStamp>();
  for (let j = i; j < was.length; j++) before.set(was[j]![0], was[j]!);
  for (let j = i; j < now.length; j++) {
    const stamp = now[j]!;
    const old = before.get(stamp[0]);
    if (!old) changed.push({ path: stamp[0], how: 'added' });
    else if (!sameFile(old, stamp, listedAt)) changed.push({ path: stamp[0], how: 'changed' });
    before.delete(stamp[0]);
  }
  for (const path of before.keys()) changed.push({ path, how: 'removed' });
  return changed;
}

function trusted(stamp: FileStamp, listedAt: number): boolean {
  return stamp[2] < listedAt - COARSEST_STEP_MS;
}
