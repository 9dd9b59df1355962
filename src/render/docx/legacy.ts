/**
 * The DOCX writer as it was before xml.ts: the tree as docx package objects,
 * turned into the package's files by docx's own compiler. Kept for the
 * differential test (differential.test.ts), which checks that xml.ts writes
 * the same parts, and for the parts that are the same for every document
 * (static-parts.ts), which are taken from it once per style sheet.
 */
import { Document, Packer, Paragraph, TextRun, type INumberingOptions } from 'docx';
import type { DocumentTree } from '../../document/ast.js';
import { STYLE, type StyleSheet } from '../style/style.js';
import { renderBlocks, type RenderContext } from './blocks.js';
import { footer, letterheadHeader, runningHeader } from './furniture.js';
import { idCounter } from './inline.js';
import { corePropertiesXml, description, parseDate, stampZipDates, zipPackage, type PackageFiles } from './package.js';
import { BULLET_LIST, TITLE_STYLE, bulletLevels, docxStyles, docxTheme, orderedLevels, orderedList } from './styles.js';
import { cleanText } from './text.js';
import { twips } from './units.js';
import type { DocxOptions } from './index.js';

/** The package's files as the docx package writes them (core.xml replaced by ours). */
export function legacyPackageFiles(tree: DocumentTree, options: DocxOptions): PackageFiles {
  const doc = buildDocument(tree, options);
  const overrides = [{ path: 'docProps/core.xml', data: corePropertiesXml(tree.meta) }];
  const compiler = packageCompiler();
  if (!compiler) throw new Error('docx no longer has Packer.compiler');
  return compiler.compile(doc, undefined, overrides);
}

/** The tree as a .docx file, written entirely by the docx package (the old writer). */
export async function toDocxLegacy(tree: DocumentTree, options: DocxOptions): Promise<Uint8Array> {
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
