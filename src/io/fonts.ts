/**
 * Reads the fonts the PDF writer embeds from their npm packages: Noto Serif
 * (regular, bold, italic, bold italic: Latin with accents, Vietnamese, Greek,
 * Cyrillic) and DejaVu Sans for the signs Noto Serif lacks (☐ ☒).
 *
 * Load once per process and pass the same object to every render: the writer
 * parses each font once per bytes object.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontSet } from '../render/pdf/fonts.js';

/** The font files as bytes (the PDF writer's `FontSet`). */
export type FontFiles = FontSet;

const require = createRequire(import.meta.url);

/** Package-relative paths of the font files. */
export const FONT_FILES: Readonly<Record<keyof FontFiles, string>> = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
  symbols: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
};

/** Where a font file is installed (for fingerprints and error messages). */
export function fontPath(key: keyof FontFiles): string {
  return require.resolve(FONT_FILES[key]);
}

/** Read once per process: the PDF writer parses fonts per bytes object, so the same objects must come back (watch builds again and again). */
let loaded: Promise<FontFiles> | undefined;

export function loadFonts(): Promise<FontFiles> {
  loaded ??= readFonts().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function readFonts(): Promise<FontFiles> {
  const keys = Object.keys(FONT_FILES) as Array<keyof FontFiles>;
  const files = await Promise.all(
    keys.map(async (key) => {
      let path: string;
      try {
        path = fontPath(key);
      } catch {
        throw new Error(`font file ${FONT_FILES[key]} is not installed (run npm install)`);
      }
      const bytes = await readFile(path);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }),
  );
  return Object.fromEntries(keys.map((key, i) => [key, files[i]!])) as unknown as FontFiles;
}
