/**
 * The build engine (build/run.ts) on an in-memory file system: the example
 * agency's files held in memory, a fixed clock, a report that records, and a
 * stand-in renderer. What it writes and in which order, what a build that
 * finds nothing changed reads and says, a write that fails, and what a full
 * build removes — without a disk, a process or a real PDF.
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { sha256 } from '../src/core/hash.js';
import type { BuildPorts, DocumentDone, Pruned, Report, Sources, BuildSummary, DiagnosticReport } from '../src/build/ports.js';
import { runBuild, type BuildOptions } from '../src/build/run.js';
import { isAssetImage, isCaseTextFile, type ListedEntry } from '../src/core/listing.js';
import { loadFonts } from '../src/io/fonts.js';
import { listCaseRoot } from '../src/io/list-root.js';
import { readTemplate } from '../src/io/package-files.js';
import { statTree } from '../src/io/stat-tree.js';
import { MAX_FILE_BYTES } from '../src/load/decode.js';
import { loadCaseRoot } from '../src/load/load-root.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';
import { memoryFiles, type MemoryFiles } from './helpers/memory-files.js';

const ROOT = '/agency/cases';
const OUT = '/agency/output';
const AS_OF = '2026-11-23';
const OPTIONS: BuildOptions = { out: OUT, asOf: AS_OF, format: ['pdf', 'docx'], prune: true, renderer: jsonRenderer };

/** What a build said, as events. */
function recorder() {
  const said = { diagnostics: [] as DiagnosticReport[], warnings: [] as string[], done: [] as DocumentDone[], pruned: [] as Pruned[], finished: [] as BuildSummary[], dataErrors: 0 };
  const report: Report = {
    diagnostics: (r) => void said.diagnostics.push(r),
    dataErrors: () => void said.dataErrors++,
    nothingDue: () => {},
    start: () => {},
    warning: (line) => void said.warnings.push(line),
    done: (d) => void said.done.push(d),
    stop: () => {},
    pruned: (p) => void said.pruned.push(p),
    finished: (s) => void said.finished.push(s),
  };
  return { said, report };
}

let files: MemoryFiles;
let reads: number;

/** The example agency's files, each under ROOT. */
const example = listCaseRoot(join(REPO, 'cases'), { maxFileBytes: MAX_FILE_BYTES });

beforeEach(async () => {
  // Files the loader does not read (the logo) stand in by their size.
  const entries = (await example).entries.flatMap((e) => (e.type === 'file' ? [[`${ROOT}/${e.path}`, e.bytes ?? new Uint8Array(e.size)] as const] : []));
  files = memoryFiles(Object.fromEntries(entries));
  reads = 0;
});

/** The root as the memory holds it now, loaded. */
const sources: Sources = {
  version: '0.0.0-test',
  templatesDir: join(REPO, 'templates'),
  async readRoot() {
    reads++;
    const entries: ListedEntry[] = [];
    const dirs = new Set<string>();
    for (const [path, { bytes }] of files.files) {
      if (!path.startsWith(`${ROOT}/`)) continue;
      const rel = path.slice(ROOT.length + 1);
      entries.push({ type: 'file', path: rel, size: bytes.length, ...(isCaseTextFile(rel) || isAssetImage(rel) ? { bytes } : {}) });
      const parts = rel.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    }
    for (const path of dirs) entries.push({ type: 'dir', path });
    entries.sort((a, b) => (a.path < b.path ? -1 : 1));
    const { root, diagnostics } = loadCaseRoot({ entries });
    const bytesOf = (path: string) => files.files.get(`${ROOT}/${path}`)?.bytes;
    const hashOf = (path: string) => {
      const bytes = bytesOf(path);
      return bytes && sha256(bytes);
    };
    return { root, diagnostics, bytesOf, hashOf, report: { diagnostics, displayPath: (f) => f, sourceOf: () => undefined, filesChecked: root.fileCount } };
  },
  readTemplate,
  readAssets: async () => ({}),
  loadFonts,
  readCache: () => undefined,
  writeCache: async () => {},
};

