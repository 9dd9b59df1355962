/**
 * Which of a build's jobs can be skipped: those whose recorded outputs all
 * carry the fingerprint the job has now and still have the bytes the manifest
 * recorded (fingerprint.ts).
 */
import { join } from 'node:path';
import type { FileStamp } from '../core/listing.js';
import { isUpToDate, sha256 } from './fingerprint.js';
import type { ManifestEntry, RecordedOutputs } from './manifest.js';
import type { FileSystem } from './ports.js';
import type { OutputFormat } from './jobs.js';

/** The manifest's entry for a job when every format of it is recorded (they share inputs). */
export function recordedEntry(previous: RecordedOutputs, output: string, formats: readonly OutputFormat[]): ManifestEntry | undefined {
  const entries = formats.map((format) => previous.entry(`${output}.${format}`));
  return entries.every((e) => e !== undefined) ? entries[0] : undefined;
}

/** Output path → "size mtime" as the last clean full build stamped it (snapshot.ts): such a file has the bytes the manifest records. */
export function stampsByPath(stamps: readonly FileStamp[] | undefined): ReadonlyMap<string, string> {
  return new Map(stamps?.map(([path, size, mtime]) => [path, `${size} ${mtime}`]));
}

/**
 * Every output of the job is recorded with this fingerprint and still has its
 * recorded bytes: read and hashed, unless its stamp is the one `stamped` holds.
 */
export async function upToDate(previous: RecordedOutputs, out: string, paths: readonly string[], print: string, stamped: ReadonlyMap<string, string>, files: FileSystem): Promise<boolean> {
  for (const path of paths) {
    const entry = previous.entry(path);
    if (entry?.fingerprint !== print) return false;
    const stamp = stamped.get(path) === undefined ? undefined : files.stat(out, [path]).map(([, size, mtime]) => `${size} ${mtime}`)[0];
    const onDisk = stamp !== undefined && stamp === stamped.get(path) ? entry.sha256 : await files.read(join(out, path)).then((bytes) => bytes && sha256(bytes));
    if (!isUpToDate(entry, print, onDisk)) return false;
  }
  return true;
}
