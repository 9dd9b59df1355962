/**
 * The court report through the whole engine (data builder → template → PDF and
 * DOCX) for the example agency as of 2026-11-23: the facts a judge reads, the
 * same text in both files, and the privacy of every court copy, which is served
 * on every party, the parents included (case-format.md, "Audiences").
 *
 * CASEPRESS_KEEP=<dir> writes each rendered PDF there for a look.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanWithheld, WITHHELD_FORMS } from '../../src/build/scan-withheld.js';
import type { Audience } from '../../src/compute/audience.js';
import { courtCalendar } from '../../src/compute/case/index.js';
import type { DocumentContext, DocumentData, Sourced } from '../../src/compute/documents/context.js';
import { courtReportData, narrativeParts } from '../../src/compute/documents/court-report.js';
import type { ChildFolder, HomeFolder } from '../../src/model/case-root.js';
import type { LoadResult } from '../../src/load/load-root.js';
import type { Agency } from '../../src/model/agency.js';
import type { CaseRecord } from '../../src/model/case.js';
import type { Home } from '../../src/model/home.js';
import { paragraphs, parts } from '../helpers/docx-parts.js';
import { AS_OF, childFolder, documentContext, homesOf, loadExample } from '../helpers/document-context.js';
import { everyText, renderDocument, type Rendered } from '../helpers/render-document.js';
import { docxBody, squash } from '../helpers/same-content.js';
import { everyWithheld } from '../helpers/every-withheld.js';

const TEMPLATE = 'court-report.md.hbs';
const { cell: CELL, prose: PROSE } = WITHHELD_FORMS;
const KEEP = process.env['CASEPRESS_KEEP'];

let loaded: LoadResult;
let agency: Agency;
let homes: Map<string, Sourced<Home>>;

beforeAll(async () => {
  loaded = await loadExample();
  agency = loaded.root.agency!.data;
  homes = homesOf(loaded.root);
});

const context = (audience: Audience = 'court'): DocumentContext => documentContext(loaded.root, audience);
const child = (id: string): ChildFolder => childFolder(loaded.root, id);

/** The next hearing after the as-of date that will go ahead. */
function nextHearing(folder: ChildFolder): string | undefined {
  return courtCalendar(folder.case!.data.court.hearings, AS_OF).scheduled.find((d) => d.date > AS_OF)?.date;
}

interface Built {
  readonly data: DocumentData;
  /** What the builder read through its view (root-view.ts). */
  readonly inputs: readonly string[];
  readonly rendered: Rendered;
  /** PDF text and DOCX body text, each squashed. */
  readonly pdf: string;
  readonly docx: string;
}

/** Every child of the example agency with a hearing after 2026-11-23, and that hearing (checked below against the data). */
const UPCOMING: [string, string][] = [
  ['C-2024-0087', '2026-12-03'],
  ['C-2024-0211', '2027-01-07'],
  ['C-2025-0142', '2026-12-10'],
  ['C-2025-0143', '2026-12-10'],
  ['C-2025-0219', '2027-01-14'],
  ['C-2026-0058', '2027-01-21'],
];

const built = new Map<string, Built>();

async function build(id: string, hearing: string, audience: Audience = 'court'): Promise<Built> {
  const key = `${id}|${hearing}|${audience}`;
  const cached = built.get(key);
  if (cached) return cached;
  const ctx = context(audience);
  const data = courtReportData(ctx, ctx.view.child(child(id)), hearing);
  const rendered = await renderDocument(TEMPLATE, data.data, agency, { title: 'Court Report', subject: `Court Report — ${id}`, reference: id, asOf: AS_OF });
  if (KEEP) {
    mkdirSync(KEEP, { recursive: true });
    writeFileSync(join(KEEP, `${id}-${hearing}-${audience}.pdf`), rendered.pdf);
    writeFileSync(join(KEEP, `${id}-${hearing}-${audience}.docx`), rendered.docx);
  }
  const result = { data, inputs: [...ctx.view.inputs], rendered, pdf: squash(rendered.pdfText), docx: docxBody(rendered) };
  built.set(key, result);
  return result;
}

