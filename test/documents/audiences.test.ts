/**
 * One court report, one copy per audience (case-format.md, Audiences), made as
 * `build` makes it (job → data → template → final scan → PDF and DOCX) for the
 * example agency as of 2026-11-23, and read back as a reader gets it: the PDF's
 * text page by page (pdftotext) and every part of the DOCX.
 *
 * Zoë (C-2024-0087): her father is under a no-contact order, so no copy a parent
 * can read (the court's, either parent's) says where she lives or goes to school.
 * José (C-2025-0142): no such order; each parent's copy withholds the other
 * parent's address, phone and treatment. Aaliyah (C-2024-0211) lives with her
 * grandmother in H-0063, the agency's kinship home: the court reads her name.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../src/compute/audience.js';
import { WITHHELD_MARKER } from '../../src/compute/redaction/marker.js';
import { courtReportJob, matchParent, nextHearing } from '../../src/build/jobs.js';
import { kinHomes, recordFosterFamilies } from '../../src/compute/documents/context.js';
import { courtReportData } from '../../src/compute/documents/court-report.js';
import { runJob } from '../../src/build/run-job.js';
import type { PreparedJobEnvironment } from '../../src/build/job-environment.js';
import type { CaseRoot } from '../../src/model/case-root.js';
import { exampleEnvironment } from '../helpers/example-environment.js';
import { parts, paragraphs } from '../helpers/docx-parts.js';
import { AS_OF, documentContext } from '../helpers/document-context.js';
import { withPdfFile } from '../helpers/pdf-text.js';
import { everyWithheld } from '../helpers/every-withheld.js';

const INTERNAL = 'INTERNAL — NOT FOR FILING';

let root: CaseRoot;
let env: PreparedJobEnvironment;

beforeAll(async () => {
  ({ root, env } = await exampleEnvironment(AS_OF, ['pdf', 'docx'], ['court-report.md.hbs']));
}, 60_000);

interface Copy {
  readonly output: string;
  /** pdftotext, one string per page (NFC). */
  readonly pages: readonly string[];
  /** The PDF's text and every DOCX part's text, for what must be nowhere. */
  readonly everywhere: string;
  /** The DOCX's footer parts and the body's section properties. */
  readonly docx: Readonly<Record<string, string>>;
}

const made = new Map<string, Promise<Copy>>();

/** The copy of `id`'s court report for the next hearing; `parent` names the parent of a parent's copy. */
function copy(id: string, audience: Audience, parent?: string): Promise<Copy> {
  const key = `${id} ${audience} ${parent ?? ''}`;
  if (!made.has(key)) made.set(key, make(id, audience, parent));
  return made.get(key)!;
}

async function make(id: string, audience: Audience, parent?: string): Promise<Copy> {
  const child = root.children.find((c) => c.id === id)!;
  const reader = parent === undefined ? undefined : matchParent(child.case!.data, parent);
  if (reader && 'error' in reader) throw new Error(reader.error);
  const job = courtReportJob(child, nextHearing(child, AS_OF)!, audience, reader);
  const result = await runJob(job, env);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const pdf = result.files.pdf!;
  const text = withPdfFile(pdf, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).normalize('NFC'));
  const docx = parts(result.files.docx!);
  const docxText = Object.values(docx).flatMap((xml) => paragraphs(xml).map((p) => p.text)).join('\n').normalize('NFC');
  return { output: job.output, pages: text.split('\f').filter((page) => page.trim() !== ''), everywhere: `${text}\n${docxText}\n${Object.values(docx).join('\n')}`, docx };
}

/** A PDF's text with its line breaks as spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Which of `values` the text holds (a short failure message, not the whole document). */
const found = (text: string, values: readonly string[]) => values.filter((v) => flat(text).includes(v));

describe("Zoë's court report (C-2024-0087): her father is under a no-contact order", () => {
  const ZOE = 'C-2024-0087';
  const WHERE_SHE_LIVES = ['East Jessamine High School', 'Jessamine', 'Nicholasville', "Kentucky River Girls' Residential Program", 'Bluegrass Behavioral Hospital'];

  it('the court copy, served on every party, says where she lives nowhere; page 1 says it is the court copy', async () => {
    const { pages, everywhere } = await copy(ZOE, 'court');
    expect(found(everywhere, WHERE_SHE_LIVES)).toEqual([]);
    expect(flat(pages[0]!)).toContain('Court copy, for filing with the court and service on every party, the parents included.');
    expect(found(everywhere, ['School: (withheld for this audience), grade 12'])).toHaveLength(1);
    expect(flat(pages.join(' '))).toContain("where the child can be found: the school, the placement's county and city");
    expect(found(everywhere, [INTERNAL])).toEqual([]);
    // Her first placement was in the court's own county (Madison), which the caption prints: the row does not.
    const { placements } = courtReportData(documentContext(root, 'court'), root.children.find((c) => c.id === ZOE)!, '2026-12-03').data;
    expect(placements[0]).toMatchObject({ where: { setting: 'foster_family_nonrelative', home: null, names: [], provider: WITHHELD_MARKER, county: WITHHELD_MARKER, county_withheld: true } });
  }, 60_000);

  it("the father's copy is named for him and says where she lives nowhere; it shows him his own address, not the mother's", async () => {
    const { output, pages, everywhere } = await copy(ZOE, 'parent', 'father');
    expect(output).toBe('children/C-2024-0087/court-report-2026-12-03-parent-father');
    expect(flat(pages[0]!)).toContain("Copy for Patrick O'Brien (father) and counsel.");
    expect(found(everywhere, [...WHERE_SHE_LIVES, '214 Delmont Ct', '(859) 555-0417'])).toEqual([]);
    expect(found(everywhere, ['1127 Barnes Mill Rd, Richmond, KY 40475'])).toHaveLength(1);
  }, 60_000);

  it("the mother's copy (found by her name) withholds the father's address and phone, and where Zoë lives", async () => {
    const { output, everywhere } = await copy(ZOE, 'parent', "shannon o'brien");
    expect(output).toBe('children/C-2024-0087/court-report-2026-12-03-parent-mother');
    expect(found(everywhere, ['1127 Barnes Mill Rd', '(859) 555-0459', ...WHERE_SHE_LIVES])).toEqual([]);
  }, 60_000);

  it("the foster parents' copy names the school and the county; the internal copy says so on page 1 and on every page", async () => {
    const carers = await copy(ZOE, 'foster_parent');
    expect(flat(carers.pages[0]!)).toContain("Copy for the child's caregivers, not for filing.");
    expect(found(carers.everywhere, ['School: East Jessamine High School, grade 12', 'Jessamine County'])).toHaveLength(2);
    const internal = await copy(ZOE, 'internal');
    expect(flat(internal.pages[0]!)).toContain('Internal copy: not for filing');
    expect(internal.pages.length).toBeGreaterThan(5);
    internal.pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(INTERNAL));
  }, 60_000);
});

