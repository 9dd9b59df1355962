/**
 * A chart in the PDF: the drawing instructions of render/chart drawn with
 * pdfkit as vectors, its text set in the embedded faces (real text, measured
 * by the same faces, so labels are placed where they fit), the whole drawing
 * a Figure whose alternate text is the chart's. One slice, kept with what
 * follows (its data table).
 */
import type { Chart } from '../../document/ast.js';
import { layoutChart, type Measure } from '../chart/layout.js';
import { columnHeight, tag, type Frame, type PdfContext } from './context.js';
import { slice, type Flow } from './flow.js';
import { breakLines, drawLine, piecesOf, type Line } from './inlines.js';

export function layoutChartBlock(ctx: PdfContext, chart: Chart, frame: Frame): Flow {
  const lines = new Map<string, Line | undefined>();
  const set = (text: string, size: number, bold: boolean, color: string): Line | undefined => {
    const key = `${size}\u0000${bold ? 1 : 0}\u0000${color}\u0000${text}`;
    if (!lines.has(key)) lines.set(key, breakLines(ctx.faces, piecesOf([{ type: 'text', value: text }], { size, color, bold }, ctx.style), Infinity)[0]);
    return lines.get(key);
  };
  const measure: Measure = (text, size, bold) => set(text, size, bold, '#000000')?.width ?? 0;
  const space = ctx.style.paragraphSpacing + 4;
  const most = columnHeight(ctx.page) - space;
  const drawing = layoutChart(chart, frame.width, measure, most);
  // A chart still taller than a page (hundreds of bars) is drawn smaller, to fit one.
  const fit = Math.min(1, most / drawing.height);
  const figure = tag(ctx, 'Figure', { alt: chart.alt });

  const draw = (top: number): void => {
    const { doc } = ctx;
    // Marks are placed from the chart's top left corner.
    doc.save().translate(frame.x, top).scale(fit);
    for (const mark of drawing.marks) {
      switch (mark.kind) {
        case 'rect':
          doc.rect(mark.x, mark.y, mark.width, mark.height).fill(mark.fill);
          break;
        case 'dot':
          doc.circle(mark.x, mark.y, mark.r).fill(mark.fill);
          break;
        case 'line': {
          doc.save().lineWidth(mark.width).strokeColor(mark.stroke).lineJoin('round');
          if (mark.dash) doc.dash([...mark.dash] as unknown as number, {});
          const [first, ...rest] = mark.points;
          doc.moveTo(first!.x, first!.y);
          for (const p of rest) doc.lineTo(p.x, p.y);
          doc.stroke().restore();
          break;
        }
        case 'text': {
          const line = set(mark.text, mark.size, mark.bold, mark.color);
          if (!line) break;
          const left = mark.anchor === 'start' ? mark.x : mark.anchor === 'end' ? mark.x - line.width : mark.x - line.width / 2;
          drawLine(ctx, line, left, mark.y, line.width);
          break;
        }
      }
    }
    doc.restore();
  };
  return { slices: [slice(drawing.height * fit, (top) => ctx.tags.content(figure, () => draw(top)), { spaceBefore: space, keepWithNext: true })], keeps: [] };
}
