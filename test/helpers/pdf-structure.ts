/**
 * A PDF's structure tree read back by pdfjs-dist, as a screen reader would:
 * each element with its role, alternate text and the text of its own marked
 * content, and the text of each page that is outside every element (artifacts)
 * or unmarked.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructNode {
  readonly role: string;
  readonly alt?: string;
  /** The text of its content on this page, its children's included. */
  readonly text: string;
  readonly children: readonly StructNode[];
  /** Annotations (links) it holds. */
  readonly annotations: number;
}

export interface PageStructure {
  /** The page's part of the tree: its root's children. */
  readonly tree: StructNode;
  /** Text inside /Artifact sequences. */
  readonly artifacts: string;
  /** Text neither marked as content of an element nor as an artifact (should be none). */
  readonly unmarked: string;
}

export interface PdfStructure {
  readonly language: string | undefined;
  readonly marked: boolean;
  readonly displayDocTitle: boolean;
  /** XMP properties as pdfjs parses them ('pdfaid:part' …), absent when the packet does not parse. */
  readonly xmp: ReadonlyMap<string, unknown> | undefined;
  readonly pages: readonly PageStructure[];
}

interface RawNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: RawNode[];
}

type TextItem = { str?: string; type?: string; id?: string; tag?: string };

export async function readStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const meta = await pdf.getMetadata();
    const info = meta.info as { Language?: string };
    const markInfo = await pdf.getMarkInfo();
    const preferences = (await pdf.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
    const pages: PageStructure[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const texts = new Map<string, string>();
      const stack: TextItem[] = [];
      let artifacts = '';
      let unmarked = '';
      for (const item of content.items as TextItem[]) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item);
        else if (item.type === 'endMarkedContent') stack.pop();
        else {
          const id = [...stack].reverse().find((s) => s.id)?.id;
          if (id) texts.set(id, (texts.get(id) ?? '') + item.str);
          else if (stack.some((s) => s.tag === 'Artifact')) artifacts += `${item.str} `;
          else unmarked += item.str;
        }
      }
      const convert = (node: RawNode): StructNode => {
        const kids = node.children ?? [];
        const children = kids.filter((k) => k.role !== undefined).map(convert);
        let next = 0;
        const text = kids.map((k) => (k.type === 'content' ? (texts.get(k.id!) ?? '') : k.role !== undefined ? children[next++]!.text : '')).join('');
        return { role: node.role!, ...(node.alt !== undefined ? { alt: node.alt } : {}), text, children, annotations: kids.filter((k) => k.type === 'annotation' || k.type === 'object').length };
      };
      const raw = (await page.getStructTree()) as RawNode | null;
      pages.push({ tree: convert(raw ?? { role: 'Root', children: [] }), artifacts, unmarked: unmarked.trim() });
      page.cleanup();
    }
    return {
      language: info.Language,
      marked: markInfo?.Marked === true,
      displayDocTitle: preferences?.DisplayDocTitle === true,
      xmp: meta.metadata ? new Map([...(meta.metadata as unknown as Iterable<[string, unknown]>)]) : undefined,
      pages,
    };
  } finally {
    await pdf.destroy();
  }
}

/** Every node of every page's tree, depth first (an element spanning pages comes once per page). */
export function allNodes(structure: PdfStructure): StructNode[] {
  const out: StructNode[] = [];
  const walk = (node: StructNode): void => {
    out.push(node);
    node.children.forEach(walk);
  };
  structure.pages.forEach((page) => walk(page.tree));
  return out;
}

/** The nodes of a role, with their text. */
export function byRole(structure: PdfStructure, role: string): StructNode[] {
  return allNodes(structure).filter((node) => node.role === role);
}
