/**
 * A full build of a root with more children than a part holds works through
 * it in parts (build/parts.ts): each part loads some children (then some
 * homes with the children placed in them), and every part is checked before
 * anything is built (build/check-parts.ts). It must make what a build of the
 * whole root makes — files, manifest, warnings, what it says — and hold no
 * more children at once than a part. Outputs are in memory and rendered as
 * JSON (helpers/json-renderer.ts); the root is a generated one on disk.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import type { Report } from '../src/build/ports.js';
import { runBuild, type BuildResult } from '../src/build/run.js';
import { generateAgency } from '../tools/gen/index.js';
import { writeFiles } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';
import { builtFiles, MEMORY, memoryBuildPorts } from './helpers/memory-build-ports.js';
import { memoryFiles } from './helpers/memory-files.js';

const AS_OF = '2026-11-23';
const PART = 4;
let root: string;
const outputs = memoryFiles();
const caches = new Map<string, unknown>();
/** The children each reading of the root was given (undefined: all). */
const loaded: (ReadonlySet<string> | undefined)[] = [];
/** The homes each reading of the root was given (undefined: all). */
const homesLoaded: (ReadonlySet<string> | undefined)[] = [];
/** What of each child's folder each reading of the root was given (undefined: all). */
const childFilesLoaded: (ReadonlySet<string> | undefined)[] = [];
/** The scratch files the builds opened, and those they closed. */
const scratched: string[] = [];
const openScratch = outputs.scratch;
outputs.scratch = (path) => {
  const file = openScratch(path);
  scratched.push(`open ${path.slice(path.lastIndexOf('/') + 1)}`);
  return { ...file, close: () => void scratched.push(`close ${path.slice(path.lastIndexOf('/') + 1)}`) };
};

/** A build into `out`, in parts of PART children or whole; `said`: what its report was told, in order. */
async function run(out: string, inParts: boolean, asOf = AS_OF): Promise<{ result: BuildResult; said: string[] }> {
  const said: string[] = [];
  const tell = (kind: string) => (value?: unknown) => void said.push(`${kind} ${JSON.stringify(value, (key, v: unknown) => (key === 'elapsedMs' || key === 'manifest' || key === 'warningsFile' ? undefined : v))}`);
  const report: Report = {
    diagnostics: (r) => said.push(`diagnostics ${JSON.stringify(r.diagnostics)} ${r.filesChecked} ${r.diagnostics.map((d) => r.sourceOf(d.file)?.length).join(',')}`),
    dataErrors: tell('dataErrors'), nothingDue: tell('nothingDue'), start: tell('start'), warning: tell('warning'),
    done: (d) => said.push(`done ${d.kind} ${d.job.output}`), stop: () => {}, pruned: (p) => said.push(`pruned ${p.kind} ${p.file.slice(out.length)} ${p.reason}`), finished: tell('finished'),
  };
  loaded.length = 0;
  homesLoaded.length = 0;
  childFilesLoaded.length = 0;
  const result = await runBuild(root, { out, asOf, format: ['docx'], prune: true, renderer: jsonRenderer, ...(inParts ? { childrenPerPart: PART } : {}) }, (r, day) => planJobs(r, day), memoryBuildPorts({ outputs, caches, loaded, homesLoaded, childFilesLoaded }, asOf, report));
  return { result, said };
}

const contents = (dir: string) => builtFiles(outputs, dir);

