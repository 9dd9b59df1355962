/**
 * The DOCX writer, in the manner of pandoc's: the document tree becomes
 * document.xml, the headers, the footers, their relationships and media; the
 * styles, numbering, settings, theme and font table come from a reference
 * .docx (reference.ts), the house one (templates/reference.docx, written by
 * reference-docx.ts from the house style sheet) unless an agency gives its
 * own. The fonts the document prints are embedded, cut to its characters
 * (fonts.ts), so it looks like the PDF where Noto Serif is not installed.
 *
 * Pure: no file system, no clock. The images, fonts and reference come in as
 * bytes, the date from the tree's meta; the same input gives the same bytes.
 */
import type { Block, DocumentMeta, DocumentTree, ImageSet, Letterhead } from '../../document/ast.js';
import { contentsWithPages, type Packet } from '../../document/packet.js';
import { printReady } from '../images/shrink.js';
import { STYLE, type StyleSheet } from '../style/style.js';
import { bodyXml, type BodyContext } from './body.js';
import { CHART_CONTENT_TYPE, CHART_RELATIONSHIP, Charts } from './chart.js';
import { SYMBOL_FONT, coverage, embedFonts, type DocxFonts } from './fonts.js';
import { footer, letterheadHeader, lineHeader } from './furniture.js';
import { Media, type MediaFile } from './media.js';
import { Numbering } from './numbering.js';
import { corePropertiesXml, parseDate, zipPackage, type PackageFiles } from './package.js';
import { readReference } from './reference.js';
import { houseReference } from './reference-docx.js';
import { GlyphUse } from './runs.js';
import { cleanText } from './text.js';
import { twips } from './units.js';
import { PART_NAMESPACES, REL, XML_DECLARATION, esc } from './xml.js';

export { DocxRenderError } from './errors.js';
export type { DocxFonts } from './fonts.js';

export interface DocxOptions {
  /** PNG or JPEG bytes by the keys the tree's images, logo and signatures use. */
  readonly images: ImageSet;
  /** The fonts to embed (the PDF's: Noto Serif's four faces and DejaVu Sans); nothing is embedded without them. */
  readonly fonts?: DocxFonts;
  /** A reference .docx's bytes: its styles, numbering, settings, theme and font table. The house reference when not given. */
  readonly reference?: Uint8Array;
  /** The house style, for what the writer sets itself (page, tables, signatures); STYLE when not given. */
  readonly style?: StyleSheet;
}

/**
 * The tree as a .docx file. Throws DocxRenderError for an image it cannot
 * print, a malformed date, or a reference that is not a usable .docx.
 */
export async function toDocx(tree: DocumentTree, options: DocxOptions): Promise<Uint8Array> {
  const embedded = await printReady(tree, options.style ?? STYLE, options.images);
  return zipPackage(packageFiles(tree, options, embedded), tree.meta.date);
}

/** Checks that `bytes` are a usable reference .docx; throws DocxRenderError saying what is wrong. */
export function checkReference(bytes: Uint8Array): void {
  readReference(bytes);
}

