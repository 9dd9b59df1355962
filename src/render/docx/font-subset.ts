/**
 * A TrueType font cut down to the characters one document prints, as a font
 * Word and LibreOffice can install from a .docx: glyphs renumbered (composite
 * glyphs' parts kept and renumbered), a new cmap for exactly those
 * characters, and the font's own name and OS/2 tables, which say its family
 * and that it may be embedded. Layout tables (GSUB, GPOS, kern…) are left out:
 * Word and LibreOffice lay the text out without them.
 *
 * fontkit's subsetter (what pdfkit uses) writes no cmap, name or OS/2 table,
 * which a PDF does without and an embedded DOCX font cannot; this one is plain
 * byte copying, fast enough to run for every document.
 */
import { componentOffsets, trueTypeTables, viewOf } from '../truetype.js';

/** A font read once: its tables, and its characters' glyphs. */
export interface TrueTypeFont {
  /** The family name (name id 1), which the font table must use. */
  readonly family: string;
  readonly tables: ReadonlyMap<string, Uint8Array>;
  /** Code point → glyph id. */
  readonly cmap: ReadonlyMap<number, number>;
}

const fonts = new WeakMap<Uint8Array, TrueTypeFont>();

/** The font in `bytes` (parsed once per bytes object). Throws for a file that is not a TrueType font with glyf outlines. */
export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  let font = fonts.get(bytes);
  if (!font) {
    font = parse(bytes);
    fonts.set(bytes, font);
  }
  return font;
}

function parse(bytes: Uint8Array): TrueTypeFont {
  const tables = trueTypeTables(bytes);
  for (const tag of REQUIRED) if (!tables.has(tag)) throw new Error(`the font has no ${tag} table`);
  return { family: familyName(tables.get('name')!), tables, cmap: readCmap(tables.get('cmap')!) };
}

const REQUIRED = ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'OS/2', 'post'] as const;
/** Tables copied as they are: hinting stays valid for renumbered glyphs. */
const COPIED = ['OS/2', 'cvt ', 'fpgm', 'prep', 'gasp'] as const;

/** The names kept: copyright, family, style, unique id, full name, version, PostScript name, trademark, licence URL (not the licence's text). */
const NAMES_KEPT = new Set([0, 1, 2, 3, 4, 5, 6, 7, 14]);

/** The name table with only the names NAMES_KEPT lists, their strings copied as they are. */
function shortNames(name: Uint8Array): Uint8Array {
  const view = viewOf(name);
  const strings = view.getUint16(4);
  const records: { header: Uint8Array; data: Uint8Array }[] = [];
  for (let i = 0; i < view.getUint16(2); i += 1) {
    const at = 6 + 12 * i;
    if (!NAMES_KEPT.has(view.getUint16(at + 6))) continue;
    const length = view.getUint16(at + 8);
    const offset = view.getUint16(at + 10);
    records.push({ header: name.subarray(at, at + 12), data: name.subarray(strings + offset, strings + offset + length) });
  }
  const start = 6 + 12 * records.length;
  const out = new Uint8Array(start + records.reduce((sum, r) => sum + r.data.length, 0));
  const v = viewOf(out);
  v.setUint16(2, records.length);
  v.setUint16(4, start);
  let offset = 0;
  records.forEach((r, i) => {
    out.set(r.header, 6 + 12 * i);
    v.setUint16(6 + 12 * i + 10, offset);
    out.set(r.data, start + offset);
    offset += r.data.length;
  });
  return out;
}

