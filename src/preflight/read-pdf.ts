/**
 * A PDF's bytes → what the checks need (pdf-facts.ts), read with pdfjs-dist's
 * legacy build (Node, no worker thread: pdfjs runs its parser in this thread,
 * no canvas). Only reading happens here; every judgement is in checks.ts.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Box, PageFacts, PdfFacts, TextRun } from './pdf-facts.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<Pdfjs> | undefined;
/**
 * pdfjs is loaded once, on first use (about 0.1 s): `--help` and builds without
 * --preflight never pay for it. Its parser (the "worker") runs in this thread:
 * loaded here, where pdfjs looks for it, rather than by pdfjs at the first file.
 */
const pdfjs = () =>
  (loaded ??= withNativePush(async () => {
    // @ts-expect-error -- the worker module ships without types; only its WorkerMessageHandler is looked up, by pdfjs.
    const parser: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = parser;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  }));

/**
 * The legacy build's core-js replaces Array.prototype.push for the whole
 * process (for an array-like longer than 2^32, which nothing here makes), and
 * its push is several times slower: `build --preflight` loads pdfjs into the
 * thread that computes every document's facts. The native one is put back.
 */
async function withNativePush<T>(load: () => Promise<T>): Promise<T> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;
  try {
    return await load();
  } finally {
    Object.defineProperty(Array.prototype, 'push', push);
  }
}

/** Reads one PDF. Never throws for a bad file: an unreadable one says so in `unreadable`. */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const lib = await pdfjs();
  const empty = { bytes: bytes.length, pages: [], outline: [], javascript: false, attachments: [], formFields: false, marked: false, structTree: false };
  let doc: PDFDocumentProxy;
  try {
    // pdfjs takes the buffer over (it detaches it): give it a copy.
    doc = await lib.getDocument({ data: bytes.slice(), verbosity: lib.VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return { ...empty, encryption: 'password' };
    return { ...empty, unreadable: (error as Error).message };
  }
  try {
    return await readOpened(lib, doc, bytes.length);
  } catch (error) {
    // A page or an object damaged past what pdfjs repairs.
    return { ...empty, unreadable: (error as Error).message };
  } finally {
    await doc.destroy();
  }
}

async function readOpened(lib: Pdfjs, doc: PDFDocumentProxy, size: number): Promise<PdfFacts> {
  const [meta, markInfo, outline, labels, jsActions, attachments, fields] = await Promise.all([
    doc.getMetadata(),
    doc.getMarkInfo(),
    doc.getOutline(),
    doc.getPageLabels(),
    doc.hasJSActions(),
    doc.getAttachments(),
    doc.getFieldObjects(),
  ]);
  const info = meta.info as { EncryptFilterName?: string | null; IsAcroFormPresent?: boolean; IsXFAPresent?: boolean };
  const pages: PageFacts[] = [];
  for (let number = 1; number <= doc.numPages; number++) pages.push(await readPage(lib, await doc.getPage(number)));
  const xmp = meta.metadata?.getRaw();
  return {
    bytes: size,
    ...(info.EncryptFilterName ? { encryption: 'permissions' as const } : {}),
    pages,
    outline: titles(outline ?? []),
    ...(labels ? { pageLabels: labels } : {}),
    javascript: jsActions,
    attachments: Object.values((attachments ?? {}) as Record<string, { filename?: string }>).map((a) => a.filename ?? ''),
    formFields: info.IsAcroFormPresent === true || info.IsXFAPresent === true || (fields !== null && Object.keys(fields).length > 0),
    marked: (markInfo as { Marked?: boolean } | null)?.Marked === true,
    structTree: pages.some((p) => p.tagged),
    ...(typeof xmp === 'string' ? { xmp } : {}),
  };
}

function titles(items: readonly { title: string; items: readonly unknown[] }[]): string[] {
  return items.flatMap((item) => [item.title, ...titles(item.items as typeof items)]);
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/** The box the unit square fills under a matrix (where an image is painted). */
function unitSquare(m: Matrix): Box {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

async function readPage(lib: Pdfjs, page: PDFPageProxy): Promise<PageFacts> {
  const { OPS } = lib;
  const [content, ops, annotations, pageJs, tree] = await Promise.all([
    page.getTextContent({ includeMarkedContent: true }),
    page.getOperatorList(),
    page.getAnnotations(),
    page.getJSActions(),
    page.getStructTree(),
  ]);

  // Text runs, and the text of each marked-content id (what the structure tree points at).
  const runs: TextRun[] = [];
  const marked = new Map<string, string>();
  const open: (string | undefined)[] = [];
  for (const item of content.items as ({ type?: string; id?: string } & Partial<{ str: string; transform: Matrix; width: number; height: number; fontName: string }>)[]) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id);
    else if (item.type === 'endMarkedContent') open.pop();
    else if (item.str !== undefined && item.transform) {
      const id = open.findLast((i) => i !== undefined);
      if (id) marked.set(id, (marked.get(id) ?? '') + item.str);
      if (item.str.trim() === '') continue;
      const [, , c, d, e, f] = item.transform;
      runs.push({ text: item.str, font: item.fontName ?? '', size: Math.hypot(c, d), x: e, y: f, width: item.width ?? 0, height: item.height ?? 0 });
    }
  }

  // Fonts drawn with, and where images are painted (the transformation matrix followed through the operators).
  const fontIds = new Set<string>();
  const images: Box[] = [];
  let ctm: Matrix = IDENTITY;
  const saved: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.setFont) fontIds.add(args[0] as string);
    else if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      saved.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? IDENTITY;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.paintImageXObjectRepeat) images.push(unitSquare(ctm));
  }
  const fonts = [...fontIds].map((id) => {
    const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string; missingFile?: boolean }) : undefined;
    return { name: (font?.name ?? id).replace(/^[A-Z]{6}\+/, ''), embedded: font?.missingFile !== true };
  });

  // H1–H3 of the structure tree, with the text of the content they hold.
  const headings: { level: number; text: string }[] = [];
  type Node = { role?: string; type?: string; id?: string; children?: Node[] };
  const textOf = (node: Node): string => (node.type === 'content' && node.id ? (marked.get(node.id) ?? '') : (node.children ?? []).map(textOf).join(''));
  const walk = (node: Node) => {
    const level = /^H([1-3])$/.exec(node.role ?? '');
    if (level) headings.push({ level: Number(level[1]), text: textOf(node) });
    else for (const child of node.children ?? []) walk(child);
  };
  if (tree) walk(tree as Node);

  const [x1, y1, x2, y2] = page.view as [number, number, number, number];
  return {
    number: page.pageNumber,
    box: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 },
    runs,
    images,
    fonts,
    annotations: (annotations as { subtype: string; actions?: Record<string, unknown> | null; unsafeUrl?: string }[]).map((a) => ({
      subtype: a.subtype,
      javascript: (a.actions !== undefined && a.actions !== null && Object.keys(a.actions).length > 0) || /^\s*javascript:/i.test(a.unsafeUrl ?? ''),
    })),
    javascript: pageJs !== null && Object.keys(pageJs).length > 0,
    headings,
    tagged: tree !== null && (tree as Node).children !== undefined,
  };
}
