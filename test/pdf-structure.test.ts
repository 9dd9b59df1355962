/**
 * Tagged PDF: the structure tree read back with pdfjs-dist (as a screen reader
 * reads it): headings, table header cells with their scope, figures with their
 * alternate text, notices, links, reading order; the running header, footer
 * and watermark outside the tree as artifacts; /Lang, /MarkInfo,
 * DisplayDocTitle; PDF/A-2a's identification in an XMP packet that parses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtReportJob, nextHearing } from '../src/build/jobs.js';
import type { PlanJobs } from '../src/build/run.js';
import { build } from '../src/cli/commands/build.js';
import { loadFonts, type FontFiles } from '../src/io/fonts.js';
import { toPdf } from '../src/render/pdf/index.js';
import { REPO } from './helpers/fixture-root.js';
import { allNodes, byRole, readStructure, type PdfStructure } from './helpers/pdf-structure.js';
import { SAMPLE_IMAGES, SAMPLE_TREE } from './helpers/sample-tree.js';

const DIR = mkdtempSync(join(tmpdir(), 'casepress-tags-'));
let fonts: FontFiles;
let sampleBytes: Uint8Array;
let sample: PdfStructure;

beforeAll(async () => {
  fonts = await loadFonts();
  sampleBytes = await toPdf(SAMPLE_TREE, { fonts, images: SAMPLE_IMAGES });
  sample = await readStructure(sampleBytes);
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const texts = (structure: PdfStructure, role: string): string[] => byRole(structure, role).map((n) => n.text.trim());

describe('the sample document, tagged', () => {
  it('says so: pdfinfo reads Tagged: yes; /Lang en-US, /MarkInfo Marked, the title shown', () => {
    const path = join(DIR, 'sample.pdf');
    writeFileSync(path, sampleBytes);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
    expect(sample.language).toBe('en-US');
    expect(sample.marked).toBe(true);
    expect(sample.displayDocTitle).toBe(true);
  });

  it('has one Document holding the letterhead, the title and the headings in reading order', () => {
    const first = sample.pages[0]!.tree.children;
    expect(first.map((n) => n.role)).toEqual(['Document']);
    const top = first[0]!.children;
    expect(top.slice(0, 3).map((n) => [n.role, n.text])).toEqual([
      ['P', 'Bluegrass Family Services'],
      ['P', '120 Main St'],
      ['P', 'Lexington, KY 40507'],
    ]);
    const headings = allNodes(sample).filter((n) => /^H[1-3]$/.test(n.role)).map((n) => `${n.role} ${n.text.trim()}`);
    expect(headings.slice(0, 4)).toEqual(['H1 Court Report — Sample', 'H1 Court Report', 'H2 Names in every script', 'H2 Nested lists']);
    expect(headings).toContain('H3 Kept together');
    expect(headings).toContain('H2 Placement history');
  });

  it('marks the table header cells TH with /Scope /Column, the rest TD, the caption a Caption', () => {
    expect(texts(sample, 'TH').slice(0, 4)).toEqual(['#', 'Start', 'Setting', 'Home or provider']);
    const raw = Buffer.from(sampleBytes).toString('latin1');
    const headerCells = raw.match(/<<\/S \/TH .*/g) ?? [];
    expect(headerCells.length).toBeGreaterThanOrEqual(4);
    for (const cell of headerCells) expect(cell).toMatch(/\/Scope \/Column/);
    expect(texts(sample, 'TD')).toContain('Relative foster family');
    expect(texts(sample, 'Caption')).toContain('Table 1. Placement history (120 rows)');
  });

  it('repeats the header row on continued pages as an artifact, never as a second TH', () => {
    const pagesWithHeader = sample.pages.filter((p) => p.artifacts.includes('Home or provider'));
    expect(pagesWithHeader.length).toBeGreaterThan(0);
    const raw = Buffer.from(sampleBytes).toString('latin1');
    expect(raw.match(/<<\/S \/TH /g)).toHaveLength(4);
  });

  it('gives the image a Figure with its alternate text, notices a Note, lists L/LI/Lbl/LBody, links a Link with its annotation', () => {
    expect(byRole(sample, 'Figure').map((n) => n.alt)).toContain('Agency logo');
    expect(texts(sample, 'Note').some((t) => t.startsWith('Withheld for this audience'))).toBe(true);
    const item = byRole(sample, 'LI')[0]!;
    expect(item.children.map((n) => n.role)).toEqual(['Lbl', 'LBody']);
    for (const link of byRole(sample, 'Link')) expect(link.annotations).toBe(1);
  });

  it('keeps the running header, the footer and the watermark out of the tree, as artifacts; no text is left unmarked', () => {
    for (const [i, page] of sample.pages.entries()) {
      expect(page.unmarked, `page ${i + 1}`).toBe('');
      expect(page.artifacts).toContain(`Page ${i + 1} of ${sample.pages.length}`);
      expect(page.artifacts).toContain('CONFIDENTIAL');
      expect(page.artifacts).toContain('DRAFT');
    }
    const tagged = allNodes(sample).map((n) => n.text).join('\n');
    expect(tagged).not.toMatch(/Page \d+ of/);
    expect(tagged).not.toContain('CONFIDENTIAL: contains information');
    expect(tagged).not.toContain('DRAFT');
  });

  it('takes its language from the tree', async () => {
    const spanish = await readStructure(await toPdf({ ...SAMPLE_TREE, meta: { ...SAMPLE_TREE.meta, language: 'es-US' } }, { fonts, images: SAMPLE_IMAGES }));
    expect(spanish.language).toBe('es-US');
  });

  it('with --pdfa, declares PDF/A-2a (part 2, conformance A) in an XMP packet that parses', async () => {
    const pdfa = await readStructure(await toPdf(SAMPLE_TREE, { fonts, images: SAMPLE_IMAGES, pdfa: true }));
    expect(pdfa.xmp?.get('pdfaid:part')).toBe('2');
    expect(pdfa.xmp?.get('pdfaid:conformance')).toBe('A');
    expect(pdfa.xmp?.get('dc:title')).toBe(SAMPLE_TREE.meta.subject);
  });
});

