/** Reading a .docx in tests: its XML parts as text, and the paragraphs of a part. */
import { strFromU8, unzipSync } from 'fflate';

export type Parts = Record<string, string>;

export function parts(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, path.startsWith('word/media/') ? `(${data.length} bytes)` : strFromU8(data)]));
}

export const decodeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The paragraphs of a part (`w:p`, in document order, table cells included), each as its text. */
export function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([whole, inner]) => ({
    xml: whole,
    text: [...inner!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : decodeXml(m[1]!)))
      .join(''),
  }));
}
