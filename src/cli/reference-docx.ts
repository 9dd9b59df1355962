/**
 * `--reference-docx FILE`: an agency's Word file whose styles the DOCX takes.
 * Read and checked before anything is built, so a file that is not a usable
 * .docx is a plain, located error (exit 2), never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from './exit.js';

export async function readReferenceDocx(file: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    const read = await readFile(file);
    bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--reference-docx ${file}: the file cannot be read${code === 'ENOENT' ? ' (there is no such file)' : code ? ` (${code})` : ''}`);
  }
  // The DOCX writer is loaded only when a reference is given: most runs never need it here.
  const { checkReference, DocxRenderError } = await import('../render/docx/index.js');
  try {
    checkReference(bytes);
  } catch (error) {
    if (error instanceof DocxRenderError) throw new UsageError(`--reference-docx ${file}: not a usable .docx: ${error.message}`);
    throw error;
  }
  return bytes;
}