describe("José's court report (C-2025-0142): no order, two parents", () => {
  const JOSE = 'C-2025-0142';
  // Her address and her recovery goal; her phone prints in no court report, and must not in his copy.
  const MOTHER = ['1840 Bryan Station Rd Apt 6, Lexington', 'María will maintain her recovery'];
  const FATHER = ['Blackburn Correctional Complex, 3111 Spurr Rd'];

  it("the father's copy withholds the mother's address, phone and recovery goal, and shows his own address", async () => {
    const { output, pages, everywhere } = await copy(JOSE, 'parent', 'father');
    expect(output).toBe('children/C-2025-0142/court-report-2026-12-10-parent-father');
    expect(flat(pages[0]!)).toContain('Copy for Luis Alberto Núñez (father) and counsel.');
    expect(found(everywhere, [...MOTHER, '1840 Bryan Station', '(859) 555-0187'])).toEqual([]);
    expect(found(everywhere, FATHER)).toEqual(FATHER);
    // His location is not confidential: the school prints.
    expect(found(everywhere, ['School: East Jessamine High School'])).toHaveLength(1);
  }, 60_000);

  it("the mother's copy withholds the father's address and shows her own, with her recovery goal", async () => {
    const { output, everywhere } = await copy(JOSE, 'parent', 'Mother');
    expect(output).toBe('children/C-2025-0142/court-report-2026-12-10-parent-mother');
    expect(found(everywhere, [...FATHER, '3111 Spurr Rd'])).toEqual([]);
    expect(found(everywhere, MOTHER)).toEqual(MOTHER);
  }, 60_000);

  it('the court copy shows both parents; the internal copy is marked on every page of the PDF and in the DOCX footers', async () => {
    const court = await copy(JOSE, 'court');
    expect(found(court.everywhere, [...MOTHER, ...FATHER])).toEqual([...MOTHER, ...FATHER]);
    const internal = await copy(JOSE, 'internal');
    internal.pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(INTERNAL));
    // Word's first page and the others each have a footer: both say it.
    const footers = Object.entries(internal.docx).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.length).toBe(2);
    for (const [name, xml] of footers) expect(paragraphs(xml).map((p) => p.text).join('\n'), name).toContain(INTERNAL);
    expect(internal.docx['word/document.xml']).toMatch(/<w:footerReference w:type="default"[^>]*\/><w:footerReference w:type="first"/);
  }, 60_000);
});

describe("Aaliyah's court report (C-2024-0211): she lives with her grandmother in H-0063, a kinship home", () => {
  it('names the relative caregiver, never her street', async () => {
    const { pages, everywhere } = await copy('C-2024-0211', 'court');
    expect(flat(pages.join(' '))).toContain('Relative foster home H-0063 (Gloria Tate), Clark County');
    expect(found(everywhere, ['37 Boone Ave'])).toEqual([]);
  }, 60_000);

  it("the final scan guards her grandmother's street, not her household's names; another child's copy guards them all", () => {
    const guarded = (id: string) => {
      const ctx = documentContext(root, 'court');
      recordFosterFamilies(ctx, { family: [], colleagues: [], named: [], phrases: [] }, kinHomes(root.children.find((c) => c.id === id)!.case!.data, ctx));
      return everyWithheld(ctx.redact).filter((w) => w.field.startsWith('homes/H-0063/')).map((w) => w.value);
    };
    expect(guarded('C-2024-0211')).toEqual(['37 Boone Ave']);
    expect(guarded('C-2025-0142')).toEqual(expect.arrayContaining(['Gloria Tate', 'Tate', 'Andre Tate', '37 Boone Ave']));
  });
});

describe('--parent against a case', () => {
  it('names no parent, or two, as an error that lists the parents', () => {
    const zoe = root.children.find((c) => c.id === 'C-2024-0087')!.case!.data;
    expect(matchParent(zoe, 'putative father')).toEqual({ error: expect.stringContaining("its parents: mother (Shannon O'Brien), father (Patrick O'Brien)"), several: false });
    const twoMothers = { ...zoe, parents: [zoe.parents[0]!, { ...zoe.parents[1]!, role: 'mother' as const }] };
    expect(matchParent(twoMothers, 'mother')).toEqual({ error: expect.stringContaining('names 2 parents'), several: true });
    expect(matchParent(twoMothers, "Patrick O'Brien")).toEqual({ index: 1, name: 'mother-2' });
  });
});
