/**
 * The e-filing checks (issue 16; README "Checking PDFs for e-filing"): what a
 * court's portal rejects, judged from what the parser found (pdf-facts.ts)
 * against a profile. Pure: same facts, same failures, in a fixed order.
 *
 * Link annotations pass (portals tolerate hyperlinks, and citations carry
 * them); every other annotation, form fields and JavaScript fail.
 */
import type { Box, PageFacts, PdfFacts, TextRun } from './pdf-facts.js';
import { PAGE_SIZES, type PreflightProfile } from './profile.js';
import { readXmp } from './xmp.js';

/** Which check failed: stable names for `--json`. */
export const CHECKS = [
  'readable', 'encryption', 'file_size', 'text', 'fonts', 'page_size', 'page_labels', 'javascript', 'attachments',
  'annotations', 'form_fields', 'tagged', 'bookmarks', 'xmp', 'pdfa', 'stamp_area',
] as const;
export type CheckName = (typeof CHECKS)[number];

export interface Failure {
  readonly check: CheckName;
  /** The page it is on (1-based); absent when it is the file's. */
  readonly page?: number;
  readonly message: string;
}

const POINTS_PER_INCH = 72;
const MB = 1024 * 1024;

export function checkPdf(facts: PdfFacts, profile: PreflightProfile): Failure[] {
  if (facts.unreadable !== undefined) return [{ check: 'readable', message: `not a readable PDF (${facts.unreadable})` }];
  const sizeFailures = fileSize(facts, profile);
  if (facts.encryption === 'password') return [{ check: 'encryption', message: 'encrypted: it opens only with a password, and portals reject encrypted files' }, ...sizeFailures];
  const failures: Failure[] = [
    ...(facts.encryption ? [{ check: 'encryption' as const, message: 'encrypted (with permissions that limit printing or copying): portals reject encrypted files' }] : []),
    ...sizeFailures,
    ...facts.pages.flatMap((page) => [...pageText(page), ...pageSize(page, profile), ...pageScripts(page), ...pageAnnotations(page)]),
    ...fonts(facts.pages),
    ...pageLabels(facts),
    ...(facts.javascript ? [{ check: 'javascript' as const, message: 'runs JavaScript (when opened, or from a form field)' }] : []),
    ...(facts.attachments.length ? [{ check: 'attachments' as const, message: `has embedded files: ${facts.attachments.join(', ')}` }] : []),
    ...(facts.formFields ? [{ check: 'form_fields' as const, message: 'has form fields: flatten the form before filing' }] : []),
    ...tagged(facts, profile),
    ...bookmarks(facts),
    ...xmp(facts, profile),
    ...stampArea(facts.pages[0], profile),
  ];
  // File-wide failures first, then by page, each check in a fixed order (the sort is stable).
  const rank = (f: Failure) => CHECKS.indexOf(f.check);
  return failures.sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || rank(a) - rank(b));
}

function fileSize(facts: PdfFacts, profile: PreflightProfile): Failure[] {
  if (facts.bytes <= profile.maxBytes) return [];
  return [{ check: 'file_size', message: `is ${megabytes(facts.bytes)} MB, over the profile's cap of ${megabytes(profile.maxBytes)} MB` }];
}

/** Three significant figures: 31.2, 0.0412, 25. */
const megabytes = (bytes: number) => String(Number((bytes / MB).toPrecision(3)));

/** A page with no text at all is an image (a scan without OCR): a portal cannot search it. */
function pageText(page: PageFacts): Failure[] {
  return page.runs.length ? [] : [{ check: 'text', page: page.number, message: 'has no text (an image-only page, such as a scan without text recognition)' }];
}

/** The profile's paper, either way up (a landscape table page is still Letter paper), to within a point. */
function pageSize(page: PageFacts, profile: PreflightProfile): Failure[] {
  const [w, h] = PAGE_SIZES[profile.pageSize];
  const fits = (a: number, b: number) => Math.abs(page.box.width - a) <= 1 && Math.abs(page.box.height - b) <= 1;
  if (fits(w, h) || fits(h, w)) return [];
  const inches = (points: number) => String(Math.round((points / POINTS_PER_INCH) * 100) / 100);
  return [{ check: 'page_size', page: page.number, message: `is ${inches(page.box.width)} × ${inches(page.box.height)} in., not ${profile.pageSize} (${inches(w)} × ${inches(h)} in.)` }];
}

function pageScripts(page: PageFacts): Failure[] {
  const failures: Failure[] = [];
  if (page.javascript) failures.push({ check: 'javascript', page: page.number, message: 'runs JavaScript when the page is opened or closed' });
  if (page.annotations.some((a) => a.javascript)) failures.push({ check: 'javascript', page: page.number, message: 'has a link or field that runs JavaScript' });
  return failures;
}

/** Links pass; a Popup belongs to the annotation it pops up from, which is reported. */
function pageAnnotations(page: PageFacts): Failure[] {
  const kinds = [...new Set(page.annotations.map((a) => a.subtype).filter((s) => s !== 'Link' && s !== 'Popup'))];
  return kinds.map((kind) => ({
    check: 'annotations' as const,
    page: page.number,
    message: kind === 'Widget' ? 'has a form field (flatten the form before filing)' : `has a ${kind} annotation (comments, stamps and attachments must be removed or flattened; links are allowed)`,
  }));
}