/** `folder` of the root as the generator named them, sorted. */
const ids = async (folder: string) => (await readdir(join(root, folder))).sort();
const edit = async (path: string, change: (text: string) => string) => writeFile(join(root, path), change(await readFile(join(root, path), 'utf8')));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'casepress-in-parts-'));
  const files = [...generateAgency({ children: 18, homes: 12, seed: 11, asOf: AS_OF })];
  await writeFiles(root, Object.fromEntries(files.map((f) => [f.path, f.text])));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('a full build of a large root, in parts', () => {
  it('makes and says what a build of the whole root does, holding at most a part of the children at once', async () => {
    const whole = await run(`${MEMORY}/whole`, false);
    expect(loaded).toEqual([undefined]);
    expect(scratched.filter((line) => line.endsWith('listing'))).toEqual([]);
    const parts = await run(`${MEMORY}/parts`, true);
    expect(parts.result.ok).toBe(true);
    expect(parts.said).toEqual(whole.said.map((line) => line.replaceAll('/whole/', '/parts/')));
    expect(contents(`${MEMORY}/parts`)).toEqual(contents(`${MEMORY}/whole`));
    // The children's entries waited in a scratch file, closed when the build ended; the root's stamps read back from it are the whole build's.
    expect(scratched.filter((line) => line.endsWith('listing'))).toEqual(['open listing', 'close listing']);
    const rootStamps = (dir: string) => (JSON.parse(outputs.text(`${dir}/.casepress-snapshot.json`)!) as { root: unknown[] }).root;
    expect(rootStamps(`${MEMORY}/parts`).length).toBeGreaterThan(18 * 10);
    expect(rootStamps(`${MEMORY}/parts`)).toEqual(rootStamps(`${MEMORY}/whole`));
    expect(Object.keys(contents(`${MEMORY}/parts`)).filter((path) => path.startsWith('homes/')).length).toBeGreaterThan(0);
    // Checked (5 parts of the 18 children), then built: the same 5, then the homes' parts.
    const children = await ids('children');
    expect(loaded.slice(0, 5).map((part) => [...part!])).toEqual([0, 4, 8, 12, 16].map((at) => children.slice(at, at + PART)));
    expect(loaded.slice(5, 10)).toEqual(loaded.slice(0, 5));
    // Each homes' part holds the children placed in its homes (more than a part's only for a home that has more).
    const homeParts = loaded.slice(10);
    expect(homeParts.length).toBeGreaterThan(1);
    expect(homeParts.every((part) => part !== undefined && part.size < children.length)).toBe(true);
    // The first part loads every home, as it is checked and as it is built (it gives every part the foster families); the others are
    // checked without any; built, each other children's part loads only the homes its children are placed in, each homes' part only its own.
    const none = new Set<string>();
    expect(homesLoaded.slice(0, 6)).toEqual([undefined, none, none, none, none, undefined]);
    const placements = new Map(await Promise.all(children.map(async (id) => [id, [...(await readFile(join(root, 'children', id, 'case.yaml'), 'utf8')).matchAll(/^\s+home: (H-\S+)$/gm)].map((m) => m[1]!)] as const)));
    const placedBy = (part: ReadonlySet<string>) => new Set([...part].flatMap((id) => placements.get(id) ?? []));
    expect(homesLoaded.slice(6, 10)).toEqual(loaded.slice(6, 10).map((part) => placedBy(part!)));
    expect(homesLoaded.slice(6, 10).some((homes) => homes!.size < 12)).toBe(true);
    const homesParts = homesLoaded.slice(10).map((homes) => [...homes!]);
    expect(homesParts.flat().sort()).toEqual(await ids('homes'));
    // Of their children, the homes' parts load only the case records and plans (the homes' documents above came out the same).
    expect(childFilesLoaded.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => undefined));
    expect(childFilesLoaded.slice(10).map((names) => [...names!].sort())).toEqual(homesParts.map(() => ['case.yaml', 'plan.yaml']));
  });

  it('removes what a build of the whole root removes, a case and a home gone among them, and says why', async () => {
    const [children, homes] = [await ids('children'), await ids('homes')];
    // A child no other case names, and a home no placement names.
    const texts = await Promise.all(children.map((id) => readFile(join(root, 'children', id, 'case.yaml'), 'utf8')));
    const alone = children.find((id) => texts.every((text, i) => children[i] === id || !text.includes(id)))!;
    const empty = homes.find((id) => texts.every((text) => !text.includes(id)));
    await rm(join(root, 'children', alone), { recursive: true });
    if (empty) await rm(join(root, 'homes', empty), { recursive: true });
    const whole = await run(`${MEMORY}/whole`, false, '2027-02-01');
    const parts = await run(`${MEMORY}/parts`, true, '2027-02-01');
    expect(parts.said).toEqual(whole.said.map((line) => line.replaceAll('/whole/', '/parts/')));
    expect(parts.said.filter((line) => line.startsWith('pruned')).join('\n')).toContain(`its case ${alone} no longer exists`);
    expect(contents(`${MEMORY}/parts`)).toEqual(contents(`${MEMORY}/whole`));
  });

  it('builds nothing when a part after the first has an error, and reports what a load of the whole root reports', async () => {
    const children = await ids('children');
    await edit(`children/${children[children.length - 2]}/case.yaml`, (t) => t.replace(/^(\s*dob:) .*$/m, '$1 2019-02-30'));
    await edit('agency.yaml', (t) => `${t}unknown_field: 1\n`);
    const before = contents(`${MEMORY}/parts`);
    const whole = await run(`${MEMORY}/whole-errors`, false);
    const parts = await run(`${MEMORY}/parts`, true);
    expect(parts.result.dataErrors).toBe(true);
    expect(parts.said).toEqual(whole.said);
    expect(parts.said.some((line) => line.startsWith('diagnostics') && line.includes('2019-02-30'))).toBe(true);
    expect(contents(`${MEMORY}/parts`)).toEqual(before);
    // Every children's part was checked; none was loaded again to build.
    expect(loaded).toHaveLength(5);
  });
});
