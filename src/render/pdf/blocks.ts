/**
 * Blocks to flow: one function per block type, each measuring what it will
 * draw. Lists, tables and signatures live in their own modules; this one holds
 * the dispatcher and the simple blocks.
 */
import type { Block, Heading, Image, Notice, Paragraph } from '../../document/ast.js';
import { keepWithNext } from '../../document/keep-with-next.js';
import { layoutChartBlock } from './chart.js';
import { addOutline, columnHeight, inside, tag, type Frame, type PdfContext } from './context.js';
import { append, emptyFlow, keepWhole, slice, type Flow, type Slice } from './flow.js';
import { lineSlices, plainText, setText, type BaseText } from './inlines.js';
import { layoutChecklist, layoutList } from './lists.js';
import { layoutSignature } from './signature.js';
import { layoutTable } from './table.js';

export interface Laid {
  readonly flow: Flow;
  /** Space wanted below the block (merged with the next block's space above). */
  readonly spaceAfter: number;
}

/** Lays out a sequence of blocks in a frame. */
export function layoutBlocks(ctx: PdfContext, blocks: readonly Block[], frame: Frame): Flow {
  const flow = emptyFlow();
  let spaceAfter = 0;
  let previous: { block: Block; start: number } | undefined;
  for (const block of blocks) {
    const laid = layoutBlock(ctx, block, frame);
    const first = laid.flow.slices[0];
    if (!first) continue;
    first.spaceBefore = Math.max(first.spaceBefore, spaceAfter);
    const keep = previous && keepWithNext(previous.block, block);
    if (keep === 'whole') for (const s of flow.slices.slice(previous!.start)) s.keepWithNext = true;
    // The line before the last is kept with the last already (no widow).
    if (keep === 'end') flow.slices.at(-1)!.keepWithNext = true;
    previous = { block, start: flow.slices.length };
    append(flow, laid.flow);
    spaceAfter = laid.spaceAfter;
  }
  return flow;
}

export function layoutBlock(ctx: PdfContext, block: Block, frame: Frame): Laid {
  switch (block.type) {
    case 'heading':
      return layoutHeading(ctx, block, frame);
    case 'paragraph':
      return { flow: layoutParagraph(ctx, block, frame), spaceAfter: 0 };
    case 'list':
      return { flow: layoutList(ctx, block, frame, layoutBlocks), spaceAfter: 0 };
    case 'table':
      return { flow: layoutTable(ctx, block, frame), spaceAfter: ctx.style.paragraphSpacing + 4 };
    case 'pageBreak':
      return { flow: { slices: [slice(0, () => undefined, { pageBreak: true })], keeps: [] }, spaceAfter: 0 };
    case 'keep':
      return { flow: keepWhole(layoutBlocks(ctx, block.children, frame)), spaceAfter: 0 };
    case 'notice':
      return { flow: layoutNotice(ctx, block, frame), spaceAfter: ctx.style.paragraphSpacing + 4 };
    case 'checklist':
      return { flow: layoutChecklist(ctx, block, frame), spaceAfter: 0 };
    case 'signature':
      return { flow: layoutSignature(ctx, block, frame), spaceAfter: ctx.style.paragraphSpacing };
    case 'image':
      return { flow: layoutImage(ctx, block, frame), spaceAfter: ctx.style.paragraphSpacing };
    case 'chart':
      return { flow: layoutChartBlock(ctx, block, frame), spaceAfter: ctx.style.paragraphSpacing };
    default:
      throw new Error(`unknown block type "${(block as { type?: unknown }).type}"${where(block)}`);
  }
}

export function where(node: { position?: { line: number; column: number } }): string {
  return node.position ? ` (line ${node.position.line})` : '';
}

function body(ctx: PdfContext): BaseText {
  return { size: ctx.style.font.size, color: ctx.style.textColor };
}

export function layoutParagraph(ctx: PdfContext, block: Paragraph, frame: Frame): Flow {
  const lines = setText(ctx, block.children, body(ctx), frame.width);
  if (lines.length === 0) return emptyFlow();
  const slices = lineSlices(ctx, tag(ctx, 'P'), lines, frame, ctx.style.font.size, ctx.style.font.lineGap, block.align);
  if (slices[0]) slices[0].spaceBefore = ctx.style.paragraphSpacing;
  return { slices, keeps: [] };
}

/** The document title at the top of page 1, as Word's Title style prints it in the DOCX; a first-level heading in the structure. */
export function layoutTitle(ctx: PdfContext, title: string, frame: Frame): Laid {
  const spec = ctx.style.title;
  const lines = setText(ctx, [{ type: 'text', value: title }], { size: spec.size, color: ctx.style.textColor, bold: true }, frame.width);
  const slices = lines.length > 0 ? lineSlices(ctx, tag(ctx, 'H1'), lines, frame, spec.size, ctx.style.font.lineGap) : [];
  for (const s of slices) s.keepWithNext = true;
  return { flow: { slices, keeps: [] }, spaceAfter: spec.spaceAfter };
}