/** The family name: Windows Unicode (3, 1) name id 1, else Macintosh Roman (1, 0). */
function familyName(name: Uint8Array): string {
  const view = viewOf(name);
  const count = view.getUint16(2);
  const strings = view.getUint16(4);
  let mac: string | undefined;
  for (let i = 0; i < count; i += 1) {
    const at = 6 + 12 * i;
    const [platform, encoding, , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((d) => view.getUint16(at + d)) as [number, number, number, number, number, number];
    if (nameId !== 1) continue;
    const raw = name.subarray(strings + offset, strings + offset + length);
    if (platform === 3 && encoding === 1) {
      let text = '';
      for (let k = 0; k + 1 < raw.length; k += 2) text += String.fromCharCode((raw[k]! << 8) | raw[k + 1]!);
      return text;
    }
    if (platform === 1 && encoding === 0) mac ??= String.fromCharCode(...raw);
  }
  if (mac === undefined) throw new Error('the font has no family name');
  return mac;
}

/** Code point → glyph from the Unicode cmap subtable: format 12 (3,10) if there is one, else format 4 (3,1 or 0,x). */
function readCmap(cmap: Uint8Array): Map<number, number> {
  const view = viewOf(cmap);
  const count = view.getUint16(2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i += 1) {
    const platform = view.getUint16(4 + 8 * i);
    const encoding = view.getUint16(6 + 8 * i);
    const offset = view.getUint32(8 + 8 * i);
    const format = view.getUint16(offset);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) format12 = offset;
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 = offset;
  }
  const map = new Map<number, number>();
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    for (let g = 0; g < groups; g += 1) {
      const at = format12 + 16 + 12 * g;
      const [start, end, glyph] = [view.getUint32(at), view.getUint32(at + 4), view.getUint32(at + 8)];
      for (let cp = start; cp <= end; cp += 1) map.set(cp, glyph + cp - start);
    }
    return map;
  }
  if (format4 < 0) throw new Error('the font has no Unicode cmap');
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  for (let s = 0; s < segments; s += 1) {
    const start = view.getUint16(starts + 2 * s);
    const end = view.getUint16(ends + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const range = view.getUint16(ranges + 2 * s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp += 1) {
      let glyph: number;
      if (range === 0) glyph = (cp + delta) & 0xffff;
      else {
        glyph = view.getUint16(ranges + 2 * s + range + 2 * (cp - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(cp, glyph);
    }
  }
  return map;
}

/** The font with only the glyphs of `codePoints` (those it has; .notdef always), as the bytes of a .ttf file. */
export function subsetFont(font: TrueTypeFont, codePoints: Iterable<number>): Uint8Array {
  const t = font.tables;
  const head = viewOf(t.get('head')!);
  const longLoca = head.getInt16(50) === 1;
  const loca = viewOf(t.get('loca')!);
  const glyf = t.get('glyf')!;
  const numGlyphs = viewOf(t.get('maxp')!).getUint16(4);
  const glyphData = (gid: number): Uint8Array => {
    if (gid >= numGlyphs) return new Uint8Array(0);
    const [from, to] = longLoca ? [loca.getUint32(4 * gid), loca.getUint32(4 * gid + 4)] : [loca.getUint16(2 * gid) * 2, loca.getUint16(2 * gid + 2) * 2];
    return glyf.subarray(from, Math.max(from, to));
  };

  // The glyphs kept, old id → new id, in the order first met: .notdef, the characters', their parts.
  const chars = [...new Set(codePoints)].filter((cp) => cp <= 0xffff && font.cmap.has(cp)).sort((a, b) => a - b);
  const order = [0];
  const newId = new Map([[0, 0]]);
  const keep = (gid: number) => {
    if (!newId.has(gid) && gid < numGlyphs) {
      newId.set(gid, order.length);
      order.push(gid);
    }
  };
  for (const cp of chars) keep(font.cmap.get(cp)!);
  for (let i = 0; i < order.length; i += 1) {
    const data = glyphData(order[i]!);
    for (const at of componentOffsets(data)) keep(viewOf(data).getUint16(at));
  }

  // glyf and loca (long offsets), composite parts renumbered.
  const pieces = order.map((gid) => {
    const data = glyphData(gid);
    const offsets = componentOffsets(data);
    if (offsets.length === 0) return data;
    const copy = data.slice();
    for (const at of offsets) viewOf(copy).setUint16(at, newId.get(viewOf(data).getUint16(at)) ?? 0);
    return copy;
  });
  const padded = (n: number) => (n + 3) & ~3;
  const newGlyf = new Uint8Array(pieces.reduce((sum, p) => sum + padded(p.length), 0));
  const newLoca = new Uint8Array(4 * (order.length + 1));
  let offset = 0;
  pieces.forEach((piece, i) => {
    viewOf(newLoca).setUint32(4 * i, offset);
    newGlyf.set(piece, offset);
    offset += padded(piece.length);
  });
  viewOf(newLoca).setUint32(4 * order.length, offset);

  // hmtx: every kept glyph with its own advance and left side bearing.
  const hmtx = viewOf(t.get('hmtx')!);
  const metrics = viewOf(t.get('hhea')!).getUint16(34);
  const newHmtx = new Uint8Array(4 * order.length);
  order.forEach((gid, i) => {
    const advance = hmtx.getUint16(4 * Math.min(gid, metrics - 1));
    const lsb = gid < metrics ? hmtx.getInt16(4 * gid + 2) : hmtx.getInt16(4 * metrics + 2 * (gid - metrics));
    viewOf(newHmtx).setUint16(4 * i, advance);
    viewOf(newHmtx).setInt16(4 * i + 2, lsb);
  });

  const newHead = t.get('head')!.slice();
  viewOf(newHead).setUint32(8, 0); // checkSumAdjustment, set last
  viewOf(newHead).setInt16(50, 1);
  const newHhea = t.get('hhea')!.slice();
  viewOf(newHhea).setUint16(34, order.length);
  const newMaxp = t.get('maxp')!.slice();
  viewOf(newMaxp).setUint16(4, order.length);
  // post format 3: no glyph names.
  const newPost = t.get('post')!.slice(0, 32);
  viewOf(newPost).setUint32(0, 0x00030000);

  const tables = new Map<string, Uint8Array>([
    ['cmap', cmapTable(chars.map((cp) => [cp, newId.get(font.cmap.get(cp)!)!]))],
    ['glyf', newGlyf],
    ['head', newHead],
    ['hhea', newHhea],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['maxp', newMaxp],
    ['post', newPost],
    ['name', shortNames(t.get('name')!)],
  ]);
  for (const tag of COPIED) if (t.has(tag)) tables.set(tag, t.get(tag)!);
  return sfnt(tables);
}

/** A cmap with one subtable, (3, 1) format 4: a segment per character, and the closing 0xFFFF one. */
function cmapTable(pairs: readonly (readonly [number, number])[]): Uint8Array {
  const segments = pairs.length + 1;
  const length = 16 + 8 * segments;
  const out = new Uint8Array(12 + length);
  const v = viewOf(out);
  v.setUint16(2, 1); // one subtable
  v.setUint16(4, 3);
  v.setUint16(6, 1);
  v.setUint32(8, 12);
  const f = 12;
  v.setUint16(f, 4);
  v.setUint16(f + 2, length);
  v.setUint16(f + 6, 2 * segments);
  const power = 2 ** Math.floor(Math.log2(segments));
  v.setUint16(f + 8, 2 * power);
  v.setUint16(f + 10, Math.log2(power));
  v.setUint16(f + 12, 2 * segments - 2 * power);
  const ends = f + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  [...pairs, [0xffff, 0] as const].forEach(([cp, gid], s) => {
    v.setUint16(ends + 2 * s, cp);
    v.setUint16(starts + 2 * s, cp);
    v.setUint16(deltas + 2 * s, cp === 0xffff ? 1 : (gid - cp) & 0xffff);
  });
  return out;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum = (sum + (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}

/** The tables as one font file: the directory in tag order, each table 4-byte aligned, head's checkSumAdjustment set. */
function sfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  let offset = 12 + 16 * tags.length;
  const placed = tags.map((tag) => {
    const data = tables.get(tag)!;
    const at = offset;
    offset += (data.length + 3) & ~3;
    return { tag, data, at };
  });
  const out = new Uint8Array(offset);
  const v = viewOf(out);
  v.setUint32(0, 0x00010000);
  v.setUint16(4, tags.length);
  v.setUint16(6, 16 * power);
  v.setUint16(8, Math.log2(power));
  v.setUint16(10, 16 * tags.length - 16 * power);
  placed.forEach(({ tag, data, at }, i) => {
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k += 1) out[record + k] = tag.charCodeAt(k);
    v.setUint32(record + 4, checksum(data));
    v.setUint32(record + 8, at);
    v.setUint32(record + 12, data.length);
    out.set(data, at);
  });
  const head = placed.find((p) => p.tag === 'head')!;
  v.setUint32(head.at + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/**
 * The font obfuscated as ECMA-376 Part 1 §17.8.1 says: its first 32 bytes
 * XORed with the font key, a GUID whose 16 bytes are read from the last to the
 * first. The key is written beside the font's relationship in fontTable.xml.
 */
export function obfuscateFont(font: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`font key ${fontKey} is not a GUID`);
  const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
  const out = font.slice();
  for (let i = 0; i < 32 && i < out.length; i += 1) out[i]! ^= key[i % 16]!;
  return out;
}
