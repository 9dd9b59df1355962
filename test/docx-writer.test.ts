/**
 * The DOCX writer, asserted by content: the parts of the zip (document.xml,
 * styles.xml, numbering.xml, headers, footers, core.xml), the same text as the
 * tree, byte-identical output for the same tree in one process and across
 * processes, and a LibreOffice round trip to PDF.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLongDate } from '../src/core/calendar-date.js';
import type { Block, DocumentTree, Inline } from '../src/document/ast.js';
import { DocxRenderError, toDocx } from '../src/render/docx/index.js';
import { readReference } from '../src/render/docx/reference.js';
import { houseReference } from '../src/render/docx/reference-docx.js';
import { unzipSync } from 'fflate';
import { rolldown } from 'rolldown';
import { loadFonts } from '../src/io/fonts.js';
import { obfuscateFont, readTrueType } from '../src/render/docx/font-subset.js';
import { paragraphs, parts } from './helpers/docx-parts.js';
import { REPO } from './helpers/fixture-root.js';
import { LONG_NAMES, SAMPLE_IMAGES, SAMPLE_TREE } from './helpers/sample-tree.js';

/** The tables of a part, outermost only (notices and data tables do not nest here). */
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[0]);
const rows = (tableXml: string) => [...tableXml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[0]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function plain(inlines: readonly Inline[]): string {
  return inlines.map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? '\n' : plain(n.children))).join('');
}

/** The paragraph texts a tree must produce, in order. */
function expectedTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        return [plain(block.children)];
      case 'list':
        return block.items.flatMap((item) => expectedTexts(item.children));
      case 'table':
        return [...(block.caption ? [plain(block.caption)] : []), ...block.header.map((c) => plain(c.children)), ...block.rows.flat().map((c) => plain(c.children))];
      case 'keep':
        return expectedTexts(block.children);
      case 'notice':
        return [...(block.title ? [plain(block.title)] : []), ...expectedTexts(block.children)];
      case 'checklist':
        return block.items.map((item) => `${item.checked ? '☒' : '☐'}\t${plain(item.children)}${item.note ? ` — ${plain(item.note)}` : ''}`);
      case 'signature':
        return block.signers.flatMap((s) => [s.name, s.role, s.date ? `Date: ${formatLongDate(s.date)}` : 'Date: ____________________']);
      case 'image':
      case 'pageBreak':
      case 'chart':
        return [];
    }
  });
}

/** True when `expected` appears in `actual` in order (other paragraphs may come between). */
function inOrder(actual: readonly string[], expected: readonly string[]): string | undefined {
  let at = 0;
  for (const text of expected) {
    const found = actual.indexOf(text, at);
    if (found < 0) return text;
    at = found + 1;
  }
  return undefined;
}

const render = (tree: DocumentTree = SAMPLE_TREE) => toDocx(tree, { images: SAMPLE_IMAGES });
const tiny = (blocks: Block[], meta: Partial<DocumentTree['meta']> = {}): DocumentTree => ({
  meta: { ...SAMPLE_TREE.meta, draft: false, ...meta },
  blocks,
});

// ---- the sample tree -------------------------------------------------------