/** Every child of the example agency with a hearing after the as-of date, and that hearing. */
function upcoming(): [string, string][] {
  return loaded.root.children.flatMap((c) => {
    const hearing = c.case ? nextHearing(c) : undefined;
    return hearing ? [[c.id, hearing] as [string, string]] : [];
  });
}

describe('the court report for José (C-2025-0142), review hearing of 2026-12-10', () => {
  const ID = 'C-2025-0142';
  const HEARING = '2026-12-10';

  it('names the child exactly, with diacritics, and the hearing', async () => {
    const { pdf, docx } = await build(ID, HEARING);
    for (const text of [pdf, docx]) {
      expect(text).toContain('José Luis Núñez-García');
      expect(text).toContain('In the interest of José Luis Núñez-García, a child');
      expect(text).toContain('Review hearing, December 10, 2026');
      expect(text).toContain('Fayette Family Court, Division 3');
      expect(text).toContain('Case No. 25-J-00412');
      expect(text).toContain('Hon. Maria Chen');
      expect(text).toContain('Joey');
      expect(text).toContain('April 19, 2012 (age 14 on the day of the hearing)');
    }
  });

  it('after the caption and the legal name, calls the child by the preferred name', async () => {
    const { pdf } = await build(ID, HEARING);
    expect(pdf).toContain('Legal name: José Luis Núñez-García');
    expect(pdf).toContain('Joey was removed from the home on February 3, 2025');
    expect(pdf).toContain('a caseworker saw Joey face to face');
    // The caption, the legal name, and the attention notice (court-attention.md.hbs) name him in full.
    const after = pdf.slice(pdf.indexOf('Known as: Joey'));
    expect(after).not.toContain('José Luis Núñez-García');
  });

  it('names a hearing of type other by its title, never "Other hearing"', async () => {
    const { pdf, docx } = await build('C-2024-0211', '2027-01-07');
    expect(pdf).toContain('Hearing: Petition for permanent custody, January 7, 2027');
    expect(docx).toContain('Petition for permanent custody');
    expect(pdf).not.toContain('Other hearing');
  });

  it('gives the key dates and the clocks: DEFC, months in care, 15 of 22 with its exception, next hearings due', async () => {
    const { pdf, docx } = await build(ID, HEARING);
    for (const text of [pdf, docx]) {
      expect(text).toContain('Removal from the home February 3, 2025 (court-ordered)');
      expect(text).toContain('Date entered foster care March 20, 2025');
      // 2025-03-20 → 2026-11-23: 20 whole months and 3 days.
      expect(text).toContain('20 months and 3 days since entering care');
      // One unbroken stay from DEFC on the 20th: reached DEFC + 15 months.
      expect(text).toContain('Reached on June 20, 2026');
      expect(text).toContain('Exception documented June 12, 2026');
      expect(text).toContain("a compelling reason that filing would not be in the child's best interests");
      expect(text).toContain('15 of the most recent 22 months reached');
      // Permanency hearing held 2026-03-19 → due 2027-03-19; review held 2026-09-17 → due 2027-03-17, met by this hearing.
      expect(text).toContain('Next permanency hearing due March 19, 2027');
      expect(text).toContain('Next periodic review due March 17, 2027');
      expect(text).toContain('met by the review hearing set for December 10, 2026');
    }
  });

  it('lists both placements without the foster families, and the moves', async () => {
    const { pdf, docx } = await build(ID, HEARING);
    // The DOCX holds one paragraph per cell, in row order.
    expect(docx).toContain(`1 02/03/2025 06/30/2025 Foster home (non-relative) H-0017 ${CELL}, Fayette County Stepped up to therapeutic foster care`);
    expect(docx).toContain(`2 06/30/2025 Current Therapeutic foster home H-0042 ${CELL}, Jessamine County —`);
    for (const text of [pdf, docx]) {
      expect(text).toContain(`Foster home (non-relative) H-0017`);
      expect(text).toContain(`Therapeutic foster home H-0042`);
      expect(text).toContain('Joey has lived in 2 placement settings, with 1 move from one to another.');
      expect(text).toContain(`since June 30, 2025 (511 days): Therapeutic foster home H-0042 ${PROSE}, Jessamine County.`);
    }
  });

  it('reports permanency, services, parents, family time, siblings and well-being from the data', async () => {
    const { pdf } = await build(ID, HEARING);
    expect(pdf).toContain('Permanency goal: Return home to a parent (reunification), approved April 24, 2025');
    expect(pdf).toContain('Concurrent goal: Permanent legal guardianship');
    expect(pdf).toContain('Projected date to achieve the goal: March 31, 2027');
    // Consent on file for the mother's treatment: its details print.
    expect(pdf).toContain('New Vista');
    expect(pdf).toContain('María Elena García');
    expect(pdf).toContain('Rebecca Lyle');
    expect(pdf).toContain('Spanish; interpreter needed');
    expect(pdf).toContain('Luis Alberto Núñez (incarcerated)');
    // Visits 2026-09-17 to 2026-11-23: 09-04 and 09-11 are before the last hearing.
    expect(pdf).toMatch(/Family time since September 17, 2026: \d+ of \d+ visits offered attended/);
    expect(pdf).toContain('Ana Sofía Núñez-García');
    expect(pdf).toContain('East Jessamine High School, grade 9');
    expect(pdf).toContain('Guanfacine ER');
    expect(pdf).toContain('The latest Child and Adolescent Needs and Strengths assessment (Kentucky CANS 2.0) is dated September 10, 2026');
    // Zero counts in words: 21 improved, none worsened; the mother missed no visit.
    expect(pdf).toContain('Since the previous CANS of March 3, 2025, 21 items improved and no items worsened');
    expect(pdf).toMatch(/Family time since September 17, 2026: 3 of 3 visits offered attended \(100%\); none missed\./);
    expect(pdf).toContain('Preparing for adulthood');
    expect(pdf).toContain('January 19, 2030'); // 90 days before the 18th birthday, 2030-04-19
  });

  it('names a foster parent who joined a visit by role and home id only, in every copy but the internal one', async () => {
    const folder = child(ID);
    const visits = folder.visits.map((v) => (v.data.date === '2026-10-02' ? { ...v, data: { ...v.data, participants: [...v.data.participants, 'Dana Whitfield'] } } : v));
    const visitRow = async (audience: Audience) => {
      const data = courtReportData(context(audience), { ...folder, visits }, HEARING);
      return docxBody(await renderDocument(TEMPLATE, data.data, agency, { title: 'Court Report', subject: 'Court Report', reference: ID, asOf: AS_OF }));
    };
    const court = await visitRow('court');
    expect(court).toContain('mother, sibling, foster parent (H-0042)');
    expect(court).not.toContain('Whitfield');
    expect(await visitRow('internal')).toContain('mother, sibling, Dana Whitfield');
  });

  it("tells the Court what is overdue beyond the court clocks: the youth's credit report and the dental exam", async () => {
    const { pdf, data } = await build(ID, HEARING);
    // 14 on 2026-04-19 with no credit report on file; last dental exam 2026-05-02 + 6 months = 2026-11-02.
    expect(pdf).toContain('Overdue • Annual credit report: due April 19, 2026');
    expect(pdf).toContain('Dental exam: due November 2, 2026');
    // How each date was reached, in the due_detail phrases of labels.yaml, dates in the long style.
    expect(pdf).toContain('(first credit report on the 14th birthday (April 19, 2026); none on file)');
    expect(pdf).toContain('(6 months after the last dental exam (May 2, 2026))');
    expect(data.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^C-2025-0142: credit report overdue since 2026-04-19/)]));
  });

  it('always has the ICWA section, with the inquiry dates', async () => {
    const { pdf, docx } = await build(ID, HEARING);
    for (const text of [pdf, docx]) {
      expect(text).toContain('Indian Child Welfare Act');
      expect(text).toContain('Inquiry made: February 5, 2025 and March 20, 2025');
      expect(text).toContain('Reason to know the child is an Indian child: No');
    }
  });

  it("prints the child's letter and the recommendations written for this hearing", async () => {
    const { pdf, docx } = await build(ID, HEARING);
    for (const text of [pdf, docx]) {
      expect(text).toContain("Joey's own words");
      expect(text).toContain('Dear Judge Chen,');
      expect(text).toContain('I want to go home before spring soccer.');
      expect(text).toContain('Joey wrote the following letter himself on November 17, 2026');
      expect(text).toContain('Set a permanency hearing on or before March 19, 2027.');
      // Every part required before filing is written (filing-readiness.test.ts shows the draft).
      expect(text).toContain('Safety assessment. The agency');
      expect(text).not.toContain('Not provided');
    }
  });

  it('shows monthly caseworker visits since the last hearing, signatures and the certificate of service', async () => {
    const { pdf } = await build(ID, HEARING);
    expect(pdf).toMatch(/face to face in 1 of 1 full calendar month in care \(100%\)/);
    expect(pdf).toContain('October 2026 Full month');
    expect(pdf).toContain('Marisol Rivera');
    expect(pdf).toContain('Kavita Patel');
    expect(pdf).toContain('Certificate of service');
    expect(pdf).toContain('Thomas Whitaker Guardian ad litem');
    expect(pdf).toContain('Linda Ferrell CASA volunteer');
    expect(pdf).toContain('James Hargis Counsel for the father');
    expect(pdf).not.toContain('Kristen Hale'); // a teacher is not served
  });

  it('records what it read as its inputs, and what it withheld', async () => {
    const { data, inputs } = await build(ID, HEARING);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'agency.yaml',
        // Every foster family is guarded against in a court copy: one input for all (renaming a member changes it).
        '@foster-families',
        'children/C-2025-0142/contacts/',
        'children/C-2025-0142/contacts/2026-11-05-home.md',
        'children/C-2025-0142/visits/',
        'children/C-2025-0142/case.yaml',
        'children/C-2025-0142/plan.yaml',
        'children/C-2025-0142/court/2026-12-10-child-wishes.md',
        'children/C-2025-0142/court/2026-12-10-recommendations.md',
        'children/C-2025-0142/assessments/cans-2026-09.yaml',
        'children/C-2025-0142/assessments/cans-2025-03.yaml',
        'homes/H-0017/home.yaml',
        'homes/H-0042/home.yaml',
      ]),
    );
    // H-0063 is read only through @foster-families: its training hours are none of the report's business.
    expect(inputs).not.toContain('homes/H-0063/home.yaml');
    expect(everyWithheld(data).map((w) => w.value)).toEqual(expect.arrayContaining(['Whitfield', 'Okafor', '418 Keene Crossing Dr']));
  });
});

