/**
 * The annual re-licensing packet of the example agency's homes as of
 * 2026-11-23, rendered through the whole engine: what a licensing worker reads
 * in the PDF and the DOCX. The figures are the ones worked by hand in
 * src/compute/home/example-agency.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relicensingPacketData } from '../../src/compute/documents/relicensing-packet.js';
import type { CaseRoot } from '../../src/model/case-root.js';
import type { Agency } from '../../src/model/agency.js';
import { paragraphs, parts } from '../helpers/docx-parts.js';
import { EXAMPLE_ROOT } from '../helpers/document-context.js';
import { buildRoot, loadRoot, writeFiles } from '../helpers/fixture-root.js';
import { exampleHomes, homeDocument, type HomeDocument, type HomeDocumentKind } from '../helpers/home-document.js';
import { MINIMAL_HOME } from '../helpers/minimal-home.js';
import { pageText } from '../helpers/pdf-text.js';
import { comparableParagraphs, missingFromRawPdf, row, squash } from '../helpers/same-content.js';

const TITLE = 'Annual Re-licensing Packet';
const COMPONENTS = [
  'Cover sheet',
  'Compliance checklist',
  'Training log',
  'Background checks',
  'Certifications',
  'Inspections',
  'Household changes',
  'Placements during the license year',
  'Incidents',
  'Re-evaluation narrative',
  'Signatures and renewal decision',
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Packet extends HomeDocument {
  /** pdftotext of each page, 1-based (index 0 unused). */
  readonly pages: string[];
  /** Bookmarks: [title, page, depth]. */
  readonly outline: [string, number, number][];
  readonly bodyXml: { xml: string; text: string }[];
}

const PACKET: HomeDocumentKind = { template: 'relicensing-packet.md.hbs', title: TITLE, subject: (id) => `Re-licensing packet of ${id}`, build: relicensingPacketData };

