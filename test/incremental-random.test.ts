/**
 * Incremental equals clean (issue 10): random sequences of edits to a copy of
 * the example agency — a household member renamed in any home, any date
 * moved, a note added or deleted, a case folder renamed, agency.yaml or a
 * template edited — each followed by an incremental build into the output of
 * all the sequences before it; a clean build into an empty folder must give
 * the same files, byte for byte, and the same manifest. A document that kept a stale name because it did not
 * record what it read would differ here.
 *
 * Builds run in this process with a stand-in renderer whose "bytes" are the
 * canonical JSON of everything a render reads (the job, its data, what it
 * withholds, the template's sources, the agency, the as-of date): rendering is
 * a deterministic function of those, and real PDFs for hundreds of builds
 * would take minutes. The outputs are kept in memory (helpers/memory-files.ts);
 * the root and templates are real files. A second output folder is built in
 * parts of two children (build/parts.ts), incrementally too, and must equal
 * the clean build as well. The seed is printed on failure
 * (FC_SEED=… to replay; SEQUENCES=… for more sequences).
 */
import { cp, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import type { Report } from '../src/build/ports.js';
import { runBuild, type BuildResult } from '../src/build/run.js';
import { nodeSources } from '../src/cli/build-ports.js';
import { statTree } from '../src/io/stat-tree.js';
import type { LoadMemo } from '../src/load/load-root.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';
import { memoryFiles } from './helpers/memory-files.js';

const AS_OF = '2026-11-23';
const SEQUENCES = Number(process.env.SEQUENCES ?? 60);
/** Where the outputs go: in memory, never on disk. */
const MEMORY = '/memory';

let work: string;
let root: string;
let templates: string;
/** Every file write gets a later modification time, so the no-change snapshot never mistakes an edit for no change. */
let clock = 1_800_000_000;

async function save(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  clock += 10;
  await utimes(path, clock, clock);
}

/** Files are parsed again only when their bytes changed (as watch does): the same records, in a fraction of the time. */
const memo: LoadMemo = new Map();

const outputs = memoryFiles();
/** The partials each template uses, kept between builds as the disk cache would keep them. */
const caches = new Map<string, unknown>();
const silent: Report = { diagnostics() {}, dataErrors() {}, nothingDue() {}, start() {}, warning() {}, done() {}, stop() {}, pruned() {}, finished() {} };

/** `inParts`: as a large root is built (build/parts.ts), two children at a time, then the homes, each part read from disk. */
function run(out: string, inParts = false): Promise<BuildResult> {
  const reading = inParts ? { childrenPerPart: 2 } : { read: { memo } };
  return runBuild(root, { out, asOf: AS_OF, format: ['docx'], templates, prune: true, renderer: jsonRenderer, ...reading }, (r, asOf) => planJobs(r, asOf), {
    // The root and the templates are stamped on disk; everything under the output folder is in memory.
    files: { ...outputs, list: (folder, known) => (folder.startsWith(MEMORY) ? outputs.list(folder, known) : statTree(folder, known)) },
    clock: { today: () => AS_OF, now: () => 0 },
    report: silent,
    sources: { ...nodeSources, readCache: (dir, shard) => caches.get(`${dir} ${shard}`), writeCache: async (dir, shard, value) => void caches.set(`${dir} ${shard}`, value) },
  });
}

/** Every file under a folder (but the snapshot of file stamps and the caches, which are not outputs) → its text; `drop` forgets them. */
function contents(dir: string, drop = false): Record<string, string> {
  const found: Record<string, string> = {};
  for (const path of [...outputs.files.keys()].sort()) {
    if (!path.startsWith(`${dir}/`)) continue;
    const rel = path.slice(dir.length + 1);
    if (rel !== '.casepress-snapshot.json' && !rel.startsWith('.casepress-cache/')) found[rel] = outputs.text(path)!;
    if (drop) outputs.files.delete(path);
  }
  return found;
}

async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((p) => pattern.test(p)).sort();
}

/** An edit: a pick among the current files, applied; it returns how to undo it (when it left the data with errors). */
type Edit = (pick: (n: number) => number) => Promise<() => Promise<void>>;

async function rewrite(file: string, change: (text: string) => string): Promise<() => Promise<void>> {
  const before = await readFile(file, 'utf8');
  await save(file, change(before));
  return () => save(file, before);
}

