/**
 * Unit conversions from the style sheet's points to what WordprocessingML
 * counts in. Every measure in style.ts is in points (1/72 in).
 */

/** Twentieths of a point: spacing, indents, margins, table widths. */
export const twips = (pt: number): number => Math.round(pt * 20);

/** Half-points: font sizes (`w:sz`). */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Eighths of a point: border widths (`w:sz` of a border), at least 2 (Word's thinnest). */
export const eighths = (pt: number): number => Math.max(2, Math.round(pt * 8));

/** Pixels at 96 to the inch: a picture's extent is whole pixels of 9525 EMU. */
export const pixels = (pt: number): number => Math.round((pt * 96) / 72);

/** `#E8EDF2` → `E8EDF2`: WordprocessingML colours are bare hex. */
export const hex = (color: string): string => color.replace(/^#/, '').toUpperCase();
