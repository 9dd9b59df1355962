/**
 * The TrueType subset a PDF embeds, written from the font file's own bytes.
 * fontkit's subsetter (pdfkit's) decodes each table into objects and encodes
 * them again field by field for every document; this writes the same file,
 * byte for byte: the same tables in the same order (head, hhea, loca, maxp,
 * cvt, prep, glyf, hmtx, fpgm, those the font has), the directory as fontkit
 * writes it (tag "true", no checksums), each glyph's outline copied with the
 * ids of a composite's parts renumbered into the subset.
 */
import { componentOffsets, trueTypeTables, viewOf } from '../truetype.js';

/** fontkit's subset of one document: glyph ids in subset order, and how to add one (a composite's parts are added as it is written). */
export interface GlyphSubset {
  readonly glyphs: readonly number[];
  includeGlyph(glyphId: number): number;
}

/** What the writer reads of a font, found once for its bytes. */
export interface SubsetSource {
  readonly tables: ReadonlyMap<string, Uint8Array>;
  /** Glyph outline offsets into `glyf` (numGlyphs + 1). */
  readonly loca: readonly number[];
  /** 0: short loca offsets (halved, 16 bits), 1: long. */
  readonly locaFormat: number;
  readonly numberOfMetrics: number;
  /** Each glyph's outline and the places in it that name the glyphs it is made of, found on first use. */
  readonly glyphs: Map<number, Outline>;
}

interface Outline {
  readonly bytes: Uint8Array;
  /** Offsets in `bytes` of the glyph ids of a composite's parts. */
  readonly parts: readonly number[];
}

/** The tables fontkit writes into a subset, in its order; the font's own bytes but for glyf, loca, hmtx and the counts in hhea and maxp. */
const TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/** The font in `bytes` read for subsetting; undefined when it is not a plain TrueType font (fontkit then writes its subsets). */
export function subsetSource(bytes: Uint8Array): SubsetSource | undefined {
  let tables: ReadonlyMap<string, Uint8Array>;
  try {
    tables = trueTypeTables(bytes);
  } catch {
    return undefined;
  }
  // A variable font's outlines are set at its coordinates by fontkit.
  if (tables.get('head')?.length !== 54 || tables.get('hhea')?.length !== 36 || !tables.has('loca') || !tables.has('glyf') || !tables.has('hmtx') || (tables.get('maxp')?.length ?? 0) < 6 || tables.has('fvar')) return undefined;
  const locaFormat = viewOf(tables.get('head')!).getInt16(50);
  const locaTable = viewOf(tables.get('loca')!);
  const loca: number[] = [];
  if (locaFormat === 1) for (let at = 0; at + 4 <= locaTable.byteLength; at += 4) loca.push(locaTable.getUint32(at));
  else if (locaFormat === 0) for (let at = 0; at + 2 <= locaTable.byteLength; at += 2) loca.push(locaTable.getUint16(at) * 2);
  else return undefined;
  return { tables, loca, locaFormat, numberOfMetrics: viewOf(tables.get('hhea')!).getUint16(34), glyphs: new Map() };
}

export function encodeSubset(source: SubsetSource, subset: GlyphSubset): Uint8Array {
  // The outlines, in subset order; a composite adds its parts to the subset as it is met.
  const outlines: Uint8Array[] = [];
  for (let i = 0; i < subset.glyphs.length; i++) {
    const outline = outlineOf(source, subset.glyphs[i]!);
    if (outline.parts.length === 0) {
      outlines.push(outline.bytes);
      continue;
    }
    const copy = outline.bytes.slice();
    const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
    for (const at of outline.parts) view.setUint16(at, subset.includeGlyph(view.getUint16(at)));
    outlines.push(copy);
  }
  const count = outlines.length;
  const glyf = concat(outlines);

  const long = source.locaFormat === 1;
  const loca = new Uint8Array((count + 1) * (long ? 4 : 2));
  const locaView = new DataView(loca.buffer);
  let offset = 0;
  for (let i = 0; i <= count; i++) {
    if (long) locaView.setUint32(4 * i, offset);
    else locaView.setUint16(2 * i, offset >>> 1);
    offset += outlines[i]?.length ?? 0;
  }

  const hmtx = new Uint8Array(4 * count);
  const hmtxView = new DataView(hmtx.buffer);
  const metrics = viewOf(source.tables.get('hmtx')!);
  subset.glyphs.forEach((glyphId, i) => {
    const [advance, bearing] = metricsOf(metrics, source.numberOfMetrics, glyphId);
    hmtxView.setUint16(4 * i, advance);
    hmtxView.setInt16(4 * i + 2, bearing);
  });

  const hhea = source.tables.get('hhea')!.slice();
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = source.tables.get('maxp')!.slice();
  new DataView(maxp.buffer).setUint16(4, count);

  const written: Record<(typeof TABLES)[number], Uint8Array | undefined> = {
    head: source.tables.get('head'),
    hhea,
    loca,
    maxp,
    'cvt ': evenLength(source.tables.get('cvt ')),
    prep: source.tables.get('prep'),
    glyf,
    hmtx,
    fpgm: source.tables.get('fpgm'),
  };
  const present = TABLES.filter((tag) => written[tag] !== undefined);
  const numTables = present.length;
  const power = Math.pow(2, Math.floor(Math.log(numTables) / Math.LN2));
  const header = new Uint8Array(12 + 16 * numTables);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x74727565); // 'true', as fontkit tags what it writes
  view.setUint16(4, numTables);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log(power) / Math.LN2);
  view.setUint16(10, numTables * 16 - power * 16);
  let at = header.length;
  present.forEach((tag, i) => {
    for (let k = 0; k < 4; k++) view.setUint8(12 + 16 * i + k, tag.charCodeAt(k));
    // The checksum is left 0, as fontkit leaves it.
    view.setUint32(12 + 16 * i + 8, at);
    view.setUint32(12 + 16 * i + 12, written[tag]!.length);
    at += written[tag]!.length;
  });
  return concat([header, ...present.map((tag) => written[tag]!)]);
}

function outlineOf(source: SubsetSource, glyphId: number): Outline {
  let outline = source.glyphs.get(glyphId);
  if (!outline) {
    const glyf = source.tables.get('glyf')!;
    const start = source.loca[glyphId] ?? 0;
    const end = source.loca[glyphId + 1] ?? start;
    const bytes = glyf.subarray(start, Math.max(start, end));
    outline = { bytes, parts: componentOffsets(bytes) };
    source.glyphs.set(glyphId, outline);
  }
  return outline;
}

/** A glyph's advance and left side bearing from the hmtx table (glyphs past the metrics share the last advance). */
function metricsOf(hmtx: DataView, numberOfMetrics: number, glyphId: number): [number, number] {
  if (glyphId < numberOfMetrics) return [hmtx.getUint16(4 * glyphId), hmtx.getInt16(4 * glyphId + 2)];
  const advance = numberOfMetrics > 0 ? hmtx.getUint16(4 * (numberOfMetrics - 1)) : 0;
  const at = 4 * numberOfMetrics + 2 * (glyphId - numberOfMetrics);
  return [advance, at + 2 <= hmtx.byteLength ? hmtx.getInt16(at) : 0];
}

/** fontkit reads the cvt table as 16-bit values: an odd last byte is not written back. */
function evenLength(table: Uint8Array | undefined): Uint8Array | undefined {
  return table && table.length % 2 === 1 ? table.subarray(0, table.length - 1) : table;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
