/**
 * The service plan through the whole engine, for every child of the example
 * agency as of 2026-11-23: servicePlanData → templates/service-plan.md.hbs →
 * PDF and DOCX, read back as a reader sees them.
 */
import { describe, expect, it } from 'vitest';
import { WITHHELD_FORMS } from '../../src/build/scan-withheld.js';
import { servicePlanData } from '../../src/compute/documents/service-plan.js';
import { proseDates as prose } from '../../src/templates/helpers/date.js';
import type { ChildFolder } from '../../src/model/case-root.js';
import { parseCaseFile } from '../../src/load/parse-file.js';
import { examplePlans } from '../helpers/document-context.js';
import { everyText } from '../helpers/render-document.js';
import { docxRows, missing, missingFromPdf, squash } from '../helpers/same-content.js';

const TEMPLATE = 'service-plan.md.hbs';
const { context, folder, render } = examplePlans(TEMPLATE);

const LONG = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
/** 2026-12-31 → December 31, 2026, as a reader sees a date. */
const long = (iso: string) => LONG.format(new Date(`${iso}T00:00:00Z`));

/** Statuses and methods in the words a parent reads them (restated here, not imported, so a change shows). */
const OBJECTIVE = { not_started: 'Not started', in_progress: 'In progress', met: 'Met', partially_met: 'Partially met', not_met: 'Not met', discontinued: 'Discontinued' };
const TASK = { not_started: 'Not started', in_progress: 'In progress', met: 'Done', partially_met: 'Partly done', not_met: 'Not done', discontinued: 'Discontinued' };
const SERVICE = { referred: 'Referred', active: 'Active', completed: 'Completed', discontinued: 'Discontinued', waitlisted: 'On a waiting list' };
const METHOD = { in_person: 'In person', phone: 'By phone', video: 'By video', declined: 'Declined', unavailable: 'Could not be reached' };
const IDS = ['C-2024-0087', 'C-2024-0211', 'C-2025-0142', 'C-2025-0143', 'C-2025-0219', 'C-2026-0058'];