describe('the sample tree as DOCX', async () => {
  const bytes = await render();
  const p = parts(bytes);
  const doc = p['word/document.xml']!;
  const body = paragraphs(doc);

  it('is a Word package with the parts Word needs', () => {
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/settings.xml', 'docProps/core.xml']) {
      expect(p, part).toHaveProperty([part]);
    }
  });

  it('uses real Word styles: Title, Heading 1-3, Caption, and the named table style', () => {
    const styles = p['word/styles.xml']!;
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Caption', 'CasepressTable', 'Hyperlink']) {
      expect(styles, id).toMatch(new RegExp(`<w:style [^>]*w:styleId="${id}"`));
    }
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Caption']) expect(doc, id).toContain(`<w:pStyle w:val="${id}"/>`);
    expect(doc).toContain('<w:tblStyle w:val="CasepressTable"/>');
    expect(styles).toMatch(/<w:style w:type="table" w:styleId="CasepressTable"><w:name w:val="Casepress Table"\/>/);
  });

  it('takes its styles from the house reference: Noto Serif in the document defaults, the PDF\'s sizes', () => {
    const styles = p['word/styles.xml']!;
    expect(styles).toBe(readReference(houseReference()).styles);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain('<w:rFonts w:ascii="Noto Serif" w:hAnsi="Noto Serif" w:eastAsia="Noto Serif" w:cs="Noto Serif"/>');
    expect(defaults).toContain('<w:sz w:val="22"/>');
    const heading1 = /<w:style [^>]*w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(heading1).toContain('<w:sz w:val="32"/>');
    expect(p['word/fontTable.xml']).toContain('<w:font w:name="Noto Serif">');
  });

  it('lays the page out as US Letter with 1-inch margins', () => {
    expect(doc).toContain('<w:pgSz w:w="12240" w:h="15840"/>');
    expect(doc).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
  });

  it('keeps every heading with what follows it', () => {
    const headings = body.filter((b) => /<w:pStyle w:val="(Heading[123]|Title)"\/>/.test(b.xml));
    expect(headings.map((h) => h.text)).toEqual(['Court Report — Sample', 'Court Report', 'Names in every script', 'Nested lists', 'Kept together', 'Placement history', 'Signatures']);
    for (const h of headings) {
      expect(h.xml, h.text).toContain('<w:keepNext/>');
      expect(h.xml, h.text).toContain('<w:keepLines/>');
    }
  });

  it('has the same paragraph texts as the tree, in order, every long name exact', () => {
    const texts = body.map((b) => b.text);
    expect(texts[0]).toBe(SAMPLE_TREE.meta.title);
    expect(inOrder(texts, expectedTexts(SAMPLE_TREE.blocks))).toBeUndefined();
    for (const name of LONG_NAMES) expect(texts, name).toContain(name);
    expect(texts).toContain('Obtain stable housing.\nSecond line after a hard break.');
  });

  it('writes the 120-row table with one header row repeated on every page and no row split', () => {
    const table = tables(doc).find((t) => t.includes('Home or provider'))!;
    const trs = rows(table);
    expect(trs).toHaveLength(121);
    expect(trs[0]).toContain('<w:tblHeader/>');
    expect(trs[0]).toContain('w:fill="E8EDF2"');
    expect(trs.slice(1).filter((r) => r.includes('<w:tblHeader/>'))).toHaveLength(0);
    for (const tr of trs) expect(tr).toContain('<w:cantSplit/>');
    expect(table).toContain('<w:gridCol w:w="749"/><w:gridCol w:w="1591"/><w:gridCol w:w="2808"/><w:gridCol w:w="4212"/>');
    expect(trs[1]).toMatch(/<w:jc w:val="right"\/>[\s\S]*<w:t>1<\/w:t>/);
    const caption = body.find((b) => b.text === 'Table 1. Placement history (120 rows)')!;
    expect(caption.xml).toContain('<w:pStyle w:val="Caption"/>');
    expect(caption.xml).toContain('<w:keepNext/>');
  });

  it('numbers lists through numbering definitions: bullets, numbers from the list’s start, nested levels', () => {
    const numbering = p['word/numbering.xml']!;
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/><w:lvlText w:val="•"\/>/);
    expect(numbering).toMatch(/<w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/);
    const listItems = body.filter((b) => b.xml.includes('<w:numPr>'));
    expect(listItems.map((b) => b.text)).toEqual([...LONG_NAMES, 'Complete intensive outpatient program.', 'Attend three times weekly', 'Submit to random screens', 'Obtain stable housing.\nSecond line after a hard break.']);
    const level = (text: string) => /<w:ilvl w:val="(\d)"\/>/.exec(listItems.find((b) => b.text === text)!.xml)![1];
    expect(level('Complete intensive outpatient program.')).toBe('0');
    expect(level('Attend three times weekly')).toBe('1');
    const numId = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(listItems.find((b) => b.text === text)!.xml)![1];
    expect(numId('Complete intensive outpatient program.')).toBe(numId('Obtain stable housing.\nSecond line after a hard break.'));
    expect(numId('Complete intensive outpatient program.')).not.toBe(numId(LONG_NAMES[0]!));
  });

  it('prints links as hyperlinks to their address', () => {
    const link = /<w:hyperlink [^>]*r:id="(rId[^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(doc)!;
    expect(link[2]).toContain('agency policy');
    expect(link[2]).toContain('<w:rStyle w:val="Hyperlink"/>');
    expect(p['word/_rels/document.xml.rels']).toContain(`Id="${link[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/policy" TargetMode="External"`);
  });

  it('boxes the notice in its colours with a bold title', () => {
    const notice = tables(doc).find((t) => t.includes('Withheld for this audience'))!;
    expect(notice).toContain('w:fill="FDF1F0"');
    expect(notice).toContain('w:color="B03A2E"');
    expect(rows(notice)).toHaveLength(1);
    expect(paragraphs(notice)[0]!.xml).toContain('<w:b/>');
  });

  it('prints checklist boxes in a symbol font and notes in italics', () => {
    const items = body.filter((b) => /^[☐☒]/.test(b.text));
    expect(items.map((b) => b.text[0])).toEqual(['☒', '☐', '☐']);
    expect(items[0]!.xml).toContain('<w:rFonts w:ascii="DejaVu Sans"');
    expect(items[0]!.xml).toMatch(/<w:i\/>[\s\S]*obtained 2026-03-02/);
  });

  it('keeps a keep block on one page: keepNext on all but the last paragraph', () => {
    const kept = body.findIndex((b) => b.text === 'Kept together');
    expect(body[kept]!.xml).toContain('<w:keepNext/>');
    expect(body[kept + 1]!.xml).not.toContain('<w:keepNext/>');
  });

  it('sets the signers two to a row, as the PDF does: a borderless table, its row kept whole', () => {
    const table = tables(doc).find((t) => t.includes('Jordan Doe'))!;
    expect(table).toContain('<w:tblBorders><w:top w:val="nil"/>');
    const trs = rows(table);
    expect(trs).toHaveLength(1);
    const cells = [...trs[0]!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphs(m[0]).map((b) => b.text));
    expect(cells).toEqual([
      ['', 'Jordan Doe', 'Foster Care Case Manager', `Date: ${formatLongDate('2026-11-20')}`],
      [],
      ['', 'Kiran Patel', 'Foster Care Supervisor', 'Date: ____________________'],
    ]);
    expect(trs[0]).toContain('<w:cantSplit/>');
    // The line to sign on is the first paragraph's bottom border, as wide as the column.
    expect(paragraphs(trs[0]!)[0]!.xml).toContain('<w:pBdr><w:bottom w:val="single"');
  });

  it('breaks the page before the placement history', () => {
    const heading = body.find((b) => b.text === 'Placement history')!;
    expect(heading.xml).toContain('<w:pageBreakBefore/>');
  });

  it('puts the title in the header, the letterhead and logo on the first page, DRAFT as a watermark', () => {
    expect(doc).toContain('<w:titlePg/>');
    const headers = Object.keys(p).filter((k) => /^word\/header\d+\.xml$/.test(k)).map((k) => p[k]!);
    const running = headers.find((h) => h.includes(SAMPLE_TREE.meta.title))!;
    const letterhead = headers.find((h) => h.includes('Bluegrass Family Services'))!;
    expect(running).toBeDefined();
    expect(letterhead).toBeDefined();
    for (const line of ['120 Main St', 'Lexington, KY 40507', '(859) 555-0100']) expect(letterhead).toContain(line);
    expect(letterhead).toContain('<wp:docPr id="2" name="Picture 2" descr="Bluegrass Family Services logo"');
    for (const h of [running, letterhead]) {
      expect(h).toMatch(/<v:shape id="PowerPlusWaterMarkObject\d"/);
      expect(h).toContain('string="DRAFT"');
    }
    expect(Object.keys(p).filter((k) => k.startsWith('word/media/'))).toHaveLength(1);
  });

  it('prints the confidentiality notice, the reference and Page X of Y (PAGE, NUMPAGES) in every footer', () => {
    const footers = Object.keys(p).filter((k) => /^word\/footer\d+\.xml$/.test(k));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      const xml = p[f]!;
      expect(xml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(xml).toContain('<w:instrText xml:space="preserve">NUMPAGES</w:instrText>');
      const texts = paragraphs(xml).map((b) => b.text);
      expect(texts).toEqual([SAMPLE_TREE.meta.confidentiality, `${SAMPLE_TREE.meta.reference}\tPage  of `]);
    }
  });

  it('dates and describes the file from the tree: core.xml', () => {
    const core = p['docProps/core.xml']!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-23T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-23T00:00:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>Court Report — Sample</dc:title>');
    expect(core).toContain('<dc:creator>Bluegrass Family Services</dc:creator>');
    expect(core).toContain('<dc:subject>Sample document exercising every block type</dc:subject>');
    expect(core).toContain('<cp:keywords>casepress, sample, C-2025-0142</cp:keywords>');
    expect(core).toContain('<dc:description>C-2025-0142 — CONFIDENTIAL');
  });

  it('gives the same bytes when rendered again in the same process', async () => {
    expect(sha256(await render())).toBe(sha256(bytes));
  });
});

