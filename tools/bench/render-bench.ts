/**
 * `npm run bench`: renders one document many times in one process after a
 * warm-up, and reports milliseconds per document for each stage (template →
 * Markdown, Markdown → tree, the final scan for withheld values, PDF, DOCX), throughput and memory.
 *
 *   npm run bench -- [--n 1000] [--warmup 20] [--json]
 *       the sample document (templates/sample.md.hbs, about eight pages with a 120-row table)
 *   npm run bench -- --doc court-report [--root cases] [--as-of 2026-11-23] [--n …] [--json]
 *       the longest court report (most pages) the case root has due as of the date,
 *       rendered the way `build` renders it (audience, withheld values, letterhead)
 *
 *   … --young-mb 96: the same in a worker thread whose young generation is at
 *       most 96 MB (Worker resourceLimits.maxYoungGenerationSizeMb), as a build's
 *       worker threads could be started
 *
 * With --json the last line is one JSON object for scripts:
 * {"markdown_ms_median","tree_ms_median","cpu_ms_median":{…},"pdf_ms_median","pdf_ms_p95","docx_ms_median","docx_ms_p95","peak_rss_mb","pages",…}
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { isMainThread, Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { DocumentMeta, DocumentTree, ImageSet, Letterhead } from '../../src/document/ast.js';
import { markdownToTree } from '../../src/document/from-markdown.js';
import { agencyLetterhead, documentMeta } from '../../src/build/furniture.js';
import { createJobEnvironment } from '../../src/build/job-environment.js';
import { planJobs, type Job } from '../../src/build/jobs.js';
import { prepareTemplate, renderFormat } from '../../src/build/render-document.js';
import { jobData } from '../../src/build/run-job.js';
import { sampleFurniture } from '../../src/build/sample-document.js';
import { scanWithheld } from '../../src/build/scan-withheld.js';
import { readRoot } from '../../src/cli/read-root.js';
import { hasErrors } from '../../src/core/diagnostic.js';
import { today } from '../../src/io/clock.js';
import { loadFonts } from '../../src/io/fonts.js';
import { boundHeapGrowth } from '../../src/io/heap.js';
import { PACKAGE_ROOT, readAssets, readTemplate } from '../../src/io/package-files.js';
import { readDataFile } from '../../src/load/read-data.js';
import type { FontSet } from '../../src/render/pdf/index.js';
import { renderTemplate, type CompiledTemplate } from '../../src/templates/index.js';

// The same heap setting as the CLI, so the bench measures what users get.
boundHeapGrowth();

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    doc: { type: 'string', default: 'sample' },
    root: { type: 'string', default: join(PACKAGE_ROOT, 'cases') },
    'as-of': { type: 'string' },
    'young-mb': { type: 'string' },
  },
});
const N = Number(values.n);
const WARMUP = Number(values.warmup);

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (ms: number) => Math.round(ms * 10) / 10;
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One document, ready to render again and again. */
interface Subject {
  /** What is rendered, for the report. */
  readonly label: string;
  readonly template: CompiledTemplate;
  readonly data: unknown;
  readonly meta: DocumentMeta;
  readonly letterhead?: Letterhead;
  readonly images: ImageSet;
  readonly fonts: FontSet;
  /** The tree as the build leaves it after the Markdown (run-job.ts scans for withheld values). */
  readonly finish: (tree: DocumentTree) => DocumentTree;
}