describe('every service plan of the example agency, internal copy, as of 2026-11-23', () => {
  it.each(IDS)('%s: every goal, objective, step, service and participant, the same in the PDF and the DOCX', async (id) => {
    const child = folder(id);
    const record = child.case!.data;
    const plan = child.plan!.data;
    const ctx = context('internal');
    const built = servicePlanData(ctx, ctx.view.child(child));
    const rendered = await render(built, `service-plan-${id}`);

    expect(missingFromPdf(rendered)).toEqual([]);
    expect(missing(rendered, [record.child.name, `Case number: ${record.id}`, `dated ${long(plan.plan_date)}`, `Next review: by ${long(plan.review_date)}`, ...plan.goals.map((g) => prose(g.statement))])).toEqual([]);

    const rows = docxRows(rendered);
    plan.goals.forEach((goal, g) => {
      goal.objectives.forEach((objective, o) => {
        expect(rows).toContainEqual([`${g + 1}.${o + 1}`, prose(objective.statement), '', objective.target_date ? long(objective.target_date) : 'not recorded', expect.stringMatching(new RegExp(`^${OBJECTIVE[objective.status]}`))]);
        for (const task of objective.tasks ?? []) {
          expect(rows).toContainEqual(['', prose(task.task), task.responsible, long(task.due!), expect.stringMatching(new RegExp(`^${TASK[task.status]}`))]);
        }
      });
      for (const service of goal.services ?? []) {
        expect(rows).toContainEqual([service.provider, prose(service.type), service.frequency ?? 'not recorded', long(service.start!), service.end ? long(service.end) : '—', SERVICE[service.status]]);
      }
    });
    for (const p of plan.participants) {
      const agreement = p.agrees === true ? 'Agrees' : p.agrees === false ? 'Disagrees' : p.method === 'declined' || p.method === 'unavailable' ? 'Not given' : 'not recorded';
      // The internal copy prints a comment's treatment passage without its fence lines.
      const comment = p.comment == null ? p.comment : prose(p.comment.split('\n').filter((line) => !/^\s*:::/.test(line)).join(' '));
      const signed = p.signed ? `Signed ${long(p.signed)}${comment ? `. ${comment}` : ''}` : `Not signed${comment ? `: ${comment}` : ' (no reason recorded)'}`;
      expect(rows).toContainEqual([p.name, expect.any(String), METHOD[p.method], agreement, squash(signed)]);
    }
    // The objective counts (planProgress) in the opening summary.
    const total = plan.goals.reduce((n, g) => n + g.objectives.length, 0);
    expect(missing(rendered, [`This plan has ${plan.goals.length} goals, with ${total} objectives:`])).toEqual([]);

    expect(built.withheld).toEqual([]);
    expect([...ctx.view.inputs]).toEqual(expect.arrayContaining([`children/${id}/case.yaml`, `children/${id}/plan.yaml`, 'agency.yaml']));
  });

  it("C-2024-0087: Zoë O'Brien's plan reads as her team wrote it", async () => {
    const built = servicePlanData(context('internal'), folder('C-2024-0087'));
    expect(built.warnings).toEqual([]);
    const rendered = await render(built, 'service-plan-zoe');
    expect(
      missing(rendered, [
        "Child: Zoë O'Brien, born January 20, 2009 (age 17)",
        'Type of plan: Revised plan, dated August 12, 2026',
        'Lives in: Therapeutic foster home H-0042 (Dana Whitfield and Marcus Whitfield), Jessamine County, since July 22, 2026',
        'Case manager: Tyler Brooks, Foster Care Case Manager and Independent Living Specialist, (859) 555-0117',
        'Permanency goal: Another planned permanent living arrangement (APPLA) (since June 12, 2025)',
        'Concurrent goal: not recorded',
        'This plan has 5 goals, with 9 objectives: 7 in progress, 1 met and 1 not met.',
        'Goal 5: Safety',
        'Patrick will take responsibility for the violence in the home.',
        'For: Patrick O\'Brien (father)',
        'School: East Jessamine High School, grade 12',
        'Section 504 plan: Yes',
        'Post-traumatic stress disorder',
        'Therapy: DBT-informed individual therapy with Jenna Moody, LPCC, weekly',
        'Took part in making this plan: Yes',
        '90-day transition plan due by: October 22, 2026',
        'Transition plan on file: dated November 5, 2026',
      ]),
    ).toEqual([]);
    const rows = docxRows(rendered);
    expect(rows).toContainEqual(['5', 'Safety', "Patrick O'Brien (father)", '1 objective, not met']);
    expect(rows).toContainEqual(['3', 'Independent living', 'Zoë', '3 objectives: 2 in progress and 1 met']);
    expect(rows).toContainEqual(['', 'Complete a human trafficking screening after the July runaway', 'Tyler Brooks', 'July 29, 2026', 'Done']);
    expect(rows).toContainEqual(['', 'Log 60 hours of supervised driving', 'Marcus Whitfield', 'December 31, 2026', 'In progress']);
    expect(rows).toContainEqual(['Madison County Batterer Intervention Program', 'Batterer intervention program (28 weeks)', 'not recorded', 'September 5, 2024', 'November 14, 2024', 'Discontinued']);
    expect(rows).toContainEqual(["Zoë O'Brien", 'Youth', 'In person', 'Agrees', 'Signed August 12, 2026. Zoë wrote her own safety plan and chose the three people on it.']);
    expect(rows).toContainEqual(["Patrick O'Brien", 'Father', 'Declined', 'Not given', 'Not signed: Invited by letter July 30, 2026; did not respond. No-contact order with Zoë remains in effect.']);
    expect(rows).toContainEqual(['Sertraline', '100 mg each morning', 'Dr. Priya Raman, MD', 'Yes', 'February 10, 2026']);
    // Signature lines: the youth, both parents, the foster parent and the therapist who signed, then case manager and supervisor; not the GAL.
    const signatures = rows.flat().filter((c) => /^Date:/.test(c) === false).join(' | ');
    expect(built.data.signers).toEqual([
      { name: "Zoë O'Brien", foster: null, role: 'child', title: null, date: '2026-08-12' },
      { name: "Shannon O'Brien", foster: null, role: 'mother', title: null, date: '2026-08-12' },
      { name: "Patrick O'Brien", foster: null, role: 'father', title: null, date: null },
      { name: 'Dana Whitfield', foster: null, role: 'foster_parent', title: null, date: '2026-08-12' },
      { name: 'Jenna Moody, LPCC', foster: null, role: 'therapist', title: null, date: '2026-08-13' },
      { name: 'Tyler Brooks', foster: null, role: 'caseworker', title: 'Foster Care Case Manager and Independent Living Specialist', date: '2026-08-12' },
      { name: 'Kavita Patel', foster: null, role: 'supervisor', title: 'Foster Care Supervisor', date: '2026-08-14' },
    ]);
    expect(signatures).toContain('Kavita Patel');
    // The signature lines name each signer's role in words: the youth as "Youth", staff by their title.
    expect(missing(rendered, ["Zoë O'Brien Youth Date: August 12, 2026", 'Jenna Moody, LPCC Therapist Date: August 13, 2026', 'Kavita Patel Foster Care Supervisor Date: August 14, 2026'])).toEqual([]);
    expect(missing(rendered, ['Date: August 14, 2026'])).toEqual([]);
  });

  it('names with diacritics print exactly: Núñez-García, Nguyễn Thị Lan, Trần Văn Hùng, Dr. Mai Phạm', async () => {
    const joey = await render(servicePlanData(context('internal'), folder('C-2025-0142')), 'service-plan-joey');
    expect(missing(joey, ['Child: José Luis Núñez-García', 'María Elena García (mother)', 'Luis Alberto Núñez'])).toEqual([]);
    expect(docxRows(joey)).toContainEqual(['Luis Alberto Núñez', 'Father', 'By phone', 'not recorded', 'Not signed: Took part by phone from Blackburn Correctional Complex; copy mailed September 25, 2026 for signature, not yet returned.']);
    const chau = await render(servicePlanData(context('internal'), folder('C-2025-0219')), 'service-plan-chau');
    expect(missing(chau, ['Child: Trần Minh Châu', 'Nguyễn Thị Lan (mother)', 'Trần Văn Hùng', 'Dr. Mai Phạm, PhD', 'Lives in: Trial home visit, Mother\'s home (trial home visit), Fayette County, since September 15, 2026'])).toEqual([]);
    expect(docxRows(chau)).toContainEqual(['6.1', 'Attend monthly supervised visits.', '', 'March 12, 2027', 'Partially met']);
  });
});