// ---- small trees -----------------------------------------------------------

const t = (value: string): Inline => ({ type: 'text', value });
const para = (value: string): Block => ({ type: 'paragraph', children: [t(value)] });

describe('the DOCX writer on small trees', () => {
  it('restarts each ordered list at its own start', async () => {
    const list = (start: number, first: string): Block => ({ type: 'list', ordered: true, start, items: [{ children: [para(first)] }, { children: [para(`${first} again`)] }] });
    const p = parts(await render(tiny([list(5, 'five'), para('between'), list(1, 'one'), list(1, 'uno')])));
    const body = paragraphs(p['word/document.xml']!);
    const numId = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(body.find((b) => b.text === text)!.xml)![1]!;
    const ids = ['five', 'one', 'uno'].map(numId);
    expect(new Set(ids).size).toBe(3);
    expect(numId('five again')).toBe(numId('five'));
    const startOf = (id: string) => new RegExp(`<w:num w:numId="${id}">[\\s\\S]*?<w:startOverride w:val="(\\d+)"/>`).exec(p['word/numbering.xml']!)![1];
    expect(ids.map(startOf)).toEqual(['5', '1', '1']);
  });

  it('writes a document without letterhead or draft: one header with the title, no watermark, no first-page header', async () => {
    const p = parts(await toDocx({ meta: { ...SAMPLE_TREE.meta, draft: false }, blocks: [para('Hello')] }, { images: {} }));
    expect(p['word/document.xml']).not.toContain('<w:titlePg/>');
    const headers = Object.keys(p).filter((k) => /^word\/header\d+\.xml$/.test(k));
    expect(headers).toHaveLength(1);
    expect(p[headers[0]!]).toContain(SAMPLE_TREE.meta.title);
    expect(p[headers[0]!]).not.toContain('PowerPlusWaterMark');
  });

  it('prints data that looks like Markdown or XML as itself, and drops characters XML cannot hold', async () => {
    const value = 'O\'Brien <b>&amp; *bold* | {{x}} :::note\u0000\u0008';
    const texts = paragraphs(parts(await render(tiny([para(value)])))['word/document.xml']!).map((b) => b.text);
    expect(texts).toContain('O\'Brien <b>&amp; *bold* | {{x}} :::note');
  });

  it('sizes images from their width in points, keeping proportions', async () => {
    const image: Block = { type: 'image', src: 'assets/logo.png', alt: 'Logo', width: 72 };
    const doc = parts(await render(tiny([image])))['word/document.xml']!;
    // The logo is 240 × 80 pixels: 72 pt wide (914400 EMU) makes it 24 pt tall.
    expect(doc).toContain('<wp:extent cx="914400" cy="304800"/>');
    expect(doc).toContain('descr="Logo"');
  });

  it('refuses an image it does not have, or one that is not a PNG or JPEG, with CP3002', async () => {
    const missing = tiny([{ type: 'image', src: 'nope.png', alt: 'x' }]);
    await expect(render(missing)).rejects.toThrow(DocxRenderError);
    await expect(render(missing)).rejects.toMatchObject({ code: 'CP3002', message: expect.stringContaining('nope.png') });
    const gif = tiny([{ type: 'image', src: 'a.gif', alt: 'x' }]);
    await expect(toDocx(gif, { images: { 'a.gif': new TextEncoder().encode('GIF89a') } })).rejects.toMatchObject({ code: 'CP3002' });
  });

  it('refuses a malformed date rather than stamping a wrong one', async () => {
    await expect(render(tiny([para('x')], { date: '2026-02-31x' }))).rejects.toMatchObject({ code: 'CP3002' });
  });

  it('keeps a table in a keep block on one page with what precedes it', async () => {
    const table: Block = { type: 'table', columns: [{ align: 'left', width: 1 }], header: [{ children: [t('H')] }], rows: [[{ children: [t('a')] }], [{ children: [t('b')] }]] };
    const doc = parts(await render(tiny([{ type: 'keep', children: [para('before'), table] }])))['word/document.xml']!;
    expect(paragraphs(doc).find((b) => b.text === 'before')!.xml).toContain('<w:keepNext/>');
    const trs = rows(tables(doc)[0]!);
    expect(trs[1]).toContain('<w:keepNext/>');
    expect(trs[2]).not.toContain('<w:keepNext/>');
  });

  it('writes a table without a header row as plain rows, none repeated or shaded', async () => {
    const table: Block = { type: 'table', columns: [{ align: 'right', width: 1 }], header: [], rows: [[{ children: [t('only')] }]] };
    const doc = parts(await render(tiny([table])))['word/document.xml']!;
    const trs = rows(tables(doc)[0]!);
    expect(trs).toHaveLength(1);
    expect(trs[0]).not.toContain('<w:tblHeader/>');
    expect(trs[0]).not.toContain('w:fill=');
    expect(trs[0]).toContain('<w:jc w:val="right"/>');
  });

  it('leaves out a page break at the very end (it would only add a blank page)', async () => {
    const doc = parts(await render(tiny([para('last'), { type: 'pageBreak' }])))['word/document.xml']!;
    expect(doc).not.toContain('w:type="page"');
    expect(doc).not.toContain('<w:pageBreakBefore/>');
  });

  it('writes a page break before a table as a break paragraph', async () => {
    const table: Block = { type: 'table', columns: [{ align: 'left', width: 1 }], header: [{ children: [t('H')] }], rows: [] };
    const doc = parts(await render(tiny([para('first'), { type: 'pageBreak' }, table])))['word/document.xml']!;
    expect(doc).toMatch(/<w:br w:type="page"\/>[\s\S]*<w:tbl>/);
  });

  it('counts link and drawing ids per document, so documents do not depend on what was rendered before', async () => {
    const tree = tiny([{ type: 'paragraph', children: [{ type: 'link', url: 'https://a.example', children: [t('a')] }] }]);
    const one = await render(tree);
    await render(SAMPLE_TREE);
    expect(sha256(await render(tree))).toBe(sha256(one));
    expect(parts(one)['word/_rels/document.xml.rels']).toContain('Id="rIdLink1"');
  });

  it('escapes link addresses in the relationships and prints other schemes as text', async () => {
    const link = (url: string, text: string): Inline => ({ type: 'link', url, children: [t(text)] });
    const p = parts(await render(tiny([{ type: 'paragraph', children: [link('https://a.example/?x=1&y="2"', 'web'), link('javascript:alert(1)', 'script')] }])));
    expect(p['word/_rels/document.xml.rels']).toContain('Target="https://a.example/?x=1&amp;y=&quot;2&quot;"');
    expect(p['word/_rels/document.xml.rels']).not.toContain('javascript');
    expect(paragraphs(p['word/document.xml']!).map((b) => b.text)).toContain('webscript');
  });
});

