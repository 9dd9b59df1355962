/**
 * The TrueType subset a PDF embeds, written from the font file's own bytes.
 * fontkit's subsetter (pdfkit's) decodes each table into objects and encodes
 * them again field by field for every document; this writes the same file,
 * byte for byte: the same tables in the same order (head, hhea, loca, maxp,
 * cvt, prep, glyf, hmtx, fpgm, those the font has), the directory as fontkit
 * writes it (tag "true", no checksums), each glyph's outline copied with the
 * ids of a composite's parts renumbered into the subset.
 */

/** fontkit's subset of one document: glyph ids in subset order, and how to add one (a composite's parts are added as it is written). */
export interface GlyphSubset {
  readonly glyphs: readonly number[];
  includeGlyph(glyphId: number): number;
}

/** What the writer reads of a font, found once per process. */
export interface SubsetSource {
  readonly bytes: Uint8Array;
  readonly tables: ReadonlyMap<string, Uint8Array>;
  /** Glyph outline offsets into `glyf` (numGlyphs + 1), as fontkit decodes the loca table. */
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

/** The fontkit font members read here; undefined when the font is not plain TrueType (left to fontkit). */
export function subsetSource(font: unknown, bytes: Uint8Array): SubsetSource | undefined {
  const internals = font as {
    directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
    loca?: { offsets?: number[]; version?: number };
    hhea?: { numberOfMetrics?: number };
    _variationProcessor?: unknown;
  };
  const entries = internals.directory?.tables;
  const offsets = internals.loca?.offsets;
  const numberOfMetrics = internals.hhea?.numberOfMetrics;
  const locaFormat = internals.loca?.version;
  if (!entries || !offsets || numberOfMetrics === undefined || (locaFormat !== 0 && locaFormat !== 1) || internals._variationProcessor || entries['CFF '] || !entries.glyf) return undefined;
  const tables = new Map<string, Uint8Array>();
  for (const tag of TABLES) {
    const entry = entries[tag];
    if (!entry) continue;
    if (entry.offset + entry.length > bytes.length) return undefined;
    tables.set(tag, bytes.subarray(entry.offset, entry.offset + entry.length));
  }
  if (tables.get('head')?.length !== 54 || tables.get('hhea')?.length !== 36 || (tables.get('maxp')?.length ?? 0) < 6 || !tables.has('hmtx')) return undefined;
  return { bytes, tables, loca: offsets, locaFormat, numberOfMetrics, glyphs: new Map() };
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
  const metrics = new DataView(source.tables.get('hmtx')!.buffer, source.tables.get('hmtx')!.byteOffset, source.tables.get('hmtx')!.byteLength);
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
    outline = { bytes, parts: partsOf(bytes) };
    source.glyphs.set(glyphId, outline);
  }
  return outline;
}

// Component flags of a composite glyph (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Where a composite glyph names its parts (none for a simple or empty glyph). */
function partsOf(bytes: Uint8Array): number[] {
  if (bytes.length < 10) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt16(0) >= 0) return [];
  const parts: number[] = [];
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    parts.push(at + 2);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return parts;
  }
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
