/**
 * A cache kept on disk in a folder of its own (the parse cache,
 * load/parse-cache.ts): one file per shard, named by the hash of the shard's
 * name, holding a header line (the format, the identity of the code that made
 * it, the shard, the sha256 of the rest) and the shard's value as JSON. A file
 * that cannot be read, is damaged, or was made by other code or for another
 * shard reads as absent. Each file is replaced atomically, not flushed to the
 * disk (write-atomic.ts replaceCacheFile): a damaged one is only a miss.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sha256 } from '../core/hash.js';
import { CODE_DIR } from './package-files.js';
import { replaceCacheFile } from './write-atomic.js';

const FORMAT = 1;

interface Header {
  readonly format: number;
  readonly code: string;
  readonly shard: string;
  readonly sha256: string;
}

const fileName = (shard: string) => `${sha256(shard).slice(0, 32)}.json`;

/** The values of these shards that check out, made by code of this identity. */
export function readShards(dir: string, shards: Iterable<string>, code: string): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const shard of new Set(shards)) {
    let text: string;
    try {
      text = readFileSync(join(dir, fileName(shard)), 'utf8');
    } catch {
      continue;
    }
    const newline = text.indexOf('\n');
    try {
      const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
      const body = text.slice(newline + 1);
      if (newline > 0 && header.format === FORMAT && header.code === code && header.shard === shard && header.sha256 === sha256(body)) found.set(shard, JSON.parse(body));
    } catch {
      // damaged: absent
    }
  }
  return found;
}

/** Writes these shards, then removes every other file of the folder but those of the shards to keep. */
export async function writeShards(dir: string, write: ReadonlyMap<string, unknown>, keep: ReadonlySet<string>, code: string): Promise<void> {
  // One shard's JSON at a time: the whole parse cache of a large root as text at once is a hundred MB more heap.
  function* texts(): Generator<[string, string]> {
    for (const [shard, value] of write) yield [shard, JSON.stringify(value)];
  }
  writeShardTexts(dir, texts(), code);
  await pruneShards(dir, keep);
}

/** Writes these shards given as their values' JSON, in this order (each file replaced whole). */
export function writeShardTexts(dir: string, write: Iterable<readonly [shard: string, json: string]>, code: string): void {
  let made = false;
  for (const [shard, body] of write) {
    if (!made) mkdirSync(dir, { recursive: true });
    made = true;
    const header: Header = { format: FORMAT, code, shard, sha256: sha256(body) };
    replaceCacheFile(join(dir, fileName(shard)), `${JSON.stringify(header)}\n${body}`);
  }
}

/** Removes every file of the folder but those of the shards to keep. */
export async function pruneShards(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const kept = new Set([...keep].map(fileName));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (!kept.has(name)) await rm(join(dir, name), { force: true, recursive: true });
}

/** An installed package's version, found where `require` would look (some packages do not export their package.json). */
function packageVersion(name: string): string {
  for (const dir of createRequire(import.meta.url).resolve.paths(name) ?? []) {
    try {
      return (JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // not here
    }
  }
  return 'missing';
}

const identities = new Map<string, string>();
/** Folder → a line per file with its hash: the caches' identities share folders (`load`, `core` …), each read once per process. */
const hashedFolders = new Map<string, readonly string[]>();

/** The files of a source folder of the running code (io/package-files.ts CODE_DIR) with their hashes. */
function folderHashes(folder: string): readonly string[] {
  let lines = hashedFolders.get(folder);
  if (lines) return lines;
  const dir = join(CODE_DIR, folder);
  const found: string[] = [];
  for (const name of (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, name));
    } catch {
      continue; // a folder
    }
    found.push(`${folder}/${name} ${sha256(bytes)}`);
  }
  hashedFolders.set(folder, (lines = found));
  return lines;
}

/** Bundled: the hash of every chunk, written beside them by the bundler (rolldown.config.mjs codeIdentityFile). */
function bundleHash(): string {
  return readFileSync(join(CODE_DIR, 'code-identity.txt'), 'utf8').trim();
}

/**
 * The identity of the code a cache's values depend on: every file of these
 * source folders (`load`, `model`, `core` …) and these packages' versions. Any
 * change to them and every stored value is absent. Bundled, casepress's
 * folders and the packages' code are mixed in the chunks: the identity is
 * then every chunk's, so any change to the code is seen.
 */
export function codeIdentity(folders: readonly string[], packages: readonly string[]): string {
  const key = JSON.stringify([folders, packages]);
  let identity = identities.get(key);
  if (identity) return identity;
  const parts = packages.map((name) => `${name}@${packageVersion(name)}`);
  if (import.meta.bundled) parts.push(`bundle ${bundleHash()}`);
  else for (const folder of folders) parts.push(...folderHashes(folder));
  identity = sha256(parts.join('\n'));
  identities.set(key, identity);
  return identity;
}
