/**
 * A full build after a change confined to some children's folders loads only
 * them (with agency.yaml and the homes) and carries the rest over
 * (build/local-change.ts). Each step here checks which part was loaded, and
 * that the output folder then equals a clean build's: files, manifest and
 * warnings. Outputs are in memory and rendered as JSON (helpers/json-renderer.ts);
 * the root is real files.
 */
import { appendFile, cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtReportJob, nextHearing, planJobs } from '../src/build/jobs.js';
import type { Report } from '../src/build/ports.js';
import { runBuild } from '../src/build/run.js';
import { nodeSources } from '../src/cli/build-ports.js';
import { listCaseRoot } from '../src/io/list-root.js';
import { leavesOut } from '../src/load/root-part.js';
import { statTree } from '../src/io/stat-tree.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';
import { builtFiles, MEMORY, memoryBuildPorts } from './helpers/memory-build-ports.js';
import { memoryFiles } from './helpers/memory-files.js';

const AS_OF = '2026-11-23';
const OUT = `${MEMORY}/out`;
let work: string;
let root: string;
/** Each save moves the file's time on, past the listing (as incremental-random.test.ts does). */
let clock = 1_800_000_000;
const outputs = memoryFiles();
const caches = new Map<string, unknown>();
const silent: Report = { diagnostics() {}, dataErrors() {}, nothingDue() {}, start() {}, warning() {}, done() {}, stop() {}, pruned() {}, finished() {} };
/** The `children` each build's reading of the root was given: undefined for the whole root. */
let loaded: (ReadonlySet<string> | undefined)[] = [];

async function touch(path: string): Promise<void> {
  clock += 10;
  await utimes(path, clock, clock);
}

function run(out: string, one?: string) {
  // `one`: court-summary's build of one child's court report, reading only that child (cli/main.ts).
  const plan = one ? (r: Parameters<typeof planJobs>[0], asOf: string) => r.children.filter((c) => c.id === one).map((c) => courtReportJob(c, nextHearing(c, asOf)!)) : planJobs;
  return runBuild(root, { out, asOf: AS_OF, format: ['docx'], renderer: jsonRenderer, ...(one ? { read: { children: new Set([one]) } } : { prune: true }) }, (r, asOf) => plan(r, asOf), memoryBuildPorts({ outputs, caches, loaded }, AS_OF, silent));
}

const contents = (dir: string) => builtFiles(outputs, dir);

/** Builds into OUT, then into a fresh folder: the same files; returns what the first build loaded. */
async function buildAndCompare(): Promise<string[] | 'whole root'> {
  loaded = [];
  const result = await run(OUT);
  expect(result.ok).toBe(true);
  const part = loaded[0];
  const clean = `${MEMORY}/clean-${clock}`;
  await run(clean);
  expect(contents(OUT)).toEqual(contents(clean));
  for (const path of [...outputs.files.keys()]) if (path.startsWith(`${clean}/`)) outputs.files.delete(path);
  return part ? [...part].sort() : 'whole root';
}

