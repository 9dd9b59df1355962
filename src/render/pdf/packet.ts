/**
 * A packet as one PDF: the cover with its contents, then each part from a new
 * page under its own running header and bookmark, the pages numbered through
 * the whole file ("Page 12 of 31").
 *
 * The contents' page numbers are measured before anything is drawn: each part
 * is laid out and its pages counted, and the cover's pages are counted after
 * its letterhead with placeholder numbers (the page column's width is fixed,
 * so the real numbers take the same lines).
 *
 * Tagged, the cover and each part are a Part of the Document element, in
 * that order, whatever order they are laid out in.
 */
import { contentsWithPages, type Packet } from '../../document/packet.js';
import { paginate } from './flow.js';
import { openPdf, type PdfOptions } from './index.js';

export async function packetToPdf(packet: Packet, options: PdfOptions): Promise<Uint8Array> {
  const { cover, parts } = packet;
  const pdf = await openPdf(cover, options, parts);
  const coverElement = pdf.element();
  const partElements = parts.map(() => pdf.element());
  const flows = parts.map((part, i) => pdf.layout(part, partElements[i]));
  const partPages = flows.map((flow) => pdf.pagesOf(flow, pdf.ctx.page.top));

  const pager = pdf.section(cover.meta, cover.letterhead, cover.meta.title, coverElement);
  const placeholder = parts.map(() => '0'.repeat(String(partPages.reduce((a, b) => a + b, 1)).length + 1));
  // Laid out only to be measured: its elements are never written.
  const coverPages = pdf.pagesOf(pdf.layout(contentsWithPages(packet, placeholder), pdf.element(true)), pager.y);
  const starts: number[] = [];
  let next = coverPages + 1;
  for (const pages of partPages) {
    starts.push(next);
    next += pages;
  }
  pdf.numberPages(next - 1);
  paginate(pdf.layout(contentsWithPages(packet, starts.map(String)), coverElement), pager);
  if (pdf.pageNumber !== coverPages) throw new Error(`the cover took ${pdf.pageNumber} pages where ${coverPages} were measured`);

  parts.forEach((part, i) => {
    paginate(flows[i]!, pdf.section(part.meta, undefined, part.meta.title));
    if (pdf.pageNumber !== starts[i]! + partPages[i]! - 1) throw new Error(`part ${i + 1} ended on page ${pdf.pageNumber} where page ${starts[i]! + partPages[i]! - 1} was measured`);
  });
  return pdf.finish();
}