const HEADINGS = { 1: 'H1', 2: 'H2', 3: 'H3' } as const;

function layoutHeading(ctx: PdfContext, block: Heading, frame: Frame): Laid {
  const spec = ctx.style.heading[block.level];
  if (!spec) throw new Error(`heading level ${String(block.level)} is not 1, 2 or 3${where(block)}`);
  const lines = setText(ctx, block.children, { size: spec.size, color: ctx.style.textColor, bold: true }, frame.width);
  const slices = lines.length > 0 ? lineSlices(ctx, tag(ctx, HEADINGS[block.level]), lines, frame, spec.size, ctx.style.font.lineGap) : [];
  const title = plainText(block.children);
  const first = slices[0];
  if (first) {
    first.spaceBefore = spec.spaceBefore;
    const draw = first.draw;
    slices[0] = { ...first, draw: (y) => (addOutline(ctx, block.level, title), draw(y)) };
  }
  for (const s of slices) s.keepWithNext = true;
  return { flow: { slices, keeps: [] }, spaceAfter: spec.spaceAfter };
}

/** A boxed callout: coloured border and fill, bold title, the blocks inside; kept on one page when it fits. */
function layoutNotice(ctx: PdfContext, block: Notice, frame: Frame): Flow {
  const colors = ctx.style.notice[block.kind];
  if (!colors) throw new Error(`unknown notice kind "${String(block.kind)}"${where(block)}`);
  const border = 1;
  const bar = 4;
  const padding = 8;
  const inner: Frame = { x: frame.x + bar + padding, width: frame.width - bar - 2 * padding - border };
  const content = emptyFlow();
  const note = tag(ctx, 'Note');
  if (block.title && block.title.length > 0) {
    const lines = setText(ctx, block.title, { size: ctx.style.font.size, color: colors.border, bold: true }, inner.width);
    const slices = lines.length > 0 ? lineSlices(ctx, ctx.tags.add(note, 'P'), lines, inner, ctx.style.font.size, ctx.style.font.lineGap) : [];
    for (const s of slices) s.keepWithNext = true;
    content.slices.push(...slices);
  }
  const children = inside(ctx, note, () => layoutBlocks(ctx, block.children, inner));
  if (children.slices[0] && content.slices.length > 0) children.slices[0].spaceBefore = 3;
  append(content, children);
  const count = content.slices.filter((s) => !s.pageBreak).length;
  if (count === 0) return emptyFlow();

  // Each slice draws its own stretch of the box, so the box can continue on the next page.
  const slices: Slice[] = [];
  let index = 0;
  content.slices.forEach((s) => {
    if (s.pageBreak) return;
    const isFirst = index === 0;
    const isLast = index === count - 1;
    index++;
    const above = isFirst ? padding : s.spaceBefore;
    const below = isLast ? padding : 0;
    const height = above + s.height + below;
    slices.push({
      height,
      spaceBefore: isFirst ? ctx.style.paragraphSpacing + 4 : 0,
      keepWithNext: s.keepWithNext,
      ...(s.baseline !== undefined ? { baseline: above + s.baseline } : {}),
      draw: (y) => {
        const { doc } = ctx;
        ctx.tags.artifact('Layout', () => {
          doc.save();
          doc.rect(frame.x, y, frame.width, height).fill(colors.fill);
          doc.rect(frame.x, y, bar, height).fill(colors.border);
          doc.lineWidth(border).strokeColor(colors.border);
          const right = frame.x + frame.width - border / 2;
          doc.moveTo(right, y).lineTo(right, y + height);
          if (isFirst) doc.moveTo(frame.x, y + border / 2).lineTo(frame.x + frame.width, y + border / 2);
          if (isLast) doc.moveTo(frame.x, y + height - border / 2).lineTo(frame.x + frame.width, y + height - border / 2);
          doc.stroke();
          doc.restore();
        });
        s.draw(y + above);
      },
    });
  });
  return keepWhole({ slices, keeps: [] });
}

function layoutImage(ctx: PdfContext, block: Image, frame: Frame): Flow {
  const image = ctx.images.get(block.src, `image "${block.alt}"${where(block)}`);
  let width = Math.min(block.width ?? image.width, frame.width);
  let height = (width * image.height) / image.width;
  const most = columnHeight(ctx.page) - ctx.style.paragraphSpacing;
  if (height > most) {
    width = (width * most) / height;
    height = most;
  }
  const draw = (y: number): void => void ctx.doc.image(image.pdfImage as never, frame.x, y, { width, height });
  // An image without alternate text is decorative: an artifact, which readers skip.
  const alt = block.alt.trim();
  const figure = alt !== '' ? tag(ctx, 'Figure', { alt }) : undefined;
  const s = slice(height, (y) => (figure ? ctx.tags.content(figure, () => draw(y)) : ctx.tags.artifact('Layout', () => draw(y))), {
    spaceBefore: ctx.style.paragraphSpacing,
  });
  return { slices: [s], keeps: [] };
}
