/**
 * The reference .docx, pandoc's way: the document's styles, numbering,
 * settings, theme and font table are the reference's; the writer adds only
 * the body, headers, footers, media, its list definitions and its embedded
 * fonts. An agency that restyles templates/reference.docx in Word (fonts,
 * sizes, colours, spacing of Title, Heading 1-3, Table Text …) restyles every
 * document without touching code.
 *
 * The writer finds styles by name (Word's names, the same in every language),
 * and uses the ids the reference gives them.
 */
import { DocxRenderError } from './errors.js';
import { readZip } from './package.js';

/** The styles the writer uses, by the name Word shows (lower case compares). */
export const STYLE_NAMES = {
  title: 'Title',
  heading1: 'heading 1',
  heading2: 'heading 2',
  heading3: 'heading 3',
  caption: 'caption',
  listParagraph: 'List Paragraph',
  header: 'header',
  footer: 'footer',
  tableText: 'Table Text',
  hyperlink: 'Hyperlink',
  table: 'Casepress Table',
} as const;

export type StyleIds = Readonly<Record<keyof typeof STYLE_NAMES, string>>;

/** Parts taken as they are, when the reference has them. */
const TAKEN = ['word/settings.xml', 'word/_rels/settings.xml.rels', 'word/theme/theme1.xml', 'word/webSettings.xml'] as const;

export interface Reference {
  readonly styleIds: StyleIds;
  readonly styles: string;
  /** numbering.xml; the writer adds its lists (see numbering.ts). */
  readonly numbering: string;
  /** fontTable.xml; the writer adds the fonts it embeds (see fonts.ts). */
  readonly fontTable: string;
  /** Relationships of the font table (fonts the reference embeds), and those font files. */
  readonly fontRelationships?: string;
  readonly fontFiles: ReadonlyMap<string, Uint8Array>;
  /** Parts copied into every document, by path. */
  readonly parts: ReadonlyMap<string, string>;
}

const EMPTY_NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`;
const EMPTY_FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`;

const references = new WeakMap<Uint8Array, Reference>();

/**
 * The reference in `bytes`, read once per bytes object. Throws DocxRenderError
 * saying what is wrong with a file that is not a usable reference .docx.
 */
export function readReference(bytes: Uint8Array): Reference {
  let reference = references.get(bytes);
  if (!reference) {
    reference = parseReference(bytes);
    references.set(bytes, reference);
  }
  return reference;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(files: ReadonlyMap<string, Uint8Array>, path: string): string | undefined {
  const data = files.get(path);
  if (!data) return undefined;
  try {
    return decoder.decode(data);
  } catch {
    throw new DocxRenderError(`its ${path} is not UTF-8 text`);
  }
}

function parseReference(bytes: Uint8Array): Reference {
  const files = readZip(bytes);
  if (!files.has('word/document.xml')) throw new DocxRenderError('it is not a Word document (it has no word/document.xml)');
  const styles = text(files, 'word/styles.xml');
  if (styles === undefined) throw new DocxRenderError('it has no styles (word/styles.xml)');
  const parts = new Map<string, string>();
  for (const path of TAKEN) {
    const part = text(files, path);
    if (part !== undefined) parts.set(path, part);
  }
  const fontRelationships = text(files, 'word/_rels/fontTable.xml.rels');
  return {
    styleIds: styleIds(styles),
    styles,
    numbering: text(files, 'word/numbering.xml') ?? EMPTY_NUMBERING,
    fontTable: text(files, 'word/fontTable.xml') ?? EMPTY_FONT_TABLE,
    ...(fontRelationships !== undefined ? { fontRelationships } : {}),
    fontFiles: new Map([...files].filter(([path]) => path.startsWith('word/fonts/'))),
    parts,
  };
}

/** The id of each style the writer uses, found by its name; a reference that lacks one is refused, naming them all. */
function styleIds(styles: string): StyleIds {
  const byName = new Map<string, string>();
  for (const m of styles.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /\bw:styleId="([^"]*)"/.exec(m[1]!)?.[1];
    const name = /<w:name\s+w:val="([^"]*)"/.exec(m[2]!)?.[1];
    if (id !== undefined && name !== undefined && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), id);
  }
  const missing = Object.values(STYLE_NAMES).filter((name) => !byName.has(name.toLowerCase()));
  if (missing.length > 0) {
    throw new DocxRenderError(`its styles lack ${missing.map((name) => `"${name}"`).join(', ')} (start from templates/reference.docx, which has every style casepress uses)`);
  }
  return Object.fromEntries(Object.entries(STYLE_NAMES).map(([key, name]) => [key, byName.get(name.toLowerCase())!])) as unknown as StyleIds;
}
