/**
 * The court packet (`court-summary <case> --packet`, issue 16 point 3), made as
 * `build` makes it (job → each part's data → templates → final scans → PDF and
 * DOCX) for the example agency, and read back as a reader gets it.
 *
 * Zoë (C-2024-0087) is 17: her packet has all four parts. José (C-2025-0142)
 * is 14 and has no transition.yaml; his father's copy of the packet must
 * withhold what his father's copy of the court report withholds.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreparedJobEnvironment } from '../../src/build/job-environment.js';
import { courtPacketJob, courtReportJob, matchParent, nextHearing, type Job } from '../../src/build/jobs.js';
import { jobData, runJob, withheldFields, type JobResult } from '../../src/build/run-job.js';
import type { CourtPacketFacts } from '../../src/compute/documents/facts/court-packet.js';
import type { CaseRoot, ChildFolder } from '../../src/model/case-root.js';
import { parts as docxParts, paragraphs } from '../helpers/docx-parts.js';
import { AS_OF } from '../helpers/document-context.js';
import { exampleEnvironment } from '../helpers/example-environment.js';
import { withPdfFile } from '../helpers/pdf-text.js';

const TEMPLATES = ['court-packet.md.hbs', 'court-packet-cans.md.hbs', 'court-report.md.hbs', 'service-plan.md.hbs', 'transition-plan.md.hbs'];

let root: CaseRoot;
let env: PreparedJobEnvironment;

beforeAll(async () => {
  ({ root, env } = await exampleEnvironment(AS_OF, ['pdf', 'docx'], TEMPLATES));
}, 60_000);

const childOf = (id: string): ChildFolder => root.children.find((c) => c.id === id)!;

function packetJob(child: ChildFolder, parent?: string): Job {
  const reader = parent ? matchParent(child.case!.data, parent) : undefined;
  if (reader && 'error' in reader) throw new Error(reader.error);
  return courtPacketJob(child, nextHearing(child, AS_OF)!, parent ? 'parent' : undefined, reader);
}

/** A page's running header: its first line of text. */
const headerOf = (page: string) => page.trimStart().split('\n')[0]!.trim();

interface ReadPdf {
  /** pdftotext -layout, one string per page (NFC). */
  readonly pages: readonly string[];
  /** The outline: each entry's depth, title and page. */
  readonly outline: readonly { depth: number; title: string; page: number }[];
}

function readPdf(pdf: Uint8Array): ReadPdf {
  return withPdfFile(pdf, (path) => {
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).normalize('NFC');
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', path], { encoding: 'utf8' });
    const outline: { depth: number; title: string; page: number }[] = [];
    let depth = 0;
    for (const m of xml.slice(xml.indexOf('<outline>')).matchAll(/<(\/?)outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
      if (m[3] !== undefined) outline.push({ depth: depth - 1, title: m[3], page: Number(m[2]) });
      else depth += m[1] ? -1 : 1;
    }
    // pdftotext ends each page with a form feed.
    return { pages: text.split('\f').slice(0, -1), outline };
  });
}

/** The contents table on the cover (its pages are the ones under the packet's running header): each row's words and the page it names. */
function contentsOf({ pages }: ReadPdf): { part: string; page: number }[] {
  const cover = pages.filter((page) => headerOf(page).startsWith('Court Packet — ')).join('\n');
  const after = cover.slice(cover.indexOf('Contents'));
  return [...after.matchAll(/^\s*(\S[^\n]*?,\s\w+ \d{1,2}, \d{4})\s+(\d+)\s*$/gm)].map((m) => ({ part: m[1]!, page: Number(m[2]) }));
}


