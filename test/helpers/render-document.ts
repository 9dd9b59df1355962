/**
 * Renders one of the agency's documents through the whole engine for a test:
 * template → Markdown → tree → PDF and DOCX, and returns what a reader sees —
 * the PDF's text (pdftotext) and the DOCX's paragraphs — plus the pieces between.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentData } from '../../src/compute/documents/context.js';
import type { DocumentTree } from '../../src/document/ast.js';
import { agencyLetterhead, documentMeta, type FurnitureInput } from '../../src/build/furniture.js';
import { buildTree, prepareTemplate, renderFormat } from '../../src/build/render-document.js';
import { documentTitle, type DocType } from '../../src/build/jobs.js';
import { scanWithheld } from '../../src/build/scan-withheld.js';
import type { Agency } from '../../src/model/agency.js';
import { loadFonts } from '../../src/io/fonts.js';
import { readAssets, readTemplate } from '../../src/io/package-files.js';
import { paragraphs, parts } from './docx-parts.js';
import { REPO } from './fixture-root.js';
import { withPdfFile } from './pdf-text.js';

export interface Rendered {
  readonly markdown?: string;
  readonly tree: DocumentTree;
  readonly pdf: Uint8Array;
  readonly docx: Uint8Array;
  /** pdftotext of the PDF, NFC. */
  readonly pdfText: string;
  /** The DOCX's paragraphs (body, headers and footers), each as its text. */
  readonly docxParagraphs: readonly string[];
  readonly pages: number;
}

let fonts: Awaited<ReturnType<typeof loadFonts>> | undefined;

/**
 * `template` is a file name under templates/, e.g. "court-report.md.hbs". Throws with the diagnostics when
 * anything fails. The build's final visitor prints the markers but looks for no withheld value: what a
 * test sees withheld, the builder withheld.
 */
export async function renderDocument(template: string, data: unknown, agency: Agency, furniture: FurnitureInput, root = join(REPO, 'cases')): Promise<Rendered> {
  fonts ??= await loadFonts();
  const files = await readTemplate(join(REPO, 'templates', template));
  const prepared = prepareTemplate(files);
  if (!prepared.template) throw new Error(describe(prepared.diagnostics));
  const images = await readAssets(root);
  const made = buildTree(prepared.template, { data, meta: documentMeta(agency, furniture), letterhead: agencyLetterhead(agency), images });
  if (!made.tree) throw new Error(describe(made.diagnostics));
  const { tree } = scanWithheld(made.tree, []);
  const pdf = await renderFormat(tree, 'pdf', { fonts, images }, files.file);
  const docx = await renderFormat(tree, 'docx', { fonts, images }, files.file);
  if (!pdf.bytes || !docx.bytes) throw new Error(describe([...pdf.diagnostics, ...docx.diagnostics]));
  const { pdfText, pages } = withPdfFile(pdf.bytes, (path) => ({
    pdfText: execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).normalize('NFC'),
    pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]),
  }));
  const docxParts = parts(docx.bytes);
  const docxParagraphs = Object.entries(docxParts)
    .filter(([name]) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(name))
    .flatMap(([, xml]) => paragraphs(xml).map((p) => p.text.normalize('NFC')));
  return { tree, pdf: pdf.bytes, docx: docx.bytes, pdfText, docxParagraphs, pages };
}

/**
 * Renders a builder's facts with the page furniture a build gives that
 * document type; with CASEPRESS_DUMP=<dir> the PDF, DOCX and text are kept
 * there as `name`.pdf, .docx and .txt to look at.
 */
export async function renderBuilt(template: string, built: DocumentData<unknown>, agency: Agency, asOf: string, name: string): Promise<Rendered> {
  const title = documentTitle(template.replace(/\.md\.hbs$/, '') as DocType);
  const rendered = await renderDocument(template, built.data, agency, { title, subject: `${title} — ${name}`, reference: name, asOf });
  const dump = process.env['CASEPRESS_DUMP'];
  if (dump) {
    mkdirSync(dump, { recursive: true });
    writeFileSync(join(dump, `${name}.pdf`), rendered.pdf);
    writeFileSync(join(dump, `${name}.docx`), rendered.docx);
    writeFileSync(join(dump, `${name}.txt`), rendered.pdfText);
  }
  return rendered;
}

function describe(diagnostics: readonly { code: string; file: string; span?: { start: { line: number } }; message: string }[]): string {
  return diagnostics.map((d) => `${d.file}:${d.span?.start.line ?? '-'} ${d.code} ${d.message}`).join('\n');
}

/** Every text a PDF and DOCX carry, including the DOCX's XML and the PDF's metadata, for privacy scans. */
export function everyText(rendered: Rendered): string {
  const docx = Object.values(parts(rendered.docx)).join('\n');
  const pdfRaw = Buffer.from(rendered.pdf).toString('latin1');
  return `${rendered.pdfText}\n${rendered.docxParagraphs.join('\n')}\n${docx}\n${pdfRaw}`;
}

