/**
 * Same input, same bytes, whatever renders it (issue 13): a small generated
 * root, with names in Vietnamese, Greek and Cyrillic (precomposed and with
 * combining marks) in regular, bold, italic and bold italic, built in this
 * thread, on two and on four worker threads, and in reverse job order seeded
 * with the words the first build shaped, gives the same PDFs; each PDF is the
 * one its tree gives when rendered alone, and its text layer reads as the tree.
 *
 * Fonts are parsed afresh for each build, as in a new process: what one
 * document leaves in the font's caches must not change the next.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobEnvironment } from '../../src/build/job-environment.js';
import { planJobs } from '../../src/build/jobs.js';
import type { Report } from '../../src/build/ports.js';
import { jobData, jobHeader, jobTree, renderInput } from '../../src/build/run-job.js';
import { workerRenderer } from '../../src/build/renderer.js';
import { runBuild, type BuildOptions, type PlanJobs } from '../../src/build/run.js';
import { nodeSources } from '../../src/cli/build-ports.js';
import { readRoot } from '../../src/cli/read-root.js';
import type { Inline } from '../../src/document/ast.js';
import { systemClock } from '../../src/io/clock.js';
import { nodeFileSystem } from '../../src/io/file-system.js';
import { loadFonts, type FontFiles } from '../../src/io/fonts.js';
import { readAssets, readTemplate } from '../../src/io/package-files.js';
import { toPdf } from '../../src/render/pdf/index.js';
import { generateAgency } from '../../tools/gen/index.js';
import { bundledWorker } from '../helpers/bundle.js';
import { REPO } from '../helpers/fixture-root.js';
import { withPdfFile } from '../helpers/pdf-text.js';

const AS_OF = '2026-11-23';

/**
 * Names set in every style. The first line holds letters fontkit builds from
 * others ("ự" from "ư", "ί" from "ι", "й" from "и") without those others; the
 * second those others; the third combining marks. Cases take them in turn, so
 * in any order some document sets a letter only after another subset it as a
 * part of a composite.
 */
const NAMES = ['Thự Ừng, Νίκη, Андрей', 'Hương Ngô, Ελισάβετ, Ирина', 'Nguye\u0302\u0303n Hu\u031Bo\u031Bng, Ελε\u0301νη, И\u0306горь Ё\u0308'];
const NAME_LIST = NAMES.flatMap((line) => line.normalize('NFC').split(', '));
const styled = (names: string) => `Also known as ${names}; **${names}**; *${names}*; ***${names}***.`;

let work: string;
let root: string;
/** Output path → PDF bytes, by build. */
const built: Record<string, Map<string, Uint8Array>> = {};

/** The font files as new byte arrays: the writer parses them as a new process would. */
const freshFonts = async (): Promise<FontFiles> => Object.fromEntries(Object.entries(await loadFonts()).map(([key, bytes]) => [key, bytes.slice()])) as unknown as FontFiles;

const silent: Report = { diagnostics: () => {}, dataErrors: () => {}, nothingDue: () => {}, start: () => {}, warning: () => {}, done: () => {}, stop: () => {}, pruned: () => {}, finished: () => {} };

/**
 * The engine from the sources; on more than one job its threads run the
 * bundled worker (compiled: a thread cannot load the sources).
 */
async function build(name: string, out: string, options: Partial<BuildOptions>, plan: PlanJobs = planJobs): Promise<void> {
  const threads = options.jobs ?? 1;
  const result = await runBuild(root, { out, asOf: AS_OF, format: ['pdf'], prune: true, ...options, ...(threads > 1 ? { renderer: (setup) => workerRenderer(setup, { threads, workerFile: bundledWorker() }) } : {}) }, plan, {
    files: nodeFileSystem,
    clock: systemClock,
    report: silent,
    sources: { ...nodeSources, loadFonts: freshFonts },
  });
  expect(result.ok).toBe(true);
  const pdfs = new Map<string, Uint8Array>();
  for (const output of result.built) pdfs.set(output, await readFile(join(out, `${output}.pdf`)));
  built[name] = pdfs;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-determinism-'));
  root = join(work, 'cases');
  let notes = 0;
  for (const file of generateAgency({ children: 4, homes: 2, seed: 21, asOf: AS_OF })) {
    const names = /\/court\/[^/]+\.md$/.test(file.path) ? NAMES[notes++ % NAMES.length] : file.path.endsWith('/study.md') ? NAMES.join('; ') : undefined;
    const text = names ? `${file.text.trimEnd()}\n\n${styled(names)}\n` : file.text;
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), text);
  }
  expect(notes).toBeGreaterThanOrEqual(NAMES.length);
}, 60_000);
afterAll(async () => (process.env.KEEP ? undefined : rm(work, { recursive: true, force: true })));