const child = (id: string, ...rest: string[]) => join(root, 'children', id, ...rest);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-local-'));
  root = join(work, 'cases');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  expect((await run(OUT)).ok).toBe(true);
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('a build after a change inside some children\'s folders', () => {
  it('loads only those children, and equals a clean build', async () => {
    const notes = await readdir(child('C-2025-0142', 'contacts'));
    const note = child('C-2025-0142', 'contacts', notes[0]!);
    await appendFile(note, '\nThe caseworker called the school again.\n');
    await touch(note);
    expect(await buildAndCompare()).toEqual(['C-2025-0142']);

    // A note added to one child and a plan edited in another.
    const added = child('C-2024-0087', 'contacts', '2026-11-20-phone.md');
    await writeFile(added, (await readFile(note, 'utf8')).replace(/^date: \S+$/m, 'date: 2026-11-20'));
    await touch(added);
    const plan = child('C-2024-0211', 'plan.yaml');
    await writeFile(plan, (await readFile(plan, 'utf8')).replace(/\n*$/, '\n# reviewed\n'));
    await touch(plan);
    expect(await buildAndCompare()).toEqual(['C-2024-0087', 'C-2024-0211']);

    // A note removed.
    await rm(added);
    expect(await buildAndCompare()).toEqual(['C-2024-0087']);
  });

  it('makes again an output that was removed, loading only its child', async () => {
    const output = [...outputs.files.keys()].find((path) => path.startsWith(`${OUT}/children/C-2026-0058/`) && path.endsWith('.docx'))!;
    outputs.files.delete(output);
    expect(await buildAndCompare()).toEqual(['C-2026-0058']);
    expect(outputs.files.has(output)).toBe(true);
  });

  it('loads the whole root when what changed is read across folders: a case.yaml, a home, agency.yaml', async () => {
    for (const file of [child('C-2025-0142', 'case.yaml'), join(root, 'homes', (await readdir(join(root, 'homes')))[0]!, 'home.yaml'), join(root, 'agency.yaml')]) {
      await appendFile(file, '\n# checked\n');
      await touch(file);
      expect(await buildAndCompare()).toBe('whole root');
    }
  });

  it('builds nothing from a note with errors, and takes the part again once it is fixed', async () => {
    const notes = await readdir(child('C-2025-0143', 'contacts'));
    const note = child('C-2025-0143', 'contacts', notes[0]!);
    const before = await readFile(note, 'utf8');
    await writeFile(note, before.replace(/^date: \S+$/m, 'date: 2026-13-45'));
    await touch(note);
    loaded = [];
    const failed = await run(OUT);
    expect(failed.dataErrors).toBe(true);
    expect(loaded).toEqual([new Set(['C-2025-0143'])]);
    await writeFile(note, `${before}\nFixed.\n`);
    await touch(note);
    expect(await buildAndCompare()).toEqual(['C-2025-0143']);
  });
});

describe('court-summary', () => {
  it('reads its child, the homes and agency.yaml only: another child\'s broken note does not stop it, its own does', async () => {
    const listed = await listCaseRoot(root, { maxFileBytes: 1 << 20, leavesOut: leavesOut({ children: new Set(['C-2025-0142']) }) });
    expect(listed.entries.filter((e) => e.path.startsWith('children/C-2024-0087')).map((e) => e.path)).toEqual(['children/C-2024-0087']);
    expect(listed.entries.some((e) => e.path.startsWith('children/C-2025-0142/contacts/'))).toBe(true);

    const other = child('C-2024-0087', 'contacts', (await readdir(child('C-2024-0087', 'contacts')))[0]!);
    const otherText = await readFile(other, 'utf8');
    await writeFile(other, otherText.replace(/^date: \S+$/m, 'date: 2026-13-45'));
    loaded = [];
    const part = await run(`${MEMORY}/summary-part`, 'C-2025-0142');
    expect(part.ok).toBe(true);
    expect(loaded).toEqual([new Set(['C-2025-0142'])]);
    await writeFile(other, otherText);
    // The same report as from the whole root.
    const whole = await runBuild(root, { out: `${MEMORY}/summary-whole`, asOf: AS_OF, format: ['docx'], renderer: jsonRenderer }, (r, asOf) => r.children.filter((c) => c.id === 'C-2025-0142').map((c) => courtReportJob(c, nextHearing(c, asOf)!)), {
      files: { ...outputs, list: (folder, known) => (folder.startsWith(MEMORY) ? outputs.list(folder, known) : statTree(folder, known)) },
      clock: { today: () => AS_OF, now: () => 0 },
      report: silent,
      sources: { ...nodeSources, readCache: () => undefined, writeCache: async () => {} },
    });
    expect(whole.ok).toBe(true);
    expect(contents(`${MEMORY}/summary-part`)).toEqual(contents(`${MEMORY}/summary-whole`));

    const own = child('C-2025-0142', 'contacts', (await readdir(child('C-2025-0142', 'contacts')))[0]!);
    const ownText = await readFile(own, 'utf8');
    await writeFile(own, ownText.replace(/^date: \S+$/m, 'date: 2026-13-45'));
    expect((await run(`${MEMORY}/summary-part`, 'C-2025-0142')).dataErrors).toBe(true);
    await writeFile(own, ownText);
  });
});
