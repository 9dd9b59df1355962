/**
 * The DOCX writer: a document tree to the bytes of a .docx file, with real
 * Word styles (Title, Heading 1-3, Caption, a named table style), the house
 * look of render/style, and the same bytes for the same tree.
 *
 * The parts are written as strings straight from the tree (xml.ts); what is
 * the same for every document comes from static-parts.ts, built once per style
 * sheet. legacy.ts is the writer built on the docx package's objects, which
 * differential.test.ts holds this one to.
 *
 * Pure: no file system, no clock. The images come in as bytes, the date from
 * the tree's meta.
 */
import type { DocumentTree, ImageSet } from '../../document/ast.js';
import type { StyleSheet } from '../style/style.js';
import { zipPackage } from './package.js';
import { packageFiles } from './xml.js';

export { DocxRenderError } from './errors.js';

export interface DocxOptions {
  /** PNG or JPEG bytes by the keys the tree's images, logo and signatures use. */
  readonly images: ImageSet;
  /** The house style; STYLE when not given. */
  readonly style?: StyleSheet;
}

/** The tree as a .docx file. Throws DocxRenderError for an image it cannot print or a malformed date. */
export async function toDocx(tree: DocumentTree, options: DocxOptions): Promise<Uint8Array> {
  return zipPackage(packageFiles(tree, options), tree.meta.date);
}
