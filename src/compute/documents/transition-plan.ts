/**
 * The transition plan (the 90-day plan of 42 U.S.C. 675(5)(H)): the data
 * templates/transition-plan.md.hbs reads. domain.md §6.1-6.2 and §1.7
 * (documents at exit), case-format.md "transition.yaml" and "Audiences",
 * rules.md "Transition plan".
 *
 * Plain values only: text, numbers, true/false, dates as YYYY-MM-DD, null where
 * the plan does not record something; enumerations arrive in words.
 */
import { addDays, ageOn, formatLongDate } from '../../core/calendar-date.js';
import type { ChildFolder } from '../../model/case-root.js';
import type { Transition } from '../../model/transition.js';
import { canSee, parentClass, type Protected } from '../audience.js';
import { transitionPlanStatus, TRANSITION_CITATION, TRANSITION_PLAN_DAYS_BEFORE } from '../case/youth.js';
import { planStart } from './child-plan.js';
import { placementWhere, readerOf, SETTING_LABELS, type DocumentContext, type DocumentData } from './context.js';
import { capitalize, countsInWords, STATE_NAMES } from './labels.js';
import { fosterHomeOf, personName } from './people.js';
import { scrubWithheld } from './scrub.js';

export const TRANSITION_PLAN_TITLE = 'Transition Plan';

type AreaStatus = Transition['housing']['status'];
type DocumentStatus = NonNullable<Transition['documents']['birth_certificate']>;

export const AREA_STATUS_LABELS: Readonly<Record<AreaStatus, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  not_applicable: 'Not applicable',
};

/** Documents a youth leaving care must receive (42 U.S.C. 675(5)(I); domain.md §1.7), in the order a checklist lists them. */
export const EXIT_DOCUMENTS: readonly (readonly [keyof Transition['documents'], string])[] = [
  ['birth_certificate', 'Certified copy of birth certificate'],
  ['social_security_card', 'Social Security card'],
  ['state_id', "Driver's license or state ID card"],
  ['health_insurance_card', 'Health insurance card'],
  ['medical_records', 'Copy of medical records'],
];

export const DOCUMENT_STATUS_NOTES: Readonly<Record<DocumentStatus, string>> = {
  obtained: 'obtained',
  requested: 'requested, not yet received',
  not_started: 'not requested yet',
  not_applicable: 'not needed',
};

/** Days before leaving care within which missing documents are flagged. */
const DOCUMENTS_WARNING_DAYS = 90;

/**
 * The data of templates/transition-plan.md.hbs for one youth. Pure: reads the
 * child's case.yaml and transition.yaml, the agency's staff and the homes, as of
 * `ctx.asOf`, for `ctx.redact.audience`.
 */