/** Each font without its program in the file, once, at the first page that uses it. */
function fonts(pages: readonly PageFacts[]): Failure[] {
  const seen = new Set<string>();
  const failures: Failure[] = [];
  for (const page of pages) {
    for (const font of page.fonts) {
      if (font.embedded || seen.has(font.name)) continue;
      seen.add(font.name);
      failures.push({ check: 'fonts', page: page.number, message: `font ${font.name} is not embedded` });
    }
  }
  return failures;
}

/** The footer's "Page X of Y" (or "Page X"): the run nearest the foot of the page that is only that. */
const PRINTED = /^\s*Page\s+(\d+)(?:\s+of\s+\d+)?\s*$/i;
export function printedPageNumber(page: PageFacts): string | undefined {
  const found = page.runs.filter((r) => PRINTED.test(r.text)).sort((a, b) => a.y - b.y)[0];
  return found ? PRINTED.exec(found.text)![1] : undefined;
}

/**
 * What a viewer calls each page (its /PageLabels label, else its place in the
 * file) must be the number printed on it, or "go to page 12" lands elsewhere.
 * Pages that print no number are not compared.
 */
function pageLabels(facts: PdfFacts): Failure[] {
  return facts.pages.flatMap((page, index) => {
    const printed = printedPageNumber(page);
    const label = facts.pageLabels?.[index] ?? String(index + 1);
    if (printed === undefined || printed === label) return [];
    const viewer = facts.pageLabels ? `its page label is "${label}"` : `a PDF viewer calls it page ${label}`;
    return [{ check: 'page_labels' as const, page: page.number, message: `prints "Page ${printed}" but ${viewer}` }];
  });
}

function tagged(facts: PdfFacts, profile: PreflightProfile): Failure[] {
  if (!profile.tagged) return [];
  if (!facts.marked) return [{ check: 'tagged', message: 'is not tagged (no /MarkInfo /Marked true): screen readers cannot follow it' }];
  if (!facts.structTree) return [{ check: 'tagged', message: 'is marked as tagged but has no structure tree' }];
  return [];
}

/** Compared without white space: a heading that wraps loses or gains spaces between its lines. */
const squeeze = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

/**
 * A bookmark for every heading: every H1–H3 of the structure tree. An untagged
 * file's headings cannot be told from table captions or bold labels, so there
 * only a file with no bookmarks at all fails, when it has a line set larger
 * than its body text (a heading by its look).
 */
function bookmarks(facts: PdfFacts): Failure[] {
  const titles = new Set(facts.outline.map(squeeze));
  if (facts.structTree) {
    return facts.pages.flatMap((page) =>
      page.headings.filter((h) => squeeze(h.text) !== '' && !titles.has(squeeze(h.text))).map((h) => ({ check: 'bookmarks' as const, page: page.number, message: `heading "${h.text.trim()}" has no bookmark` })),
    );
  }
  if (titles.size > 0) return [];
  const runs = facts.pages.flatMap((page) => page.runs.map((run) => ({ run, page: page.number })));
  const body = bodySize(runs.map(({ run }) => run));
  const heading = runs.find(({ run }) => run.size >= body * 1.15);
  return heading ? [{ check: 'bookmarks', page: heading.page, message: `has no bookmarks (headings such as "${heading.run.text.trim()}" need one each)` }] : [];
}

/** The size most of the text is set in. */
function bodySize(runs: readonly TextRun[]): number {
  const chars = new Map<number, number>();
  for (const run of runs) chars.set(run.size, (chars.get(run.size) ?? 0) + run.text.length);
  return [...chars].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function xmp(facts: PdfFacts, profile: PreflightProfile): Failure[] {
  if (facts.xmp === undefined) return [{ check: 'xmp', message: 'has no XMP metadata' }];
  const reading = readXmp(facts.xmp);
  if (!reading.ok) return [{ check: 'xmp', message: `its XMP metadata is not well-formed XML (${reading.error})` }];
  if (profile.pdfa && !(reading.pdfa.part && reading.pdfa.conformance)) {
    return [{ check: 'pdfa', message: `its XMP does not identify it as PDF/A (pdfaid:part and pdfaid:conformance), which profile "${profile.name}" requires` }];
  }
  return [];
}

/** Nothing printed in the clerk's stamp area of page 1. */
function stampArea(page: PageFacts | undefined, profile: PreflightProfile): Failure[] {
  const area = profile.stampArea;
  if (!page || !area) return [];
  const width = area.width * POINTS_PER_INCH;
  const height = area.height * POINTS_PER_INCH;
  const box: Box = { x: area.corner === 'top-left' ? page.box.x : page.box.x + page.box.width - width, y: page.box.y + page.box.height - height, width, height };
  const where = `the clerk's stamp area (${area.corner}, ${area.width} × ${area.height} in.)`;
  // A run's box reaches a little below its baseline (descenders).
  const text = page.runs.find((r) => overlaps(box, { x: r.x, y: r.y - r.size * 0.25, width: r.width, height: Math.max(r.height, r.size) }));
  const failures: Failure[] = [];
  if (text) failures.push({ check: 'stamp_area', page: page.number, message: `text "${text.text.trim()}" falls in ${where}` });
  if (page.images.some((image) => overlaps(box, image))) failures.push({ check: 'stamp_area', page: page.number, message: `an image falls in ${where}` });
  return failures;
}

/** More than a hairline in common. */
function overlaps(a: Box, b: Box): boolean {
  const EPSILON = 0.5;
  return a.x + a.width - b.x > EPSILON && b.x + b.width - a.x > EPSILON && a.y + a.height - b.y > EPSILON && b.y + b.height - a.y > EPSILON;
}
