/**
 * One house style for both writers, so the PDF and the DOCX look like the same
 * document: page, margins, type sizes, spacing, colours. Units are points (1/72 in).
 */

export const FONT_FAMILY = 'Noto Serif';

export interface StyleSheet {
  readonly page: { readonly width: number; readonly height: number; readonly margin: number };
  readonly font: { readonly family: string; readonly size: number; readonly lineGap: number };
  /** The document title, printed once at the top of page 1 (Word's Title style). */
  readonly title: { readonly size: number; readonly spaceAfter: number };
  readonly heading: Readonly<Record<1 | 2 | 3, { readonly size: number; readonly spaceBefore: number; readonly spaceAfter: number }>>;
  readonly paragraphSpacing: number;
  readonly listIndent: number;
  readonly table: {
    readonly fontSize: number;
    readonly cellPadding: number;
    readonly headerFill: string;
    readonly borderColor: string;
    readonly borderWidth: number;
  };
  readonly notice: Readonly<Record<'info' | 'warning' | 'important', { readonly border: string; readonly fill: string }>>;
  readonly header: { readonly fontSize: number; readonly color: string };
  readonly footer: { readonly fontSize: number; readonly color: string };
  readonly letterhead: { readonly nameSize: number; readonly logoHeight: number; readonly logoMaxWidth: number; readonly color: string };
  readonly watermark: { readonly text: string; readonly size: number; readonly color: string; readonly opacity: number };
  /** In the footer of every page of an internal copy, between the reference and the page number. */
  readonly internalMark: { readonly text: string; readonly color: string };
  readonly textColor: string;
  readonly linkColor: string;
}

/** US Letter, 1-inch margins, 11 pt serif body: what courts accept. */
export const STYLE: StyleSheet = {
  page: { width: 612, height: 792, margin: 72 },
  font: { family: FONT_FAMILY, size: 11, lineGap: 2 },
  title: { size: 20, spaceAfter: 12 },
  heading: {
    1: { size: 16, spaceBefore: 14, spaceAfter: 8 },
    2: { size: 13, spaceBefore: 12, spaceAfter: 6 },
    3: { size: 11.5, spaceBefore: 10, spaceAfter: 4 },
  },
  paragraphSpacing: 6,
  listIndent: 18,
  table: { fontSize: 9.5, cellPadding: 4, headerFill: '#E8EDF2', borderColor: '#8A96A3', borderWidth: 0.5 },
  notice: {
    info: { border: '#4A6FA5', fill: '#F1F5FA' },
    warning: { border: '#B7791F', fill: '#FFF8EC' },
    important: { border: '#B03A2E', fill: '#FDF1F0' },
  },
  header: { fontSize: 8.5, color: '#444444' },
  footer: { fontSize: 8, color: '#444444' },
  letterhead: { nameSize: 15, logoHeight: 48, logoMaxWidth: 150, color: '#1F3A5F' },
  watermark: { text: 'DRAFT', size: 110, color: '#C0C0C0', opacity: 0.25 },
  internalMark: { text: 'INTERNAL — NOT FOR FILING', color: '#B03A2E' },
  textColor: '#000000',
  linkColor: '#1F4E99',
};