const failed = (what: string, diagnostics: readonly Diagnostic[]) => new Error(`${what}: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);

/** Wall-clock and CPU milliseconds (CPU: this process's threads, so GC helpers count; steadier on a busy machine). */
function clock(): { wall: number; cpu: number } {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now(), cpu: (user + system) / 1000 };
}

/** One render, timed by stage. */
async function renderOnce(s: Subject) {
  const t0 = clock();
  const rendered = renderTemplate(s.template, s.data);
  const t1 = clock();
  if (rendered.markdown === undefined || hasErrors(rendered.diagnostics)) throw failed('the template failed', rendered.diagnostics);
  const { blocks, diagnostics } = markdownToTree(rendered.markdown, s.template.file, { images: Object.keys(s.images) });
  const t2 = clock();
  const tree = s.finish({ meta: s.meta, ...(s.letterhead ? { letterhead: s.letterhead } : {}), blocks });
  const tScan = clock();
  if (hasErrors(diagnostics)) throw failed('the Markdown failed', diagnostics);
  const pdf = await renderFormat(tree, 'pdf', { fonts: s.fonts, images: s.images }, s.template.file);
  const t3 = clock();
  const docx = await renderFormat(tree, 'docx', { fonts: s.fonts, images: s.images }, s.template.file);
  const t4 = clock();
  if (!pdf.bytes || !docx.bytes) throw failed('a writer failed', [...pdf.diagnostics, ...docx.diagnostics]);
  const pages = (Buffer.from(pdf.bytes).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const span = (key: 'wall' | 'cpu') => ({ markdown: t1[key] - t0[key], tree: t2[key] - t1[key], scan: tScan[key] - t2[key], pdf: t3[key] - tScan[key], docx: t4[key] - t3[key] });
  return { ms: span('wall'), cpu: span('cpu'), pages, markdownChars: rendered.markdown.length };
}

async function sampleSubject(): Promise<Subject> {
  const templateFiles = await readTemplate(join(PACKAGE_ROOT, 'templates/sample.md.hbs'));
  const dataFile = join(PACKAGE_ROOT, 'test/fixtures/sample/sample-data.yaml');
  const { data } = readDataFile(dataFile, await readFile(dataFile));
  const furniture = sampleFurniture(data, false)!;
  const images = await readAssets(join(PACKAGE_ROOT, 'cases'));
  const fonts = await loadFonts();
  const { template, diagnostics } = prepareTemplate(templateFiles);
  if (!template) throw failed('the sample template has errors', diagnostics);
  return { label: 'sample document', template, data, ...furniture, images, fonts, finish: (tree) => tree };
}

/** Every court report the root has due as of the date, built as `build` builds it; the one with the most pages. */
async function courtReportSubject(rootArg: string, asOfArg: string | undefined): Promise<Subject> {
  const { root, diagnostics, bytesOf } = await readRoot(rootArg);
  if (hasErrors(diagnostics) || !root.agency) throw failed(`the case root ${rootArg} has errors`, diagnostics);
  const agency = root.agency.data;
  const asOf = asOfArg ?? today(agency.time_zone ?? undefined);
  const jobs = planJobs(root, asOf, { docs: ['court-report'] });
  if (jobs.length === 0) throw new Error(`no court report is due in ${rootArg} as of ${asOf}`);
  const fonts = await loadFonts();
  const images = await readAssets(rootArg);
  const env = await createJobEnvironment({ root, agency, asOf, templatesDir: join(PACKAGE_ROOT, 'templates'), readTemplate, formats: ['pdf', 'docx'], fonts, images, bytesOf, templates: new Set(jobs.map((j) => j.template)) });
  const subjectOf = async (job: Job): Promise<Subject> => {
    const compiled = await env.template(job.template);
    if (!compiled.template) throw failed(`${job.template} has errors`, compiled.diagnostics);
    const { data } = jobData(job, env);
    const meta = documentMeta(agency, { title: job.title, subject: `${job.title} — ${job.subject}`, reference: job.subject, asOf, keywords: [job.type, job.audience], internal: job.audience === 'internal' });
    return {
      label: `court report ${job.subject} (${job.output})`,
      template: compiled.template,
      data: data.data,
      meta,
      letterhead: agencyLetterhead(agency),
      images,
      fonts,
      finish: (tree) => scanWithheld(tree, data.withheld).tree,
    };
  };
  let best: { subject: Subject; pages: number; chars: number } | undefined;
  for (const job of jobs) {
    const subject = await subjectOf(job);
    const { pages, markdownChars } = await renderOnce(subject);
    if (!best || pages > best.pages || (pages === best.pages && markdownChars > best.chars)) best = { subject, pages, chars: markdownChars };
  }
  return best!.subject;
}

async function main(): Promise<void> {
  const subject = values.doc === 'sample' ? await sampleSubject() : values.doc === 'court-report' ? await courtReportSubject(values.root, values['as-of']) : undefined;
  if (!subject) throw new Error(`--doc is "sample" or "court-report", not "${values.doc}"`);

  const times = { markdown: [] as number[], tree: [] as number[], scan: [] as number[], pdf: [] as number[], docx: [] as number[] };
  const cpu = { markdown: [] as number[], tree: [] as number[], scan: [] as number[], pdf: [] as number[], docx: [] as number[] };
  let pages = 0;
  let rssAfter100 = 0;
  const started = performance.now();
  for (let i = 0; i < WARMUP + N; i++) {
    const once = await renderOnce(subject);
    if (i >= WARMUP) {
      for (const stage of Object.keys(times) as (keyof typeof times)[]) {
        times[stage].push(once.ms[stage]);
        cpu[stage].push(once.cpu[stage]);
      }
    }
    if (i === 0) pages = once.pages;
    if (i === WARMUP + 99) rssAfter100 = process.memoryUsage().rss;
    if (!values.json && (i + 1) % 100 === 0) process.stderr.write(`  ${i + 1 - WARMUP} of ${N}\r`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rssEnd = process.memoryUsage().rss;
  const stage = (name: keyof typeof times) => ({ median: round(percentile(times[name], 50)), p95: round(percentile(times[name], 95)) });
  const sum = (t: typeof times) => t.markdown.map((_, i) => t.markdown[i]! + t.tree[i]! + t.scan[i]! + t.pdf[i]! + t.docx[i]!);
  const pairs = sum(times);
  const cpuMedian = (name: keyof typeof times) => round(percentile(cpu[name], 50));
  const result = {
    doc: values.doc,
    document: subject.label,
    documents: N,
    pages,
    markdown_ms_median: stage('markdown').median,
    markdown_ms_p95: stage('markdown').p95,
    tree_ms_median: stage('tree').median,
    tree_ms_p95: stage('tree').p95,
    scan_ms_median: stage('scan').median,
    pdf_ms_median: stage('pdf').median,
    pdf_ms_p95: stage('pdf').p95,
    docx_ms_median: stage('docx').median,
    docx_ms_p95: stage('docx').p95,
    pair_ms_median: round(percentile(pairs, 50)),
    cpu_ms_median: { markdown: cpuMedian('markdown'), tree: cpuMedian('tree'), scan: cpuMedian('scan'), pdf: cpuMedian('pdf'), docx: cpuMedian('docx'), pair: round(percentile(sum(cpu), 50)) },
    documents_per_second: round((2 * (WARMUP + N)) / seconds),
    peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
    rss_after_100_mb: mb(rssAfter100),
    rss_end_mb: mb(rssEnd),
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const row = (name: keyof typeof times) => `${stage(name).median} ms median, ${stage(name).p95} ms p95; CPU ${cpuMedian(name)} ms median`;
  const rows: [string, string][] = [
    ['document', `${subject.label}: ${pages} pages, ${N} renders after ${WARMUP} warm-up`],
    ['template → md', row('markdown')],
    ['md → tree', row('tree')],
    ['withheld scan', row('scan')],
    ['PDF', row('pdf')],
    ['DOCX', row('docx')],
    ['all four', `${result.pair_ms_median} ms median per PDF + DOCX pair; CPU ${result.cpu_ms_median.pair} ms median`],
    ['throughput', `${result.documents_per_second} documents per second (PDF and DOCX each count)`],
    ['memory', `peak RSS ${result.peak_rss_mb} MB; RSS after 100 renders ${result.rss_after_100_mb} MB, at the end ${result.rss_end_mb} MB`],
  ];
  process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(16)} ${v}`).join('\n')}\n`);
}

const youngMb = values['young-mb'];
if (youngMb !== undefined && isMainThread) {
  // The bench again in a worker thread with that young generation: the main thread's is fixed at start-up.
  const worker = new Worker(new URL(import.meta.url), { argv: process.argv.slice(2), resourceLimits: { maxYoungGenerationSizeMb: Number(youngMb) } });
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the bench worker exited with ${code}`))));
  });
} else {
  await main();
}
