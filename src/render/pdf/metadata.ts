/**
 * File metadata: the Info dictionary and its XMP copy. Both dates are the
 * document's as-of date at midnight UTC, and pdfkit derives the file ID from
 * the Info dictionary, so the same tree gives the same bytes on every run.
 */
import type { DocumentMeta } from '../../document/ast.js';

/** Midnight UTC of a YYYY-MM-DD date. */
export function documentDate(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const value = new Date(Date.UTC(year, month - 1, day));
  if (!match || value.getUTCFullYear() !== year || value.getUTCMonth() !== month - 1 || value.getUTCDate() !== day) {
    throw new Error(`meta.date "${date}" is not a date (YYYY-MM-DD)`);
  }
  return value;
}

/**
 * The Info dictionary; empty fields are left out (PDF/A wants each Info entry
 * matched in the XMP, which skips empty ones). The title a reader shows for the
 * file is the document's full name, its subject ("Court Report — J.D. — Review
 * hearing, December 10, 2026"), not the title every report shares.
 */
export function documentInfo(meta: DocumentMeta, date: Date): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = { Creator: 'casepress', Producer: 'casepress (PDFKit)', CreationDate: date, ModDate: date };
  const keywords = meta.keywords.filter((k) => k.trim() !== '').join(', ');
  const title = meta.subject.trim() !== '' ? meta.subject : meta.title;
  if (title.trim() !== '') info.Title = title;
  if (meta.author.trim() !== '') info.Author = meta.author;
  if (keywords !== '') info.Keywords = keywords;
  return info;
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}

interface MetadataInternals {
  info: Record<string, unknown>;
  _addInfo(): void;
  appendXML(xml: string, newline?: boolean): void;
}

/**
 * pdfkit copies the Info strings into its XMP packet as they are, so a title
 * with "&" or "<" would make the packet invalid XML, and it leaves out the
 * modification date that PDF/A wants to match the Info dictionary. Both are
 * put right here, for this document only.
 */
export function mendXmp(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as MetadataInternals;
  const original = internals._addInfo;
  if (typeof original !== 'function' || typeof internals.appendXML !== 'function') return;
  internals._addInfo = function (this: MetadataInternals) {
    const info = this.info;
    const escaped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(info)) escaped[key] = typeof value === 'string' ? escapeXml(value) : value;
    this.info = escaped;
    try {
      original.call(this);
    } finally {
      this.info = info;
    }
    const modified = info.ModDate instanceof Date ? info.ModDate : info.CreationDate;
    if (modified instanceof Date) {
      const stamp = `${modified.toISOString().split('.')[0]!}Z`;
      this.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
            <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
        </rdf:Description>
        `);
    }
  };
}
