/**
 * What is the same in every document of one style sheet, taken once from the
 * docx package's own output (legacy.ts) for a small probe tree: styles, theme,
 * settings, font table, foot- and endnotes, the package relationships, the
 * root elements of the document, header and footer parts with their
 * namespaces, the start of numbering.xml (docx's default bullet list), the
 * content types without the header and footer overrides, and the DRAFT
 * watermark's VML. None of these depend on the tree: the probe has a
 * letterhead-free draft and one paragraph, and differential.test.ts checks the
 * result against docx for every document it renders.
 */
import type { DocumentTree } from '../../document/ast.js';
import type { StyleSheet } from '../style/style.js';
import { legacyPackageFiles } from './legacy.js';

/** The watermark shape's id in the probe, replaced by each header's own. */
const PROBE_SHAPE_ID = 'PowerPlusWaterMarkObject1';

export interface StaticParts {
  /** Parts written as they are, by path. */
  readonly fixed: ReadonlyMap<string, string>;
  /** `<?xml …?><w:document …><w:body>` */
  readonly documentOpen: string;
  /** `<?xml …?><w:hdr …>` and `<?xml …?><w:ftr …>` */
  readonly headerOpen: string;
  readonly footerOpen: string;
  /** numbering.xml up to docx's default bullet definition, included, and that definition's `w:num`. */
  readonly numberingOpen: string;
  readonly defaultNum: string;
  /** [Content_Types].xml without its header and footer overrides and without `</Types>`. */
  readonly contentTypesOpen: string;
  /** The watermark run, its shape id split out: before + id + after. */
  readonly watermark: readonly [string, string];
}

/** The parts no document changes, as docx writes them. */
export const FIXED_PATHS = [
  'word/styles.xml',
  '_rels/.rels',
  'docProps/custom.xml',
  'docProps/app.xml',
  'word/footnotes.xml',
  'word/_rels/footnotes.xml.rels',
  'word/endnotes.xml',
  'word/_rels/endnotes.xml.rels',
  'word/settings.xml',
  'word/fontTable.xml',
  'word/_rels/fontTable.xml.rels',
  'word/theme/theme1.xml',
] as const;

const PROBE: DocumentTree = {
  meta: { title: 'Probe', author: 'a', subject: 's', keywords: [], reference: 'r', confidentiality: 'c', date: '2000-01-01', draft: true },
  blocks: [{ type: 'paragraph', children: [{ type: 'text', value: 'probe' }] }],
};

const cache = new WeakMap<StyleSheet, StaticParts>();

export function staticParts(style: StyleSheet): StaticParts {
  let parts = cache.get(style);
  if (!parts) {
    parts = probe(style);
    cache.set(style, parts);
  }
  return parts;
}

function take(files: ReadonlyMap<string, string | Uint8Array>, path: string): string {
  const data = files.get(path);
  if (typeof data !== 'string') throw new Error(`docx wrote no ${path}`);
  return data;
}

function match(text: string, pattern: RegExp, what: string): string {
  const found = pattern.exec(text);
  if (!found) throw new Error(`docx's ${what} is not as expected`);
  return found[0];
}

function probe(style: StyleSheet): StaticParts {
  const files = legacyPackageFiles(PROBE, { images: {}, style });
  const fixed = new Map(FIXED_PATHS.map((path) => [path, take(files, path)] as const));
  const document = take(files, 'word/document.xml');
  const header = take(files, 'word/header1.xml');
  const footer = take(files, 'word/footer1.xml');
  const numbering = take(files, 'word/numbering.xml');
  const types = take(files, '[Content_Types].xml');
  const run = match(header, /<w:r><w:pict>[\s\S]*?<\/w:pict><\/w:r>/, 'watermark');
  const at = run.indexOf(`"${PROBE_SHAPE_ID}"`);
  if (at < 0 || run.indexOf(PROBE_SHAPE_ID, at + PROBE_SHAPE_ID.length + 1) >= 0) throw new Error("docx's watermark is not as expected");
  const defaultStart = numbering.indexOf('<w:abstractNum w:abstractNumId="2"');
  const defaultNum = match(numbering, /<w:num w:numId="1">[\s\S]*?<\/w:num>/, 'numbering');
  if (defaultStart < 0) throw new Error("docx's numbering is not as expected");
  return {
    fixed,
    documentOpen: match(document, /^[\s\S]*?<w:body>/, 'document'),
    headerOpen: match(header, /^[\s\S]*?<w:hdr[^>]*>/, 'header'),
    footerOpen: match(footer, /^[\s\S]*?<w:ftr[^>]*>/, 'footer'),
    numberingOpen: numbering.slice(0, defaultStart),
    defaultNum,
    contentTypesOpen: types.replace(/<Override [^>]*(?:header|footer)\+xml"[^>]*\/>/g, '').replace(/<\/Types>$/, ''),
    watermark: [run.slice(0, at + 1), run.slice(at + 1 + PROBE_SHAPE_ID.length)],
  };
}
