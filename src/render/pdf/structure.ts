/**
 * The PDF's structure tree (tagged PDF, ISO 32000-1 14.8), for screen readers,
 * reflow and PDF/A-2a. Elements are made while the document tree is laid out,
 * in its order, so reading order is the tree's.
 *
 * Everything drawn on a page is either content of one element (a marked-content
 * sequence with an MCID) or an artifact (rules, fills, running header and
 * footer, watermark). Sequences never nest: the pen keeps one open, so the
 * lines of a paragraph on one page are one sequence, and closes it (on its
 * page) before anything else is drawn; a paragraph continued on the next page
 * gets a second sequence under the same element.
 *
 * pdfkit (`tagged: true`) makes the StructTreeRoot, its ParentTree, the
 * pages' StructParents keys and MarkInfo. The elements are ours: pdfkit's
 * structure elements (an object, a reference and flush bookkeeping each, and
 * a marked-content dictionary serialised per sequence) made a 14-page court
 * report's PDF half as slow again, for its 800 elements; these are plain
 * records, numbered and written once, when the document ends.
 */

/** The standard structure types casepress writes (no role map needed). */
export type StructType =
  | 'Document' | 'Part' | 'H1' | 'H2' | 'H3' | 'P' | 'Div' | 'Note' | 'Link' | 'Figure' | 'Caption'
  | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD';

export interface StructOptions {
  /** Alternate text (a Figure's). */
  readonly alt?: string;
  /** Which cells a header cell heads. */
  readonly scope?: 'Column' | 'Row';
}

/** A page as pdfkit keeps it: its dictionary, its key in the ParentTree, its content stream. */
interface PageInternals {
  readonly dictionary: Reference;
  readonly structParentTreeKey: number;
  write(data: Uint8Array): void;
}

/** A pdfkit indirect object. */
interface Reference {
  readonly id: number;
  readonly data: Record<string, unknown>;
  offset?: number;
}

/** A marked-content sequence on a page, or an annotation (a link's). */
type Content = { readonly page: PageInternals; readonly mcid: number } | { readonly page: PageInternals; readonly annotation: Reference };

/** One element of the structure tree. */
export interface StructElement {
  readonly type: StructType;
  readonly options: StructOptions;
  /** Elements and content, in reading order. */
  readonly kids: (StructElement | Content)[];
}

/** What kind of artifact (14.8.2.2.2): page furniture that repeats, or marks of the layout. */
export type ArtifactKind = 'Pagination' | 'Layout';

/** Where a link annotation goes in the structure: pdfkit's `annotate` hands it the annotation (its `structParent` option). */
export interface AnnotationParent {
  add(reference: { readonly annotationRef: Reference }): void;
}

export interface Tags {
  /** The Document element: the root of every other. */
  readonly root: StructElement;
  /** A new element, the last child of `parent` so far. */
  add(parent: StructElement, type: StructType, options?: StructOptions): StructElement;
  /** Draws with what `draw` writes marked as content of `element`. */
  content(element: StructElement, draw: () => void): void;
  /**
   * Draws lines of text (inlines.ts `drawLine`) as content of `element`: the
   * sequence is opened by the first fragment drawn (`resume`), so a line that
   * starts with a link leaves no empty sequence behind.
   */
  text(element: StructElement, draw: () => void): void;
  /** Draws with what `draw` writes marked as an artifact. */
  artifact(kind: ArtifactKind, draw: () => void): void;
  /**
   * Draws a link inside the text being drawn: its text (drawn by `draw`) and
   * its annotation (made by `annotate`, given where the annotation belongs)
   * make a Link element under the element whose text is drawn.
   */
  link(draw: () => void, annotate: (parent: AnnotationParent | undefined) => void): void;
  /** Opens, or continues, the sequence of the element whose text is drawn: before each fragment that is not a link. */
  resume(): void;
  /** Writes the elements and fills in the StructTreeRoot and its ParentTree; called once, before `doc.end()`. */
  finish(): void;
}

interface DocumentInternals {
  readonly page: PageInternals;
  ref(data: Record<string, unknown>): Reference;
  getStructTreeRoot(): Reference;
  createStructParentTreeNextKey(): number;
  addContent(data: Uint8Array): unknown;
}

interface NumberTree {
  add(key: number, value: unknown): void;
}

interface WriterInternals {
  _offset: number;
  _write(data: string): void;
  _refEnd(ref: Reference): void;
}

/** Writes an object whose dictionary is already text, as pdfkit's `end()` writes one (its offset recorded for the cross-reference table). */
function writeObject(doc: PDFKit.PDFDocument, ref: Reference, dictionary: string): void {
  const writer = doc as unknown as WriterInternals;
  ref.offset = writer._offset;
  writer._write(`${ref.id} 0 obj\n${dictionary}\nendobj`);
  writer._refEnd(ref);
}

const EMC = Buffer.from('EMC\n', 'latin1');
const ARTIFACT: Readonly<Record<ArtifactKind, Buffer>> = {
  Pagination: Buffer.from('/Artifact <</Type /Pagination>> BDC\n', 'latin1'),
  Layout: Buffer.from('/Artifact <</Type /Layout>> BDC\n', 'latin1'),
};

