/**
 * The fonts a document prints, embedded the OOXML way, so Word and LibreOffice
 * show it in the PDF's type on a machine without Noto Serif: each face used
 * (regular, bold, italic, bold italic, and the symbol font) cut to the
 * characters it prints, obfuscated with a key (ECMA-376 §17.8.1), and named in
 * fontTable.xml with that key. The key is a hash of the font's bytes, so the
 * same document gives the same file.
 */
import { createHash } from 'node:crypto';
import { DocxRenderError } from './errors.js';
import { obfuscateFont, readTrueType, subsetFont, type TrueTypeFont } from './font-subset.js';
import type { Reference } from './reference.js';
import type { Face } from './runs.js';
import { R, REL, esc } from './xml.js';

/** The font of the signs the text font lacks (☐ ☒ ◦ ▪), as the PDF's: DejaVu Sans. */
export const SYMBOL_FONT = 'DejaVu Sans';

/** The TrueType files of the text font's four faces and of the symbol font (the PDF writer's FontSet). */
export interface DocxFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly boldItalic: Uint8Array;
  readonly symbols: Uint8Array;
}

/** The faces in the order fontTable.xml lists their embed elements. */
const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic', 'symbols'];
const EMBED: Record<Exclude<Face, 'symbols'>, string> = { regular: 'embedRegular', bold: 'embedBold', italic: 'embedItalic', boldItalic: 'embedBoldItalic' };

function parsed(fonts: DocxFonts, face: Face): TrueTypeFont {
  try {
    return readTrueType(fonts[face]);
  } catch (error) {
    throw new DocxRenderError(`the ${face} font cannot be embedded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether the text font has a character (what is not is set in the symbol font). */
export function coverage(fonts: DocxFonts | undefined): (codePoint: number) => boolean {
  if (!fonts) return () => true;
  const cmap = parsed(fonts, 'regular').cmap;
  return (cp) => cp < 0x20 || cmap.has(cp);
}

export interface EmbeddedFonts {
  /** fontTable.xml with the embedded fonts named. */
  readonly fontTable: string;
  /** Its relationships. */
  readonly relationships?: string;
  /** The obfuscated font files by path, the reference's own among them. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

const guid = (bytes: Uint8Array): string => {
  const h = createHash('sha256').update(bytes).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
};

/** Embedded fonts by font and characters: the documents of one build mostly print the same characters. */
const recent = new WeakMap<TrueTypeFont, Map<string, { readonly key: string; readonly data: Uint8Array }>>();
const RECENT_KEPT = 32;

/** The font cut to `codePoints` and obfuscated, with its key (the same object for the same font and characters). */
function embedded(font: TrueTypeFont, codePoints: readonly number[]): { key: string; data: Uint8Array } {
  let byCharacters = recent.get(font);
  if (!byCharacters) recent.set(font, (byCharacters = new Map()));
  const id = String.fromCharCode(...codePoints);
  let found = byCharacters.get(id);
  if (!found) {
    const subset = subsetFont(font, codePoints);
    const key = guid(subset);
    found = { key, data: obfuscateFont(subset, key) };
    if (byCharacters.size >= RECENT_KEPT) byCharacters.delete(byCharacters.keys().next().value!);
  }
  byCharacters.delete(id);
  byCharacters.set(id, found);
  return found;
}

/**
 * The reference's font table with the faces in `used` embedded, when the
 * reference's styles name the text font (an agency's reference in another
 * font gets nothing embedded but the symbol font).
 */
export function embedFonts(reference: Reference, fonts: DocxFonts | undefined, used: ReadonlyMap<Face, readonly number[]>): EmbeddedFonts {
  const files = new Map(reference.fontFiles);
  if (!fonts) return { fontTable: reference.fontTable, ...(reference.fontRelationships ? { relationships: reference.fontRelationships } : {}), files };
  const text = parsed(fonts, 'regular').family;
  const textUsed = reference.styles.includes(`"${text}"`);
  const families = new Map<string, string>();
  let relationships = '';
  let n = 0;
  for (const face of FACES) {
    const codePoints = used.get(face) ?? [];
    if (codePoints.length === 0 || (face !== 'symbols' && !textUsed)) continue;
    const { key, data } = embedded(parsed(fonts, face), codePoints);
    n += 1;
    const path = `fonts/casepress-font${n}.odttf`;
    files.set(`word/${path}`, data);
    const id = `rIdCasepressFont${n}`;
    relationships += `<Relationship Id="${id}" Type="${REL}font" Target="${path}"/>`;
    const family = face === 'symbols' ? SYMBOL_FONT : text;
    const element = `<w:${face === 'symbols' ? EMBED.regular : EMBED[face]} r:id="${id}" w:fontKey="${key}" w:subsetted="1"/>`;
    families.set(family, (families.get(family) ?? '') + element);
  }
  let fontTable = reference.fontTable;
  for (const [family, embeds] of families) fontTable = withFont(fontTable, family, embeds);
  const existing = reference.fontRelationships;
  const merged =
    existing === undefined
      ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`
      : existing.replace(/<\/Relationships>\s*$/, `${relationships}</Relationships>`);
  return { fontTable, ...(relationships !== '' || existing !== undefined ? { relationships: merged } : {}), files };
}

/** The font table with `family`'s entry (the reference's, if any, replaced) naming the embedded faces. */
function withFont(fontTable: string, family: string, embeds: string): string {
  const name = esc(family);
  // Embed elements come last in w:font, after the faces' description, which only Word's own entries carry.
  const entry = `<w:font w:name="${name}" xmlns:r="${R}"><w:charset w:val="00"/><w:pitch w:val="variable"/>${embeds}</w:font>`;
  const open = fontTable.indexOf(`<w:font w:name="${name}"`);
  if (open >= 0) {
    const selfClosing = fontTable.indexOf('/>', open);
    const closing = fontTable.indexOf('</w:font>', open);
    const tagEnd = fontTable.indexOf('>', open);
    const end = selfClosing === tagEnd - 1 ? tagEnd + 1 : closing + '</w:font>'.length;
    return fontTable.slice(0, open) + entry + fontTable.slice(end);
  }
  const close = fontTable.lastIndexOf('</w:fonts>');
  if (close >= 0) return fontTable.slice(0, close) + entry + fontTable.slice(close);
  // An empty table: <w:fonts …/>.
  return fontTable.replace(/<w:fonts([^>]*)\/>\s*$/, `<w:fonts$1>${entry}</w:fonts>`);
}