// ---- fonts, headers and keeps -------------------------------------------------

/** The fonts embedded in a package, de-obfuscated with their keys: family, face and characters. */
function embeddedFonts(p: Record<string, Uint8Array>): { family: string; face: string; characters: string }[] {
  const table = new TextDecoder().decode(p['word/fontTable.xml']);
  const rels = new TextDecoder().decode(p['word/_rels/fontTable.xml.rels']);
  return [...table.matchAll(/<w:font w:name="([^"]+)"[^>]*>([\s\S]*?)<\/w:font>/g)].flatMap(([, family, inner]) =>
    [...inner!.matchAll(/<w:embed(\w+) r:id="([^"]+)" w:fontKey="\{([0-9A-F-]+)\}"/g)].map(([, face, id, key]) => {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      const font = obfuscateFont(p[`word/${target}`]!, `{${key}}`);
      const parsed = readTrueType(font);
      expect(parsed.family).toBe(family);
      return { family: family!, face: face!, characters: String.fromCodePoint(...[...parsed.cmap.keys()].sort((a, b) => a - b)) };
    }),
  );
}

describe('fonts, headers and keeps', async () => {
  const fonts = await loadFonts();

  it('embeds each face the document prints, cut to its characters and obfuscated with the key fontTable.xml gives', async () => {
    const tree = tiny([
      { type: 'heading', level: 1, children: [t('Zoë')] },
      { type: 'paragraph', children: [t('ab '), { type: 'emphasis', children: [t('c')] }] },
      { type: 'checklist', items: [{ checked: true, children: [t('d')] }] },
    ]);
    const p = unzipSync(await toDocx(tree, { images: {}, fonts }));
    const found = embeddedFonts(p);
    const face = (name: string) => found.find((f) => f.face === name)!;
    expect(found.map((f) => `${f.family} ${f.face}`)).toEqual(['Noto Serif Regular', 'Noto Serif Bold', 'Noto Serif Italic', 'DejaVu Sans Regular']);
    // Bold: the heading and the title (Title and Heading 1 are bold styles).
    expect(face('Bold').characters).toBe(String.fromCodePoint(...[...new Set([...`Zoë${SAMPLE_TREE.meta.title}`].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b)));
    expect(face('Italic').characters).toBe('c');
    // The regular face: the body, the header's title, the footer's reference, notice and page numbers.
    for (const c of 'abdC-0123456789Page of') expect(face('Regular').characters, c).toContain(c);
    expect(found.find((f) => f.family === 'DejaVu Sans')!.characters).toBe('☒');
    expect(new TextDecoder().decode(p['[Content_Types].xml'])).toContain('<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>');
  });

  it('sets what the text font lacks in the symbol font, as the PDF does', async () => {
    const doc = parts(await toDocx(tiny([para('A → B')]), { images: {}, fonts }))['word/document.xml']!;
    expect(doc).toContain('<w:t xml:space="preserve">A </w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:eastAsia="DejaVu Sans" w:cs="DejaVu Sans"/></w:rPr><w:t>→</w:t>');
  });

  it('prints the running header on every page, as the PDF does, and the letterhead below it on the first', async () => {
    const runningHeader = 'Court Report · J. D. · Docket 25-J-00412';
    const header = (p: Record<string, string>, n: number) => paragraphs(p[`word/header${n}.xml`]!).map((b) => b.text).join('|');
    const plain = parts(await toDocx(tiny([para('x')], { runningHeader }), { images: {} }));
    expect(plain['word/document.xml']).toContain('<w:headerReference w:type="default" r:id="rIdHeader1"/><w:footerReference');
    expect(plain['word/document.xml']).not.toContain('<w:titlePg/>');
    expect(header(plain, 1)).toBe(runningHeader);
    const letterhead = parts(await toDocx({ ...SAMPLE_TREE, meta: { ...SAMPLE_TREE.meta, runningHeader } }, { images: SAMPLE_IMAGES }));
    expect(letterhead['word/document.xml']).toContain('<w:titlePg/>');
    expect(header(letterhead, 1)).toBe(`${runningHeader}\tDRAFT`);
    const first = header(letterhead, 2);
    expect(first.startsWith(`${runningHeader}\tDRAFT|`)).toBe(true);
    expect(first).toContain('Bluegrass Family Services');
    // One watermark a page: the first page's comes with its running header line.
    expect(letterhead['word/header2.xml']!.match(/PowerPlusWaterMarkObject/g)).toHaveLength(1);
  });

  it('keeps the statement before the signatures with them', async () => {
    const doc = parts(await render(tiny([para('Body.'), para('By signing, you agree.'), { type: 'signature', signers: [{ name: 'A B', role: 'Mother' }] }])))['word/document.xml']!;
    const body = paragraphs(doc);
    expect(body.find((b) => b.text === 'By signing, you agree.')!.xml).toContain('<w:keepNext/>');
    expect(body.find((b) => b.text === 'Body.')!.xml).not.toContain('<w:keepNext/>');
  });

  it('keeps the line leading into a table with it', async () => {
    const table: Block = { type: 'table', columns: [{ align: 'left', width: 1 }], header: [{ children: [t('H')] }], rows: [[{ children: [t('a')] }]] };
    const body = paragraphs(parts(await render(tiny([para('Body.'), para('For: the mother'), table])))['word/document.xml']!);
    expect(body.find((b) => b.text === 'For: the mother')!.xml).toContain('<w:keepNext/>');
    expect(body.find((b) => b.text === 'Body.')!.xml).not.toContain('<w:keepNext/>');
  });

  it('never chains paragraphs kept with the next over more than a page: a keep block longer than a page flows', async () => {
    const long = Array.from({ length: 60 }, (_, i) => para(`Paragraph ${i} ${'of a keep block that is far longer than one page '.repeat(2)}`));
    const short = [para('first kept'), para('second kept')];
    const doc = parts(await render(tiny([{ type: 'keep', children: long }, { type: 'keep', children: short }])))['word/document.xml']!;
    const body = paragraphs(doc);
    expect(body.filter((b) => b.text.startsWith('Paragraph') && b.xml.includes('<w:keepNext/>'))).toEqual([]);
    expect(body.find((b) => b.text === 'first kept')!.xml).toContain('<w:keepNext/>');
  });

  it('cuts a chain where it would pass a page: a heading stays with the start of a kept block that then no longer fits', async () => {
    // Nine paragraphs of three lines fit on a page; with the heading before them they do not.
    const block: Block = { type: 'keep', children: Array.from({ length: 9 }, (_, i) => para(`Line ${i} ${'words that fill the page '.repeat(8)}`)) };
    const body = paragraphs(parts(await render(tiny([{ type: 'heading', level: 1, children: [t('Heading')] }, block])))['word/document.xml']!);
    const chained = body.slice(1).map((b) => b.xml.includes('<w:keepNext/>'));
    // The title and the heading, then the block: kept with the next up to the cut, then again to its end.
    expect(chained.slice(0, 2)).toEqual([true, true]);
    expect(chained.filter((kept) => !kept).length).toBeGreaterThanOrEqual(2);
    expect(chained.at(-1)).toBe(false);
  });
});

// ---- determinism across processes ---------------------------------------------

/**
 * A script that renders a tree given as JSON with the writer, bundled by the
 * project's bundler (the sources cannot run in another process), and prints
 * the sha256 of the bytes: what another process makes.
 */
async function childRenderer(dir: string): Promise<string> {
  const script = join(dir, 'render.mjs');
  const bundle = await rolldown({ input: join(REPO, 'src/render/docx/index.ts'), platform: 'node', logLevel: 'silent' });
  await bundle.write({ dir: join(dir, 'writer'), entryFileNames: 'index.mjs', format: 'esm' });
  await bundle.close();
  const writer = pathToFileURL(join(dir, 'writer', 'index.mjs')).href;
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { toDocx } from ${JSON.stringify(writer)};
const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const images = Object.fromEntries(Object.entries(input.images).map(([key, b64]) => [key, new Uint8Array(Buffer.from(b64, 'base64'))]));
const bytes = await toDocx(input.tree, { images });
process.stdout.write(createHash('sha256').update(bytes).digest('hex'));
`,
  );
  const input = { tree: SAMPLE_TREE, images: Object.fromEntries(Object.entries(SAMPLE_IMAGES).map(([k, v]) => [k, Buffer.from(v).toString('base64')])) };
  writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
  return script;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('determinism across processes', () => {
  it('gives byte-identical files from two processes whose clocks read days apart, in different time zones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casepress-docx-'));
    scratch.push(dir);
    const script = await childRenderer(dir);
    // The second process's clock runs 36 hours and 1 second ahead: a writer that read the clock would show it.
    const ahead = `const real = Date; const shift = 129601000; globalThis.Date = class extends real { constructor(...a) { super(...(a.length ? a : [real.now() + shift])); } static now() { return real.now() + shift; } };`;
    const run = (tz: string, preload: string[] = []) =>
      execFileSync(process.execPath, [...preload, script, join(dir, 'input.json')], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const first = run('UTC');
    const second = run('Pacific/Kiritimati', ['--import', `data:text/javascript,${encodeURIComponent(ahead)}`]);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(sha256(await render())).toBe(first);
  }, 60_000);
});

// ---- LibreOffice ----------------------------------------------------------------

function onPath(command: string): string | undefined {
  return (process.env.PATH ?? '').split(delimiter).map((d) => join(d, command)).find((p) => existsSync(p));
}

const soffice = onPath('soffice');

describe('LibreOffice', () => {
  it.skipIf(!soffice && !process.env.CI)('converts the file to a PDF with every long name, the table header on each page, and page numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casepress-docx-lo-'));
    scratch.push(dir);
    const file = join(dir, 'sample.docx');
    writeFileSync(file, await render());
    const result = spawnSync(
      soffice ?? 'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const pdf = join(dir, 'sample.pdf');
    expect(existsSync(pdf), relative(dir, pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const name of LONG_NAMES) expect(text, name).toContain(name.normalize('NFC'));
    const tablePages = pages.filter((page) => /\d{4}-\d{2}-\d{2}\s+(Foster|Relative|Therapeutic|Trial)/.test(page));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const page of tablePages) expect(page).toContain('Home or provider');
    expect(pages[0]).toContain('Bluegrass Family Services');
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages[1]).toContain(SAMPLE_TREE.meta.title);
  }, 150_000);
});
