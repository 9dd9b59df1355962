/**
 * Where a document prints its images, and the largest box each use may fill:
 * both writers size a picture inside these boxes, so no image needs more
 * pixels than its largest box holds at print resolution.
 */
import type { Block, DocumentTree } from '../../document/ast.js';
import type { StyleSheet } from '../style/style.js';

/** Points above a signature line, the image drawn inside them with 2 pt to spare each side. */
export const SIGN_SPACE = 34;

/** A box in points; Infinity where the use sets no bound. */
export interface PrintBox {
  readonly width: number;
  readonly height: number;
}

export interface ImageUse {
  readonly key: string;
  /** What wants it, for an error message. */
  readonly usedBy: string;
  readonly box: PrintBox;
}

/** The image keys a tree uses, in document order, with what uses them and the box each may fill. */
export function imageUses(tree: DocumentTree, style: StyleSheet): ImageUse[] {
  const column = style.page.width - 2 * style.page.margin;
  const uses: ImageUse[] = [];
  if (tree.letterhead?.logo !== undefined) {
    uses.push({ key: tree.letterhead.logo, usedBy: 'the letterhead logo', box: { width: style.letterhead.logoMaxWidth, height: style.letterhead.logoHeight } });
  }
  const walk = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      switch (block.type) {
        case 'image':
          uses.push({
            key: block.src,
            usedBy: `image "${block.alt}"${block.position ? ` (line ${block.position.line})` : ''}`,
            box: { width: Math.min(block.width ?? column, column), height: Infinity },
          });
          break;
        case 'signature':
          for (const signer of block.signers) {
            if (signer.image !== undefined) uses.push({ key: signer.image, usedBy: `the signature of ${signer.name}`, box: { width: column, height: SIGN_SPACE - 4 } });
          }
          break;
        case 'list':
          for (const item of block.items) walk(item.children);
          break;
        case 'keep':
        case 'notice':
          walk(block.children);
          break;
        default:
          break;
      }
    }
  };
  walk(tree.blocks);
  return uses;
}
