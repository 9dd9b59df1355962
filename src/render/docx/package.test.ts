import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxRenderError } from './errors.js';
import { corePropertiesXml, parseDate, readZip, zipPackage } from './package.js';

const META = {
  title: 'Court Report — A & B <draft>',
  author: 'Bluegrass Family Services',
  subject: 'Review "hearing"',
  keywords: ['casepress', 'C-1'],
  reference: 'C-1',
  confidentiality: 'CONFIDENTIAL\u0007',
  date: '2026-11-23',
};

/** Every (time, date) pair of a zip's local and central headers. */
function zipDates(zip: Uint8Array): [number, number][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: [number, number][] = [];
  for (let at = 0; at + 4 <= zip.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) out.push([view.getUint16(at + 10, true), view.getUint16(at + 12, true)]);
    if (signature === 0x02014b50) out.push([view.getUint16(at + 12, true), view.getUint16(at + 14, true)]);
  }
  return out;
}

describe('zipPackage', () => {
  const files = new Map<string, string | Uint8Array>([
    ['[Content_Types].xml', '<Types/>'],
    ['word/document.xml', `<w:document>${'é text '.repeat(500)}</w:document>`],
    ['word/media/image1.png', new Uint8Array([137, 80, 78, 71, 0, 1, 2, 3])],
  ]);

  it('zips the files in their order, dated the date at midnight, and fflate reads them back', () => {
    const zip = zipPackage(files, '2026-11-23');
    const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 23;
    expect(zipDates(zip)).toEqual(Array.from({ length: 6 }, () => [0, dosDate]));
    const read = unzipSync(zip);
    expect(Object.keys(read)).toEqual([...files.keys()]);
    expect(strFromU8(read['word/document.xml']!)).toBe(files.get('word/document.xml'));
    expect([...read['word/media/image1.png']!]).toEqual([137, 80, 78, 71, 0, 1, 2, 3]);
  });

  it('reads back what it wrote, and what fflate wrote, stored or deflated', () => {
    const read = readZip(zipPackage(files, '2026-11-23'));
    expect([...read.keys()]).toEqual([...files.keys()]);
    expect(new TextDecoder().decode(read.get('word/document.xml'))).toBe(files.get('word/document.xml'));
    const other = zipSync({ 'a.txt': new Uint8Array([1, 2, 3]), 'b.txt': [new TextEncoder().encode('bé'.repeat(100)), { level: 0 }] });
    expect([...readZip(other).get('a.txt')!]).toEqual([1, 2, 3]);
    expect(new TextDecoder().decode(readZip(other).get('b.txt'))).toBe('bé'.repeat(100));
  });

  it('refuses what is not a zip, saying so', () => {
    expect(() => readZip(new TextEncoder().encode('just text, not a .docx at all'))).toThrow(/not a zip file/);
  });

  it('gives the same bytes for the same files, and refuses a date a zip cannot hold', () => {
    expect(Buffer.from(zipPackage(files, '2026-01-02')).equals(Buffer.from(zipPackage(new Map(files), '2026-01-02')))).toBe(true);
    expect(() => zipPackage(files, '1979-12-31')).toThrow(DocxRenderError);
  });
});

describe('parseDate', () => {
  it('reads YYYY-MM-DD and refuses anything else, or a year a zip cannot hold', () => {
    expect(parseDate('2026-11-23')).toEqual({ year: 2026, month: 11, day: 23 });
    for (const bad of ['2026-13-01', '2026-1-1', '1979-12-31', '23/11/2026', '']) {
      expect(() => parseDate(bad), bad).toThrow(DocxRenderError);
    }
  });
});

describe('corePropertiesXml', () => {
  it('writes the metadata escaped, drops control characters, and dates both stamps from meta.date', () => {
    const xml = corePropertiesXml(META);
    expect(xml).toContain('<dc:title>Court Report — A &amp; B &lt;draft&gt;</dc:title>');
    expect(xml).toContain('<dc:subject>Review &quot;hearing&quot;</dc:subject>');
    expect(xml).toContain('<dc:creator>Bluegrass Family Services</dc:creator>');
    expect(xml).toContain('<cp:keywords>casepress, C-1</cp:keywords>');
    expect(xml).toContain('<dc:description>C-1 — CONFIDENTIAL</dc:description>');
    expect(xml).toContain('<dc:language>en-US</dc:language>');
    expect(corePropertiesXml({ ...META, language: 'es-US' })).toContain('<dc:language>es-US</dc:language>');
    expect(xml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-23T00:00:00Z</dcterms:created>');
    expect(xml).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-23T00:00:00Z</dcterms:modified>');
  });
});
