/** Reading a rendered PDF with poppler's tools in a test: the file on disk for the length of a call. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the PDF to a temporary file, hands its path to `use`, and removes it. */
export function withPdfFile<T>(pdf: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'casepress-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext of one page (`-raw`: in drawing order; `-layout`: as laid out), NFC. */
export function pageText(path: string, page: number, mode: '-raw' | '-layout'): string {
  return execFileSync('pdftotext', [mode, '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** Each page in drawing order, cut before its running header and footer (drawn last on the page, from the line that starts with `title`). */
export function rawBody(path: string, pages: number, title: string): string {
  let raw = '';
  for (let page = 1; page <= pages; page++) {
    const lines = pageText(path, page, '-raw').split('\n');
    raw += `${lines.slice(0, lines.findLastIndex((line) => line === title || line.startsWith(`${title} — `))).join('\n')}\n`;
  }
  return raw;
}
