/**
 * The transition plan through the whole engine: Zoë O'Brien's (C-2024-0087) as of
 * 2026-11-23, transitionPlanData → templates/transition-plan.md.hbs → PDF and DOCX,
 * read back as a reader sees them.
 */
import { describe, expect, it } from 'vitest';
import { WITHHELD_FORMS } from '../../src/build/scan-withheld.js';
import { transitionPlanData } from '../../src/compute/documents/transition-plan.js';
import { proseDates as prose } from '../../src/templates/helpers/date.js';
import type { ChildFolder } from '../../src/model/case-root.js';
import { parseCaseFile } from '../../src/load/parse-file.js';
import { examplePlans } from '../helpers/document-context.js';
import { everyText } from '../helpers/render-document.js';
import { docxBody, docxRows, missing, missingFromPdf, pdfBody } from '../helpers/same-content.js';

const TEMPLATE = 'transition-plan.md.hbs';
const { context, folder, render } = examplePlans(TEMPLATE);

const ZOE = 'C-2024-0087';

describe("Zoë O'Brien's transition plan (C-2024-0087), internal copy, as of 2026-11-23", () => {
  it('carries the five areas, health care decisions, documents, life skills, supports and her signature line, the same in the PDF and the DOCX', async () => {
    const child = folder(ZOE);
    const plan = child.transition!.data;
    const ctx = context('internal');
    const built = transitionPlanData(ctx, ctx.view.child(child));
    expect(built.warnings).toEqual([]);
    expect(built.withheld).toEqual([]);
    expect([...ctx.view.inputs]).toEqual(expect.arrayContaining([`children/${ZOE}/case.yaml`, `children/${ZOE}/transition.yaml`, 'agency.yaml', 'homes/H-0042/home.yaml']));
    const rendered = await render(built, 'transition-plan-C-2024-0087');
    expect(missingFromPdf(rendered)).toEqual([]);

    expect(
      missing(rendered, [
        "Youth: Zoë O'Brien, born January 20, 2009 (age 17)",
        'Plan date: November 5, 2026',
        'Turns 18 on: January 20, 2027',
        'Expected to leave care: January 20, 2030',
        'Extended foster care: eligible; chose to stay in care',
        'Lives in: Therapeutic foster home H-0042 (Dana Whitfield and Marcus Whitfield), Jessamine County, since July 22, 2026',
        'That window opened on October 22, 2026; this plan, dated November 5, 2026, falls within it.',
        // The five federal areas, each with its plan.
        'Housing', prose(plan.housing.plan),
        'Health insurance', prose(plan.health_insurance.plan), 'Covered until: January 20, 2035',
        'Education', prose(plan.education.plan),
        'Mentors and continuing support',
        'Employment and workforce supports', prose(plan.employment.plan),
        // Health care proxy (42 U.S.C. 675(5)(H), since 2010).
        'and about the option to sign a health care power of attorney (a health care proxy) under Kentucky law.',
        '4 completed, 3 in progress and 1 not started.',
        "Zoë took part in making this plan: Yes",
        'I was told how to choose someone to make health care decisions for me if I cannot.',
      ]),
    ).toEqual([]);

    const rows = docxRows(rendered);
    expect(rows).toContainEqual(['Housing', 'In progress']);
    expect(rows).toContainEqual(['Health insurance', 'Covered until January 20, 2035']);
    expect(rows).toContainEqual(['Mentors and continuing support', '2 mentors and 4 support people named']);
    expect(rows).toContainEqual(['Tamara Ellis', 'Cross country coach, East Jessamine High School', '(859) 555-0533']);
    expect(rows).toContainEqual(['Renee Calloway', 'Big Sister through Big Brothers Big Sisters of the Bluegrass (matched May 2025)', 'not recorded']);
    expect(rows).toContainEqual(["Shannon O'Brien", 'Mother', 'not recorded']);
    expect(rows).toContainEqual(['Colleen Byrne', 'Maternal aunt', '(502) 555-0128']);
    expect(rows).toContainEqual(['Budgeting', 'Completed', 'June 1, 2026']);
    expect(rows).toContainEqual(["Driver's license (learner's permit since March 2, 2026)", 'In progress', '—']);
    expect(rows).toContainEqual(['Finding and renting an apartment', 'Not started', '—']);

    // Documents at exit: a checklist, ☒ for what she has, ☐ with its status for what she does not.
    const pdf = pdfBody(rendered);
    for (const line of ['☒ Certified copy of birth certificate', '☒ Social Security card', "☒ Driver's license or state ID card", '☒ Health insurance card', '☐ Copy of medical records — requested, not yet received']) {
      expect(pdf, line).toContain(line);
    }
    const docx = docxBody(rendered);
    expect(docx).toContain('☐ Copy of medical records');
    expect(docx).toContain('requested, not yet received');
    expect(docx).toContain('☒ Social Security card');
    expect(missing(rendered, ['Obtained so far: 4 of 5.'])).toEqual([]);

    // The youth signs, and so does her case manager.
    expect(docx).toContain("Zoë O'Brien Youth Date: ____________________ Tyler Brooks Foster Care Case Manager and Independent Living Specialist Date: ____________________");
  });

  it("a court copy prints the foster family as its role and home, nowhere by name, and (her father is under a no-contact order) nothing of where she lives", async () => {
    const ctx = context('court');
    const built = transitionPlanData(ctx, folder(ZOE));
    const rendered = await render(built, 'transition-plan-C-2024-0087-court');
    expect(missingFromPdf(rendered)).toEqual([]);
    const everything = everyText(rendered);
    for (const secret of ['Whitfield', 'Dana Whitfield', '418 Keene Crossing Dr']) expect(everything, secret).not.toContain(secret);
    expect(missing(rendered, [`Lives in: Therapeutic foster home H-0042 ${WITHHELD_FORMS.prose}, ${WITHHELD_FORMS.prose}, since July 22, 2026`])).toEqual([]);
    for (const place of ['Jessamine', 'Nicholasville']) expect(everything, place).not.toContain(place);
    // "Dana and Marcus Whitfield" is free text: the couple is one guarded phrase, withheld whole, and the warning says where it was.
    expect(docxRows(rendered)).toContainEqual([WITHHELD_FORMS.cell, 'Foster parents; have offered to stay in touch after she leaves', 'not recorded']);
    expect(everything).not.toContain('Dana and');
    expect(built.warnings).toEqual(
      // The school and the town in the plan's own words; the foster family's name.
      // Each names the line where the plan says it.
      [['education.plan', 15], ['employment.plan', 23], ['mentors[0].relationship', 35], ['supports[3].name', 50]].map(([path, line]) =>
        expect.stringContaining(`children/C-2024-0087/transition.yaml:${line}: a value withheld from the court copy appeared in free text (${path})`),
      ),
    );
    expect(built.withheld).toEqual(ctx.redact.withheld);
  });
});

