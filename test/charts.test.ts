/**
 * Charts from end to end: `:::chart` in Markdown → a chart node and its data
 * table → a PDF (vectors and real text, read back by pdftotext) and a DOCX
 * (a native Word chart part per chart). The sample holds the five charts of
 * the statistics report: two trend lines, children in care, exits by reason
 * (stacked bars), overdue items by caseworker (bars laid across).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Chart, DocumentTree } from '../src/document/ast.js';
import { checkTemplateMarkdown, markdownToTree } from '../src/document/from-markdown.js';
import { loadFonts, type FontFiles } from '../src/io/fonts.js';
import { barsAcross, layoutChart, type Mark } from '../src/render/chart/layout.js';
import { formatValue, valueScale } from '../src/render/chart/scale.js';
import { toDocx } from '../src/render/docx/index.js';
import { facesOf, widthOf } from '../src/render/pdf/fonts.js';
import { toPdf } from '../src/render/pdf/index.js';
import { parts } from './helpers/docx-parts.js';
import { REPO } from './helpers/fixture-root.js';

const SAMPLE = readFileSync(join(REPO, 'test/fixtures/charts/five-charts.md'), 'utf8');
const DIR = mkdtempSync(join(tmpdir(), 'casepress-charts-'));
const meta: DocumentTree['meta'] = { title: 'Quarterly statistics', author: 'a', subject: 's', keywords: [], reference: 'STATS-2026-Q3', confidentiality: 'Internal', date: '2026-10-01' };

let fonts: FontFiles;
beforeAll(async () => {
  fonts = await loadFonts();
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const tree = (markdown: string) => markdownToTree(markdown, 'stats.md');
const charts = (blocks: readonly Block[]) => blocks.filter((b): b is Chart => b.type === 'chart');
const codes = (markdown: string) => tree(markdown).diagnostics.map((d) => `${d.code} ${d.message}`);

const chart = (kind: string, rows: string, attributes = '') => `:::chart{kind=${kind} title="T" alt="A"${attributes}}\n| Month | Visits |\n|---|--:|\n${rows}\n:::\n`;

describe(':::chart', () => {
  const { blocks, diagnostics } = tree(SAMPLE);

  it('reads the five charts of the sample, each followed by its data table from the same rows', () => {
    expect(diagnostics).toEqual([]);
    const found = charts(blocks);
    expect(found.map((c) => [c.kind, c.stacked, c.title])).toEqual([
      ['line', false, 'Caseworker visits: child-months with a visit'],
      ['line', false, 'Placement moves per 1,000 days in care'],
      ['line', false, 'Children in care on the last day of each month'],
      ['bar', true, 'Exits by reason'],
      ['bar', true, 'Overdue items by caseworker'],
    ]);
    for (const c of found) expect(blocks[blocks.indexOf(c) + 1]!.type).toBe('table');
    const visits = found[0]!;
    expect(visits.categories).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(visits.series.map((s) => s.name)).toEqual(['Agency', 'Unit A', 'Federal goal']);
    // An empty cell is a gap; the format comes from format="0%".
    expect(visits.series[1]!.values).toEqual([88, 90.5, null, 93.1, 95]);
    expect(visits.format).toEqual({ decimals: 0, percent: true });
    expect(visits).toMatchObject({ xTitle: 'Quarter', yTitle: 'Child-months with a visit' });
    expect(visits.alt).toMatch(/^The visit rate by quarter/);
    // Thousands separators; "fewer than 5" (a public copy's small number) is a gap, printed as written in the table.
    expect(found[2]!.series[0]!.values.slice(0, 2)).toEqual([1212, 1220]);
    expect(found[3]!.series[4]!.values).toEqual([null, 1, 2, 0, 1]);
    const exitsTable = blocks[blocks.indexOf(found[3]!) + 1]!;
    expect(JSON.stringify(exitsTable)).toContain('fewer than 5');
  });

  it('takes its number format from the data when none is given', () => {
    expect(charts(tree(chart('line', '| Jan | 1.25 |\n| Feb | 3 |')).blocks)[0]!.format).toEqual({ decimals: 2, percent: false });
    expect(charts(tree(chart('bar', '| Jan | 12% |')).blocks)[0]!.format).toEqual({ decimals: 0, percent: true });
  });

  it('reports what is wrong at its line, with a hint', () => {
    expect(codes(':::chart{kind=pie title="T" alt="A"}\n| a | b |\n|---|---|\n| x | 1 |\n:::\n')).toEqual(['CP2103 kind="pie" on :::chart: the kinds are line, bar']);
    expect(codes(':::chart{kind=line title="T"}\n| a | b |\n|---|---|\n| x | 1 |\n:::\n')).toEqual([expect.stringMatching(/^CP2103 :::chart without alt="…"/)]);
    expect(codes(chart('line', '| Jan | 9S.2 |'))).toEqual([expect.stringMatching(/^CP2103 a cell "9S.2" in the column "Visits"/)]);
    expect(codes(chart('line', '| Jan | 1 |', ' stacked'))).toEqual(['CP2103 stacked on a :::chart of kind=line: only bars are stacked']);
    expect(codes(chart('line', '| Jan | 1 |', ' format="0,0"'))).toEqual([expect.stringMatching(/^CP2103 format="0,0" on :::chart/)]);
    expect(codes(':::chart{kind=line title="T" alt="A"}\nJust words.\n:::\n')).toEqual([
      expect.stringMatching(/^CP2101 a :::chart without a table/),
      expect.stringMatching(/^CP2101 a paragraph in a :::chart/),
    ]);
    const located = tree('Intro.\n\n' + chart('line', '| Jan | 9S.2 |')).diagnostics[0]!;
    expect(located.span?.start.line).toBe(4);
  });

  it('refuses a number too large to chart, and lays out thousands of rows without stalling', () => {
    expect(codes(chart('line', `| Jan | ${'9'.repeat(400)} |`))).toEqual([expect.stringMatching(/^CP2103 a cell "9{400}" in the column "Visits" \(too large to chart\)/)]);
    const rows = Array.from({ length: 3000 }, (_, i) => `| Day ${i} of the year | ${i % 7} |`).join('\n');
    const many = charts(tree(chart('bar', rows)).blocks)[0]!;
    const drawing = layoutChart(many, 468, (t, size) => t.length * size * 0.5);
    expect(drawing.marks.filter((m) => m.kind === 'rect').length).toBeGreaterThan(2000);
  });

  it('checks a template: rows written by {{#each}} and attributes filled in by the data are left to the data', () => {
    const template = [
      '{{#with stats}}',
      ':::chart{kind=line title="{{title}}" alt="{{alt}}" format="{{format}}"}',
      '| Quarter | Rate |',
      '|---|--:|',
      '{{#each quarters}}',
      '| {{label}} | {{rate}} |',
      '{{/each}}',
      ':::',
      '{{/with}}',
    ].join('\n');
    expect(checkTemplateMarkdown(template, 'stats.md.hbs')).toEqual([]);
    expect(checkTemplateMarkdown(template.replace('kind=line', 'kind=lines'), 'stats.md.hbs').map((d) => d.hint)).toEqual(['did you mean kind=line?']);
  });
});

describe('the value axis', () => {
  const base: Chart = { type: 'chart', kind: 'bar', stacked: true, title: '', alt: '', categories: ['a', 'b'], series: [{ name: 's', values: [24, 27] }, { name: 't', values: [13, 24] }], format: { decimals: 0, percent: false } };

  it('starts bars at zero and rounds out to nice steps (stacked bars to their sums)', () => {
    expect(valueScale(base).ticks).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(valueScale({ ...base, stacked: false }).ticks).toEqual([0, 5, 10, 15, 20, 25, 30]);
  });

  it('draws a line in the upper half of its range on an axis near it, and stops percentages at 100', () => {
    const rate: Chart = { ...base, kind: 'line', stacked: false, series: [{ name: 'r', values: [91.8, 99.4] }], format: { decimals: 0, percent: true } };
    const scale = valueScale(rate);
    expect(scale.min).toBeGreaterThan(80);
    expect(scale.max).toBe(100);
    // Counts take whole steps.
    expect(valueScale({ ...base, series: [{ name: 'n', values: [1, 3] }] }).ticks).toEqual([0, 1, 2, 3]);
  });

  it('prints values in the chart format', () => {
    expect(formatValue(1234.5, { decimals: 1, percent: false })).toBe('1,234.5');
    expect(formatValue(95, { decimals: 0, percent: true })).toBe('95%');
    expect(formatValue(-2.25, { decimals: 1, percent: false })).toBe('−2.3');
  });
});

describe('the drawing', () => {
  it('places no label over another, and every one inside the chart (measured in the PDF fonts)', () => {
    const faces = facesOf(fonts);
    const measure = (text: string, size: number, bold: boolean) => widthOf(bold ? faces.bold : faces.regular, text, size);
    for (const c of charts(tree(SAMPLE).blocks)) {
      const drawing = layoutChart(c, 468, measure);
      const boxes = drawing.marks
        .filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text')
        .map((m) => {
          const w = measure(m.text, m.size, m.bold);
          const left = m.anchor === 'start' ? m.x : m.anchor === 'end' ? m.x - w : m.x - w / 2;
          return { text: m.text, left, right: left + w, top: m.y - 0.75 * m.size, bottom: m.y + 0.2 * m.size };
        });
      for (const b of boxes) {
        expect(b.left, `${c.title}: ${b.text}`).toBeGreaterThanOrEqual(0);
        expect(b.right, `${c.title}: ${b.text}`).toBeLessThanOrEqual(drawing.width);
        expect(b.bottom, `${c.title}: ${b.text}`).toBeLessThanOrEqual(drawing.height);
      }
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `${c.title}: "${a.text}" and "${b.text}" overlap`).toBe(true);
        }
      }
    }
  });

  it('prints every category label: long ones lay the bars across', () => {
    const found = charts(tree(SAMPLE).blocks);
    expect(found.map((c) => barsAcross(c, 468))).toEqual([false, false, false, false, true]);
    for (const c of found) {
      const texts = layoutChart(c, 468, (t, size) => t.length * size * 0.5).marks.flatMap((m) => (m.kind === 'text' ? [m.text] : []));
      const words = texts.join(' ');
      for (const category of c.categories) for (const word of category.split(' ')) expect(words, c.title).toContain(word);
    }
  });
});

describe('written', () => {
  const { blocks } = tree(SAMPLE);
  const doc: DocumentTree = { meta, blocks };

  it('into the PDF as real text beside its vectors, the same bytes each time', async () => {
    const bytes = await toPdf(doc, { fonts, images: {} });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(await toPdf(doc, { fonts, images: {} })))).toBe(0);
    const path = join(DIR, 'charts.pdf');
    writeFileSync(path, bytes);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    for (const expected of ['Caseworker visits: child-months with a visit', 'Federal goal', '96%', 'Moves per 1,000 days', 'Reunification', 'Guardianship', 'Maria Delgado-Henderson', 'Alexandra Whitfield-Moore', 'Overdue items']) {
      expect(text).toContain(expected);
    }
    // The chart and its table: the axis labels then the table's rows, on one page.
    const page5 = execFileSync('pdftotext', ['-layout', '-f', '5', '-l', '5', path, '-'], { encoding: 'utf8' });
    expect(page5.indexOf('Overdue items by caseworker')).toBeLessThan(page5.indexOf('Robin Castellanos'));
    expect(page5.match(/Robin Castellanos/g)).toHaveLength(2);
    // Each drawing is a Figure of the structure tree, with the chart's alt text.
    const raw = Buffer.from(bytes).toString('latin1');
    const alts = [...raw.matchAll(/<<\/S \/Figure .*\/Alt <FEFF([0-9A-F]*)>/g)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
    expect(alts).toHaveLength(5);
    expect(alts[1]).toBe('Moves per 1,000 days in care fell from 5.12 in 2025-Q3 to 3.40 in 2026-Q3.');
  });

  it('draws a chart taller than a page smaller, on one page', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => `| Caseworker number ${i + 1} | ${i % 5} |`).join('\n');
    const long: DocumentTree = { meta, blocks: tree(chart('bar', rows)).blocks.slice(0, 1) };
    const path = join(DIR, 'tall.pdf');
    writeFileSync(path, await toPdf(long, { fonts, images: {} }));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    // Below the title there is no room for it: it takes the next page, whole.
    const pages = text.split('\f').filter((page) => page.trim());
    expect(pages.filter((page) => /Caseworker number 1$/m.test(page) && page.includes('Caseworker number 70'))).toHaveLength(1);
    const docx = parts(await toDocx(long, { fonts, images: {} }))['word/document.xml']!;
    const cy = Number(/<wp:extent cx="\d+" cy="(\d+)"\/>/.exec(docx)![1]);
    expect(cy / 12700).toBeLessThan(648);
  });

  it('into the DOCX as native Word charts, with their alt text, the same bytes each time', async () => {
    const bytes = await toDocx(doc, { fonts, images: {} });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(await toDocx(doc, { fonts, images: {} })))).toBe(0);
    const p = parts(bytes);
    const names = Object.keys(p).filter((n) => n.startsWith('word/charts/')).sort();
    expect(names).toEqual([1, 2, 3, 4, 5].map((n) => `word/charts/chart${n}.xml`));
    expect(p['[Content_Types].xml']).toContain('<Override PartName="/word/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(p['word/_rels/document.xml.rels']).toContain('Id="rIdChart5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart5.xml"');
    const body = p['word/document.xml']!;
    expect(body).toContain('r:id="rIdChart1"');
    expect(body).toMatch(/<wp:docPr id="\d+" name="Chart 2" descr="Moves per 1,000 days in care fell from 5.12 in 2025-Q3 to 3.40 in 2026-Q3." title="Placement moves per 1,000 days in care"\/>/);
    const visits = p['word/charts/chart1.xml']!;
    expect(visits).toContain('<c:lineChart>');
    expect(visits).toContain('<c:tx><c:v>Unit A</c:v></c:tx>');
    // The gap is no point at all; the axis is the PDF's.
    expect(visits).toMatch(/<c:pt idx="1"><c:v>90.5<\/c:v><\/c:pt><c:pt idx="3"><c:v>93.1<\/c:v><\/c:pt>/);
    expect(visits).toContain('<c:numFmt formatCode="#,##0&quot;%&quot;" sourceLinked="0"/>');
    expect(p['word/charts/chart4.xml']).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(p['word/charts/chart5.xml']).toContain('<c:barDir val="bar"/>');
    expect(p['word/charts/chart5.xml']).toContain('<c:v>Maria Delgado-Henderson</c:v>');
  });
});