const SURNAMES = ['Hale', 'Tate', 'Whitfield', 'Okafor', 'Marsh', 'Pruitt', 'Delgado'];
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const EDITS: Readonly<Record<string, Edit>> = {
  async 'rename a household member'(pick) {
    const homes = await listFiles(join(root, 'homes'), /home\.yaml$/);
    const file = join(root, 'homes', homes[pick(homes.length)]!);
    const names = [...(await readFile(file, 'utf8')).matchAll(/^ {2}- name: (.+)$/gm)].map((m) => m[1]!);
    const name = names[pick(names.length)]!;
    const renamed = `${name.split(' ')[0]} ${SURNAMES[pick(SURNAMES.length)]}`;
    return rewrite(file, (text) => text.replaceAll(name, renamed));
  },
  async 'move a date'(pick) {
    const files = await listFiles(root, /\.(ya?ml|md)$/);
    const file = join(root, files[pick(files.length)]!);
    const text = await readFile(file, 'utf8');
    const dates = [...text.matchAll(/\b20\d\d-\d\d-\d\d\b/g)];
    if (dates.length === 0) return async () => {};
    const at = dates[pick(dates.length)]!;
    const moved = shiftDate(at[0], pick(61) - 30);
    return rewrite(file, (t) => t.slice(0, at.index) + moved + t.slice(at.index + at[0].length));
  },
  async 'add a note'(pick) {
    const notes = await listFiles(join(root, 'children'), /\/(contacts|visits|court)\/[^/]+\.md$/);
    const from = notes[pick(notes.length)]!;
    const text = await readFile(join(root, 'children', from), 'utf8');
    const copy = join(root, 'children', from.replace(/\.md$/, `-copy${pick(1000)}.md`));
    await save(copy, text.replace(/^date: (\S+)$/m, (_, d: string) => `date: ${shiftDate(d, pick(30) + 1)}`));
    return () => rm(copy, { force: true });
  },
  async 'delete a note'(pick) {
    const notes = await listFiles(join(root, 'children'), /\/(contacts|visits|court|assessments)\/[^/]+\.(md|yaml)$/);
    if (notes.length === 0) return async () => {};
    const file = join(root, 'children', notes[pick(notes.length)]!);
    const text = await readFile(file, 'utf8');
    await rm(file);
    return () => save(file, text);
  },
  async 'rename a case folder'(pick) {
    const cases = (await readdir(join(root, 'children'))).sort();
    const id = cases[pick(cases.length)]!;
    const to = `C-2027-${String(1000 + pick(9000))}`;
    if (cases.includes(to)) return async () => {};
    await rename(join(root, 'children', id), join(root, 'children', to));
    const file = join(root, 'children', to, 'case.yaml');
    const undoId = await rewrite(file, (t) => t.replaceAll(id, to));
    return async () => {
      await undoId();
      await rename(join(root, 'children', to), join(root, 'children', id));
    };
  },
  async 'edit agency.yaml'(pick) {
    const file = join(root, 'agency.yaml');
    const choice = pick(2);
    return rewrite(file, (t) => (choice === 0 ? t.replace(/^name: (.+)$/m, (_, n: string) => `name: ${n} ${pick(100)}`) : t.replace('title: Foster Care Supervisor', `title: Foster Care Supervisor ${pick(100)}`)));
  },
  async 'edit a template'(pick) {
    const names = (await readdir(templates)).filter((f) => f.endsWith('.md.hbs')).sort();
    return rewrite(join(templates, names[pick(names.length)]!), (t) => `${t}\nReviewed ${pick(1000)}.\n`);
  },
};
const EDIT_NAMES = Object.keys(EDITS);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-random-'));
  root = join(work, 'cases');
  templates = join(work, 'templates');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  await cp(join(REPO, 'templates'), templates, { recursive: true });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('an incremental build equals a clean build', () => {
  it(`after each of ${SEQUENCES} random sequences of edits`, async () => {
    const out = `${MEMORY}/incremental`;
    const inParts = `${MEMORY}/in-parts`;
    expect((await run(out)).ok).toBe(true);
    expect((await run(inParts, true)).ok).toBe(true);
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...EDIT_NAMES), fc.infiniteStream(fc.nat())), { minLength: 1, maxLength: 3 }), async (edits) => {
        const said: string[] = [];
        const undos: (() => Promise<void>)[] = [];
        for (const [name, stream] of edits) {
          const numbers = stream[Symbol.iterator]();
          undos.push(await EDITS[name]!((n) => numbers.next().value! % n));
          said.push(name);
        }
        // Edits that leave the data with errors build nothing: take them back, the last first, until it builds.
        while ((await run(out)).dataErrors) {
          expect(undos.length, said.join(', ')).toBeGreaterThan(0);
          await undos.pop()!();
          said[undos.length] += ' (taken back)';
        }
        expect((await run(inParts, true)).ok).toBe(true);
        const clean = `${MEMORY}/clean-${sequence++}`;
        await run(clean);
        const fresh = contents(clean, true);
        for (const [how, built] of [['incremental', contents(out)], ['in parts', contents(inParts)]] as const) {
          const differing = [...new Set([...Object.keys(built), ...Object.keys(fresh)])].filter((path) => built[path] !== fresh[path]);
          expect(differing, `the files of the build ${how} that differ from a clean build's after: ${said.join(', ')}`).toEqual([]);
        }
      }),
      { numRuns: SEQUENCES, endOnFailure: true, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  }, 300_000);
});