/** A youth whose case and transition plan hold only the required fields. */
function minimalYouth(transitionYaml: string): ChildFolder {
  const caseYaml = `id: C-2026-0998
caseworker: tbrooks
supervisor: kpatel
child:
  name: Nguyễn Văn Đức
  preferred_name: Đức # family name first: the documents call him by the name the case records, not by "Nguyễn"
  dob: 2009-03-01
  sex: male
  race: [asian]
  hispanic: false
  icwa: { inquiry_dates: [2026-01-10], reason_to_know: false }
removal: { date: 2026-01-09, manner: voluntary, reasons: [caretaker_inability] }
court: { name: Fayette Family Court, county: Fayette, docket: 26-J-00002, hearings: [] }
permanency: { goal: appla, goal_established: 2026-02-01 }
parents: []
placements:
  - { start: 2026-01-09, setting: group_home, provider: Bluegrass Youth Home, county: Fayette }
`;
  const kase = parseCaseFile('children/C-2026-0998/case.yaml', 'case', caseYaml);
  const transition = parseCaseFile('children/C-2026-0998/transition.yaml', 'transition', transitionYaml);
  expect([...kase.diagnostics, ...transition.diagnostics]).toEqual([]);
  return { id: 'C-2026-0998', path: 'children/C-2026-0998', case: kase.loaded!, transition: transition.loaded!, contacts: [], visits: [], assessments: [], courtNotes: [] };
}

