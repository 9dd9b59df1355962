/**
 * The home study of the example agency's homes, each as of its own date (study.md `date`, as a build computes it), rendered
 * through the whole engine: the structured parts from home.yaml, the narrative
 * of study.md in the SAFE order, the recommendation and the signature lines.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { redactor } from '../../src/compute/audience.js';
import { WITHHELD_MARKER } from '../../src/compute/redaction/marker.js';
import type { HomeStudyFacts } from '../../src/compute/documents/facts/home.js';
import { homeStudyData, narrativeSections, recommendedTerm, SECTION_ORDER, studyYear } from '../../src/compute/documents/home-study.js';
import type { CaseRoot } from '../../src/model/case-root.js';
import { documentContext } from '../helpers/document-context.js';
import { buildRoot, loadRoot, writeFiles } from '../helpers/fixture-root.js';
import { exampleHomes, homeDocument, type HomeDocumentKind } from '../helpers/home-document.js';
import { MINIMAL_HOME } from '../helpers/minimal-home.js';
import { comparableParagraphs, missingFromRawPdf, row } from '../helpers/same-content.js';
import { everyWithheld } from '../helpers/every-withheld.js';

const TITLE = 'Home Study';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const HOME_STUDY: HomeDocumentKind = {
  template: 'home-study.md.hbs', title: TITLE, subject: (id) => `Home study of ${id}`, build: homeStudyData, asOf: (home) => home.study?.data.date,
};
const study = (root: CaseRoot, homeId: string, rootDir?: string) => homeDocument(root, homeId, HOME_STUDY, { rootDir });
const example = exampleHomes(study);
const get = example.get;

describe('narrativeSections', () => {
  it('puts the SAFE sections first in their order, marks the missing ones empty, and keeps the others after', () => {
    const body = [
      'A few words before any heading.',
      '',
      '## Strengths',
      '',
      '- Patient',
      '',
      '## Financial',
      '',
      'Stable income.',
      '### Budget',
      'Balanced.',
      '# ',
      '',
      '## motivation',
      '',
      'Wants to help.',
      '',
      '```',
      '## not a heading inside a fence',
      '```',
    ].join('\n');
    const sections = narrativeSections(body);
    expect(sections.map((s) => s.title)).toEqual([null, ...SECTION_ORDER, 'Financial']);
    expect(sections[0]!.body).toBe('A few words before any heading.');
    expect(sections.find((s) => s.title === 'Motivation')!.body).toContain('Wants to help.');
    expect(sections.find((s) => s.title === 'Motivation')!.body).toContain('## not a heading inside a fence');
    expect(sections.find((s) => s.title === 'Strengths')!.body).toBe('- Patient');
    expect(sections.find((s) => s.title === 'Concerns')!.body).toBe('');
    // A heading of another level cannot stand in a narrative: its words stay, in bold.
    // An empty one leaves nothing (as "****" it would read as a rule).
    expect(sections.at(-1)!.body).toBe('Stable income.\n**Budget**\nBalanced.');
  });

  it('gives the seven SAFE sections, all empty, for an empty study', () => {
    expect(narrativeSections('')).toEqual(SECTION_ORDER.map((title) => ({ title, body: '' })));
  });
});

describe('the home study, every home of the example agency', () => {
  it.each(['H-0042', 'H-0017', 'H-0063'])('%s: numbers its pages and says the same thing in the DOCX as in the PDF', (id) => {
    const s = get(id);
    for (let page = 1; page <= s.rendered.pages; page++) expect(s.rendered.pdfText).toContain(`Page ${page} of ${s.rendered.pages}`);
    expect(comparableParagraphs(s.body, TITLE).length).toBeGreaterThan(50);
    expect(missingFromRawPdf(s, TITLE)).toEqual([]);
  });

  it.each(['H-0042', 'H-0017', 'H-0063'])('%s: prints the narrative sections in the SAFE order', (id) => {
    const s = get(id);
    const start = s.body.indexOf('Assessment');
    const at = SECTION_ORDER.map((title) => s.body.indexOf(title, start));
    expect(at.every((i, k) => i > start && (k === 0 || i > at[k - 1]!))).toBe(true);
    expect(s.text).not.toContain('Motivation not recorded');
  });
});

describe('H-0042 (annual re-evaluation, approve with conditions)', () => {
  it('identifies the home, prints its address for the internal copy, and the study it comes from', () => {
    const { text, built, inputs } = get('H-0042');
    expect(text).toContain('Home: H-0042, Therapeutic foster home');
    expect(text).toContain('Address: 418 Keene Crossing Dr, Nicholasville, KY 40356 (Jessamine County)');
    expect(text).toContain('License: KY-TFC-10442, Active; issued January 1, 2026, expires December 31, 2026');
    expect(text).toContain('Study: Annual re-evaluation, dated November 16, 2026');
    expect(text).toContain('From the annual re-evaluation dated November 16, 2026, written by Lauren Hensley, Licensing and Resource Family Specialist.');
    expect(built.withheld).toEqual([]);
    expect([...inputs].sort()).toEqual(['@children-placed-in/H-0042', 'agency.yaml', 'children/C-2024-0087/case.yaml', 'children/C-2025-0142/case.yaml', 'homes/H-0042/home.yaml', 'homes/H-0042/study.md']);
  });

  it('lists the household with roles and ages, and every check with its date and result', () => {
    const s = get('H-0042');
    expect(row(s, 'Kaylee Whitfield', 4)).toEqual(['Kaylee Whitfield', 'Child of the household', 'June 14, 2014', '12']);
    expect(row(s, 'Marcus Whitfield', 5)).toEqual(['Marcus Whitfield', 'Co-applicant', 'September 30, 1981', '45', 'November 20, 2025']);
    const checks = s.body.indexOf('Background checks');
    expect(row(s, 'FBI fingerprint', 3, 'Sex offender registry').length).toBe(3);
    const marcusFbi = s.body.findIndex((t, i) => i > checks && t === 'FBI fingerprint' && s.body[i - 1] === 'Marcus Whitfield');
    expect(s.body.slice(marcusFbi - 1, marcusFbi + 3)).toEqual(['Marcus Whitfield', 'FBI fingerprint', 'November 12, 2026', 'Pending']);
    expect(row(s, 'Out-of-state registry (TN)', 3)).toEqual(['Out-of-state registry (TN)', 'November 3, 2021', 'Clear']);
    expect(s.text).toContain('Background checks not current');
    expect(s.text).toContain('FBI fingerprint check: Marcus Whitfield. No completed FBI fingerprint check on file (needed within 12 months); the FBI fingerprint check of November 12, 2026 is pending, not a completed check; due November 16, 2026');
    expect(s.text).toContain('Records as of: November 16, 2026');
  });

  it("summarizes training, marks Marcus's shortfall, and lists certificates, inspections and references", () => {
    const s = get('H-0042');
    // As of 2026-11-16: 22 × 320/365 = 19.3 hours due by then; 2026-11-16 + 1 month ≤ 2027-01-01 (the renewal) < + 2 months
    expect(row(s, 'Marcus Whitfield (Co-applicant)', 6)).toEqual(['Marcus Whitfield (Co-applicant)', '4', '17.5', '13.5', '22', 'Behind pace (13.5 of 22 hours, 1 month left)']);
    expect(row(s, 'Dana Whitfield (Applicant)', 6)).toEqual(['Dana Whitfield (Applicant)', '7', '29', '25', '22', 'Met']);
    expect(s.text).toContain('CPR and first aid are required for this type of home');
    expect(s.text).toContain('Home safety inspection NOT MET');
    expect(row(s, 'November 16, 2026', 5, 'Home and safety')).toEqual([
      'November 16, 2026', 'Home safety', 'Corrections required', expect.stringContaining('Carbon monoxide detector'), 'NOT RESOLVED',
    ]);
    expect(row(s, 'Teresa Lowry', 3)).toEqual(['Teresa Lowry', 'Neighbor', 'October 20, 2021']);
  });

  it('recommends, with its conditions, the licensed capacity and ages, then the signature lines', () => {
    const s = get('H-0042');
    expect(s.text).toContain('Recommendation: Approve with conditions Type of approval: Therapeutic foster home Licensed capacity: 2 children, ages 10 to 17 License term: January 1, 2027 to December 31, 2027');
    expect(s.text).toContain('1. Marcus Whitfield completes the remaining annual Care Plus training hours before the license is renewed.');
    expect(s.text).toContain('3. Marcus Whitfield renews CPR and first aid before they expire on January 15, 2027.');
    expect(row(s, "Zoë O'Brien", 5, 'Children placed in the home')).toEqual(["Zoë O'Brien", 'C-2024-0087', 'January 20, 2009', '17', 'July 22, 2026']);
    const facts = s.built.data as HomeStudyFacts;
    expect(facts.caregivers).toEqual([{ name: 'Dana Whitfield', role: 'applicant' }, { name: 'Marcus Whitfield', role: 'co_applicant' }]);
    expect(facts.supervisor?.name).toBe('Kavita Patel');
    const signatures = s.text.slice(s.text.lastIndexOf('Signatures'));
    for (const role of ['Applicant', 'Co-applicant', 'Licensing and Resource Family Specialist', 'Foster Care Supervisor']) expect(signatures).toContain(role);
    for (const name of ['Dana Whitfield', 'Marcus Whitfield', 'Lauren Hensley', 'Kavita Patel']) expect(signatures).toContain(name);
  });
});

describe('H-0017 and H-0063, each as of its own date', () => {
  it('H-0017 (re-evaluation of 2026-03-20, before the license on file was issued on 2026-04-01) speaks of the year before it', () => {
    const s = get('H-0017');
    expect(s.text).toContain('Records as of: March 20, 2026');
    // 2027-03-31 counted back one year: 2025-04-01 to 2026-03-31, a year of the term before the license on file
    expect(s.text).toContain('License year: April 1, 2025 to March 31, 2026 (of the license term before the current license)');
    expect(s.text).toContain('The license year April 1, 2025 to March 31, 2026 is one of the license term before the current license (issued April 1, 2026)');
    // No session on file before 2026-05-09; 11 days of the year left: less than a month
    expect(row(s, 'Grace Okafor (Applicant)', 6)).toEqual(['Grace Okafor (Applicant)', '0', '0', '0', '10', 'Behind pace (0 of 10 hours, less than a month left)']);
    // Daniel's checks of October 2025 were current on 2026-03-20; Emeka was 20 (born 2005-08-19)
    expect(s.text).toContain('Every check the rule set requires was current on March 20, 2026.');
    expect(row(s, 'Emeka Okafor', 4)).toEqual(['Emeka Okafor', 'Other adult in the home', 'August 19, 2005', '20']);
    // The corrections of 2026-03-18 were resolved on 2026-03-27, after the study: open on its date
    expect(s.text).toContain('Home safety inspection NOT MET');
    expect(s.text).toContain('not latched. NOT RESOLVED');
    // It recommends the term that follows its year: the license issued 2026-04-01
    expect(s.text).toContain('License term: April 1, 2026 to March 31, 2027');
    expect(s.text).toContain('CPR and first aid are not required for this type of home');
    expect(s.text).toContain('Conditions of approval: none recorded.');
  });

  it('H-0063: the initial study of 2025-02-14, before the family was licensed: pre-service training, no license year', () => {
    const s = get('H-0063');
    expect(s.text).toContain('Study: Initial home study, dated February 14, 2025');
    expect(s.text).toContain('License year: none yet: the study was written before the family was licensed');
    expect(s.text).toContain('Table 3. Pre-service training on file by February 14, 2025');
    expect(row(s, 'Gloria Tate (Applicant)', 4)).toEqual(['Gloria Tate (Applicant)', '0', '0', 'not recorded']);
    expect(s.text).not.toContain('Counted this year');
    // home.yaml keeps the checks of February 2026 only: none on file on the study's date
    expect(row(s, 'Gloria Tate', 4, 'Background checks')).toEqual(['Gloria Tate', 'State registry (CA/N)', 'not recorded', 'None on file (the check on file is later: February 10, 2026)']);
    expect(s.text).toContain('License term: from the day the license is issued');
    expect(s.text).toContain('1. Child-specific kinship approval for Aaliyah Monroe; any additional placement requires a home study update.');
    expect(s.text).toContain('Certifications on file: not recorded.');
  });
});

describe('studyYear and recommendedTerm (issue 11, point 5)', () => {
  const license = { number: 'L', issued: '2026-01-01', expires: '2026-12-31', status: 'active' as const, capacity: 2 };
  it('a re-evaluation dated 2026-11-16 for a license expiring 2026-12-31 recommends 2027-01-01 to 2027-12-31', () => {
    const year = studyYear(license, 'annual_reevaluation', '2026-11-16');
    expect(year).toEqual({ start: '2026-01-01', end: '2026-12-31', multiYear: false });
    // 2026-12-31 + 1 day = 2027-01-01; + 12 months − 1 day = 2027-12-31
    expect(recommendedTerm(year, 'annual_reevaluation')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    // an update keeps the term it falls in; an initial study names none
    expect(recommendedTerm(year, 'update')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(recommendedTerm(year, 'initial')).toBeNull();
  });

  it('an initial study before the license was issued has no license year; one after it has the year containing it', () => {
    expect(studyYear(license, 'initial', '2025-11-20')).toBeUndefined();
    expect(studyYear(license, 'update', '2025-11-20')).toEqual({ start: '2025-01-01', end: '2025-12-31', multiYear: false });
    expect(studyYear(license, 'initial', '2026-02-01')?.start).toBe('2026-01-01');
  });
});

describe('copies and gaps', () => {
  it('withholds the address, with a visible marker, from any copy but the internal one', () => {
    const { root } = example;
    const ctx = documentContext(root, 'foster_parent');
    const built = homeStudyData({ ...ctx, redact: redactor('court') }, root.homes.find((h) => h.id === 'H-0042')!, root.children);
    expect(built.data.home.address).toEqual({ street: WITHHELD_MARKER, city: '', state: '', zip: '', county: null, withheld: true });
    expect(everyWithheld(built).map((w) => w.value)).toEqual(expect.arrayContaining(['418 Keene Crossing Dr, Nicholasville, KY 40356', 'Whitfield', '418 Keene Crossing Dr']));
  });

  it('a minimal home without study.md prints not recorded for the narrative and the recommendation', async () => {
    const dir = await buildRoot(undefined);
    dirs.push(dir);
    await writeFiles(dir, MINIMAL_HOME);
    const loaded = (await loadRoot(dir)).root;
    const s = await study(loaded, 'H-0900', dir);
    expect(s.text).toContain('Study: not recorded (no study.md on file)');
    expect(s.text).toContain('No home study narrative (study.md) is on file: every section below is not recorded.');
    expect(s.text).toContain('Motivation not recorded');
    expect(s.text).toContain('Concerns not recorded');
    expect(s.text).toContain('Recommendation: not recorded');
    expect(s.text).toContain('Licensed capacity: 1 child (age range not recorded)');
    expect(s.text).toContain('References: not recorded.');
    expect(s.text).toContain('Inspections on file: not recorded.');
    // as of 2026-11-23 in a year ending 2027-05-31: 2026-11-23 + 6 months ≤ 2027-06-01 < + 7 months
    expect(row(s, 'Robin Minimal (Applicant)', 6)).toEqual(['Robin Minimal (Applicant)', '0', '0', '0', '10', 'Behind pace (0 of 10 hours, 6 months left)']);
    expect(row(s, 'Robin Minimal', 4, 'Background checks')).toEqual(['Robin Minimal', 'State registry (CA/N)', 'not recorded', 'None on file']);
    expect(s.built.warnings).toEqual(['homes/H-0900: no study.md; the narrative sections and the recommendation print as not recorded']);
  }, 30_000);
});
