/**
 * Charts in the DOCX as native Word charts (DrawingML, word/charts/chartN.xml):
 * Word and LibreOffice draw them themselves, as vectors, in the document's
 * embedded Noto Serif, and the reader can restyle them. The data is written
 * into the chart as literals (no embedded workbook), the value axis is the
 * PDF's (render/chart/scale.ts), and the series' colours and dashes are the
 * PDF's, so both files show the same chart. The frame is as tall as the PDF's
 * drawing of the chart, estimated with average character widths.
 */
import type { Chart } from '../../document/ast.js';
import { barsAcross, CHART_TEXT, layoutChart, seriesColor, SERIES_DASHES } from '../chart/layout.js';
import { formatValue, valueScale } from '../chart/scale.js';
import type { GlyphUse } from './runs.js';
import { cleanText } from './text.js';
import { pixels } from './units.js';
import { esc, R, XML_DECLARATION } from './xml.js';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const CHART_RELATIONSHIP = 'chart';
/** docPr ids of charts start here, clear of the pictures' (numbered from 1). */
const FIRST_ID = 100_000;
const FONT = 'Noto Serif';
const CAT_AXIS = 1001;
const VAL_AXIS = 1002;

export interface ChartPart {
  /** word/charts/<name> */
  readonly name: string;
  readonly id: string;
  readonly xml: string;
}

/** The document's charts: one part each, in the order they are drawn. */
export class Charts {
  readonly parts: ChartPart[] = [];

  constructor(private readonly glyphs: GlyphUse) {}

  /** A run holding `chart` as an inline chart `widthPt` wide, at most `maxHeightPt` tall. */
  run(chart: Chart, widthPt: number, maxHeightPt: number): { xml: string; height: number } {
    const n = this.parts.length + 1;
    const part: ChartPart = { name: `chart${n}.xml`, id: `rIdChart${n}`, xml: this.chartXml(chart, widthPt) };
    this.parts.push(part);
    const height = Math.min(maxHeightPt, layoutChart(chart, widthPt, (text, size) => text.length * size * 0.5, maxHeightPt).height);
    const cx = pixels(widthPt) * 9525;
    const cy = pixels(height) * 9525;
    const id = FIRST_ID + n;
    const alt = esc(cleanText(chart.alt));
    return {
      height,
      xml:
        `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
        `<wp:docPr id="${id}" name="Chart ${n}" descr="${alt}" title="${esc(cleanText(chart.title))}"/><wp:cNvGraphicFramePr/>` +
        `<a:graphic xmlns:a="${A}"><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${part.id}"/></a:graphicData></a:graphic>` +
        `</wp:inline></w:drawing></w:r>`,
    };
  }

  /** The chart part: title, one series per column, the category and value axes, the legend. */
  private chartXml(chart: Chart, widthPt: number): string {
    const scale = valueScale(chart);
    const texts = [...chart.categories, ...chart.series.map((s) => s.name), chart.xTitle ?? '', chart.yTitle ?? '', ...scale.ticks.map((t) => formatValue(t, chart.format))];
    for (const t of texts) this.glyphs.add('regular', cleanText(t));
    this.glyphs.add('bold', cleanText(chart.title));
    const bar = chart.kind === 'bar';
    // Bars across list the categories top down: the category axis runs max to min, the value axis crosses it at the bottom (its max).
    const across = barsAcross(chart, widthPt);
    const series = chart.series.map((s, i) => seriesXml(chart, i)).join('');
    const plot = bar
      ? `<c:barChart><c:barDir val="${across ? 'bar' : 'col'}"/><c:grouping val="${chart.stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="43"/>${chart.stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:lineChart>`;
    const axisLine = `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="666666"/></a:solidFill></a:ln></c:spPr>`;
    const catAx =
      `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${across ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${across ? 'l' : 'b'}"/>` +
      (chart.xTitle ? titleXml(chart.xTitle, CHART_TEXT.label, false, across) : '') +
      `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${axisLine}` +
      `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
    const valAx =
      `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:max val="${scale.max}"/><c:min val="${scale.min}"/></c:scaling>` +
      `<c:delete val="0"/><c:axPos val="${across ? 'b' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
      (chart.yTitle ? titleXml(chart.yTitle, CHART_TEXT.label, false, !across) : '') +
      `<c:numFmt formatCode="${esc(formatCode(chart))}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine}` +
      `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="${across ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/><c:majorUnit val="${scale.step}"/></c:valAx>`;
    const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend>' : '';
    return (
      `${XML_DECLARATION}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>` +
      `<c:chart>${chart.title ? `${titleXml(chart.title, CHART_TEXT.title, true, false)}<c:autoTitleDeleted val="0"/>` : '<c:autoTitleDeleted val="1"/>'}` +
      `<c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
      `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
      `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_TEXT.label * 100}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>` +
      `<a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr></c:chartSpace>`
    );
  }
}

/** The value axis' number format: the chart's decimals, thousands separated, a % sign after a percentage (its values are 0–100). */
function formatCode(chart: Chart): string {
  const decimals = chart.format.decimals > 0 ? `.${'0'.repeat(chart.format.decimals)}` : '';
  return `#,##0${decimals}${chart.format.percent ? '"%"' : ''}`;
}

/** Word's names for the PDF's dashes (SERIES_DASHES), series by series. */
const DASHES = ['solid', 'dash', 'sysDot', 'lgDashDot'] as const satisfies { length: typeof SERIES_DASHES.length };

function seriesXml(chart: Chart, i: number): string {
  const s = chart.series[i]!;
  const color = seriesColor(i).slice(1);
  const fill = `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
  const n = chart.categories.length;
  const cats = chart.categories.map((c, k) => `<c:pt idx="${k}"><c:v>${esc(cleanText(c))}</c:v></c:pt>`).join('');
  const vals = s.values
    .slice(0, n)
    .map((v, k) => (v === null ? '' : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`))
    .join('');
  const data = `<c:cat><c:strLit><c:ptCount val="${n}"/>${cats}</c:strLit></c:cat><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${vals}</c:numLit></c:val>`;
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(cleanText(s.name))}</c:v></c:tx>`;
  if (chart.kind === 'bar') return `<c:ser>${head}<c:spPr>${fill}</c:spPr><c:invertIfNegative val="0"/>${data}</c:ser>`;
  const dash = DASHES[i % DASHES.length];
  return (
    `<c:ser>${head}<c:spPr><a:ln w="19050" cap="rnd">${fill}<a:prstDash val="${dash}"/><a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="4"/><c:spPr>${fill}<a:ln><a:noFill/></a:ln></c:spPr></c:marker>${data}<c:smooth val="0"/></c:ser>`
  );
}

/** A chart or axis title: one rich-text paragraph; a value axis' title reads upwards. */
function titleXml(text: string, size: number, bold: boolean, vertical: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:title><c:tx><c:rich><a:bodyPr${vertical ? ' rot="-5400000" vert="horz"' : ''}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size * 100}"${b}/><a:t>${esc(cleanText(text))}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}