const CONTENT = 'application/vnd.openxmlformats-officedocument.';
const RELS_OPEN = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
const relationship = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${type.includes('/') ? type : REL + type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`;
const relationships = (list: string) => `${RELS_OPEN}${list}</Relationships>`;
const imageRelationships = (files: Iterable<MediaFile>) => [...files].map((file) => relationship(file.id, 'image', `media/${file.name}`)).join('');

/** One section of the file: a document's title and blocks from a new page, under its own running header. */
interface Section {
  readonly meta: DocumentMeta;
  /** Printed in the first page's header (the file's first section only). */
  readonly letterhead?: Letterhead;
  readonly blocks: readonly Block[];
  /** A bookmark on the section's title, which a PAGEREF field can name. */
  readonly bookmark?: string;
}

/** The package's files by path, in the order they are zipped; `embedded` holds the images as the media files carry them. */
export function packageFiles(tree: DocumentTree, options: DocxOptions, embedded: ImageSet): PackageFiles {
  return sectionFiles(tree.meta, [{ meta: tree.meta, blocks: tree.blocks, ...(tree.letterhead ? { letterhead: tree.letterhead } : {}) }], options, embedded);
}

/**
 * A packet as one .docx: the cover, then a section per part (its own running
 * header, a new page, the page numbers running on). The contents' page cells
 * are PAGEREF fields to each part's title, which Word fills in (and updates
 * when asked: `updateFields` in the settings).
 */
export async function packetToDocx(packet: Packet, options: DocxOptions): Promise<Uint8Array> {
  const { cover, parts } = packet;
  const style = options.style ?? STYLE;
  const all: DocumentTree = { ...cover, blocks: [...cover.blocks, ...parts.flatMap((p) => p.blocks)] };
  const embedded = await printReady(all, style, options.images);
  const bookmarks = parts.map((_, i) => `_Part${i + 1}`);
  const keys = parts.map((_, i) => `\u0000${i + 1}`);
  const fields = new Map(keys.map((key, i) => [key, ` PAGEREF ${bookmarks[i]} \\h `]));
  const sections: Section[] = [
    { meta: cover.meta, blocks: contentsWithPages(packet, keys).blocks, ...(cover.letterhead ? { letterhead: cover.letterhead } : {}) },
    ...parts.map((part, i) => ({ meta: part.meta, blocks: part.blocks, bookmark: bookmarks[i]! })),
  ];
  const files = new Map(sectionFiles(cover.meta, sections, options, embedded, fields));
  files.set('word/settings.xml', updateFieldsOnOpen(files.get('word/settings.xml') as string));
  return zipPackage(files, cover.meta.date);
}

/** Settings that ask Word to update the fields when it opens the file (the contents' page references). */
function updateFieldsOnOpen(settings: string): string {
  if (settings.includes('<w:updateFields')) return settings;
  return settings.replace(/<w:settings\b[^>]*>/, (open) => `${open}<w:updateFields w:val="true"/>`);
}

function sectionFiles(file: DocumentMeta, sections: readonly Section[], options: DocxOptions, embedded: ImageSet, fields?: ReadonlyMap<string, string>): PackageFiles {
  const style = options.style ?? STYLE;
  const meta = file;
  parseDate(meta.date);
  const reference = readReference(options.reference ?? houseReference());
  const glyphs = new GlyphUse(coverage(options.fonts));
  const links: string[] = [];
  const media = new Media(embedded);
  const ctx: BodyContext = {
    style,
    styleIds: reference.styleIds,
    media,
    charts: new Charts(glyphs),
    numbering: new Numbering(reference.numbering, style, (bullet) => (glyphs.covered(bullet.codePointAt(0)!) ? undefined : SYMBOL_FONT)),
    glyphs,
    symbolFont: SYMBOL_FONT,
    hyperlinkStyle: reference.styleIds.hyperlink,
    link(url) {
      links.push(url);
      return `rIdLink${links.length}`;
    },
    ...(fields ? { fields } : {}),
  };

  // Each part's pictures are its own relationships.
  const part = (write: () => string) => {
    media.part = new Set();
    const xml = write();
    return { xml, media: media.part };
  };
  const bodyXmls: string[] = [];
  const bodies = part(() => {
    sections.forEach((section, i) => {
      const mark = section.bookmark === undefined ? undefined : `<w:bookmarkStart w:id="${i}" w:name="${esc(section.bookmark)}"/><w:bookmarkEnd w:id="${i}"/>`;
      bodyXmls.push(bodyXml(cleanText(section.meta.title), section.blocks, ctx, mark));
    });
    return '';
  });
  // Every page has the running header, as in the PDF; page 1 has the letterhead below it.
  const headers: { xml: string; media: Set<MediaFile> }[] = [];
  const sectionHeaders = sections.map((section) => {
    const running = section.meta.runningHeader ?? section.meta.title;
    headers.push(part(() => lineHeader(running, section.meta, ctx, headers.length + 1)));
    const own = [headers.length];
    // The first page's DRAFT watermark comes with its running header line, once.
    const letterhead = section.letterhead;
    if (letterhead) {
      const n = headers.length + 1;
      headers.push(part(() => lineHeader(running, section.meta, ctx, n) + letterheadHeader(letterhead, { ...section.meta, draft: false }, ctx, n + 1)));
      own.push(headers.length);
    }
    return own;
  });
  const titlePage = sections.some((section) => section.letterhead !== undefined);
  const foot = footer(meta, ctx);
  const footers = titlePage ? [foot, foot] : [foot];
  const fonts = embedFonts(reference, options.fonts, glyphs.used());

  const theme = reference.parts.has('word/theme/theme1.xml');
  const webSettings = reference.parts.has('word/webSettings.xml');
  const documentRels =
    relationship('rIdStyles', 'styles', 'styles.xml') +
    relationship('rIdNumbering', 'numbering', 'numbering.xml') +
    relationship('rIdSettings', 'settings', 'settings.xml') +
    relationship('rIdFontTable', 'fontTable', 'fontTable.xml') +
    (theme ? relationship('rIdTheme', 'theme', 'theme/theme1.xml') : '') +
    (webSettings ? relationship('rIdWebSettings', 'webSettings', 'webSettings.xml') : '') +
    headers.map((_, i) => relationship(`rIdHeader${i + 1}`, 'header', `header${i + 1}.xml`)).join('') +
    footers.map((_, i) => relationship(`rIdFooter${i + 1}`, 'footer', `footer${i + 1}.xml`)).join('') +
    links.map((url, i) => relationship(`rIdLink${i + 1}`, 'hyperlink', url, true)).join('') +
    imageRelationships(bodies.media) +
    ctx.charts.parts.map((chart) => relationship(chart.id, CHART_RELATIONSHIP, `charts/${chart.name}`)).join('');

  const margin = twips(style.page.margin);
  const half = Math.round(margin / 2);
  const types = ['default', 'first'];
  const sectionProperties = (i: number) => {
    const own = sectionHeaders[i]!;
    return (
      '<w:sectPr>' +
      own.map((n, j) => `<w:headerReference w:type="${types[j]}" r:id="rIdHeader${n}"/>`).join('') +
      footers.slice(0, own.length).map((_, j) => `<w:footerReference w:type="${types[j]}" r:id="rIdFooter${j + 1}"/>`).join('') +
      `<w:pgSz w:w="${twips(style.page.width)}" w:h="${twips(style.page.height)}"/>` +
      `<w:pgMar w:top="${margin}" w:right="${margin}" w:bottom="${margin}" w:left="${margin}" w:header="${half}" w:footer="${half}" w:gutter="0"/>` +
      `${sections[i]!.letterhead ? '<w:titlePg/>' : ''}</w:sectPr>`
    );
  };
  // A section ends with a paragraph carrying its properties; the last one's close the body.
  const body = bodyXmls.map((xml, i) => (i < sections.length - 1 ? `${xml}<w:p><w:pPr>${sectionProperties(i)}</w:pPr></w:p>` : xml)).join('');
  const section = sectionProperties(sections.length - 1);

  const files = new Map<string, string | Uint8Array>();
  const overrides: [string, string][] = [
    ['/word/document.xml', `${CONTENT}wordprocessingml.document.main+xml`],
    ['/word/styles.xml', `${CONTENT}wordprocessingml.styles+xml`],
    ['/word/numbering.xml', `${CONTENT}wordprocessingml.numbering+xml`],
    ['/word/settings.xml', `${CONTENT}wordprocessingml.settings+xml`],
    ['/word/fontTable.xml', `${CONTENT}wordprocessingml.fontTable+xml`],
    ...(theme ? [['/word/theme/theme1.xml', `${CONTENT}theme+xml`] as [string, string]] : []),
    ...(webSettings ? [['/word/webSettings.xml', `${CONTENT}wordprocessingml.webSettings+xml`] as [string, string]] : []),
    ...headers.map((_, i): [string, string] => [`/word/header${i + 1}.xml`, `${CONTENT}wordprocessingml.header+xml`]),
    ...footers.map((_, i): [string, string] => [`/word/footer${i + 1}.xml`, `${CONTENT}wordprocessingml.footer+xml`]),
    ...ctx.charts.parts.map((chart): [string, string] => [`/word/charts/${chart.name}`, CHART_CONTENT_TYPE]),
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
  ];
  files.set(
    '[Content_Types].xml',
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="png" ContentType="image/png"/><Default Extension="jpg" ContentType="image/jpeg"/>' +
      `<Default Extension="odttf" ContentType="${CONTENT}obfuscatedFont"/>` +
      overrides.map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join('') +
      '</Types>',
  );
  files.set(
    '_rels/.rels',
    relationships(
      relationship('rIdDocument', 'officeDocument', 'word/document.xml') +
        relationship('rIdCore', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'),
    ),
  );
  files.set('docProps/core.xml', corePropertiesXml(meta));
  files.set('word/document.xml', `${XML_DECLARATION}<w:document ${PART_NAMESPACES}><w:body>${body}${section}</w:body></w:document>`);
  files.set('word/_rels/document.xml.rels', relationships(documentRels));
  files.set('word/styles.xml', reference.styles);
  files.set('word/numbering.xml', ctx.numbering.xml());
  files.set('word/fontTable.xml', fonts.fontTable);
  if (fonts.relationships !== undefined) files.set('word/_rels/fontTable.xml.rels', fonts.relationships);
  for (const [path, xml] of reference.parts) files.set(path, xml);
  headers.forEach((h, i) => {
    files.set(`word/header${i + 1}.xml`, `${XML_DECLARATION}<w:hdr ${PART_NAMESPACES}>${h.xml}</w:hdr>`);
    if (h.media.size > 0) files.set(`word/_rels/header${i + 1}.xml.rels`, relationships(imageRelationships(h.media)));
  });
  footers.forEach((xml, i) => files.set(`word/footer${i + 1}.xml`, `${XML_DECLARATION}<w:ftr ${PART_NAMESPACES}>${xml}</w:ftr>`));
  for (const file of media.files) files.set(`word/media/${file.name}`, file.data);
  for (const chart of ctx.charts.parts) files.set(`word/charts/${chart.name}`, chart.xml);
  for (const [path, data] of fonts.files) files.set(path, data);
  return files;
}
