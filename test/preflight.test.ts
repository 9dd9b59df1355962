/**
 * `casepress preflight` (issue 16 point 2): PDFs made here with pdfkit, one
 * per way a portal rejects a file, each failing with its own message and page;
 * a clean one (tagged, fonts embedded, a bookmark per heading, "Page X of Y"
 * on each page) passes. Checked in this process, one pdfjs for all.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { preflight } from '../src/cli/commands/preflight.js';
import { UsageError } from '../src/cli/exit.js';
import { failureLine, preflightPdf, preflightProfile, type PreflightProfile } from '../src/preflight/index.js';
import { png } from './helpers/make-image.js';
import { REPO } from './helpers/fixture-root.js';

/** Taken before pdfjs is first loaded (read-pdf.ts loads it on first use). */
const NATIVE_PUSH = Array.prototype.push;
const FONT = readFileSync(join(REPO, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const DEFAULT = preflightProfile(undefined)!;

interface Options {
  readonly pdf?: PDFKit.PDFDocumentOptions;
  readonly untagged?: boolean;
  /** The headings, one page each, and whether each gets a bookmark. */
  readonly pages?: readonly { heading: string; bookmark?: boolean; size?: PDFKit.PDFDocumentOptions['size']; printed?: number }[];
  readonly draw?: (doc: PDFKit.PDFDocument) => void;
}

/** A PDF as casepress means to write one: tagged, DejaVu embedded, a heading per page with its bookmark, "Page X of Y" at the foot. */
function make(options: Options = {}): Promise<Uint8Array> {
  const pages = options.pages ?? [{ heading: 'Reason for placement' }, { heading: 'Permanency' }];
  const doc = new PDFDocument({ autoFirstPage: false, pdfVersion: '1.7', tagged: !options.untagged, lang: 'en-US', info: { Title: 'Court report', CreationDate: new Date(Date.UTC(2026, 11, 1)) }, ...options.pdf });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.registerFont('body', FONT);
  doc.font('body');
  const root = options.untagged ? undefined : doc.struct('Document');
  if (root) doc.addStructure(root);
  pages.forEach((page, i) => {
    doc.addPage({ size: page.size ?? 'LETTER', margin: 72 });
    const tag = (role: string, draw: () => void) => (root ? root.add(doc.struct(role, {}, draw)) : draw());
    tag('H1', () => doc.fontSize(16).text(page.heading, 72, 72));
    if (page.bookmark !== false) doc.outline.addItem(page.heading);
    tag('P', () => doc.fontSize(11).text('The child has lived with the same family since March.', 72, 110));
    doc.fontSize(8).text(`Page ${page.printed ?? i + 1} of ${pages.length}`, 72, doc.page.height - 40, { lineBreak: false });
  });
  options.draw?.(doc);
  root?.end();
  doc.end();
  return done;
}

/** A raw PDF object written into the file (pdfkit writes a reference once it is ended). */
const ended = (ref: PDFKit.PDFKitReference) => (ref.end(undefined), ref);
const check = async (bytes: Uint8Array, profile: PreflightProfile = DEFAULT) => (await preflightPdf(bytes, profile)).failures;
const lines = async (bytes: Uint8Array, profile?: PreflightProfile) => (await check(bytes, profile)).map(failureLine);

describe('preflight, one fixture per way a portal rejects a file', () => {
  it('passes a clean file: tagged, fonts embedded, a bookmark per heading, page numbers as printed, Letter, XMP', async () => {
    expect(await check(await make())).toEqual([]);
  });

  it('an encrypted copy (a password to open it)', async () => {
    expect(await lines(await make({ pdf: { userPassword: 'secret', pdfVersion: '1.7ext3' } }))).toEqual(['encrypted: it opens only with a password, and portals reject encrypted files']);
  });

  it('an encrypted copy that opens without a password but limits printing', async () => {
    expect(await lines(await make({ pdf: { ownerPassword: 'secret', pdfVersion: '1.7ext3', permissions: { printing: 'lowResolution' } } }))).toEqual([
      'encrypted (with permissions that limit printing or copying): portals reject encrypted files',
    ]);
  });

  it('a font that is not embedded (pdfkit\'s standard Helvetica), once, at the first page that uses it', async () => {
    const bytes = await make({ draw: (doc) => doc.font('Helvetica').fontSize(11).text('Served by mail.', 72, 200) });
    expect(await lines(bytes)).toEqual(['page 2: font Helvetica is not embedded']);
  });

  it('an image-only page (a scan without text recognition)', async () => {
    const bytes = await make({
      draw: (doc) => {
        doc.addPage({ size: 'LETTER' });
        doc.image(png(40, 40), 72, 72, { width: 400 });
      },
    });
    expect(await lines(bytes)).toEqual(['page 3: has no text (an image-only page, such as a scan without text recognition)']);
  });

  it('a file over the profile\'s size cap', async () => {
    const tiny = { ...DEFAULT, name: 'tiny', maxBytes: Math.round(0.01 * 1024 * 1024) };
    const failures = await check(await make(), tiny);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.check).toBe('file_size');
    expect(failures[0]!.message).toMatch(/^is 0\.0\d+ MB, over the profile's cap of 0\.01 MB$/);
  });

  it('an untagged file; one the profile does not ask to be tagged passes', async () => {
    const untagged = await make({ untagged: true });
    expect(await lines(untagged)).toEqual(['is not tagged (no /MarkInfo /Marked true): screen readers cannot follow it']);
    expect(await check(untagged, { ...DEFAULT, tagged: false })).toEqual([]);
  });

  it('a page of the wrong size, either way up being right', async () => {
    const bytes = await make({ pages: [{ heading: 'Reason for placement' }, { heading: 'Permanency', size: 'A4' }, { heading: 'Family time', size: [792, 612] }] });
    expect(await lines(bytes)).toEqual(['page 2: is 8.27 × 11.69 in., not letter (8.5 × 11 in.)']);
    expect(await check(await make({ pages: [{ heading: 'Permanency', size: 'A4' }] }), { ...DEFAULT, pageSize: 'a4' })).toEqual([]);
  });

  it('a heading of the structure tree without a bookmark', async () => {
    const bytes = await make({ pages: [{ heading: 'Reason for placement' }, { heading: 'Permanency', bookmark: false }] });
    expect(await lines(bytes)).toEqual(['page 2: heading "Permanency" has no bookmark']);
  });

  it('an untagged file with no bookmarks at all but text set larger than its body', async () => {
    const bytes = await make({ untagged: true, pages: [{ heading: 'Reason for placement', bookmark: false }] });
    expect(await lines(bytes, { ...DEFAULT, tagged: false })).toEqual(['page 1: has no bookmarks (headings such as "Reason for placement" need one each)']);
  });

  it('a printed page number a viewer does not show for that page', async () => {
    const bytes = await make({ pages: [{ heading: 'Cover', printed: 1 }, { heading: 'Reason for placement', printed: 1 }, { heading: 'Permanency', printed: 2 }] });
    expect(await lines(bytes)).toEqual(['page 2: prints "Page 1" but a PDF viewer calls it page 2', 'page 3: prints "Page 2" but a PDF viewer calls it page 3']);
    // With page labels that start the count again on the second page (a cover page counted apart), they agree.
    const labelled = await make({
      pages: [{ heading: 'Cover', printed: 1 }, { heading: 'Reason for placement', printed: 1 }, { heading: 'Permanency', printed: 2 }],
      draw: (doc) => {
        (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = ended(doc.ref({ Nums: [0, { S: 'D' }, 1, { S: 'D' }] }));
      },
    });
    expect(await check(labelled)).toEqual([]);
  });

  it('a comment (a Text annotation) fails; a link passes', async () => {
    const linked = await make({ draw: (doc) => doc.link(72, 300, 100, 12, 'https://apps.courts.ky.gov/') });
    expect(await check(linked)).toEqual([]);
    const noted = await make({ draw: (doc) => doc.note(72, 300, 20, 20, 'Check this date') });
    expect(await lines(noted)).toEqual(['page 2: has a Text annotation (comments, stamps and attachments must be removed or flattened; links are allowed)']);
  });

  it('form fields, an embedded file and JavaScript', async () => {
    const form = await make({
      draw: (doc) => {
        doc.initForm();
        doc.formText('caseworker', 72, 300, 200, 20);
      },
    });
    expect(await lines(form)).toEqual(['has form fields: flatten the form before filing', 'page 2: has a form field (flatten the form before filing)']);
    const attached = await make({ draw: (doc) => doc.file(Buffer.from('notes'), { name: 'notes.txt' }) });
    expect(await lines(attached)).toEqual(['has embedded files: notes.txt']);
    const scripted = await make({
      draw: (doc) => {
        (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.OpenAction = ended(doc.ref({ S: 'JavaScript', JS: new String('app.alert(1)') }));
      },
    });
    expect(await lines(scripted)).toEqual(['runs JavaScript (when opened, or from a form field)']);
  });

  it('XMP that is not well-formed (pdfkit writes the title into it unescaped), and PDF/A identification when the profile asks for it', async () => {
    const broken = await make({ pdf: { info: { Title: 'Smith & Jones <draft>' } } });
    const [xmp] = await check(broken);
    expect(xmp?.check).toBe('xmp');
    expect(xmp?.message).toMatch(/^its XMP metadata is not well-formed XML \(line \d+, column \d+: /);
    const pdfa = { ...DEFAULT, name: 'archive', pdfa: true };
    expect(await lines(await make(), pdfa)).toEqual(['its XMP does not identify it as PDF/A (pdfaid:part and pdfaid:conformance), which profile "archive" requires']);
    expect(await check(await make({ pdf: { subset: 'PDF/A-2a' } }), pdfa)).toEqual([]);
  });

  it('text in the clerk\'s stamp area of page 1', async () => {
    const stamp = { ...DEFAULT, name: 'circuit', stampArea: { corner: 'top-right' as const, width: 3, height: 2 } };
    expect(await check(await make(), stamp)).toEqual([]);
    const bytes = await make({ pdf: { bufferPages: true }, draw: (doc) => (doc.switchToPage(0), doc.fontSize(9).text('Filed', 500, 40, { lineBreak: false })) });
    expect(await lines(bytes, stamp)).toEqual(['page 1: text "Filed" falls in the clerk\'s stamp area (top-right, 3 × 2 in.)']);
  });

  it("leaves the process's Array.prototype.push native (pdfjs's core-js replaces it with a slower one)", async () => {
    await check(await make());
    expect(Array.prototype.push).toBe(NATIVE_PUSH);
  });

  it('a file that is not a PDF, or is cut short, fails as unreadable without stopping the run', async () => {
    expect(await lines(new TextEncoder().encode('not a pdf'))).toEqual([expect.stringMatching(/^not a readable PDF/)]);
    expect(await lines((await make()).slice(0, 2000))).toEqual([expect.stringMatching(/^not a readable PDF/)]);
  });
});

describe('casepress preflight <file|folder> [root]', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'casepress-preflight-'));
    await writeFile(join(work, 'clean.pdf'), await make());
    await writeFile(join(work, 'helvetica.pdf'), await make({ draw: (doc) => doc.font('Helvetica').text('Served by mail.', 72, 200) }));
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  const run = async (target: string, root: string, options: Parameters<typeof preflight>[2] = {}) => {
    const printed: string[] = [];
    const code = await preflight(target, root, options, (line) => printed.push(line.replace(/\x1b\[[0-9;]*m/g, '')));
    return { code, printed };
  };

  it('a folder: one line per failure with its file and page, a summary, exit 1', async () => {
    const { code, printed } = await run(work, join(work, 'no-root'));
    expect(code).toBe(1);
    expect(printed).toEqual([`${join(work, 'helvetica.pdf')}: page 2: font Helvetica is not embedded`, '✖ 1 of 2 PDFs fails e-filing profile "default" (1 problem)']);
    expect((await run(join(work, 'clean.pdf'), join(work, 'no-root'))).code).toBe(0);
  });

  it('--json: the documented shape, the README\'s example in it', async () => {
    const { printed } = await run(work, join(work, 'no-root'), { json: true, profile: 'default' });
    const result = JSON.parse(printed.join('\n')) as { profile: string; ok: boolean; passed: number; failed: number; files: { file: string; ok: boolean; pages: number; bytes: number; failures: unknown[] }[] };
    expect(result).toMatchObject({ profile: 'default', ok: false, passed: 1, failed: 1 });
    expect(result.files.map((f) => [f.file.slice(work.length + 1), f.ok, f.pages, f.failures])).toEqual([
      ['clean.pdf', true, 2, []],
      ['helvetica.pdf', false, 2, [{ check: 'fonts', page: 2, message: 'font Helvetica is not embedded' }]],
    ]);
    // The README's example has the same keys at every level.
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const example = JSON.parse(/### Checking PDFs for e-filing[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!) as typeof result;
    const shape = (r: typeof result) => [Object.keys(r), Object.keys(r.files.find((f) => !f.ok)!), Object.keys(r.files.find((f) => !f.ok)!.failures[0]!)];
    expect(shape(example)).toEqual(shape(result));
  });

  it('profiles from the root\'s agency.yaml; an unknown profile or a missing file is a wrong command line', async () => {
    const root = join(work, 'root');
    const agency = readFileSync(join(REPO, 'cases/agency.yaml'), 'utf8');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'agency.yaml'), `${agency}\nefiling:\n  default: circuit\n  profiles:\n    circuit: { max_mb: 0.001 }\n    archive: { pdfa: true }\n`);
    const { code, printed } = await run(join(work, 'clean.pdf'), root);
    expect(code).toBe(1);
    expect(printed[0]).toMatch(/clean\.pdf: is 0\.0\d+ MB, over the profile's cap of 0\.001 MB$/);
    expect(printed.at(-1)).toBe('✖ 1 of 1 PDF fails e-filing profile "circuit" (1 problem)');
    // In JSON a failure of the whole file has a page of null.
    const json = JSON.parse((await run(join(work, 'clean.pdf'), root, { json: true })).printed.join('\n')) as { files: { failures: { check: string; page: number | null }[] }[] };
    expect(json.files[0]!.failures).toEqual([expect.objectContaining({ check: 'file_size', page: null })]);
    await expect(run(work, root, { profile: 'archiv' })).rejects.toThrow(new UsageError('there is no e-filing profile "archiv"; did you mean "archive"? (profiles: default, circuit, archive; agency.yaml efiling.profiles names them)'));
    await expect(run(join(work, 'missing.pdf'), root)).rejects.toThrow(UsageError);
  });

  it('an agency.yaml whose efiling names a default profile it lacks: a located error, exit 1', async () => {
    const root = join(work, 'bad-root');
    await mkdir(root, { recursive: true });
    const agency = readFileSync(join(REPO, 'cases/agency.yaml'), 'utf8');
    await writeFile(join(root, 'agency.yaml'), `${agency}\nefiling:\n  default: circut\n  profiles:\n    circuit: { max_mb: 10 }\n`);
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      expect((await run(work, root)).code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('').replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/agency\.yaml:\d+:\d+ error CP1208 `efiling\.default`: found "circut", which is not valid here \(no profile "circut" under efiling\.profiles/);
  });
});
