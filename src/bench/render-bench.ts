/**
 * `npm run bench`: renders the sample document (templates/sample.md.hbs, about
 * eight pages with a 120-row table) many times in one process after a warm-up,
 * and reports milliseconds per document for each stage, throughput and memory.
 *
 *   npm run bench -- [--n 1000] [--warmup 20] [--json]
 *
 * With --json the last line is one JSON object for scripts:
 * {"pdf_ms_median","pdf_ms_p95","docx_ms_median","docx_ms_p95","peak_rss_mb","pages",…}
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildTree, prepareTemplate, renderFormat } from '../build/render-document.js';
import { sampleFurniture } from '../build/sample-document.js';
import { loadFonts } from '../io/fonts.js';
import { boundHeapGrowth } from '../io/heap.js';
import { PACKAGE_ROOT, readAssets, readTemplate } from '../io/package-files.js';
import { readDataFile } from '../load/read-data.js';

// The same heap setting as the CLI, so the bench measures what users get.
boundHeapGrowth();

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } },
});
const N = Number(values.n);
const WARMUP = Number(values.warmup);

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (ms: number) => Math.round(ms * 10) / 10;
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const templateFiles = await readTemplate(join(PACKAGE_ROOT, 'templates/sample.md.hbs'));
  const dataFile = join(PACKAGE_ROOT, 'test/fixtures/sample/sample-data.yaml');
  const { data } = readDataFile(dataFile, await readFile(dataFile));
  const furniture = sampleFurniture(data, false)!;
  const images = await readAssets(join(PACKAGE_ROOT, 'cases'));
  const fonts = await loadFonts();
  const { template, diagnostics } = prepareTemplate(templateFiles);
  if (!template) throw new Error(`the sample template has errors: ${diagnostics.map((d) => d.message).join('; ')}`);

  const times = { tree: [] as number[], pdf: [] as number[], docx: [] as number[] };
  let pages = 0;
  let rssAfter100 = 0;
  const started = performance.now();
  for (let i = 0; i < WARMUP + N; i++) {
    const t0 = performance.now();
    const { tree } = buildTree(template, { data, ...furniture, images });
    const t1 = performance.now();
    const pdf = await renderFormat(tree!, 'pdf', { fonts, images }, templateFiles.file);
    const t2 = performance.now();
    const docx = await renderFormat(tree!, 'docx', { fonts, images }, templateFiles.file);
    const t3 = performance.now();
    if (!pdf.bytes || !docx.bytes) throw new Error('a writer failed on the sample');
    if (i >= WARMUP) {
      times.tree.push(t1 - t0);
      times.pdf.push(t2 - t1);
      times.docx.push(t3 - t2);
    }
    if (i === 0) pages = (Buffer.from(pdf.bytes).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    if (i === WARMUP + 99) rssAfter100 = process.memoryUsage().rss;
    if (!values.json && (i + 1) % 100 === 0) process.stderr.write(`  ${i + 1 - WARMUP} of ${N}\r`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rssEnd = process.memoryUsage().rss;
  const result = {
    documents: N,
    pages,
    tree_ms_median: round(percentile(times.tree, 50)),
    pdf_ms_median: round(percentile(times.pdf, 50)),
    pdf_ms_p95: round(percentile(times.pdf, 95)),
    docx_ms_median: round(percentile(times.docx, 50)),
    docx_ms_p95: round(percentile(times.docx, 95)),
    documents_per_second: round((2 * (WARMUP + N)) / seconds),
    peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
    rss_after_100_mb: mb(rssAfter100),
    rss_end_mb: mb(rssEnd),
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const rows: [string, string][] = [
    ['sample document', `${pages} pages, ${N} renders after ${WARMUP} warm-up`],
    ['template → tree', `${result.tree_ms_median} ms median`],
    ['PDF', `${result.pdf_ms_median} ms median, ${result.pdf_ms_p95} ms p95`],
    ['DOCX', `${result.docx_ms_median} ms median, ${result.docx_ms_p95} ms p95`],
    ['throughput', `${result.documents_per_second} documents per second (PDF and DOCX each count)`],
    ['memory', `peak RSS ${result.peak_rss_mb} MB; RSS after 100 renders ${result.rss_after_100_mb} MB, at the end ${result.rss_end_mb} MB`],
  ];
  process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(16)} ${v}`).join('\n')}\n`);
}

await main();