const MINIMAL = (planDate: string, participated = true, proxy = false) => `plan_date: ${planDate}
youth_participated: ${participated}
expected_exit: 2027-03-01
housing: { plan: Move in with his cousin in Lexington., status: not_started }
education: { plan: Finish the GED this spring., status: in_progress }
employment: { plan: Apply to the summer youth jobs program., status: not_started }
health_insurance: { plan: Medicaid for former foster youth to age 26. }
health_care_proxy_discussed: ${proxy}
documents: {}
`;

describe('a minimal transition plan (required fields only)', () => {
  it('renders with *not recorded* where data is missing, every document unchecked, and the health care proxy flagged', async () => {
    const built = transitionPlanData(context('internal'), minimalYouth(MINIMAL('2026-12-10')));
    expect(built.warnings).toEqual([expect.stringMatching(/health_care_proxy_discussed is false/)]);
    const rendered = await render(built, 'transition-plan-minimal');
    expect(missingFromPdf(rendered)).toEqual([]);
    expect(
      missing(rendered, [
        'Youth: Nguyễn Văn Đức, born March 1, 2009 (age 17)',
        'Extended foster care: not recorded',
        'Lives in: Group home, Bluegrass Youth Home, Fayette County, since January 9, 2026',
        'That window opened on December 1, 2026; this plan, dated December 10, 2026, falls within it.',
        'Not yet discussed',
        'Covered until: not recorded',
        'No mentors are named yet.',
        'No continuing support is named yet.',
        'Life skills work is not recorded.',
        'Obtained so far: none of the 5.',
      ]),
    ).toEqual([]);
    const pdf = pdfBody(rendered);
    for (const name of ['Certified copy of birth certificate', 'Social Security card', "Driver's license or state ID card", 'Health insurance card', 'Copy of medical records']) {
      expect(pdf).toContain(`☐ ${name} — not recorded`);
    }
    expect(docxRows(rendered)).toContainEqual(['Health insurance', 'Coverage end date not recorded']);
  });

  it('warns when the plan falls outside the 90 days before the 18th birthday, or the youth did not take part', async () => {
    // Turns 18 on 2027-03-01: the window opens 2026-12-01.
    const early = transitionPlanData(context('internal'), minimalYouth(MINIMAL('2026-06-01', true, true)));
    expect(early.warnings).toEqual([]); // not yet due on 2026-11-23
    const lateCtx = { ...context('internal'), asOf: '2027-01-15' };
    const late = transitionPlanData(lateCtx, minimalYouth(MINIMAL('2026-06-01', true, true)));
    expect(late.warnings).toEqual([
      expect.stringMatching(/plan_date 2026-06-01 is before the 90-day window that opened on 2026-12-01/),
      expect.stringMatching(/documents at exit not yet obtained with 2027-03-01 less than 90 days away: birth_certificate, social_security_card, state_id, health_insurance_card, medical_records$/),
    ]);
    const rendered = await render(late, 'transition-plan-before-window');
    expect(missing(rendered, [
      'This plan is dated before the 90-day window that opened on December 1, 2026.',
      'from December 1, 2026 to March 1, 2027 for Đức. This plan is dated June 1, 2026.',
    ])).toEqual([]);
    const afterCtx = { ...context('internal'), asOf: '2027-04-01' };
    const after = transitionPlanData(afterCtx, minimalYouth(MINIMAL('2027-03-15', false, true)));
    expect(after.warnings).toEqual([
      expect.stringMatching(/plan_date 2027-03-15 is after the 90-day window, which closed on the 18th birthday 2027-03-01/),
      expect.stringMatching(/youth_participated is false/),
    ]);
    expect(after.data['attention']).toHaveLength(2);
  });
});
