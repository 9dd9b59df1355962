/**
 * What prints around the content: the first page's header (the letterhead,
 * or the title), the running header of the pages after it (what
 * `meta.runningHeader` names: document, child, docket), the footer
 * (confidentiality notice, reference, "Page X of Y" as PAGE and NUMPAGES
 * fields Word fills in), and the DRAFT watermark.
 */
import type { DocumentMeta, Letterhead } from '../../document/ast.js';
import { textWidth, type BodyContext } from './body.js';
import { TAB_RUN, fieldRuns, textRun } from './runs.js';
import { cleanText } from './text.js';
import { eighths, halfPoints, hex, twips } from './units.js';
import { NO_LINE, borders, cell, esc, line, margins, paragraph, row, spacing, table } from './xml.js';

/** The prefix Word gives watermark shapes, by which it finds them again (Design › Watermark). */
const WATERMARK_PREFIX = 'PowerPlusWaterMarkObject';

/** The DRAFT watermark: Word's own diagonal text watermark shape, in VML. */
function watermark(ctx: BodyContext, n: number): string {
  const w = ctx.style.watermark;
  ctx.glyphs.add('bold', w.text);
  return (
    '<w:r><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>' +
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>' +
    `<v:shape id="${WATERMARK_PREFIX}${n}" o:spid="_x0000_s${1024 + n}" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:${(w.size * w.text.length * 0.96).toFixed(2)}pt;height:${(w.size * 1.2).toFixed(2)}pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#${hex(w.color)}" stroked="f">` +
    `<v:fill opacity="${w.opacity}"/><v:textpath style="font-family:&quot;${esc(ctx.style.font.family)}&quot;;font-size:${w.size}pt;font-weight:bold" string="${esc(w.text)}"/></v:shape></w:pict></w:r>`
  );
}

const rightTab = (ctx: BodyContext) => `<w:tab w:val="right" w:pos="${twips(textWidth(ctx.style))}"/>`;

/** A header of one line over a rule: `text`, and DRAFT at the right on a draft. */
export function lineHeader(text: string, meta: DocumentMeta, ctx: BodyContext, n: number): string {
  const { style } = ctx;
  let children = textRun(cleanText(text), {}, ctx);
  if (meta.draft) children += TAB_RUN + textRun(style.watermark.text, { bold: true }, ctx) + watermark(ctx, n);
  return paragraph({
    style: ctx.styleIds.header,
    border: `<w:bottom ${line(hex(style.table.borderColor), eighths(style.table.borderWidth), 4)}/>`,
    tabs: rightTab(ctx),
    children,
  });
}

/** The first page's header: the letterhead, logo beside the agency's name, address and phone. */
export function letterheadHeader(letterhead: Letterhead, meta: DocumentMeta, ctx: BodyContext, n: number): string {
  const { style } = ctx;
  const lh = style.letterhead;
  const color = hex(lh.color);
  const tight = spacing({ before: 0, after: 0, line: 240, lineRule: 'auto' });
  const lines =
    paragraph({ spacing: tight, children: textRun(cleanText(letterhead.name), { bold: true, size: halfPoints(lh.nameSize), color }, ctx) }) +
    [...letterhead.addressLines, ...(letterhead.phone ? [`Phone ${letterhead.phone}`] : [])]
      .map((text) => paragraph({ style: ctx.styleIds.header, spacing: tight, children: textRun(cleanText(text), {}, ctx) }))
      .join('');
  const full = twips(textWidth(style));
  let top = lines;
  if (letterhead.logo) {
    // The logo keeps its shape: as tall as the style says, at most logoMaxWidth wide.
    const logo = ctx.media.run(letterhead.logo, `${letterhead.name} logo`, { maxWidthPt: lh.logoMaxWidth, widthPt: lh.logoMaxWidth, maxHeightPt: lh.logoHeight });
    const logoWidth = twips(logo.width + 10);
    const center = '<w:vAlign w:val="center"/>';
    top = table({
      width: full,
      borders: borders('w:tblBorders', NO_LINE, NO_LINE),
      cellMargins: margins('w:tblCellMar', { top: 0, left: 0, bottom: 0, right: twips(6) }),
      columns: [logoWidth, full - logoWidth],
      rows: row(cell(logoWidth, center, paragraph({ spacing: tight, children: logo.xml })) + cell(full - logoWidth, center, lines)),
    });
  }
  return (
    top +
    paragraph({
      style: ctx.styleIds.header,
      border: `<w:bottom ${line(color, eighths(style.table.borderWidth * 2), 4)}/>`,
      spacing: spacing({ before: 0, after: twips(style.heading[1].spaceBefore), line: 240, lineRule: 'auto' }),
      children: meta.draft ? watermark(ctx, n) : '',
    })
  );
}


/** The footer of every page: the confidentiality notice, then the reference, INTERNAL — NOT FOR FILING on an internal copy, and "Page X of Y". */
export function footer(meta: DocumentMeta, ctx: BodyContext): string {
  const { style } = ctx;
  const mark = meta.internal ? TAB_RUN + textRun(cleanText(style.internalMark.text), { bold: true, color: hex(style.internalMark.color) }, ctx) : '';
  ctx.glyphs.add('regular', '0123456789');
  return (
    paragraph({
      style: ctx.styleIds.footer,
      border: `<w:top ${line(hex(style.table.borderColor), eighths(style.table.borderWidth), 4)}/>`,
      children: textRun(cleanText(meta.confidentiality), {}, ctx),
    }) +
    paragraph({
      style: ctx.styleIds.footer,
      tabs: (meta.internal ? `<w:tab w:val="center" w:pos="${twips(textWidth(style) / 2)}"/>` : '') + rightTab(ctx),
      children: textRun(cleanText(meta.reference), {}, ctx) + mark + TAB_RUN + textRun('Page ', {}, ctx) + fieldRuns('PAGE') + textRun(' of ', {}, ctx) + fieldRuns('NUMPAGES'),
    })
  );
}
