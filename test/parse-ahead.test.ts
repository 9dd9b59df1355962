/**
 * A first run parses a large root on two threads (cli/parse-ahead.ts): what
 * the parsing thread gives back and writes is what one thread makes, and a run
 * whose data has errors still creates no output folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_READ_BY_STATS } from '../src/build/jobs.js';
import { ParseAhead } from '../src/cli/parse-ahead.js';
import { readRoot } from '../src/cli/read-root.js';
import { sha256 } from '../src/core/hash.js';
import { readShards } from '../src/io/cache-shards.js';
import { listCaseRoot } from '../src/io/list-root.js';
import { MAX_FILE_BYTES } from '../src/load/decode.js';
import { parseToStore } from '../src/load/load-root.js';
import { shardOf, type StoredShard } from '../src/load/parse-cache.js';
import { classify } from '../src/load/classify.js';
import { generateAgency } from '../tools/gen/index.js';
import { bundledParseWorker } from './helpers/bundle.js';
import { REPO } from './helpers/fixture-root.js';

const AS_OF = '2026-11-23';
let work: string;
let root: string;

/** A generated root of 110 children: over the 100 folders and 2,000 files that start the parsing thread. */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-parse-ahead-'));
  root = join(work, 'cases');
  for (const file of generateAgency({ children: 110, homes: 12, seed: 11, asOf: AS_OF })) {
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.text);
  }
});
afterAll(async () => rm(work, { recursive: true, force: true }));

/** Every stored shard file of a cache folder → its body (the line after the header, which names the code that wrote it). */
async function shardBodies(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await readFile(join(dir, name), 'utf8')).split('\n')[1]!] as const)));
}

describe('parsing on two threads', () => {
  it('the thread gives back and writes, for its folders, exactly the parses made on this one', async () => {
    const listing = await listCaseRoot(root, { maxFileBytes: MAX_FILE_BYTES });
    const files = listing.entries.flatMap((e) => (e.type === 'file' && e.bytes ? [e] : []));
    const ahead = ParseAhead.start(bundledParseWorker())!;
    for (const file of files) ahead.add(file);
    const hashes = new Map(files.map((f) => [f.path, sha256(f.bytes!)]));
    const parsed = await ahead.parsed((path) => hashes.get(path));

    // Both threads did a good part of the work, and between them every record of the root.
    const theirs = [...parsed.shards.values()].flat();
    const records = files.filter((f) => classify(f.path, false).is === 'record');
    expect(theirs.length).toBeGreaterThan(records.length / 4);
    expect(parsed.parses.size).toBeGreaterThan(records.length / 4);
    expect(theirs.length + parsed.parses.size).toBe(records.length);

    // Each of the thread's entries is this thread's parse of the same bytes, in a shard sorted by path.
    const byPath = new Map(files.map((f) => [f.path, f]));
    for (const [shard, entries] of parsed.shards) {
      expect(entries.map(([path]) => path)).toEqual(entries.map(([path]) => path).sort());
      for (const [path, parse] of entries) {
        expect(shardOf(path)).toBe(shard);
        const { kind } = classify(path, false) as { kind: Parameters<typeof parseToStore>[1] };
        expect(parse).toEqual({ sha256: hashes.get(path), kind, ...parseToStore(path, kind, byPath.get(path)!.bytes!) });
      }
    }

    // Told to, it writes its shards and then this thread's, readable as the cache.
    const dir = join(work, 'cache-direct');
    const mine: [string, StoredShard] = ['children/C-0000-mine', []];
    await parsed.finish({ dir, code: 'test-code', more: [[mine[0], JSON.stringify(mine[1])]] });
    const back = readShards(dir, [...parsed.shards.keys(), mine[0]], 'test-code');
    expect(back.size).toBe(parsed.shards.size + 1);
    for (const [shard, entries] of parsed.shards) expect(back.get(shard)).toEqual(entries);
  });

  it('a first run of the command stores the parse cache one thread stores, and the same figures as a run from that cache', async () => {
    const out = join(work, 'out-cli');
    const stats = (...more: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'bin', 'casepress'), 'stats', root, '--quarter', '2026-Q3', '--as-of', AS_OF, '--format', 'json', '--out', out, ...more], { encoding: 'utf8' });
    const first = stats();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const figures = await readFile(join(out, 'stats', 'caseload-2026-Q3.json'), 'utf8');

    // The sources have no parsing thread (it is bundled): this reads the root on one thread, with stats' options.
    const oneThread = join(work, 'cache-one-thread');
    await readRoot(root, { parseCache: oneThread, skip: NOT_READ_BY_STATS });
    expect(await shardBodies(join(out, '.casepress-cache', 'parses'))).toEqual(await shardBodies(oneThread));

    expect(stats('--force').status).toBe(0);
    expect(await readFile(join(out, 'stats', 'caseload-2026-Q3.json'), 'utf8')).toBe(figures);
  });

  it('with an error in the data, writes nothing: no output folder, no cache', async () => {
    const broken = join(work, 'broken');
    await rm(broken, { recursive: true, force: true });
    spawnSync('cp', ['-a', root, broken]);
    const child = (await readdir(join(broken, 'children'))).sort()[50]!;
    const note = (await readdir(join(broken, 'children', child, 'contacts'))).sort()[0]!;
    const path = join(broken, 'children', child, 'contacts', note);
    await writeFile(path, (await readFile(path, 'utf8')).replace(/^date: .*$/m, 'date: 2026-13-45'));
    const out = join(work, 'out-broken');
    const run = spawnSync(process.execPath, [join(REPO, 'bin', 'casepress'), 'stats', broken, '--quarter', '2026-Q3', '--as-of', AS_OF, '--format', 'json', '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(`children/${child}/contacts/${note}`);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });
});