describe("Zoë's court packet (the court's copy, four parts)", () => {
  let result: JobResult;
  let pdf: ReadPdf;

  beforeAll(async () => {
    result = await runJob(packetJob(childOf('C-2024-0087')), env);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pdf = readPdf(result.files.pdf!);
  }, 60_000);

  it('lists each part on the cover at the page where that part starts', () => {
    const contents = contentsOf(pdf);
    expect(contents.map((c) => c.part.replace(/,.*/, ''))).toEqual(['Court report', 'Individualized service plan', 'CANS summary', 'Transition plan']);
    const titles = ['Court Report', 'Individualized Service Plan', 'CANS Summary', 'Transition Plan'];
    contents.forEach(({ page }, i) => {
      // The part's own running header starts on that page, and the page before belongs to what comes before it.
      expect(headerOf(pdf.pages[page - 1]!), `${titles[i]} on page ${page}`).toMatch(new RegExp(`^${titles[i]} — `));
      expect(headerOf(pdf.pages[page - 2]!)).not.toMatch(new RegExp(`^${titles[i]} — `));
      // Its title opens the page's body.
      expect(pdf.pages[page - 1]!.split('\n').slice(1).join('\n').trimStart().startsWith(titles[i]!)).toBe(true);
    });
    // The parts fill the packet to its last page.
    expect(headerOf(pdf.pages.at(-1)!)).toMatch(/^Transition Plan — /);
  });

  it('numbers the pages through the whole packet', () => {
    const count = pdf.pages.length;
    pdf.pages.forEach((page, i) => expect(page).toMatch(new RegExp(`Page ${i + 1} of ${count}\\s*$`)));
  });

  it('has a bookmark per part, on its first page, with its headings under it', () => {
    const top = pdf.outline.filter((o) => o.depth === 0);
    expect(top.map((o) => o.title)).toEqual(['Court Packet', 'Court Report', 'Individualized Service Plan', 'CANS Summary', 'Transition Plan']);
    const contents = contentsOf(pdf);
    expect(top.slice(1).map((o) => o.page)).toEqual(contents.map((c) => c.page));
    // Every heading of a part nests under its bookmark, on or after the part's first page.
    top.forEach((part, i) => {
      const start = pdf.outline.indexOf(part);
      const end = i + 1 < top.length ? pdf.outline.indexOf(top[i + 1]!) : pdf.outline.length;
      const headings = pdf.outline.slice(start + 1, end);
      expect(headings.length, part.title).toBeGreaterThan(0);
      for (const h of headings) expect(h.page).toBeGreaterThanOrEqual(part.page);
    });
    expect(pdf.outline.find((o) => o.title === 'Ratings')).toMatchObject({ depth: 1 });
  });

  it('writes the DOCX with the parts in order, a section each under its own header, and the contents as page references', () => {
    const docx = docxParts(result.files.docx!);
    const body = docx['word/document.xml']!;
    const titles = paragraphs(body).filter((p) => p.xml.includes('w:val="Title"')).map((p) => p.text);
    expect(titles).toEqual(['Court Packet', 'Court Report', 'Individualized Service Plan', 'CANS Summary', 'Transition Plan']);
    // One section per part after the cover; the numbering is never restarted.
    const sections = [...body.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(5);
    expect(body).not.toContain('w:pgNumType');
    const headers = sections.map((s) => /w:type="default" r:id="rIdHeader(\d+)"/.exec(s)![1]!);
    const running = headers.map((n) => paragraphs(docx[`word/header${n}.xml`]!)[0]!.text);
    expect(running.map((h) => h.replace(/ — .*/, ''))).toEqual(['Court Packet', 'Court Report', 'Individualized Service Plan', 'CANS Summary', 'Transition Plan']);
    // Each contents row's page is a PAGEREF to its part's title, which carries the bookmark.
    for (let i = 1; i <= 4; i++) {
      expect(body).toContain(`<w:instrText xml:space="preserve"> PAGEREF _Part${i} \\h </w:instrText>`);
      expect(body).toMatch(new RegExp(`<w:bookmarkStart w:id="${i}" w:name="_Part${i}"/><w:bookmarkEnd w:id="${i}"/>`));
    }
    expect(docx['word/settings.xml']).toContain('<w:updateFields w:val="true"/>');
  });

  it('is the same bytes when made again', async () => {
    const again = await runJob(packetJob(childOf('C-2024-0087')), env);
    expect(Buffer.from(again.files.pdf!).equals(Buffer.from(result.files.pdf!))).toBe(true);
    expect(Buffer.from(again.files.docx!).equals(Buffer.from(result.files.docx!))).toBe(true);
  }, 60_000);
});

describe("a father's copy of José's packet", () => {
  it('withholds what his copy of the court report withholds, and says so on the cover', async () => {
    const child = childOf('C-2025-0142');
    const reader = matchParent(child.case!.data, 'father');
    if ('error' in reader) throw new Error(reader.error);
    const report = await runJob(courtReportJob(child, nextHearing(child, AS_OF)!, 'parent', reader), { ...env, formats: ['pdf'] });
    const packet = await runJob(packetJob(child, 'father'), { ...env, formats: ['pdf'] });
    expect(packet.job.output).toBe('children/C-2025-0142/court-packet-2026-12-10-parent-father');

    const key = (w: { kind: string; field: string }) => `${w.kind} ${w.field}`;
    const reportFields = withheldFields(report.withheld).map(key);
    expect(reportFields.length).toBeGreaterThan(0);
    expect(withheldFields(packet.withheld).map(key)).toEqual(expect.arrayContaining(reportFields));

    const text = readPdf(packet.files.pdf!).pages.join('\n');
    const values = [...new Set(report.withheld.filter((w) => !w.guard && w.value.trim().length > 3).map((w) => w.value))];
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(text, value).not.toContain(value);
    // The cover's notice names every kind the report's notice names.
    const data = jobData(packetJob(child, 'father'), env).data.data as CourtPacketFacts;
    const reportData = jobData(courtReportJob(child, nextHearing(child, AS_OF)!, 'parent', reader), env).data.data as { notices: { withheld: string[] } };
    expect(data.withheld).toEqual(expect.arrayContaining(reportData.notices.withheld));
    expect(text).toContain('Information withheld from this packet');
  }, 60_000);
});

describe('a packet with parts missing', () => {
  it('says on its cover which parts it does not include and why, and warns', async () => {
    // José without plan.yaml and without assessments.
    const child: ChildFolder = { ...childOf('C-2025-0142'), plan: undefined, assessments: [] } as ChildFolder;
    const job = packetJob(child);
    const { data } = jobData(job, env);
    const facts = data.data as CourtPacketFacts;
    expect(facts.parts.map((p) => p.part)).toEqual(['court_report']);
    expect(facts.not_included).toEqual([
      { part: 'service_plan', reason: 'no_service_plan' },
      { part: 'cans_summary', reason: 'no_assessment' },
      { part: 'transition_plan', reason: 'no_transition_plan' },
    ]);
    expect(data.warnings.filter((w) => w.startsWith('the court packet does not include'))).toEqual([
      'the court packet does not include the service plan: no plan.yaml (children/C-2025-0142/)',
      'the court packet does not include the CANS summary: no CANS assessment in assessments/ (children/C-2025-0142/)',
      'the court packet does not include the transition plan: the youth is 14 or older and has no transition.yaml (children/C-2025-0142/)',
    ]);
    const made = await runJob(job, { ...env, formats: ['pdf'] });
    const pdf = readPdf(made.files.pdf!);
    const cover = pdf.pages[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain('Not included in this packet');
    expect(cover).toContain('Individualized service plan — not included: no service plan on file.');
    expect(cover).toContain('CANS summary — not included: no CANS assessment on file.');
    // The cover runs onto a second page here: the contents still name the page the court report starts on.
    const start = pdf.pages.findIndex((page) => headerOf(page).startsWith('Court Report — ')) + 1;
    expect(start).toBe(3);
    expect(contentsOf(pdf).map((c) => c.page)).toEqual([start]);
  }, 60_000);
});
