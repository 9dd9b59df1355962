/**
 * Signature blocks: for each signer a space to sign (or the signature image),
 * the line, the name and role under it, and the date or a blank date line.
 * Two signers to a row when the column is wide enough; the block is kept on one page.
 */
import { formatLongDate } from '../../core/calendar-date.js';
import type { Signature, Signer } from '../../document/ast.js';
import { SIGN_SPACE } from '../images/uses.js';
import { tag, type Frame, type PdfContext } from './context.js';
import { keepWhole, slice, type Flow, type Slice } from './flow.js';
import { breakLines, drawLine, lineMetrics, type Line, type TextStyle } from './inlines.js';
import type { StructElement } from './structure.js';

const COLUMN_GAP = 36;
const ROW_GAP = 22;
const BLANK_DATE = '____________________';

interface Part {
  readonly lines: readonly Line[];
  readonly size: number;
}

export function layoutSignature(ctx: PdfContext, block: Signature, frame: Frame): Flow {
  const columns = frame.width >= 360 ? 2 : 1;
  const width = (frame.width - COLUMN_GAP * (columns - 1)) / columns;
  const slices: Slice[] = [];
  const div = tag(ctx, 'Div');
  for (let start = 0; start < block.signers.length; start += columns) {
    const row = block.signers.slice(start, start + columns);
    const cells = row.map((signer) => signerCell(ctx, div, signer, width));
    const height = Math.max(...cells.map((c) => c.height));
    slices.push(
      slice(height, (y) => cells.forEach((cell, i) => cell.draw(frame.x + i * (width + COLUMN_GAP), y)), {
        spaceBefore: start === 0 ? ctx.style.paragraphSpacing + 12 : ROW_GAP,
      }),
    );
  }
  return keepWhole({ slices, keeps: [] });
}

/** A signer's space to sign, name, role and date: in the structure, the signature image (a Figure) and a paragraph, under `div`. */
function signerCell(ctx: PdfContext, div: StructElement, signer: Signer, width: number): { height: number; draw: (x: number, y: number) => void } {
  const { style, faces } = ctx;
  const color = style.textColor;
  const text = (value: string, font: TextStyle['font'], size: number): Part => ({
    lines: breakLines(faces, [{ text: value, style: { font, size, color } }], width),
    size,
  });
  const parts: Part[] = [
    text(signer.name, 'bold', style.font.size),
    text(signer.role, 'regular', style.font.size - 1),
    text(`Date: ${signer.date ? formatLongDate(signer.date) : BLANK_DATE}`, 'regular', style.font.size - 1),
  ];
  const image = signer.image !== undefined ? ctx.images.get(signer.image, `the signature of ${signer.name}`) : undefined;
  const partsHeight = parts.reduce((sum, p) => sum + p.lines.length * lineMetrics(faces, p.size, 1).height, 0);
  const height = SIGN_SPACE + 4 + partsHeight;

  const figure = image ? ctx.tags.add(div, 'Figure', { alt: `Signature of ${signer.name}` }) : undefined;
  const paragraph = ctx.tags.add(div, 'P');
  const draw = (x: number, y: number): void => {
    const { doc, tags } = ctx;
    if (image && figure) {
      const scale = Math.min((SIGN_SPACE - 4) / image.height, width / image.width);
      tags.content(figure, () => doc.image(image.pdfImage as never, x, y + SIGN_SPACE - 2 - image.height * scale, { width: image.width * scale, height: image.height * scale }));
    }
    tags.artifact('Layout', () => doc.save().lineWidth(0.75).strokeColor(color).moveTo(x, y + SIGN_SPACE).lineTo(x + width, y + SIGN_SPACE).stroke().restore());
    let top = y + SIGN_SPACE + 4;
    tags.text(paragraph, () => {
      for (const part of parts) {
        const metrics = lineMetrics(faces, part.size, 1);
        for (const line of part.lines) {
          drawLine(ctx, line, x, top + metrics.ascent, width);
          top += metrics.height;
        }
      }
    });
  };
  return { height, draw };
}
