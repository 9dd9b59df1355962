/**
 * The document tree: what every casepress document is, between its template's
 * Markdown and the PDF and DOCX writers. Both writers read only this, so the
 * two files say the same thing. Plain data: no classes, no functions.
 */

/** Where a node came from in the rendered Markdown (1-based), for diagnostics. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export type Inline =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'strong'; readonly children: readonly Inline[] }
  | { readonly type: 'emphasis'; readonly children: readonly Inline[] }
  | { readonly type: 'link'; readonly url: string; readonly children: readonly Inline[] }
  /** A hard line break inside a paragraph or cell. */
  | { readonly type: 'break' };

export type Align = 'left' | 'center' | 'right';

export interface Heading {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3;
  readonly children: readonly Inline[];
  readonly position?: Position;
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly children: readonly Inline[];
  readonly align?: Align;
  readonly position?: Position;
}

export interface ListItem {
  /** Paragraphs and nested lists. */
  readonly children: readonly Block[];
}

export interface List {
  readonly type: 'list';
  readonly ordered: boolean;
  /** First number of an ordered list. */
  readonly start?: number;
  readonly items: readonly ListItem[];
  readonly position?: Position;
}

export interface TableCell {
  readonly children: readonly Inline[];
}

export interface TableColumn {
  readonly align: Align;
  /** Share of the table width, 0..1; the columns' widths add up to 1. */
  readonly width: number;
}

export interface Table {
  readonly type: 'table';
  readonly columns: readonly TableColumn[];
  /** The header row, repeated on every page the table spans. */
  readonly header: readonly TableCell[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly caption?: readonly Inline[];
  readonly position?: Position;
}

export interface PageBreak {
  readonly type: 'pageBreak';
  readonly position?: Position;
}

/** Blocks that must stay on one page together (moved whole to the next page if needed). */
export interface Keep {
  readonly type: 'keep';
  readonly children: readonly Block[];
  readonly position?: Position;
}

/** A boxed callout: a warning to the reader, a withheld-information note, a shortfall. */
export interface Notice {
  readonly type: 'notice';
  readonly kind: 'info' | 'warning' | 'important';
  readonly title?: readonly Inline[];
  readonly children: readonly Block[];
  readonly position?: Position;
}

export interface ChecklistItem {
  readonly checked: boolean;
  readonly children: readonly Inline[];
  /** A short remark printed after the item (e.g. "requested 2026-10-02"). */
  readonly note?: readonly Inline[];
}

/** ☐ / ☒ items. */
export interface Checklist {
  readonly type: 'checklist';
  readonly items: readonly ChecklistItem[];
  readonly position?: Position;
}

export interface Signer {
  readonly name: string;
  readonly role: string;
  /** A date already signed (YYYY-MM-DD); without it a blank date line is printed. */
  readonly date?: string;
  /** Key into the document's images. */
  readonly image?: string;
}

/** Signature lines: a line to sign on, the name and role under it, a date line. Kept on one page. */
export interface Signature {
  readonly type: 'signature';
  readonly signers: readonly Signer[];
  readonly position?: Position;
}

export interface Image {
  readonly type: 'image';
  /** Key into the document's images. */
  readonly src: string;
  readonly alt: string;
  /** Width in points; the height keeps the image's proportions. */
  readonly width?: number;
  readonly position?: Position;
}

/** One line or one set of bars of a chart: its name (the legend) and a value per category; null is a gap. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** How a chart prints its numbers (axis ticks): decimals, and whether they are percentages (95.2 prints "95.2%"). */
export interface NumberFormat {
  readonly decimals: number;
  readonly percent: boolean;
}

/**
 * A chart drawn from data: lines over the categories (months, quarters), or
 * bars, grouped or stacked. Its data table is a separate Table block, made
 * from the same rows (`:::chart` writes both).
 */
export interface Chart {
  readonly type: 'chart';
  readonly kind: 'line' | 'bar';
  /** Bars of one category stacked on each other instead of side by side. */
  readonly stacked: boolean;
  readonly title: string;
  /** What the chart shows, for a reader who cannot see it (the PDF's alternate text, the DOCX's description). */
  readonly alt: string;
  /** The x axis: one label per data row. */
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly xTitle?: string;
  readonly yTitle?: string;
  readonly format: NumberFormat;
  readonly position?: Position;
}

export type Block = Heading | Paragraph | List | Table | PageBreak | Keep | Notice | Checklist | Signature | Image | Chart;

/** What prints around the content: page furniture and file metadata. */
export interface DocumentMeta {
  /** Printed at the top of page 1 and in its header, and as the DOCX title. */
  readonly title: string;
  /** Printed in the header of every page after the first (the title when absent): the document, whom it is about, its number. */
  readonly runningHeader?: string;
  readonly author: string;
  /** The document's name as a file (document, whom it is about, date): the PDF's title. */
  readonly subject: string;
  readonly keywords: readonly string[];
  /** Case or home id, printed in every footer. */
  readonly reference: string;
  /** Printed in every footer. */
  readonly confidentiality: string;
  /** The as-of date (YYYY-MM-DD): the files' creation date, so builds are reproducible. */
  readonly date: string;
  /** Prints a DRAFT watermark on every page. */
  readonly draft?: boolean;
  /** An internal copy (agency staff and auditors): every page's footer says INTERNAL — NOT FOR FILING. */
  readonly internal?: boolean;
  /** The document's language, a BCP 47 tag such as en-US (the default), for screen readers and hyphenation in viewers. */
  readonly language?: string;
}

/** The agency's letterhead, on page 1. */
export interface Letterhead {
  readonly name: string;
  readonly addressLines: readonly string[];
  readonly phone?: string;
  /** Key into the document's images. */
  readonly logo?: string;
}

export interface DocumentTree {
  readonly meta: DocumentMeta;
  readonly letterhead?: Letterhead;
  readonly blocks: readonly Block[];
}

/** PNG or JPEG bytes by key (the path written in the template, relative to the case root). */
export type ImageSet = Readonly<Record<string, Uint8Array>>;