async function packet(root: CaseRoot, homeId: string, rootDir?: string, agency?: Agency): Promise<Packet> {
  const { xml, ...doc } = await homeDocument(root, homeId, PACKET, { rootDir, agency }, (path, rendered) => ({
    pages: ['', ...Array.from({ length: rendered.pages }, (_, i) => pageText(path, i + 1, '-layout'))],
    xml: execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', path], { encoding: 'utf8' }),
  }));
  const outline: [string, number, number][] = [];
  let depth = 0;
  for (const m of xml.slice(xml.indexOf('<outline>')).matchAll(/<(\/?)outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (m[3] !== undefined) outline.push([m[3].replace(/&amp;/g, '&').replace(/&#39;/g, "'"), Number(m[2]), depth]);
    else depth += m[1] ? -1 : 1;
  }
  return { ...doc, outline, bodyXml: paragraphs(parts(doc.rendered.docx)['word/document.xml']!) };
}

const example = exampleHomes(packet);
const get = example.get;

describe('the re-licensing packet, every home of the example agency', () => {
  it.each(['H-0042', 'H-0017', 'H-0063'])('%s: the components follow in order, no page break between them, and the pages run 1 to N', (id) => {
    const p = get(id);
    const n = p.rendered.pages;
    const starts = COMPONENTS.map((heading) => p.pages.findIndex((page, i) => i > 0 && page.split('\n').some((l) => l.trim() === heading)));
    expect(starts[0]).toBe(1);
    starts.forEach((page, i) => {
      expect(page, COMPONENTS[i]).toBeGreaterThan(0);
      if (i > 0) expect(page, COMPONENTS[i]).toBeGreaterThanOrEqual(starts[i - 1]!);
    });
    // The parts flow; the renewal decision and the signatures are kept on one page.
    expect(new Set(starts).size, 'parts sharing pages').toBeLessThan(COMPONENTS.length);
    expect(p.pages.find((page) => page.includes('Renewal decision:'))).toContain('Date: ____');
    for (let page = 1; page <= n; page++) expect(p.pages[page], `page ${page}`).toMatch(new RegExp(`${id}\\s+Page ${page} of ${n}\\s*$`));
    // Nor does the DOCX break the page before a component.
    const headings = p.bodyXml.filter((para) => COMPONENTS.includes(squash(para.text)) && /Heading1/.test(para.xml));
    expect(headings.map((h) => squash(h.text))).toEqual(COMPONENTS);
    expect(headings.filter((h) => /<w:pageBreakBefore\/>/.test(h.xml) || /w:type="page"/.test(p.bodyXml[p.bodyXml.indexOf(h) - 1]?.xml ?? ''))).toEqual([]);
  });

  it.each(['H-0042', 'H-0017', 'H-0063'])('%s: the PDF bookmarks each component at the page it starts on', (id) => {
    const p = get(id);
    // The first bookmark is the packet's title (an H1 of the structure tree, as the components are).
    const [title, ...top] = p.outline.filter(([, , depth]) => depth === 1);
    expect(title![0]).toBe(TITLE);
    expect(top.map(([name]) => name)).toEqual(COMPONENTS);
    for (const [title, page] of top) expect(p.pages[page]!.split('\n').some((l) => l.trim() === title), `${title} @${page}`).toBe(true);
  });

  it.each(['H-0042', 'H-0017', 'H-0063'])('%s: the DOCX and the PDF carry the same paragraphs', (id) => {
    const p = get(id);
    // Table cells wrap side by side, so compare with the text in drawing order.
    expect(comparableParagraphs(p.body, TITLE).length).toBeGreaterThan(60);
    expect(missingFromRawPdf(p, TITLE)).toEqual([]);
  });

  it.each(['H-0042', 'H-0017', 'H-0063'])('%s: dates print in long form, never as YYYY-MM-DD from the computed facts', (id) => {
    const p = get(id);
    // Dates inside free text the staff wrote (incident summaries, reasons, narrative) stay as written.
    const { root } = example;
    const folder = root.homes.find((h) => h.id === id)!;
    const written = JSON.stringify([folder.home!.data.incidents, folder.home!.data.inspections, folder.study?.body, folder.study?.data.conditions, root.children.map((c) => c.case?.data.placements)]);
    const iso = [...p.text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)].map((m) => m[0]).filter((d) => !written.includes(d));
    expect(iso).toEqual([]);
  });
});

describe('H-0042 (therapeutic foster home, license year 2026)', () => {
  it('prints the license on the cover sheet, dates in long form, and the count of requirements not met', () => {
    const { text, pages } = get('H-0042');
    const cover = squash(pages[1]!);
    expect(cover).toContain('Home: H-0042, Therapeutic foster home');
    expect(cover).toContain('License number: KY-TFC-10442 (status: Active)');
    expect(cover).toContain('Issued: January 1, 2026; expires: December 31, 2026');
    expect(cover).toContain('License year reviewed: January 1, 2026 to December 31, 2026');
    expect(cover).toContain('Licensed capacity: 2 children, ages 10 to 17');
    expect(cover).toContain('Licensing worker: Lauren Hensley, Licensing and Resource Family Specialist');
    expect(cover).toContain('Address: 418 Keene Crossing Dr, Nicholasville, KY 40356 (Jessamine County)');
    expect(cover).toContain('NOT MET: 2 of 18 requirements');
    expect(cover).toContain('15 requirements met, 1 to complete before renewal (listed in the compliance checklist) and 2 NOT MET on November 23, 2026');
    expect(text).not.toContain('2026-12-31');
  });

  it("marks Marcus Whitfield's training behind pace (13.5 of 22 hours, 1 month left), and NOT MET his pending fingerprint check and the inspection corrections", () => {
    const p = get('H-0042');
    const training = row(p, 'Annual training, 22 hours: Marcus Whitfield', 4);
    expect(training[1]).toBe('13.5 hours counted in January 1, 2026 to December 31, 2026; 8.5 hours short');
    // 22 × 327/365 = 19.7 hours due by November 23 of a year ending December 31; the renewal is 1 month away
    expect(training[2]).toBe('Behind pace (13.5 of 22 hours, 1 month left)');
    expect(training[3]).toContain('DCBS SOP 12.15');
    // The figure is unverified in the rule set: the command line says so, never the signed document.
    expect(training[3]).not.toContain('unverified');
    expect(p.text).not.toContain('unverified');
    const fingerprint = row(p, 'FBI fingerprint check: Marcus Whitfield', 3);
    expect(fingerprint[1]).toContain('the FBI fingerprint check of November 12, 2026 is pending');
    expect(fingerprint[2]).toBe('NOT MET');
    const inspection = row(p, 'Home safety inspection', 3);
    expect(inspection[1]).toContain('corrections from November 16, 2026 not yet resolved');
    expect(inspection[2]).toBe('NOT MET');
    // Dana's training and every other line are met.
    expect(row(p, 'Annual training, 22 hours: Dana Whitfield', 3)[2]).toBe('Met');
    expect(p.body.filter((t) => t === 'NOT MET')).toHaveLength(2);
    // The notices at the top of the checklist name each line.
    expect(p.text).toContain('Before renewal: 1 of 18 requirements');
    expect(p.text).toContain('Line 3: Annual training, 22 hours: Marcus Whitfield: Behind pace (13.5 of 22 hours, 1 month left)');
    expect(p.text).toContain('Line 12: FBI fingerprint check: Marcus Whitfield');
    expect(p.text).toContain('Line 17: Home safety inspection');
  });

  it('warns once per requirement not met, for the command line, in words built from the typed line', () => {
    expect(get('H-0042').built.warnings).toEqual([
      'NOT MET: FBI fingerprint check (Marcus Whitfield): no completed FBI fingerprint check on file (needed within 12 months); the FBI fingerprint check of 2026-11-12 is pending, not a completed check; due 2026-11-23',
      'NOT MET: home safety inspection: 12 months after the last home safety inspection (2025-12-10, passed); corrections from 2026-11-16 not yet resolved; due 2026-12-10',
    ]);
  });

  it('logs every training session of the license year with its totals, and leaves out the 2025 sessions', () => {
    const p = get('H-0042');
    expect(row(p, 'September 12, 2026', 6)).toEqual(['September 12, 2026', 'Cultural Humility with Latino Families', 'Cultural competency', 'Online', '1.5', 'Yes']);
    expect(p.text).toContain('Total: 25 hours counted of 22 required. Met. Hours not counted: 0.');
    expect(p.text).toContain('Behind pace: 13.5 of 22 hours');
    expect(p.text).toContain('Total: 13.5 hours counted of 22 required: 8.5 hours short. Behind pace (13.5 of 22 hours, 1 month left).');
    expect(p.text).not.toContain('NOT MET: 13.5 of 22 hours');
    expect(p.text).toContain('On file but outside this license year, so not counted: • November 8, 2025: Sexual Abuse: Recognizing and Responding, 4 hours');
    expect(p.body.filter((t) => t === 'January 24, 2026')).toHaveLength(2);
  });

  it('lists the background checks with their due dates, the pending one overdue', () => {
    const p = get('H-0042');
    const rows = p.body.filter((t) => t.startsWith('Marcus Whitfield (45)'));
    expect(rows).toHaveLength(3);
    const at = p.body.indexOf('FBI fingerprint', p.body.indexOf('Marcus Whitfield (45)'));
    expect(p.body.slice(at - 1, at + 5)).toEqual(['Marcus Whitfield (45)', 'FBI fingerprint', 'not recorded', 'None completed; pending since November 12, 2026', 'Now', 'OVERDUE']);
    expect(row(p, 'Dana Whitfield (42)', 6)).toEqual(['Dana Whitfield (42)', 'State registry (CA/N)', 'November 10, 2026', 'Clear', 'November 10, 2027', 'Current']);
    expect(row(p, 'Kaylee Whitfield (12)', 6)).toEqual(['Kaylee Whitfield (12)', 'State registry (CA/N)', 'July 2, 2026', 'Clear', 'At 18: June 14, 2032', 'Current']);
  });

  it('flags the certificates that expire within 60 days, the inspection corrections, and Kaylee turning 12', () => {
    const p = get('H-0042');
    expect(row(p, 'Marcus Whitfield', 4, 'Certifications').slice(1)).toEqual(['CPR', 'January 15, 2027', 'Current; expires in 53 days']);
    expect(p.text).toContain('Home safety inspection NOT MET');
    expect(p.text).toContain('The corrections required at the inspection of November 16, 2026 are not yet resolved.');
    expect(row(p, 'June 14, 2026', 5)).toEqual(['June 14, 2026', 'Kaylee Whitfield', 'Turned 12', 'State registry (CA/N) check from that birthday (DCBS SOP 12.16)', 'Met: checked July 2, 2026']);
    expect(p.text).toContain('home.yaml records no move-in dates');
  });

  it("derives the placements of the license year from the children's records, with the runaway bridged", () => {
    const p = get('H-0042');
    expect(row(p, "Zoë O'Brien (C-2024-0087)", 6)).toEqual([
      "Zoë O'Brien (C-2024-0087)", '17', 'January 10, 2025', 'Still placed', 'Therapeutic foster home',
      'Runaway July 18, 2026 to July 22, 2026; returned to the home. Turns 18 on January 20, 2027',
    ]);
    expect(row(p, 'José Luis Núñez-García (C-2025-0142)', 4)).toEqual(['José Luis Núñez-García (C-2025-0142)', '14', 'June 30, 2025', 'Still placed']);
    expect(p.text).toContain("On November 23, 2026: 2 placed of a licensed capacity of 2 (Zoë O'Brien and José Luis Núñez-García).");
    // The incident of 2025-09-03 falls before the license year.
    expect(row(p, 'July 18, 2026', 4)[1]).toBe('Runaway');
    expect(p.text).not.toContain('September 3, 2025');
    expect([...p.inputs].sort()).toEqual(['@children-placed-in/H-0042', 'agency.yaml', 'children/C-2024-0087/case.yaml', 'children/C-2025-0142/case.yaml', 'homes/H-0042/home.yaml', 'homes/H-0042/study.md']);
  });

  it('prints the annual re-evaluation narrative in the SAFE order, with its conditions', () => {
    const p = get('H-0042');
    const start = p.body.indexOf('Re-evaluation narrative');
    const sections = ['Motivation', 'Family history', 'Relationships', 'Parenting', 'Home and community', 'Strengths', 'Concerns'];
    const at = sections.map((s) => p.body.indexOf(s, start));
    expect(at.every((i, k) => i > start && (k === 0 || i > at[k - 1]!))).toBe(true);
    expect(p.text).toContain('Annual re-evaluation dated November 16, 2026, by Lauren Hensley');
    expect(p.text).toContain('Recommendation: Approve with conditions');
    expect(p.text).toContain('Marcus Whitfield renews CPR and first aid before they expire on January 15, 2027.');
    expect(p.text).toContain('"a normal house to be mad in,"');
  });

  it('closes with the renewal decision, a tick box per shortfall, and the signers', () => {
    const p = get('H-0042');
    const last = squash(p.pages[p.rendered.pages]!);
    for (const words of ['Renew with conditions', '☐ Annual training, 22 hours: Marcus Whitfield', '☐ Home safety inspection', 'Dana Whitfield', 'Marcus Whitfield', 'Lauren Hensley', 'Kavita Patel']) {
      expect(last, words).toContain(words);
    }
  });
});

describe('H-0017 (foster home, license year April 2026 to March 2027)', () => {
  it("marks Daniel Okafor's three checks overdue and not met, and nothing else", () => {
    const p = get('H-0017');
    for (const [check, last, due] of [['State registry (CA/N)', 'October 14, 2025', 'October 14, 2026'], ['FBI fingerprint', 'October 20, 2025', 'October 20, 2026'], ['Sex offender registry', 'October 14, 2025', 'October 14, 2026']] as const) {
      const at = p.body.findIndex((t, i) => t === check && p.body[i - 1] === 'Daniel Okafor (48)');
      expect(p.body.slice(at - 1, at + 5)).toEqual(['Daniel Okafor (48)', check, last, 'Clear', due, 'OVERDUE']);
    }
    expect(p.body.filter((t) => t === 'OVERDUE')).toHaveLength(3);
    expect(row(p, 'FBI fingerprint check: Daniel Okafor', 3)[1]).toBe('12 months after the last FBI fingerprint check (October 20, 2025, clear); due October 20, 2026');
    expect(p.body.filter((t) => t === 'NOT MET')).toHaveLength(3);
    expect(row(p, 'State registry (CA/N) check: Daniel Okafor', 3)[2]).toBe('NOT MET');
    expect(p.built.warnings).toHaveLength(3);
    expect(p.built.warnings.every((w) => w.startsWith('NOT MET:') && w.includes('Daniel Okafor'))).toBe(true);
  });

  it("says Grace's checks and the inspection are due before renewal, with their dates, not Current", () => {
    const p = get('H-0017');
    // 2026-03-05 + 12 months = 2027-03-05, before the license expires on 2027-03-31
    expect(row(p, 'State registry (CA/N) check: Grace Okafor', 3)[2]).toBe('Due before renewal (March 5, 2027)');
    expect(row(p, 'Home safety inspection', 3)[2]).toBe('Due before renewal (March 18, 2027)');
    expect(row(p, 'Grace Okafor (47)', 6)).toEqual(['Grace Okafor (47)', 'State registry (CA/N)', 'March 5, 2026', 'Clear', 'March 5, 2027', 'Due before renewal']);
    expect(p.text).toContain('Before renewal: 7 of 14 requirements');
  });

  it('shows training met (Daniel exactly 10 hours), certificates not required, and the corrected inspection', () => {
    const p = get('H-0017');
    expect(p.text).toContain('Total: 10 hours counted of 10 required. Met.');
    expect(p.text).toContain('CPR and first aid are not required for this type of home');
    expect(row(p, 'Grace Okafor', 4, 'Certifications').slice(1)).toEqual(['CPR', 'August 1, 2027', 'Current (not required)']);
    expect(p.text).toContain('Home safety inspection: met. Last home safety inspection that counts: March 18, 2026 (corrections resolved March 27, 2026); next due March 18, 2027.');
  });

  it('lists the three children placed during the license year, one of them gone home on a trial visit', () => {
    const p = get('H-0017');
    expect(row(p, 'Trần Minh Châu (C-2025-0219)', 6)).toEqual([
      'Trần Minh Châu (C-2025-0219)', '7', 'June 2, 2025', 'September 15, 2026', 'Foster home (non-relative)',
      'Left: Trial home visit with the mother approved by the court on September 10, 2026.',
    ]);
    expect(p.text).toContain('Ana Sofía Núñez-García (C-2025-0143)');
    expect(p.text).toContain('Kaden Ray Caudill (C-2026-0058)');
    expect(p.text).not.toContain('C-2025-0142');
  });
});

describe('H-0063 (kinship home, nothing NOT MET, every check due before renewal)', () => {
  it('has no NOT MET anywhere and no warning, says what is due before renewal, and the missing re-evaluation plainly', () => {
    const p = get('H-0063');
    expect(p.text).not.toContain('All requirements met');
    expect(p.text).toContain('Before renewal: 7 of 11 requirements');
    expect(p.text).toContain('4 requirements met on November 23, 2026; 7 to complete before the license expires on February 28, 2027, listed in the compliance checklist.');
    expect(p.text).not.toMatch(/NOT MET|OVERDUE/);
    expect(p.built.warnings).toEqual([]);
    expect(p.body.filter((t) => t === 'Met')).toHaveLength(4);
    // checks of 2026-02-10 / 2026-02-16 and the inspection of 2026-02-12, + 12 months: before 2027-02-28
    expect(row(p, 'FBI fingerprint check: Gloria Tate', 3)[2]).toBe('Due before renewal (February 16, 2027)');
    expect(row(p, 'Home safety inspection', 3)[2]).toBe('Due before renewal (February 12, 2027)');
    expect(p.body.filter((t) => t === 'Due before renewal')).toHaveLength(6);
    expect(p.text).toContain('Total: 10 hours counted of 10 required. Met.');
    expect(p.text).toContain('Re-evaluation: not recorded. The study on file is the initial home study dated February 14, 2025, not an annual re-evaluation.');
    expect(p.text).toContain('No incident was recorded during the license year March 1, 2026 to February 28, 2027.');
    expect(row(p, 'Aaliyah Monroe (C-2024-0211)', 2)[1]).toBe('8');
  });
});

describe('an agency override', () => {
  it("shows the agency's citation beside the requirement it changes", async () => {
    const { root } = example;
    const agency: Agency = { ...root.agency!.data, rules: { annual_training_hours: { kinship: 8 }, citation: 'Agency policy 4.2' } };
    const p = await packet(root, 'H-0063', EXAMPLE_ROOT, agency);
    const training = row(p, 'Annual training, 8 hours: Gloria Tate', 4);
    expect(training[2]).toBe('Met');
    expect(training[3]).toBe('Agency policy 4.2 (agency override)');
    expect(p.text).toContain("Rules applied: the Kentucky rule set, with the agency's own rules (Agency policy 4.2)");
  });});

describe('a rule set that counts the family\'s own children', () => {
  it('adds a capacity line for the rule, worded from its number and labels.yaml capacity_rule', async () => {
    const { root } = example;
    const p = await packet(root, 'H-0063', EXAMPLE_ROOT, { ...root.agency!.data, state: 'PA' });
    expect(row(p, "Capacity: at most 6 children including the family's own", 4)).toEqual([
      "Capacity: at most 6 children including the family's own", "1 child: 1 placed and 0 of the family's own under 18", 'Met', '55 Pa. Code 3700.31',
    ]);
    expect(row(p, 'Capacity: at most 2 foster children (license)', 4)[1]).toBe('1 child placed on November 23, 2026: Aaliyah Monroe');
  });
});

describe('a minimal home: required fields only, no study.md, no training', () => {
  let minimal: Packet;
  let later: Packet;
  let lapsing: Packet;
  beforeAll(async () => {
    const dir = await buildRoot(undefined);
    dirs.push(dir);
    await writeFiles(dir, {
      ...MINIMAL_HOME,
      'homes/H-0901/home.yaml': [
        'id: H-0901',
        'type: foster',
        'licensing_worker: robin',
        'address: { street: 11 Spare Rd, city: Frankfort, state: KY, zip: "40601" }',
        'license: { number: KY-FH-00901, issued: 2026-06-01, expires: 2027-05-31, status: active, capacity: 1, ages: { min: 0, max: 17 } }',
        'household:',
        '  - { name: Sam Later, role: applicant, dob: 1990-01-15 }',
        '  - { name: Jo Later, role: child, dob: 2009-02-01 }',
        'training:',
        '  - { date: 2026-12-05, title: Registered Refresher, hours: 6, topic: behavior_management, attendee: Sam Later, format: classroom }',
        '',
      ].join('\n'),
      // A therapeutic home (Kentucky requires CPR and first aid) whose CPR lapses before its license does.
      'homes/H-0902/home.yaml': [
        'id: H-0902',
        'type: therapeutic_foster',
        'licensing_worker: robin',
        'address: { street: 12 Spare Rd, city: Frankfort, state: KY, zip: "40601" }',
        'license: { number: KY-TFC-00902, issued: 2026-06-01, expires: 2027-05-31, status: active, capacity: 1 }',
        'household:',
        '  - { name: Lee Lapse, role: applicant, dob: 1985-03-03 }',
        'certifications:',
        '  - { type: cpr, holder: Lee Lapse, expires: 2027-04-30 }',
        '  - { type: first_aid, holder: Lee Lapse, expires: 2027-06-30 }',
        '',
      ].join('\n'),
    });
    const loaded = await loadRoot(dir);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    minimal = await packet(loaded.root, 'H-0900', dir);
    later = await packet(loaded.root, 'H-0901', dir);
    lapsing = await packet(loaded.root, 'H-0902', dir);
  }, 60_000);

  it('a CPR certificate current today that expires before the license does is due before renewal, not Current', () => {
    const p = lapsing;
    // CPR expires 2027-04-30, before the license (2027-05-31); first aid 2027-06-30, after it
    expect(row(p, 'CPR certificate: Lee Lapse', 3)[2]).toBe('Due before renewal (April 30, 2027)');
    expect(row(p, 'First aid certificate: Lee Lapse', 3)[2]).toBe('Met');
    expect(row(p, 'Lee Lapse', 4, 'Certifications')).toEqual(['Lee Lapse', 'CPR', 'April 30, 2027', 'Current; due before renewal']);
    expect(p.text).toContain('☐ CPR certificate: Lee Lapse: Due before renewal (April 30, 2027)');
  });

  it('renders with not recorded where data is missing and every shortfall marked', () => {
    const p = minimal;
    expect(p.text).toContain('Licensed capacity: 1 child (age range not recorded)');
    expect(p.text).toContain('Training in the license year: not recorded.');
    expect(p.text).toContain('Total: 0 hours counted of 10 required: 10 hours short.');
    expect(p.text).toContain('Certificates on file: not recorded.');
    expect(p.text).toContain('Inspections on file: not recorded.');
    expect(p.text).toContain('No passed home safety inspection is on file.');
    expect(p.text).toContain('Re-evaluation: not recorded. No home study (study.md) is on file for this home.');
    expect(p.text).toContain('No child was placed in the home during the license year June 1, 2026 to May 31, 2027.');
    expect(row(p, 'Annual training, 10 hours: Robin Minimal', 3)[2]).toMatch(/^Behind pace \(0 of 10 hours, \d+ months? left\)$/);
    expect(p.body.filter((t) => t === 'OVERDUE')).toHaveLength(3);
    // Each line's evidence, worded by the templates from the typed line.
    expect(row(p, 'License in force', 3)[1]).toBe('License KY-FH-00900, active, issued June 1, 2026, expires May 31, 2027; license year June 1, 2026 to May 31, 2027');
    expect(row(p, 'FBI fingerprint check: Robin Minimal', 3)[1]).toBe('No completed FBI fingerprint check on file (needed within 12 months); due November 23, 2026');
    expect(row(p, 'Home safety inspection', 3)[1]).toBe('No passed home safety inspection on file; due November 23, 2026');
    expect(row(p, 'Capacity: at most 1 foster child (license)', 3)[1]).toBe('No child placed on November 23, 2026');
    // three checks, the inspection (the training is behind pace, not failed)
    expect(p.built.warnings).toHaveLength(4);
    for (const heading of COMPONENTS) expect(p.text, heading).toContain(heading);
  });

  it('names a session registered after the as-of date and a household child turning 18 in the year', () => {
    const p = later;
    expect(p.text).toContain('December 5, 2026: Registered Refresher, 6 hours (after November 23, 2026)');
    expect(row(p, 'February 1, 2027', 5)).toEqual(['February 1, 2027', 'Jo Later', 'Turns 18', 'Every adult check (State registry (CA/N), FBI fingerprint, Sex offender registry) from that birthday (DCBS SOP 12.16)', 'Later in the license year']);
    expect(row(p, 'Jo Later (17)', 6)).toEqual(['Jo Later (17)', 'State registry (CA/N)', 'not recorded', 'None on file', 'February 1, 2021', 'OVERDUE']);
  });
});
