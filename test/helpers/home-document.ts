/**
 * A home's document (home study, re-licensing packet) in a test: built for the
 * internal copy as of AS_OF, rendered, and read back — the DOCX body's
 * paragraphs, the PDF's text, and the PDF's text in drawing order.
 */
import { beforeAll } from 'vitest';
import type { DocumentContext, DocumentData } from '../../src/compute/documents/context.js';
import type { CaseRoot, HomeFolder } from '../../src/model/case-root.js';
import type { PlacedChild } from '../../src/compute/documents/root-view.js';
import type { Agency } from '../../src/model/agency.js';
import { AS_OF, documentContext, EXAMPLE_ROOT, loadExample } from './document-context.js';
import { rawBody, withPdfFile } from './pdf-text.js';
import { renderDocument, type Rendered } from './render-document.js';
import { docxParagraphs, squash } from './same-content.js';

/** The example agency's homes. */
export const EXAMPLE_HOMES = ['H-0042', 'H-0017', 'H-0063'] as const;

export interface HomeDocument {
  readonly built: DocumentData;
  /** What the builder read through its view (root-view.ts). */
  readonly inputs: readonly string[];
  readonly rendered: Rendered;
  /** The DOCX body's paragraphs (document.xml), squashed. */
  readonly body: string[];
  /** The PDF's text, squashed. */
  readonly text: string;
  /** pdftotext -raw: the text in the order it was drawn, each table cell whole, without the running header and footer. */
  readonly raw: string;
}

export interface HomeDocumentKind {
  readonly template: string;
  /** The running title, which starts the page furniture on every page. */
  readonly title: string;
  readonly subject: (homeId: string) => string;
  readonly build: (ctx: DocumentContext, home: HomeFolder, children: readonly PlacedChild[]) => DocumentData;
  /** The day the document speaks from when it is not AS_OF: a home study's own date, as a build computes it (jobs.ts). */
  readonly asOf?: (home: HomeFolder) => string | undefined;
}

/** `more` reads what else a test needs from the PDF file while it exists. */
export async function homeDocument<More extends object = object>(
  root: CaseRoot,
  homeId: string,
  kind: HomeDocumentKind,
  { rootDir = EXAMPLE_ROOT, agency }: { rootDir?: string; agency?: Agency } = {},
  more: (path: string, rendered: Rendered) => More = () => ({}) as More,
): Promise<HomeDocument & More> {
  const home = root.homes.find((h) => h.id === homeId)!;
  const asOf = kind.asOf?.(home) ?? AS_OF;
  const ctx = documentContext(root, 'internal', { agency, asOf });
  const built = kind.build(ctx, ctx.view.home(home), ctx.view.placedIn(homeId));
  const rendered = await renderDocument(kind.template, built.data, ctx.agency, { title: kind.title, subject: kind.subject(homeId), reference: homeId, asOf }, rootDir);
  const read = withPdfFile(rendered.pdf, (path) => ({ raw: rawBody(path, rendered.pages, kind.title), ...more(path, rendered) }));
  return { built, inputs: [...ctx.view.inputs], rendered, body: docxParagraphs(rendered), text: squash(rendered.pdfText), ...read };
}

/** Loads the example agency and makes each home's document before the file's tests (`make` of the root and a home id). */
export function exampleHomes<T>(make: (root: CaseRoot, homeId: string) => Promise<T>): { readonly root: CaseRoot; get(homeId: string): T } {
  let root: CaseRoot | undefined;
  const made = new Map<string, T>();
  beforeAll(async () => {
    root = (await loadExample()).root;
    for (const id of EXAMPLE_HOMES) made.set(id, await make(root, id));
  }, 60_000);
  return {
    get root() {
      return root!;
    },
    get: (homeId) => made.get(homeId)!,
  };
}
