/**
 * The bytes of a pdfkit document. pdfkit writes the file a line at a time
 * (four lines per object, one per cross-reference entry), each converted to
 * bytes by a loop in JavaScript and pushed through a Readable stream. A tagged
 * PDF has an object per heading, paragraph, row and cell, so those lines are
 * taken here instead: joined, converted natively (latin1 keeps each
 * character's low byte, as pdfkit's loop does) and kept in order, the same bytes.
 */

interface WriterInternals {
  _offset: number;
  _write(data: string | Uint8Array): void;
  read(): Uint8Array | null;
}

/** Collects what `doc` writes from now on; resolves to the whole file once `doc.end()` has written it. */
export function collectBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const writer = doc as unknown as WriterInternals;
  const chunks: Uint8Array[] = [];
  // The header pdfkit wrote while it was constructed is waiting in the stream.
  const header = writer.read();
  if (header) chunks.push(header);
  // Lines of text are joined and converted to bytes together, when bytes (a stream) or the end come.
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    chunks.push(Buffer.from(text, 'latin1'));
    text = '';
  };
  writer._write = (data) => {
    if (typeof data === 'string') {
      text += `${data}\n`;
      // One byte per character, as latin1 writes them.
      writer._offset += data.length + 1;
      return;
    }
    flush();
    chunks.push(data);
    writer._offset += data.length;
  };
  return new Promise((resolve, reject) => {
    doc.on('end', () => (flush(), resolve(concat(chunks))));
    doc.on('error', reject);
    // Flowing, so the stream ends when pdfkit ends it.
    doc.resume();
  });
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