describe('what needs attention, in words', () => {
  it("Zoë's plan as of 2027-03-01: the review past due, and each objective and step past due with its date", async () => {
    const built = servicePlanData(context('internal', '2027-03-01'), folder('C-2024-0087'));
    const rendered = await render(built, 'service-plan-zoe-2027');
    expect(
      missing(rendered, [
        'Needs attention',
        'The review that was due by February 12, 2027 is past due; the plan must be reviewed and updated.',
        'Past due as of March 1, 2027 and not finished: objective 1.1 (target date January 22, 2027); step "',
        '(goal 1, due ',
      ]),
    ).toEqual([]);
  });

  it('a goal whose three or more objectives share one status says "all"', async () => {
    const child = folder('C-2024-0087');
    const plan = child.plan!.data;
    const goal = { ...plan.goals[2]!, objectives: plan.goals[2]!.objectives.map((o) => ({ ...o, status: 'in_progress' as const })) };
    const changed = { ...child, plan: { ...child.plan!, data: { ...plan, goals: [goal] } } };
    const rendered = await render(servicePlanData(context('internal'), changed), 'service-plan-all');
    expect(missing(rendered, ['This plan has 1 goal, with 3 objectives, all in progress.'])).toEqual([]);
  });
});

describe('a court copy', () => {
  it("C-2026-0058: the father's unconsented treatment shows the marker, not the detail; foster parents print as role and home", async () => {
    const internal = servicePlanData(context('internal'), folder('C-2026-0058'));
    expect(JSON.stringify(internal.data)).toContain('Cumberland Recovery Center');

    const ctx = context('court');
    const built = servicePlanData(ctx, folder('C-2026-0058'));
    const rendered = await render(built, 'service-plan-C-2026-0058-court');
    expect(missingFromPdf(rendered)).toEqual([]);
    const everything = everyText(rendered);
    for (const secret of ['Cumberland Recovery Center', 'Intensive outpatient program', '3 evenings a week', 'Grace Okafor', 'Okafor', 'Daniel', '2741 Larkhill Ln']) {
      expect(everything, secret).not.toContain(secret);
    }
    const rows = docxRows(rendered);
    expect(rows).toContainEqual(Array(6).fill(WITHHELD_FORMS.cell));
    expect(rows).toContainEqual(['Bluegrass Drug Testing', 'Random urine drug screens', 'About twice a month (random)', 'March 16, 2026', '—', 'Active']);
    expect(rows).toContainEqual(['Foster parent, home H-0017', 'Foster parent', 'In person', 'Agrees', 'Signed November 9, 2026']);
    expect(rows).toContainEqual(['', 'Read with Kaden 20 minutes every night and sign the log', 'Foster parent, home H-0017', 'May 15, 2027', 'In progress']);
    expect(missing(rendered, [
      'Withheld for this audience',
      'no consent to share substance use treatment records is on file (42 CFR Part 2)',
      `Lives in: Foster home (non-relative) H-0017 ${WITHHELD_FORMS.prose}, Fayette County, since March 12, 2026`,
      'Dustin will stop using drugs and stay in treatment.',
    ])).toEqual([]);
    expect(built.withheld).toEqual(ctx.redact.withheld);
    expect(built.withheld).toEqual(
      expect.arrayContaining([
        { kind: 'treatment_without_consent', field: 'children/C-2026-0058/plan.yaml goals[0].services[0].provider', value: 'Cumberland Recovery Center' },
        { kind: 'foster_family_identity', field: 'children/C-2026-0058/plan.yaml participants[3].name', value: 'Grace Okafor' },
      ]),
    );
  });

  it('C-2025-0142: treatment with consent on file prints in a court copy', async () => {
    const built = servicePlanData(context('court'), folder('C-2025-0142'));
    const rendered = await render(built, 'service-plan-C-2025-0142-court');
    expect(docxRows(rendered)).toContainEqual(['New Vista', 'Outpatient continuing care (step-down from IOP), in Spanish', 'Weekly group, monthly individual', 'January 20, 2026', '—', 'Active']);
    expect(everyText(rendered)).not.toContain('Whitfield');
    expect(built.withheld.some((w) => w.kind === 'treatment_without_consent')).toBe(false);
  });
});

