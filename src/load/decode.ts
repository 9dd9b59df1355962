/**
 * Bytes → text, refusing what is not a text file: too large, binary,
 * UTF-16, not UTF-8, empty. A UTF-8 byte order mark is dropped with a warning.
 * Each diagnostic points at the first offending character where there is one
 * (the BOM and UTF-16 at 1:1, the first NUL byte at its line and column).
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { LineIndex, type Span } from '../core/source.js';

/** Case files are small; anything larger is refused before it is read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_SIZE_TEXT = '5 MB';

export interface Decoded {
  readonly text?: string;
  readonly diagnostics: Diagnostic[];
}

export function tooLarge(file: string, size: number): Diagnostic {
  return diagnostic('CP1002', {
    file,
    message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB; casepress reads case files of at most ${MAX_FILE_SIZE_TEXT}`,
    hint: 'a case file holds text records only: move scanned documents and images out of the case folder',
  });
}

export function decode(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) return { diagnostics: [tooLarge(file, bytes.length)] };
  // UTF-16 is wrong from its first byte: the whole file is pointed at from 1:1.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes)) {
    return { diagnostics: [utf16(file)] };
  }
  const diagnostics: Diagnostic[] = [];
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    diagnostics.push(
      diagnostic('CP1007', {
        file,
        span: FIRST_CHARACTER,
        message: 'the file starts with a UTF-8 byte order mark; casepress ignores it',
        hint: 'save as "UTF-8" rather than "UTF-8 with BOM" to silence this',
      }),
    );
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  const nul = bytes.includes(0) ? text.indexOf('\u0000') : -1;
  if (nul >= 0) {
    return {
      diagnostics: [
        ...diagnostics,
        diagnostic('CP1003', {
          file,
          span: new LineIndex(text).span(nul, nul + 1),
          message: 'this is a binary file (it contains NUL bytes, the first one here), not YAML or Markdown text',
          hint: 'was a PDF, Word or image file saved under this name? Case files are plain text',
        }),
      ],
    };
  }
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !isValidUtf8(body)) {
    const index = new LineIndex(text);
    return {
      diagnostics: [
        ...diagnostics,
        diagnostic('CP1003', {
          file,
          span: index.span(bad, bad + 1),
          message: 'the file is not valid UTF-8 text (it may be saved as Windows-1252 or Latin-1)',
          hint: 'save it again with the encoding "UTF-8" so names such as "Núñez" keep their accents',
        }),
      ],
    };
  }
  const control = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      diagnostics: [
        ...diagnostics,
        diagnostic('CP1003', {
          file,
          span: new LineIndex(text).span(control.index, control.index + 1),
          message: `the file holds an invisible control character (U+${code}), which would print as garbage`,
          hint: 'delete it: it usually comes from pasting out of another program',
        }),
      ],
    };
  }
  if (text.trim() === '') {
    return { diagnostics: [...diagnostics, diagnostic('CP1004', { file, message: 'the file is empty' })] };
  }
  return { text, diagnostics };
}

/** Line 1, column 1: a byte order mark, or the first of a file encoded wrong throughout. */
const FIRST_CHARACTER: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };

function utf16(file: string): Diagnostic {
  return diagnostic('CP1003', {
    file,
    span: FIRST_CHARACTER,
    message: 'the file is saved as UTF-16; casepress reads UTF-8 text',
    hint: 'save it again with the encoding "UTF-8" (in Notepad: Save As → Encoding: UTF-8)',
  });
}

/** UTF-16 without a byte order mark: ASCII text with a NUL beside every character. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  if (sample.length < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddNuls++ : evenNuls++;
  const half = sample.length / 2;
  return (evenNuls > half * 0.9 && oddNuls === 0) || (oddNuls > half * 0.9 && evenNuls === 0);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
