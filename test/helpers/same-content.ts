/**
 * Whether the PDF and the DOCX of a document say the same thing, and where a
 * reader finds a phrase in each. pdftotext reads a table row line by line
 * across its cells, so a wrapped cell interleaves with its neighbours: the
 * checks are table-aware (a cell's words in order, close together).
 */
import { expect } from 'vitest';
import { paragraphs, parts } from './docx-parts.js';
import type { Rendered } from './render-document.js';

export const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
/** The text without any white space: a paragraph the PDF wraps differently still compares. */
export const bare = (text: string) => text.normalize('NFC').replace(/\s/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const documentXml = (rendered: Rendered) => parts(rendered.docx)['word/document.xml']!;

/** The PDF's text without the page furniture (running title, footer), which splits a paragraph that crosses a page. */
export function pdfBody(rendered: Rendered): string {
  const { confidentiality, reference, title } = rendered.tree.meta;
  const furniture = new RegExp(`${escape(squash(confidentiality))} ${escape(reference)} Page \\d+ of \\d+( ${escape(title)})?`, 'g');
  return squash(rendered.pdfText).replace(furniture, ' ').replace(/\s+/g, ' ');
}

/**
 * The words of `phrase` stand in order in the PDF text, close together: pdftotext
 * reads a table row line by line across its cells, so a wrapped cell interleaves
 * with its neighbours. A word broken across two lines is not found.
 */
export function inPdf(pdf: string, phrase: string): boolean {
  if (pdf.replace(/\s/g, '').includes(phrase.replace(/\s/g, ''))) return true;
  const words = pdf.split(' ');
  const want = squash(phrase).split(' ');
  return words.some((w, start) => {
    if (w !== want[0]) return false;
    let k = 1;
    for (let i = start + 1; i < Math.min(words.length, start + 80) && k < want.length; i++) if (words[i] === want[k]) k++;
    return k === want.length;
  });
}

/** The DOCX's body text, paragraphs joined by spaces. */
export const docxBody = (rendered: Rendered) => squash(paragraphs(documentXml(rendered)).map((p) => p.text).join(' '));

/** Each phrase a reader must find in both files; returns the ones missing, with the file. */
export function missing(rendered: Rendered, phrases: readonly string[]): string[] {
  const pdf = pdfBody(rendered);
  const docx = docxBody(rendered);
  return phrases.flatMap((p) => [...(inPdf(pdf, p) ? [] : [`PDF: ${p}`]), ...(docx.includes(squash(p)) ? [] : [`DOCX: ${p}`])]);
}

/**
 * What the DOCX says that the PDF does not: every body paragraph outside a table
 * stands whole in the PDF text (whitespace aside), and every table cell's words
 * stand in order.
 */
export function missingFromPdf(rendered: Rendered): string[] {
  const xml = documentXml(rendered);
  const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => squash(paragraphs(m[1]!).map((p) => p.text).join(' ')));
  const outside = paragraphs(xml.replace(/<w:tc>[\s\S]*?<\/w:tc>/g, '')).map((p) => squash(p.text));
  const pdf = pdfBody(rendered);
  const flat = pdf.replace(/\s/g, '');
  return [...outside.filter((p) => p.length > 0 && !flat.includes(p.replace(/\s/g, ''))), ...cells.filter((c) => c.length > 0 && !inPdf(pdf, c))];
}

/** The DOCX's table rows, each as its cells' text: where a fact and its status stand together. */
export const docxRows = (rendered: Rendered): string[][] =>
  [...documentXml(rendered).matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => squash(paragraphs(cell[1]!).map((p) => p.text).join(' '))),
  );

/** The DOCX body's paragraphs (document.xml), squashed. */
export const docxParagraphs = (rendered: Rendered): string[] => paragraphs(documentXml(rendered)).map((p) => squash(p.text));

/**
 * The DOCX paragraphs that must stand whole in the PDF's text in drawing order
 * (`pdftotext -raw`, each table cell whole), compared without white space: all
 * but the empty ones, the signature lines' dates and the running title.
 */
export function comparableParagraphs(body: readonly string[], title: string): string[] {
  return body.map(bare).filter((t) => t.length > 0 && !/^Date:/.test(t) && t !== bare(title));
}

/**
 * What the DOCX says that the PDF does not, against the PDF's text in drawing
 * order (`raw`: pdftotext -raw, where each table cell stands whole): the
 * comparable paragraphs that do not stand whole in it, white space aside.
 */
export function missingFromRawPdf(doc: { readonly body: readonly string[]; readonly raw: string }, title: string): string[] {
  const pdf = bare(doc.raw);
  return comparableParagraphs(doc.body, title).filter((text) => !pdf.includes(text));
}

/** The DOCX body paragraphs from the one that equals `first` (after the heading `after`): a table row's cells, in order. */
export function row(doc: { readonly body: readonly string[] }, first: string, cells: number, after?: string): string[] {
  const at = doc.body.indexOf(first, after === undefined ? 0 : doc.body.indexOf(after));
  expect(at, `"${first}" in the DOCX`).toBeGreaterThanOrEqual(0);
  return doc.body.slice(at, at + cells);
}