/** A child whose case and plan hold only the required fields. */
function minimalChild(): ChildFolder {
  const caseYaml = `id: C-2026-0999
caseworker: jdoe
supervisor: kpatel
child:
  name: "Siobhán Ní Bhriain-O'Leary"
  dob: 2011-05-02
  sex: female
  race: [white]
  hispanic: false
  icwa: { inquiry_dates: [2026-01-10], reason_to_know: false }
removal: { date: 2026-01-09, manner: court_ordered, reasons: [neglect] }
court: { name: Fayette Family Court, county: Fayette, docket: 26-J-00001, hearings: [] }
permanency: { goal: reunification, goal_established: 2026-02-01 }
parents: []
placements:
  - { start: 2026-01-09, setting: foster_family_nonrelative, county: Fayette }
`;
  const planYaml = `plan_date: 2026-09-01
review_date: 2027-04-01
plan_type: initial
goals:
  - id: G1
    for: child
    area: education
    statement: Siobhán will go to school every day.
    objectives:
      - statement: Miss no more than two days a month.
        status: not_started
        tasks:
          - { task: Enroll her in the school near the foster home, responsible: Jordan Doe, status: not_started }
    services:
      - { provider: Fayette County Public Schools, type: Attendance support, status: referred }
participants: []
`;
  const kase = parseCaseFile('children/C-2026-0999/case.yaml', 'case', caseYaml);
  const plan = parseCaseFile('children/C-2026-0999/plan.yaml', 'plan', planYaml);
  expect([...kase.diagnostics, ...plan.diagnostics]).toEqual([]);
  return { id: 'C-2026-0999', path: 'children/C-2026-0999', case: kase.loaded!, plan: plan.loaded!, contacts: [], visits: [], assessments: [], courtNotes: [] };
}

describe('a minimal plan (required fields only)', () => {
  it('renders, printing *not recorded* where data is missing, and warns about a 15-year-old left out and a review 7 months away', async () => {
    const built = servicePlanData(context('internal'), minimalChild());
    expect(built.warnings).toEqual([
      expect.stringMatching(/^children\/C-2026-0999\/plan\.yaml: review_date 2027-04-01 is more than 6 months after plan_date 2026-09-01 \(latest 2027-03-01/),
      expect.stringMatching(/^children\/C-2026-0999\/plan\.yaml: Siobhán Ní Bhriain-O'Leary was 15 on 2026-09-01 and youth_participated is not true/),
    ]);
    const rendered = await render(built, 'service-plan-minimal');
    expect(missingFromPdf(rendered)).toEqual([]);
    expect(
      missing(rendered, [
        "Child: Siobhán Ní Bhriain-O'Leary, born May 2, 2011 (age 15)",
        'Lives in: Foster home (non-relative), Fayette County, since January 9, 2026',
        'Needs attention',
        'The next review (April 1, 2027) is more than six months after the plan date; it should be no later than March 1, 2027.',
        'This plan has 1 goal, with 1 objective, not started.',
        'was 15 on the plan date and is not recorded as taking part in the plan.',
        'Concurrent goal: not recorded',
        'Target date: not recorded',
        'Education information is not recorded.',
        'Health information is not recorded.',
        'Took part in making this plan: No',
        'Transition plan on file: none yet',
        'Who took part in this plan is not recorded.',
      ]),
    ).toEqual([]);
    const rows = docxRows(rendered);
    expect(rows).toContainEqual(['1.1', 'Miss no more than two days a month.', '', 'not recorded', 'Not started']);
    expect(rows).toContainEqual(['', 'Enroll her in the school near the foster home', 'Jordan Doe', 'not recorded', 'Not started']);
    expect(rows).toContainEqual(['Fayette County Public Schools', 'Attendance support', 'not recorded', 'not recorded', '—', 'Referred']);
    expect(built.data.signers).toEqual([
      { name: 'Jordan Doe', foster: null, role: 'caseworker', title: 'Foster Care Case Manager', date: null },
      { name: 'Kavita Patel', foster: null, role: 'supervisor', title: 'Foster Care Supervisor', date: null },
    ]);
  });
});
