/**
 * The package around the parts: docProps/core.xml written from the tree's
 * date, the zip written with every entry dated that date (the same tree gives
 * the same bytes), and a reference .docx's zip read back.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DocumentMeta } from '../../document/ast.js';
import { DocxRenderError } from './errors.js';
import { escapeXml } from './text.js';

const CORE_NAMESPACES =
  'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
  'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** The calendar date of `meta.date`, checked: the zip format holds years 1980-2107. */
export function parseDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || year < 1980 || year > 2107 || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new DocxRenderError(`document date "${date}" is not a date (YYYY-MM-DD, 1980-2107)`);
  }
  return { year, month, day };
}

/** A line describing the document for Word's properties pane: its reference and confidentiality notice. */
export function description(meta: DocumentMeta): string {
  return [meta.reference, meta.confidentiality].filter(Boolean).join(' — ');
}

/** docProps/core.xml with created and modified set to the document's date (midnight UTC). */
export function corePropertiesXml(meta: DocumentMeta): string {
  parseDate(meta.date);
  const stamp = `${meta.date}T00:00:00Z`;
  const element = (name: string, value: string) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<cp:coreProperties ${CORE_NAMESPACES}>` +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.author) +
    element('cp:keywords', meta.keywords.join(', ')) +
    element('dc:description', description(meta)) +
    // The language screen readers read the document in (the PDF's /Lang).
    element('dc:language', meta.language ?? 'en-US') +
    element('cp:lastModifiedBy', meta.author) +
    `<cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** A package's files by path, in the order they are zipped. */
export type PackageFiles = ReadonlyMap<string, string | Uint8Array>;

const deflate = (raw: Uint8Array, level: number) => ({ packed: deflateRawSync(raw, { level }), crc: crc32(raw) >>> 0 });

/** Binary entries (images, embedded fonts) are the same objects document after document: each is packed once. */
const packedOnce = new WeakMap<Uint8Array, { level: number; packed: Uint8Array; crc: number }>();

function deflateOnce(raw: Uint8Array, level: number): { packed: Uint8Array; crc: number } {
  let done = packedOnce.get(raw);
  if (!done || done.level !== level) packedOnce.set(raw, (done = { level, ...deflate(raw, level) }));
  return done;
}

/**
 * The files as a zip, each entry DEFLATEd by Node's zlib at `level` and dated
 * `date` at 00:00, with nothing else that varies: the same files give the same
 * bytes.
 */
export function zipPackage(files: PackageFiles, date: string, level = 1): Uint8Array {
  const { year, month, day } = parseDate(date);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [path, content] of files) {
    const name = encoder.encode(path);
    const raw = typeof content === 'string' ? encoder.encode(content) : content;
    const { packed, crc } = typeof content === 'string' ? deflate(raw, level) : deflateOnce(content, level);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_HEADER, true);
    lv.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    lv.setUint16(6, 0, true); // flags
    lv.setUint16(8, 8, true); // method: deflate
    lv.setUint16(10, 0, true); // time 00:00
    lv.setUint16(12, dosDate, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL_HEADER, true);
    cv.setUint16(4, 20, true); // version made by: 2.0, MS-DOS attributes
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(12, 0, true);
    cv.setUint16(14, dosDate, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, packed);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The entries of a zip file by path (stored or DEFLATEd, read through the
 * central directory). Throws DocxRenderError for what is not a zip it can read.
 */
export function readZip(zip: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new DocxRenderError('it is not a zip file (a .docx is one)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL_HEADER) throw new DocxRenderError('its zip directory is damaged');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL_HEADER) throw new DocxRenderError(`its zip entry ${name} is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(start, start + size);
    if (method === 0) files.set(name, data);
    else if (method === 8) {
      try {
        files.set(name, new Uint8Array(inflateRawSync(data)));
      } catch {
        throw new DocxRenderError(`its zip entry ${name} cannot be read`);
      }
    } else throw new DocxRenderError(`its zip entry ${name} is packed in a way casepress does not read (method ${method})`);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return files;
}