describe('the same PDFs, however they are rendered', () => {
  it('in this thread, on two and four worker threads, and in reverse order seeded with the first build’s words', async () => {
    // The first build shapes every word; the others are seeded with what it kept, as later builds are.
    const out = join(work, 'output');
    await build('one thread', out, { jobs: 1 });
    // The bundle's threads shape every word again in a new output folder, with the bundle's fontkit (rolldown.config.mjs: its anchors decoded when a mark is attached).
    await build('two bundled workers, nothing seeded', join(work, 'output-unseeded'), { jobs: 2 });
    await build('two workers', out, { jobs: 2, force: true });
    await build('four workers', out, { jobs: 4, force: true });
    await build('one thread, reversed', out, { jobs: 1, force: true }, (r, asOf) => planJobs(r, asOf).reverse());
    const reference = built['one thread']!;
    expect(reference.size).toBeGreaterThanOrEqual(8);
    for (const [name, pdfs] of Object.entries(built)) {
      expect([...pdfs.keys()].sort(), name).toEqual([...reference.keys()].sort());
      const differing = [...pdfs].filter(([output, bytes]) => !Buffer.from(bytes).equals(Buffer.from(reference.get(output)!))).map(([output]) => output);
      expect(differing, name).toEqual([]);
    }
  }, 180_000);

  it('each reads as its tree, and the first and last are their trees rendered alone', async () => {
    const reference = built['one thread']!;
    const read = await readRoot(root);
    const env = await createJobEnvironment({ root: read.root, agency: read.root.agency!.data, asOf: AS_OF, templatesDir: join(REPO, 'templates'), readTemplate, formats: ['pdf'], fonts: await loadFonts(), images: await readAssets(root), bytesOf: read.bytesOf });
    const jobs = planJobs(read.root, AS_OF);
    expect(jobs.map((j) => j.output).sort()).toEqual([...reference.keys()].sort());
    const missing: string[] = [];
    let named = 0;
    for (const [i, job] of jobs.entries()) {
      const { tree } = await jobTree(jobHeader(job), renderInput(jobData(job, env), jobHeader(job)), env);
      const pdf = reference.get(job.output)!;
      if (i === 0 || i === jobs.length - 1) expect(Buffer.from(await toPdf(tree!, { fonts: await freshFonts(), images: env.images })).equals(Buffer.from(pdf)), job.output).toBe(true);
      // A narrow column cuts words, and list markers and boxes add some: every character and every name the tree has, the PDF has as often.
      const treeText = readerText(inlineTexts(tree!.blocks).join(' '));
      const pdfText = readerText(withPdfFile(pdf, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })));
      const pdfChars = counts([...pdfText.replace(/\s/g, '')]);
      for (const [char, count] of counts([...treeText.replace(/\s/g, '')])) if ((pdfChars.get(char) ?? 0) < count) missing.push(`${job.output}: "${char}" ${count}× in the tree, ${pdfChars.get(char) ?? 0}× in the PDF`);
      for (const name of NAME_LIST) if (occurrences(pdfText, name) < occurrences(treeText, name)) missing.push(`${job.output}: "${name}" ${occurrences(treeText, name)}× in the tree, ${occurrences(pdfText, name)}× in the PDF`);
      if (treeText.includes('Hương')) named++;
    }
    expect(missing).toEqual([]);
    expect(named).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

/** The text of every run of inlines in the blocks, each run as one string (a word may be set in two styles). */
function inlineTexts(node: unknown): string[] {
  if (Array.isArray(node)) {
    if (node.length > 0 && node.every(isInline)) return [plain(node)];
    return node.flatMap(inlineTexts);
  }
  if (node && typeof node === 'object') return Object.values(node).flatMap(inlineTexts);
  return [];
}

function isInline(node: unknown): node is Inline {
  const type = (node as { type?: unknown } | null)?.type;
  return type === 'text' || type === 'strong' || type === 'emphasis' || type === 'link' || type === 'break';
}

function plain(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? ' ' : plain(n.children))).join('');
}

/** Text as a reader compares it: NFC, each run of white space one space. */
const readerText = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

function counts(list: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of list) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}