async function build(options: Partial<BuildOptions> = {}) {
  const { said, report } = recorder();
  // The templates are the repository's, on disk: their stamps are too.
  const list: BuildPorts['files']['list'] = (folder, skip) => (folder === sources.templatesDir ? statTree(folder, skip) : files.list(folder, skip));
  const ports: BuildPorts = { files: { ...files, list }, clock: { today: () => AS_OF, now: () => 0 }, report, sources };
  const result = await runBuild(ROOT, { ...OPTIONS, ...options }, (root, asOf) => planJobs(root, asOf), ports);
  return { result, said };
}

const written = () => files.log.filter((l) => l.startsWith('write ')).map((l) => l.slice('write '.length));

describe('the build engine', () => {
  it('writes every output, then the manifest, then the snapshot; a build that finds nothing changed reads nothing and says what the first said', async () => {
    const first = await build();
    expect(first.result.ok).toBe(true);
    const paths = written();
    const outputs = paths.filter((p) => /\.(pdf|docx)$/.test(p));
    expect(outputs.length).toBeGreaterThanOrEqual(34);
    expect(paths.slice(outputs.length)).toEqual([`${OUT}/manifest.json`, `${OUT}/.casepress-snapshot.json`, `${OUT}/warnings.txt`]);
    expect(first.said.warnings.length).toBeGreaterThan(0);
    expect(files.text(`${OUT}/warnings.txt`)).toBe(`${[...first.said.warnings].sort().join('\n')}\n`);

    files.log.length = 0;
    const again = await build();
    expect(reads).toBe(1);
    expect(files.log).toEqual([]);
    expect(again.said.warnings).toEqual(first.said.warnings);
    expect(again.said.finished[0]).toMatchObject({ replayed: true, documents: outputs.length / 2, built: 0 });
    expect(again.result).toMatchObject({ ok: true, skipped: outputs.length / 2 });
    // --strict: the same warnings make it fail.
    expect((await build({ strict: true })).result.ok).toBe(false);
  });

  it('an output that cannot be written fails its document with CP3001 and keeps no snapshot; the others are written', async () => {
    await build();
    const note = `${ROOT}/children/C-2025-0142/contacts/2026-11-05-home.md`;
    await files.writeAtomic(note, `${files.text(note)}\nThe child asked about the school play.\n`);
    files.refuse((path) => path.endsWith('/court-report-2026-12-10.pdf'));
    const { result, said } = await build();
    expect(result.ok).toBe(false);
    expect(result.failed.map((f) => f.output)).toEqual(['children/C-2025-0142/court-report-2026-12-10']);
    expect(said.diagnostics.flatMap((r) => r.diagnostics.map((d) => [d.code, d.file]))).toEqual([['CP3001', `${OUT}/children/C-2025-0142/court-report-2026-12-10.pdf`]]);
    expect(files.files.has(`${OUT}/.casepress-snapshot.json`)).toBe(false);
    // The DOCX was written and recorded; the PDF's entry is the earlier one.
    const manifest = JSON.parse(files.text(`${OUT}/manifest.json`)!) as { outputs: Record<string, { sha256: string }> };
    expect(written()).toContain(`${OUT}/children/C-2025-0142/court-report-2026-12-10.docx`);
    expect(manifest.outputs['children/C-2025-0142/court-report-2026-12-10.pdf']).toBeDefined();
  });

  it('a full build removes the outputs of a deleted case, keeps a file changed by hand (dropping its entry), and says why', async () => {
    await build();
    const gone = 'children/C-2026-0058';
    for (const path of [...files.files.keys()]) if (path.startsWith(`${ROOT}/${gone}/`)) files.files.delete(path);
    const outputs = [...files.files.keys()].filter((p) => p.startsWith(`${OUT}/${gone}/`)).sort();
    expect(outputs.length).toBeGreaterThanOrEqual(2);
    const [edited, ...others] = outputs;
    await files.writeAtomic(edited!, 'changed by hand');
    const { result, said } = await build();
    expect(result.ok).toBe(true);
    const reason = 'its case C-2026-0058 no longer exists';
    expect(said.pruned).toEqual([{ kind: 'kept', file: edited, reason }, ...others.map((file) => ({ kind: 'removed', file, reason }))]);
    expect(files.text(edited!)).toBe('changed by hand');
    for (const path of others) expect(files.files.has(path)).toBe(false);
    const manifest = JSON.parse(files.text(`${OUT}/manifest.json`)!) as { outputs: Record<string, unknown> };
    expect(Object.keys(manifest.outputs).filter((p) => p.startsWith(gone))).toEqual([]);
  });
});
