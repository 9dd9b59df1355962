/**
 * Inline content (text, strong, emphasis, links, hard breaks) as runs. Links
 * are written with relationship ids counted per document, where docx's own
 * ExternalHyperlink takes a random one.
 */
import { ConcreteHyperlink, TextRun, XmlComponent, type IContext, type IRunOptions, type IXmlableObject, type ParagraphChild } from 'docx';
import type { Inline } from '../../document/ast.js';
import { HYPERLINK_STYLE } from './styles.js';
import { cleanText } from './text.js';

const HYPERLINK_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** Run formatting that inline marks add to: a table header's bold, a note's italics, a size, a colour. */
export type RunFormat = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'color' | 'font' | 'style'>;

/** Ids that must be unique within one document, counted from 1 for each document. */
export interface IdCounter {
  next(kind: 'link' | 'drawing' | 'list'): number;
}

export function idCounter(): IdCounter {
  const counts = { link: 0, drawing: 0, list: 0 };
  return { next: (kind) => (counts[kind] += 1) };
}

/**
 * An external hyperlink (`w:hyperlink r:id`) whose relationship id is given,
 * added to the part it is written in (the document, a header or a footer).
 */
class Link extends XmlComponent {
  private readonly hyperlink: ConcreteHyperlink;
  private readonly written = new WeakSet<object>();

  constructor(
    children: readonly ParagraphChild[],
    private readonly id: string,
    private readonly url: string,
  ) {
    super('w:hyperlink');
    this.hyperlink = new ConcreteHyperlink(children, id);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const relationships = context.viewWrapper.Relationships;
    if (!this.written.has(relationships)) {
      relationships.addRelationship(this.id, HYPERLINK_RELATIONSHIP, this.url, 'External');
      this.written.add(relationships);
    }
    return this.hyperlink.prepForXml(context);
  }
}

/** The runs of `inlines`, each carrying `format` plus its own marks. */
export function runs(inlines: readonly Inline[], format: RunFormat, ids: IdCounter): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const walk = (nodes: readonly Inline[], f: RunFormat, inLink: boolean, into: ParagraphChild[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const text = cleanText(node.value);
          if (text) into.push(new TextRun({ ...f, text }));
          break;
        }
        case 'strong':
          walk(node.children, { ...f, bold: true }, inLink, into);
          break;
        case 'emphasis':
          walk(node.children, { ...f, italics: true }, inLink, into);
          break;
        case 'break':
          into.push(new TextRun({ ...f, break: 1 }));
          break;
        case 'link': {
          if (inLink || !isWebAddress(node.url)) {
            walk(node.children, f, inLink, into);
            break;
          }
          const children: ParagraphChild[] = [];
          walk(node.children, { ...f, style: HYPERLINK_STYLE }, true, children);
          if (children.length === 0) children.push(new TextRun({ ...f, style: HYPERLINK_STYLE, text: cleanText(node.url) }));
          into.push(new Link(children, `Link${ids.next('link')}`, cleanText(node.url).trim()) as unknown as ParagraphChild);
          break;
        }
      }
    }
  };
  walk(inlines, format, false, out);
  return out;
}

/** Links open web and mail addresses only; anything else prints as its text. */
function isWebAddress(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url);
}

/** The plain text of inline content, for alt text and tests. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => (node.type === 'text' ? node.value : node.type === 'break' ? '\n' : 'children' in node ? plainText(node.children) : ''))
    .join('');
}