/** The structure of one pdfkit document, made with `tagged: true`. */
export function structureOf(doc: PDFKit.PDFDocument): Tags {
  const pdf = doc as unknown as DocumentInternals;
  const root: StructElement = { type: 'Document', options: {}, kids: [] };
  /** Each page's sequences: the element of each MCID, in order. */
  const sequences = new Map<PageInternals, StructElement[]>();
  /** Link annotations: their ParentTree key and their Link element. */
  const annotations: { key: number; element: StructElement }[] = [];
  let open: StructElement | undefined;
  let openPage: PageInternals | undefined;
  /** The element whose text is being drawn; a link inside it ends its sequence for a while. */
  let current: StructElement | undefined;

  const close = (): void => {
    if (openPage === undefined) return;
    openPage.write(EMC);
    open = undefined;
    openPage = undefined;
  };
  const begin = (element: StructElement): void => {
    const page = pdf.page;
    if (open === element && openPage === page) return;
    close();
    let owners = sequences.get(page);
    if (!owners) {
      owners = [];
      sequences.set(page, owners);
      // Its ParentTree key goes into its dictionary now: the page is written out when it ends.
      void page.structParentTreeKey;
    }
    const mcid = owners.length;
    owners.push(element);
    element.kids.push({ page, mcid });
    pdf.addContent(Buffer.from(`/${element.type} <</MCID ${mcid}>> BDC\n`, 'latin1'));
    open = element;
    openPage = page;
  };
  const add = (parent: StructElement, type: StructType, options: StructOptions = {}): StructElement => {
    const element: StructElement = { type, options, kids: [] };
    parent.kids.push(element);
    return element;
  };

  return {
    root,
    add,
    content(element, draw) {
      begin(element);
      draw();
    },
    text(element, draw) {
      current = element;
      draw();
      current = undefined;
    },
    artifact(kind, draw) {
      close();
      pdf.addContent(ARTIFACT[kind]);
      draw();
      pdf.addContent(EMC);
    },
    link(draw, annotate) {
      if (current === undefined) {
        draw();
        annotate(undefined);
        return;
      }
      const link = add(current, 'Link');
      begin(link);
      draw();
      const page = pdf.page;
      annotate({
        add({ annotationRef }) {
          const key = pdf.createStructParentTreeNextKey();
          annotationRef.data.StructParent = key;
          annotations.push({ key, element: link });
          link.kids.push({ page, annotation: annotationRef });
        },
      });
      close();
    },
    resume() {
      if (current !== undefined) begin(current);
    },
    finish() {
      close();
      const treeRoot = pdf.getStructTreeRoot();
      const refs = writeElements(doc, root, treeRoot);
      const parentTree = treeRoot.data.ParentTree as NumberTree;
      for (const [page, owners] of sequences) {
        parentTree.add(page.structParentTreeKey, owners.map((element) => refs.get(element)!));
      }
      for (const { key, element } of annotations) parentTree.add(key, refs.get(element)!);
      treeRoot.data.K = [refs.get(root)!];
    },
  };
}

/**
 * Numbers every element (tree order) and writes it: its type, parent, page,
 * children (elements, MCIDs of its page, marked-content references on other
 * pages, annotation references) and attributes. Each is written as one line
 * of text, not through pdfkit's object serialiser: a court report has hundreds
 * of elements, and these dictionaries hold only names, numbers and references.
 */
function writeElements(doc: PDFKit.PDFDocument, root: StructElement, treeRoot: Reference): Map<StructElement, Reference> {
  const pdf = doc as unknown as DocumentInternals;
  const refs = new Map<StructElement, Reference>();
  const parents = new Map<StructElement, Reference>();
  const number = (element: StructElement, parent: Reference): void => {
    const ref = pdf.ref({});
    refs.set(element, ref);
    parents.set(element, parent);
    for (const kid of element.kids) if ('type' in kid) number(kid, ref);
  };
  number(root, treeRoot);
  const r = (ref: Reference): string => `${ref.id} 0 R`;
  for (const [element, ref] of refs) {
    const firstPage = element.kids.find((kid): kid is Content => !('type' in kid))?.page;
    const kids = element.kids.map((kid) => {
      if ('type' in kid) return r(refs.get(kid)!);
      if ('annotation' in kid) return `<</Type /OBJR /Obj ${r(kid.annotation)} /Pg ${r(kid.page.dictionary)}>>`;
      return kid.page === firstPage ? String(kid.mcid) : `<</Type /MCR /Pg ${r(kid.page.dictionary)} /MCID ${kid.mcid}>>`;
    });
    const { alt, scope } = element.options;
    const dictionary =
      `<</S /${element.type} /P ${r(parents.get(element)!)}` +
      (firstPage ? ` /Pg ${r(firstPage.dictionary)}` : '') +
      ` /K [${kids.join(' ')}]` +
      (alt !== undefined ? ` /Alt ${textString(alt)}` : '') +
      (scope !== undefined ? ` /A <</O /Table /Scope /${scope}>>` : '') +
      '>>';
    writeObject(doc, ref, dictionary);
  }
  return refs;
}

/** A PDF text string any text fits in: UTF-16BE with its byte order mark, in hex. */
function textString(value: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `${hex}>`;
}
