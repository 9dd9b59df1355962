/**
 * What the PDF parser found in one file, as plain values: the checks
 * (checks.ts) read only this, so they are pure and can be tested without a
 * PDF. read-pdf.ts fills it from pdfjs-dist.
 */

/** A rectangle in PDF points, origin bottom-left. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One run of text as drawn: its font (the parser's name for it), size and box. */
export interface TextRun extends Box {
  readonly text: string;
  readonly font: string;
  readonly size: number;
}

export interface PageFacts {
  /** 1-based. */
  readonly number: number;
  /** The visible page (crop box), in points. */
  readonly box: Box;
  readonly runs: readonly TextRun[];
  /** Where each image is painted. */
  readonly images: readonly Box[];
  /** Every font the page draws with, and whether its program is in the file. */
  readonly fonts: readonly { readonly name: string; readonly embedded: boolean }[];
  /** Annotation subtypes (Link, Widget, FileAttachment …) and whether one runs JavaScript. */
  readonly annotations: readonly { readonly subtype: string; readonly javascript: boolean }[];
  /** The page itself runs JavaScript (open or close actions). */
  readonly javascript: boolean;
  /** The page has a structure tree (its content is tagged). */
  readonly tagged: boolean;
  /** H1–H3 of the structure tree whose content is on this page, in tree order. */
  readonly headings: readonly { readonly level: number; readonly text: string }[];
}

export interface PdfFacts {
  readonly bytes: number;
  /** The file could not be read as a PDF at all (the parser's words). */
  readonly unreadable?: string;
  /** Encrypted: with a password to open it (nothing else can be read), or with permissions only. */
  readonly encryption?: 'password' | 'permissions';
  readonly pages: readonly PageFacts[];
  /** Every bookmark title, depth first. */
  readonly outline: readonly string[];
  /** The /PageLabels of each page, when the file has the tree. */
  readonly pageLabels?: readonly string[];
  /** Document-level JavaScript (names tree, open action, form field actions). */
  readonly javascript: boolean;
  readonly attachments: readonly string[];
  /** An AcroForm with fields, or an XFA form. */
  readonly formFields: boolean;
  /** /MarkInfo /Marked true. */
  readonly marked: boolean;
  /** A StructTreeRoot the pages' content belongs to. */
  readonly structTree: boolean;
  /** The XMP packet's text; absent when the file has none. */
  readonly xmp?: string;
}