describe("a court report of the example agency, tagged", () => {
  let report: PdfStructure;
  beforeAll(async () => {
    const out = join(DIR, 'out');
    const plan: PlanJobs = (root, asOf) => {
      const child = root.children.find((c) => c.id === 'C-2025-0142')!;
      return [courtReportJob(child, nextHearing(child, asOf)!)];
    };
    const say = (): void => undefined;
    const outcome = await build(join(REPO, 'cases'), { asOf: '2026-11-23', format: ['pdf'], jobs: 1, out }, plan, say, say);
    expect(outcome.code).toBe(0);
    const folder = join(out, 'children/C-2025-0142');
    const file = (await readdir(folder)).find((f) => f.startsWith('court-report') && f.endsWith('.pdf'))!;
    report = await readStructure(readFileSync(join(folder, file)));
  });

  it('has its sections as headings, its tables with header cells, and no text outside the tree but the furniture', () => {
    const headings = allNodes(report).filter((n) => /^H[1-3]$/.test(n.role)).map((n) => n.text.trim());
    expect(headings[0]).toBe('Court Report');
    expect(headings).toContain('The child');
    expect(headings).toContain('Reason for placement');
    expect(byRole(report, 'TH').length).toBeGreaterThan(0);
    for (const [i, page] of report.pages.entries()) {
      expect(page.unmarked, `page ${i + 1}`).toBe('');
      expect(page.artifacts).toContain(`Page ${i + 1} of ${report.pages.length}`);
    }
    expect(allNodes(report).map((n) => n.text).join('\n')).not.toMatch(/Page \d+ of/);
    expect(report.language).toBe('en-US');
  });
});
