/**
 * Reading a TrueType font file, for the writers that subset one (the PDF's
 * and the DOCX's): its tables, and where a composite glyph names its parts.
 */

/** The tables of a TrueType font (sfnt version 1.0) by tag, as views into `bytes`; throws for another file. */
export function trueTypeTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = viewOf(bytes);
  if (bytes.length < 12 || view.getUint32(0) !== 0x00010000) throw new Error('not a TrueType font');
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i += 1) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) throw new Error(`the font's ${tag} table runs past its end`);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return tables;
}

/** Composite glyph flags (glyf table). */
const ARGS_ARE_WORDS = 0x0001;
const HAVE_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAVE_XY_SCALE = 0x0040;
const HAVE_2X2 = 0x0080;

/** Each component of a composite glyph: the byte offset of its glyph id within the glyph (none for a simple or empty glyph). */
export function componentOffsets(glyph: Uint8Array): number[] {
  const view = viewOf(glyph);
  if (glyph.length < 10 || view.getInt16(0) >= 0) return [];
  const out: number[] = [];
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    out.push(at + 2);
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2) + (flags & HAVE_SCALE ? 2 : flags & HAVE_XY_SCALE ? 4 : flags & HAVE_2X2 ? 8 : 0);
    if (!(flags & MORE_COMPONENTS)) return out;
  }
}

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