export function transitionPlanData(ctx: DocumentContext, child: ChildFolder): DocumentData {
  const { record, plan, caseFile, planFile: file, warnings, placement, placementHome, kin, location, caseworker, supervisor } = planStart(
    ctx,
    child,
    child.transition,
    { document: 'the transition plan', file: 'transition.yaml' },
    (p) => [...(p.mentors ?? []), ...(p.supports ?? [])].map((q) => q.name),
  );
  const { agency, asOf, redact } = ctx;
  const attention: string[] = [];
  const called = record.child.preferred_name ?? record.child.name;

  // Timing: the 90 days before the 18th birthday (rules.md, "Transition plan").
  const status = transitionPlanStatus(record.child.dob, plan, asOf);
  const window = plan.plan_date < status.due ? 'before' : plan.plan_date > status.eighteenthBirthday ? 'after' : 'within';
  if (window === 'before' && asOf >= status.due) {
    attention.push(`This plan is dated before the 90-day window that opened on ${formatLongDate(status.due)}. A transition plan made during the 90 days before ${called} turns 18 is still needed (${TRANSITION_CITATION}).`);
    warnings.push(`${file}: plan_date ${plan.plan_date} is before the 90-day window that opened on ${status.due} (${TRANSITION_PLAN_DAYS_BEFORE} days before the 18th birthday, ${TRANSITION_CITATION})`);
  }
  if (window === 'after') {
    attention.push(`This plan is dated after ${called}'s 18th birthday (${formatLongDate(status.eighteenthBirthday)}): the 90-day window closed without a plan (${TRANSITION_CITATION}).`);
    warnings.push(`${file}: plan_date ${plan.plan_date} is after the 90-day window, which closed on the 18th birthday ${status.eighteenthBirthday} (${TRANSITION_CITATION})`);
  }
  if (!plan.youth_participated) {
    attention.push(`${called} is not recorded as taking part. The plan must be made with the youth and at the youth's direction.`);
    warnings.push(`${file}: youth_participated is false; the transition plan is developed with the youth, at the youth's direction (${TRANSITION_CITATION})`);
  }
  if (!plan.health_care_proxy_discussed) {
    warnings.push(`${file}: health_care_proxy_discussed is false; the plan must include information on health care powers of attorney (${TRANSITION_CITATION})`);
  }

  // Documents at exit.
  const documents = EXIT_DOCUMENTS.map(([key, name]) => {
    const value = plan.documents[key] ?? null;
    return { key, name, status: value, obtained: value === 'obtained', note: value === 'obtained' ? null : value ? DOCUMENT_STATUS_NOTES[value] : 'not recorded' };
  });
  const stillNeeded = documents.filter((d) => !d.obtained && d.status !== 'not_applicable');
  const leaves = plan.extended_care?.elected === true ? plan.expected_exit : [plan.expected_exit, status.eighteenthBirthday].sort()[0]!;
  if (stillNeeded.length > 0 && leaves >= asOf && leaves <= addDays(asOf, DOCUMENTS_WARNING_DAYS)) {
    attention.push(`${called} is expected to leave care on ${formatLongDate(leaves)} and still needs: ${stillNeeded.map((d) => d.name.toLowerCase()).join('; ')}.`);
    warnings.push(`${file}: documents at exit not yet obtained with ${leaves} less than ${DOCUMENTS_WARNING_DAYS} days away: ${stillNeeded.map((d) => d.key).join(', ')}`);
  }
  if (plan.extended_care?.eligible && plan.extended_care.elected == null && asOf >= status.due) {
    attention.push(`${called} can stay in extended foster care, and the decision is not recorded yet.`);
  }

  // Mentors and support people: a foster parent prints as their role and home in a court copy;
  // a parent's phone follows the parent's own protection.
  const person = (kind: 'mentors' | 'supports') => (p: { name: string; relationship: string; phone?: string | null | undefined }, i: number) => {
    const field = `${file} ${kind}[${i}]`;
    const name = personName(p.name, undefined, `${field}.name`, ctx, placementHome?.data.id, kin);
    let phone = p.phone ?? null;
    if (phone) {
      const parent = record.parents.find((q) => q.name === p.name);
      const kindOf: Protected | undefined = fosterHomeOf(p.name, ctx)
        ? 'foster_family_identity'
        : parent?.confidential
          ? 'confidential_address'
          : parent
            ? parentClass(redact, record.parents.indexOf(parent), 'parent_contact')
            : undefined;
      if (kindOf && !canSee(redact.audience, kindOf)) phone = redact.show(kindOf, `${field}.phone`, phone);
    }
    return { name, relationship: p.relationship, phone };
  };
  const mentors = (plan.mentors ?? []).map(person('mentors'));
  const supports = (plan.supports ?? []).map(person('supports'));

  const area = (a: Transition['housing']) => ({ plan: a.plan, status: a.status, status_label: AREA_STATUS_LABELS[a.status] });
  const lifeSkills = (plan.life_skills ?? []).map((s) => ({ skill: capitalize(s.skill), status: s.status, status_label: AREA_STATUS_LABELS[s.status], date: s.date ?? null }));
  const skillCounts: Record<string, number> = {};
  for (const s of plan.life_skills ?? []) skillCounts[s.status] = (skillCounts[s.status] ?? 0) + 1;

  const data = {
    document: { title: TRANSITION_PLAN_TITLE, subject: `${TRANSITION_PLAN_TITLE}: ${record.child.name}`, reference: record.id },
    as_of: asOf,
    audience: redact.audience,
    reader: readerOf(ctx, record),
    agency: { name: agency.name, state_name: STATE_NAMES[agency.state] ?? null },
    youth: {
      name: record.child.name,
      called,
      dob: record.child.dob,
      age: ageOn(record.child.dob, asOf),
      age_at_plan: ageOn(record.child.dob, plan.plan_date),
      case_id: record.id,
    },
    plan: { date: plan.plan_date, youth_participated: plan.youth_participated, expected_exit: plan.expected_exit },
    timing: {
      eighteenth_birthday: status.eighteenthBirthday,
      window_opens: status.due,
      window,
      within_window: window === 'within',
      met: status.met,
    },
    extended_care: plan.extended_care ? { eligible: plan.extended_care.eligible, elected: plan.extended_care.elected ?? null } : null,
    placement: placement ? { where: placementWhere(placement, record.placements.indexOf(placement), ctx, location), setting: SETTING_LABELS[placement.setting], since: placement.start } : null,
    caseworker,
    supervisor,
    housing: area(plan.housing),
    education: area(plan.education),
    employment: area(plan.employment),
    health_insurance: { plan: plan.health_insurance.plan, coverage_until: plan.health_insurance.coverage_until ?? null },
    health_care_proxy_discussed: plan.health_care_proxy_discussed,
    mentors,
    supports,
    life_skills: lifeSkills,
    life_skills_summary: lifeSkills.length ? countsInWords(skillCounts, AREA_STATUS_LABELS) : null,
    documents,
    documents_obtained: documents.filter((d) => d.obtained).length,
    documents_total: documents.length,
    signers: [
      { name: record.child.name, role: 'Youth', date: null },
      { name: caseworker.name, role: caseworker.title ?? 'Case manager', date: null },
    ],
    attention,
  };

  const sourceOf = (path: string) => (/^(youth|placement|extended_care)\b/.test(path) ? caseFile : file);
  const scrubbed = scrubWithheld(data, ctx, sourceOf, warnings);
  return { data: scrubbed, withheld: [...redact.withheld], warnings };
}
