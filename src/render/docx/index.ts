/**
 * The DOCX writer: a document tree to the bytes of a .docx file, with real
 * Word styles (Title, Heading 1-3, Caption, a named table style), the house
 * look of render/style, and the same bytes for the same tree.
 *
 * Pure: no file system, no clock. The images come in as bytes, the date from
 * the tree's meta.
 */
import { Document, Packer, Paragraph, TextRun, type INumberingOptions } from 'docx';
import type { DocumentTree, ImageSet } from '../../document/ast.js';
import { STYLE, type StyleSheet } from '../style/style.js';
import { renderBlocks, type RenderContext } from './blocks.js';
import { footer, letterheadHeader, runningHeader } from './furniture.js';
import { idCounter } from './inline.js';
import { corePropertiesXml, description, parseDate, stampZipDates, zipPackage, type PackageFiles } from './package.js';
import { BULLET_LIST, TITLE_STYLE, bulletLevels, docxStyles, docxTheme, orderedLevels, orderedList } from './styles.js';
import { cleanText } from './text.js';
import { twips } from './units.js';

export { DocxRenderError } from './errors.js';

export interface DocxOptions {
  /** PNG or JPEG bytes by the keys the tree's images, logo and signatures use. */
  readonly images: ImageSet;
  /** The house style; STYLE when not given. */
  readonly style?: StyleSheet;
}

/** The tree as a .docx file. Throws DocxRenderError for an image it cannot print or a malformed date. */
export async function toDocx(tree: DocumentTree, options: DocxOptions): Promise<Uint8Array> {
  const doc = buildDocument(tree, options);
  const overrides = [{ path: 'docProps/core.xml', data: corePropertiesXml(tree.meta) }];
  const compiler = packageCompiler();
  if (!compiler) {
    const bytes = await Packer.toBuffer(doc, false, overrides);
    return stampZipDates(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), tree.meta.date);
  }
  return zipPackage(compiler.compile(doc, undefined, overrides), tree.meta.date);
}

/** docx's compiler (the package's files before zipping), which Packer holds but does not export. */
interface PackageCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): PackageFiles;
}

/**
 * Packer.toBuffer zips with a JavaScript deflate at level 6, a fifth of the
 * DOCX writer's time; zipPackage zips the same files with zlib at level 1.
 * Should a docx release move its compiler, Packer.toBuffer is used instead.
 */
function packageCompiler(): PackageCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PackageCompiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as PackageCompiler) : undefined;
}

/** The docx object model of the tree, before packing. */
function buildDocument(tree: DocumentTree, options: DocxOptions): Document {
  const style = options.style ?? STYLE;
  const { meta } = tree;
  parseDate(meta.date);
  const ctx: RenderContext = { style, images: options.images, ids: idCounter(), orderedStarts: new Set() };

  const title = new Paragraph({ style: TITLE_STYLE, keepNext: true, keepLines: true, children: [new TextRun({ text: cleanText(meta.title) })] });
  const body = [title, ...renderBlocks(tree.blocks, ctx)];
  const letterhead = tree.letterhead ? letterheadHeader(tree.letterhead, meta, ctx) : undefined;
  const header = runningHeader(meta, ctx);
  const { styles, externalStyles } = docxStyles(style);
  const margin = twips(style.page.margin);

  return new Document({
    title: meta.title,
    creator: meta.author,
    subject: meta.subject,
    keywords: meta.keywords.join(', '),
    description: description(meta),
    lastModifiedBy: meta.author,
    styles,
    externalStyles,
    theme: docxTheme(style),
    numbering: numbering(style, ctx.orderedStarts),
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(style.page.width), height: twips(style.page.height) },
            margin: { top: margin, right: margin, bottom: margin, left: margin, header: Math.round(margin / 2), footer: Math.round(margin / 2) },
          },
          titlePage: letterhead !== undefined,
        },
        headers: letterhead ? { default: header, first: letterhead } : { default: header },
        footers: letterhead ? { default: footer(meta, ctx), first: footer(meta, ctx) } : { default: footer(meta, ctx) },
        children: body,
      },
    ],
  });
}

/** The bullet definition and one numbered definition per start used, in a fixed order. */
function numbering(style: StyleSheet, starts: ReadonlySet<number>): INumberingOptions {
  return {
    config: [
      { reference: BULLET_LIST, levels: bulletLevels(style) },
      ...[...starts].sort((a, b) => a - b).map((start) => ({ reference: orderedList(start), levels: orderedLevels(style, start) })),
    ],
  };
}
