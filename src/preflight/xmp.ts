/**
 * The XMP packet of a PDF, parsed as XML (saxes: a conforming, namespace-aware
 * parser that stops at the first well-formedness error), and the PDF/A
 * identification it declares (ISO 19005: `pdfaid:part`, `pdfaid:conformance`,
 * written as attributes of an rdf:Description or as elements).
 */
import { SaxesParser } from 'saxes';

const PDFA_ID = 'http://www.aiim.org/pdfa/ns/id/';

export type XmpReading =
  | { readonly ok: true; readonly pdfa: { readonly part?: string; readonly conformance?: string } }
  | { readonly ok: false; readonly error: string };

export function readXmp(xmp: string): XmpReading {
  const parser = new SaxesParser({ xmlns: true });
  const pdfa: { part?: string; conformance?: string } = {};
  let field: 'part' | 'conformance' | undefined;
  const take = (local: string, value: string) => {
    if (local === 'part' || local === 'conformance') pdfa[local] = value.trim();
  };
  parser.on('opentag', (tag) => {
    for (const attribute of Object.values(tag.attributes)) if (attribute.uri === PDFA_ID) take(attribute.local, attribute.value);
    field = tag.uri === PDFA_ID && (tag.local === 'part' || tag.local === 'conformance') ? tag.local : undefined;
  });
  parser.on('text', (text) => {
    if (field) take(field, text);
  });
  parser.on('closetag', () => (field = undefined));
  try {
    parser.write(xmp).close();
  } catch (error) {
    // saxes says "line:column: what" (e.g. "3:14: unbound namespace prefix: \"pdfaid\".").
    return { ok: false, error: (error as Error).message.replace(/^(\d+):(\d+): /, 'line $1, column $2: ') };
  }
  return { ok: true, pdfa };
}