describe('every court copy of the example agency', () => {
  it('covers every child with a hearing after the as-of date, at that hearing', () => {
    expect(upcoming()).toEqual(UPCOMING);
  });

  it.each(UPCOMING)('%s (hearing %s): the PDF and the DOCX say the same thing', async (id, hearing) => {
    const { rendered, pdf } = await build(id, hearing);
    const name = child(id).case!.data.child.name;
    expect(pdf).toContain(name);
    expect(pdf).toContain('Indian Child Welfare Act');
    // The PDF's text without its page furniture (footer notice, reference and page number, running header).
    const notice = squash(agency.confidentiality_notice!);
    const flat = pdf
      .split(notice).join(' ')
      .replace(new RegExp(`${id} Page \\d+ of \\d+( Court Report)?`, 'g'), ' ')
      .replace(/\s/g, '');
    const xml = parts(rendered.docx)['word/document.xml']!;
    const cells = new Set([...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].flatMap(([cell]) => paragraphs(cell).map((p) => squash(p.text))));
    const body = paragraphs(xml)
      .map((p) => squash(p.text))
      .filter((text) => text.length > 0 && !/^Date:/.test(text));
    expect(body.length).toBeGreaterThan(50);
    // Paragraphs read in order; a table cell wraps beside its neighbours in the PDF, so its words are found one by one.
    // Signers stand side by side in the PDF, so from the signatures on their lines interleave: present, not ordered.
    const signatures = body.indexOf('Signatures');
    expect(signatures).toBeGreaterThan(0);
    let from = 0;
    for (const [i, text] of body.entries()) {
      if (i > signatures) {
        expect(flat.slice(from)).toContain(text.replace(/\s/g, ''));
        continue;
      }
      if (cells.has(text)) {
        for (const word of text.split(' ')) expect(flat, `word "${word}" of the table cell "${text}" in the PDF`).toContain(word);
        continue;
      }
      const at = flat.indexOf(text.replace(/\s/g, ''), from);
      expect(at, `DOCX paragraph "${text}" in the PDF after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it.each(UPCOMING)('%s (hearing %s): no foster family name, address or phone; no confidential address; no unconsented treatment detail; the marker shows', async (id, hearing) => {
    const { rendered, pdf, data } = await build(id, hearing);
    const all = everyText(rendered);
    const record: CaseRecord = child(id).case!.data;
    // A relative caregiver is named in a court copy (H-0063, Aaliyah's grandmother): never her street or phone.
    const kin = new Set(record.placements.flatMap((p) => (p.home && (p.setting === 'foster_family_relative' || homes.get(p.home)?.data.type === 'kinship') ? [p.home] : [])));
    const forbidden: string[] = [];
    for (const home of homes.values()) {
      const { street, zip } = home.data.address;
      forbidden.push(street, `${street.split(' ')[0]} ${street.split(' ')[1]}`);
      if (home.data.phone) forbidden.push(home.data.phone);
      void zip;
      if (kin.has(home.data.id)) continue;
      for (const member of home.data.household) {
        forbidden.push(member.name);
        forbidden.push(member.name.split(/\s+/).pop()!);
      }
    }
    // Kinship homes whose family name the child shares are allowed that name; none in this agency.
    const family = new Set([record.child.name, ...record.parents.map((p) => p.name), ...(record.siblings ?? []).map((s) => s.name)].flatMap((n) => n.split(/[\s-]+/)));
    for (const value of forbidden.filter((v) => !family.has(v))) {
      expect(all, `"${value}" in the court copy of ${id}`).not.toMatch(new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'));
    }
    // Confidential parents (Zoë's mother): neither street nor phone, and the marker in their row.
    for (const parent of record.parents.filter((p) => p.confidential || p.address?.confidential)) {
      if (parent.address) expect(all).not.toContain(parent.address.street);
      if (parent.phone) expect(all).not.toContain(parent.phone);
    }
    // Substance use treatment without consent (Kaden's father): no provider, no service type.
    for (const goal of child(id).plan?.data.goals ?? []) {
      for (const service of goal.services ?? []) {
        if (service.substance_use_treatment && !service.consent_on_file) {
          expect(all).not.toContain(service.provider);
          expect(all.toLowerCase()).not.toContain(service.type.toLowerCase());
        }
      }
    }
    // The notice and the marker are there exactly when the copy withheld something (a guard the text
    // never held is no withholding): Aaliyah's court copy names her grandmother and withholds nothing.
    const withheld = data.withheld.filter((w) => !w.guard);
    expect(pdf.includes(PROSE) || pdf.includes(CELL), id).toBe(withheld.length > 0);
    expect(pdf.includes('Information withheld from this copy'), id).toBe(withheld.length > 0);
    expect(withheld.length > 0, id).toBe(id !== 'C-2024-0211');
  });

  it("withholds Zoë's mother's confidential address with a visible marker, and prints her father's", async () => {
    const { pdf, data } = await build('C-2024-0087', '2026-12-03');
    expect(pdf).toMatch(new RegExp(`Shannon O'Brien Mother Intact Mary Beth Cornett not recorded ${CELL.replace(/[[\]]/g, '\\$&')}`));
    expect(pdf).not.toContain('214 Delmont Ct');
    expect(pdf).toContain('1127 Barnes Mill Rd, Richmond, KY 40475');
    expect(data.withheld.some((w) => w.kind === 'confidential_address' && w.value === '214 Delmont Ct')).toBe(true);
    expect(data.withheld.some((w) => w.kind === 'confidential_address' && w.value === '(859) 555-0417')).toBe(true);
  });

  it("withholds Kaden's father's treatment provider without consent, marks it, and keeps the consented drug screens", async () => {
    const { pdf, data } = await build('C-2026-0058', '2027-01-21');
    expect(pdf).not.toContain('Cumberland Recovery Center');
    expect(pdf).toContain(`${CELL} ${CELL} — — —`);
    expect(pdf).toContain('no consent to disclose them is on file (42 CFR Part 2)');
    expect(pdf).toContain('Bluegrass Drug Testing');
    expect(data.withheld.filter((w) => w.kind === 'treatment_without_consent' && !w.field.includes('treatment passage')).map((w) => w.value).sort()).toEqual(['Cumberland Recovery Center', 'Intensive outpatient program']);
    // And the father's treatment passages (a hearing outcome, the CANS notes): no consent is on file.
    expect(pdf).not.toContain('positive screen');
    expect(pdf).not.toContain('relapse');
  });

  it('shows each tribe notified for Kaden, with its status', async () => {
    const { pdf, docx } = await build('C-2026-0058', '2027-01-21');
    expect(pdf).toContain('Reason to know the child is an Indian child: Yes');
    // Table rows in the DOCX, cell by cell (a wrapped PDF cell interleaves with its neighbours).
    expect(docx).toContain('Eastern Band of Cherokee Indians 03/20/2026 certified mail, return receipt requested (copy to the BIA Eastern Regional Director)');
    expect(docx).toContain('No determination yet. Pending: no determination yet');
    expect(docx).toContain('on the information provided. Not a member and not eligible');
    expect(pdf).toContain('Active efforts found by the Court: April 23, 2026; May 28, 2026 and November 5, 2026');
  });

  it('counts a re-entry and a runaway in the clocks (Kaden, Zoë), and a trial home visit stops the 15 of 22 projection (Châu)', async () => {
    const kaden = await build('C-2026-0058', '2027-01-21');
    expect(kaden.pdf).toContain('Earlier removal episodes');
    // The one sibling visit was cancelled by someone other than the family: not "0 of 0 visits offered attended".
    expect(kaden.pdf).toContain('Visits with a sibling present since November 5, 2026: the one visit scheduled was not offered (cancelled: 1 by');
    const zoe = await build('C-2024-0087', '2026-12-03');
    expect(zoe.pdf).toContain('4 runaway days');
    expect(zoe.pdf).toContain('Zoë face to face in 2 of 2 full calendar months in care (100%); no month was missed.');
    expect(zoe.pdf).toContain('Preparing for adulthood');
    // rules.md "Placement moves": emergency home, QRTP, H-0042; the hospital stay and the runaway are neither.
    expect(zoe.pdf).toContain('Zoë has lived in 3 placement settings, with 2 moves from one to another. Also recorded, and counted neither as settings nor as moves: one runaway episode and one hospital stay;');
    const chau = await build('C-2025-0219', '2027-01-14');
    expect(chau.pdf).toContain('Trần Minh Châu');
    expect(chau.pdf).toMatch(/Not reached|Reached on/);
    expect(chau.pdf).toContain('Châu has lived in one placement setting and has not moved. Also recorded, and counted neither as settings nor as moves: one trial home visit;');
  });
});

describe('foster families named like other people', () => {
  /** The example agency with the household of `homeId` renamed to `surname`. */
  const renamed = (audience: Audience, homeId: string, surname: string): DocumentContext => {
    const rename = (h: HomeFolder): HomeFolder => {
      if (h.id !== homeId || !h.home) return h;
      const household = h.home.data.household.map((m) => ({ ...m, name: m.name.replace(/\S+$/, surname) }));
      return { ...h, home: { ...h.home, data: { ...h.home.data, household } } };
    };
    return documentContext({ ...loaded.root, homes: loaded.root.homes.map(rename) }, audience);
  };
  /** What the final scan leaves of a line of prose in this copy. */
  const scanned = (line: string, data: DocumentData) => {
    const { tree } = scanWithheld({ meta: { title: 't', author: 'a', subject: 's', keywords: [], reference: 'r', confidentiality: 'c', date: AS_OF }, blocks: [{ type: 'paragraph', children: [{ type: 'text', value: line }] }] }, data.withheld);
    return JSON.stringify(tree.blocks);
  };

  it("prints a parent's street whole when a foster family shares a word of it (the starter case printed \"12 [withheld for this audience] St\")", async () => {
    // Zoë's father lives at 1127 Barnes Mill Rd; H-0017's family is now called Barnes.
    const data = courtReportData(renamed('court', 'H-0017', 'Barnes'), child('C-2024-0087'), '2026-12-03');
    const rendered = await renderDocument(TEMPLATE, data.data, agency, { title: 'Court Report', subject: 'Court Report', reference: 'C-2024-0087', asOf: AS_OF });
    expect(squash(rendered.pdfText)).toContain('1127 Barnes Mill Rd, Richmond, KY 40475');
    expect(JSON.stringify(scanWithheld(rendered.tree, data.withheld).tree)).toContain('1127 Barnes Mill Rd, Richmond, KY 40475');
    expect(scanned('Ms. Barnes drives her; the Barneses\u2019 dog', data)).toContain(`Ms. ${PROSE} drives her; the ${PROSE} dog`);
  });

  it("withholds a surname a colleague shares where it names the family, and keeps the colleague's full name", () => {
    // Zoë's caseworker is Tyler Brooks; her foster family (H-0042) is now called Brooks, its children included.
    const data = courtReportData(renamed('court', 'H-0042', 'Brooks'), child('C-2024-0087'), '2026-12-03');
    const out = scanned('Tyler Brooks visited. Ms. Brooks drives her; Mr Brooks cooks; the Brookses\' house; Kaylee Brooks helps.', data);
    expect(out).toContain('Tyler Brooks visited.');
    expect(out).not.toMatch(/Ms\. Brooks|Mr Brooks|Brookses|Kaylee/);
  });
});

describe('a minimal case', () => {
  const minimal = (): ChildFolder => {
    const data: CaseRecord = {
      id: 'C-2026-9001',
      caseworker: 'jdoe',
      supervisor: 'kpatel',
      child: { name: 'Nguyễn Thị Lan Phương', dob: '2020-02-29', sex: 'female', race: ['asian'], hispanic: false, icwa: { inquiry_dates: [], reason_to_know: false } },
      removal: { date: '2026-08-01', manner: 'voluntary', reasons: ['caretaker_inability'] },
      court: { name: 'Clark Family Court', county: 'Clark', docket: '26-J-09001', hearings: [{ date: '2026-12-15', type: 'review' }] },
      permanency: { goal: 'reunification', goal_established: '2026-09-01' },
      parents: [],
      placements: [{ start: '2026-08-01', setting: 'foster_family_nonrelative', home: 'H-0017', county: 'Fayette' }],
    };
    return {
      id: data.id,
      path: `children/${data.id}`,
      case: { file: `children/${data.id}/case.yaml`, kind: 'case', data, body: '', bodyLine: 1, locate: () => undefined } as unknown as NonNullable<ChildFolder['case']>,
      contacts: [],
      visits: [],
      assessments: [],
      courtNotes: [],
    };
  };

  it('expects no family time with a parent who has died or whose rights are terminated', async () => {
    const folder = minimal();
    const record = folder.case!.data;
    const parents: CaseRecord['parents'] = [
      { name: 'Lan Nguyễn', role: 'mother', rights: 'deceased' },
      { name: 'Minh Trần', role: 'father', rights: 'terminated' },
      { name: 'Bảo Lê', role: 'legal_guardian', rights: 'intact' },
    ];
    const withParents = { ...folder, case: { ...folder.case!, data: { ...record, parents } } };
    const ctx = context();
    const data = courtReportData(ctx, ctx.view.child(withParents), '2026-12-15');
    const rendered = await renderDocument(TEMPLATE, data.data, agency, { title: 'Court Report', subject: 'Court Report', reference: folder.id, asOf: AS_OF });
    const pdf = squash(rendered.pdfText);
    expect(pdf).not.toContain('no visits with Lan Nguyễn');
    expect(pdf).not.toContain('no visits with Minh Trần');
    expect(pdf).toContain('no visits with Bảo Lê are recorded');
  });

  it('renders without errors and says *not recorded* where data is missing', async () => {
    const folder = minimal();
    const ctx = context();
    const data = courtReportData(ctx, ctx.view.child(folder), '2026-12-15');
    const rendered = await renderDocument(TEMPLATE, data.data, agency, { title: 'Court Report', subject: 'Court Report', reference: folder.id, asOf: AS_OF });
    if (KEEP) writeFileSync(join(KEEP, 'minimal.pdf'), rendered.pdf);
    const pdf = squash(rendered.pdfText);
    expect(pdf).toContain('Nguyễn Thị Lan Phương');
    expect(pdf).toContain('Known as: not recorded');
    expect(pdf).toContain('Judge: not recorded');
    expect(pdf).toContain('Adjudication (first finding of abuse or neglect) not recorded');
    expect(pdf).toContain('No service plan is on file (not recorded)');
    expect(pdf).toContain('Health information: not recorded');
    expect(pdf).toContain('Education information: not recorded');
    expect(pdf).toContain('CANS assessment: not recorded');
    // No note is written for the hearing: a draft, each required part marked where it belongs.
    expect(pdf).toContain('Draft: not ready for filing');
    expect(pdf).toMatch(/The child's wishes (At \d+, .* is too young to state wishes|Not provided — required before filing)/);
    expect(pdf).toContain('Recommendations Not provided — required before filing');
    expect(pdf).toContain('Inquiry made: not recorded');
    expect(pdf).toContain('Indian Child Welfare Act');
    expect(pdf).not.toContain('Okafor');
    // DEFC without adjudication: removal + 60 days.
    expect(pdf).toContain('Date entered foster care September 30, 2026');
    expect([...ctx.view.inputs]).toEqual(expect.arrayContaining(['agency.yaml', 'children/C-2026-9001/case.yaml', 'children/C-2026-9001/plan.yaml', 'homes/H-0017/home.yaml']));
  });
});

describe('narrativeParts', () => {
  it('sets quoted lines apart and keeps the words unchanged', () => {
    expect(narrativeParts('Intro line.\n\n> Dear Judge,\n>\n> I want to go home.\n\nAfter.')).toEqual([
      { quote: false, text: 'Intro line.' },
      { quote: true, text: 'Dear Judge,\n\nI want to go home.' },
      { quote: false, text: 'After.' },
    ]);
    expect(narrativeParts('No quotes here.')).toEqual([{ quote: false, text: 'No quotes here.' }]);
    expect(narrativeParts('')).toEqual([]);
  });
});

describe('other audiences', () => {
  it("a foster parent's copy names the foster family but withholds the parents' address and treatment", async () => {
    const { pdf, data } = await build('C-2025-0142', '2026-12-10', 'foster_parent');
    expect(pdf).toContain('Therapeutic foster home H-0042 (Dana Whitfield and Marcus Whitfield), Jessamine County');
    expect(pdf).not.toContain('1840 Bryan Station Rd');
    expect(pdf).not.toContain('New Vista');
    expect(pdf).toContain("This goal concerns a parent's treatment, which is withheld from this copy.");
    expect(new Set(data.withheld.map((w) => w.kind))).toEqual(new Set(['parent_contact', 'parent_treatment', 'other_children_placement']));
  });

  it('an internal copy withholds nothing', async () => {
    const { pdf, data } = await build('C-2026-0058', '2027-01-21', 'internal');
    expect(data.withheld).toEqual([]);
    expect(pdf).toContain('Cumberland Recovery Center');
    for (const form of [CELL, PROSE]) expect(pdf).not.toContain(form);
    expect(pdf).not.toContain('Information withheld from this copy');
  });
});
