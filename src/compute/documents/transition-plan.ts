/**
 * The transition plan (the 90-day plan of 42 U.S.C. 675(5)(H)): the facts
 * templates/transition-plan.md.hbs reads (facts/transition-plan.ts types them).
 * domain.md §6.1-6.2 and §1.7 (documents at exit), case-format.md
 * "transition.yaml" and "Audiences", rules.md "Transition plan".
 */
import { addDays, ageOn } from '../../core/calendar-date.js';
import type { ChildFolder } from '../../model/case-root.js';
import { canSee, parentClass, type Protected } from '../audience.js';
import { transitionPlanStatus, TRANSITION_CITATION, TRANSITION_PLAN_DAYS_BEFORE } from '../case/youth.js';
import { childCalled } from './child-called.js';
import { planStart } from './child-plan.js';
import { familiesOf, placementWhere, readerOf, type DocumentContext, type DocumentData } from './context.js';
import { EXIT_DOCUMENTS, type TransitionPlanFacts } from './facts/transition-plan.js';
import { fosterHomeOf, personName } from './people.js';
import { scrubWithheld } from './scrub.js';

/** Days before leaving care within which missing documents are flagged. */
const DOCUMENTS_WARNING_DAYS = 90;

/**
 * The data of templates/transition-plan.md.hbs for one youth. Pure: reads the
 * child's case.yaml and transition.yaml, the agency's staff and the homes, as of
 * `ctx.asOf`, for `ctx.redact.audience`.
 */
export function transitionPlanData(ctx: DocumentContext, child: ChildFolder): DocumentData<TransitionPlanFacts> {
  const { record, plan, caseFile, planFile: file, warnings, placement, placementHome, kin, location, caseworker, supervisor } = planStart(
    ctx,
    child,
    child.transition,
    { document: 'the transition plan', file: 'transition.yaml' },
    (p) => [...(p.mentors ?? []), ...(p.supports ?? [])].map((q) => q.name),
  );
  const { agency, asOf, redact } = ctx;
  const attention: TransitionPlanFacts['attention'] = [];
  const called = childCalled(record.child);

  // Timing: the 90 days before the 18th birthday (rules.md, "Transition plan").
  const status = transitionPlanStatus(record.child.dob, plan, asOf);
  const window = plan.plan_date < status.due ? 'before' : plan.plan_date > status.eighteenthBirthday ? 'after' : 'within';
  if (window === 'before' && asOf >= status.due) {
    attention.push({ kind: 'window_before', window_opens: status.due });
    warnings.push(`${file}: plan_date ${plan.plan_date} is before the 90-day window that opened on ${status.due} (${TRANSITION_PLAN_DAYS_BEFORE} days before the 18th birthday, ${TRANSITION_CITATION})`);
  }
  if (window === 'after') {
    attention.push({ kind: 'window_after', eighteenth_birthday: status.eighteenthBirthday });
    warnings.push(`${file}: plan_date ${plan.plan_date} is after the 90-day window, which closed on the 18th birthday ${status.eighteenthBirthday} (${TRANSITION_CITATION})`);
  }
  if (!plan.youth_participated) {
    attention.push({ kind: 'youth_not_participating' });
    warnings.push(`${file}: youth_participated is false; the transition plan is developed with the youth, at the youth's direction (${TRANSITION_CITATION})`);
  }
  if (!plan.health_care_proxy_discussed) {
    warnings.push(`${file}: health_care_proxy_discussed is false; the plan must include information on health care powers of attorney (${TRANSITION_CITATION})`);
  }

  // Documents at exit.
  const documents = EXIT_DOCUMENTS.map((key) => {
    const value = plan.documents[key] ?? null;
    return { key, status: value, obtained: value === 'obtained' };
  });
  const stillNeeded = documents.filter((d) => !d.obtained && d.status !== 'not_applicable');
  const leaves = plan.extended_care?.elected === true ? plan.expected_exit : [plan.expected_exit, status.eighteenthBirthday].sort()[0]!;
  if (stillNeeded.length > 0 && leaves >= asOf && leaves <= addDays(asOf, DOCUMENTS_WARNING_DAYS)) {
    attention.push({ kind: 'documents_needed', leaves, documents: stillNeeded.map((d) => d.key) });
    warnings.push(`${file}: documents at exit not yet obtained with ${leaves} less than ${DOCUMENTS_WARNING_DAYS} days away: ${stillNeeded.map((d) => d.key).join(', ')}`);
  }
  if (plan.extended_care?.eligible && plan.extended_care.elected == null && asOf >= status.due) {
    attention.push({ kind: 'extended_care_undecided' });
  }

  // Mentors and support people: a foster parent prints as their role and home in a court copy;
  // a parent's phone follows the parent's own protection.
  const person = (kind: 'mentors' | 'supports') => (p: { name: string; relationship: string; phone?: string | null | undefined }, i: number) => {
    const field = `${file} ${kind}[${i}]`;
    const shown = personName(p.name, undefined, `${field}.name`, ctx, placementHome?.data.id, kin);
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
    return { ...shown, relationship: p.relationship, phone };
  };
  const mentors = (plan.mentors ?? []).map(person('mentors'));
  const supports = (plan.supports ?? []).map(person('supports'));

  const lifeSkills = (plan.life_skills ?? []).map((s) => ({ skill: s.skill, status: s.status, date: s.date ?? null }));
  const skillCounts: TransitionPlanFacts['life_skill_counts'] = {};
  for (const s of lifeSkills) skillCounts[s.status] = (skillCounts[s.status] ?? 0) + 1;

  const data: TransitionPlanFacts = {
    as_of: asOf,
    audience: redact.audience,
    reader: readerOf(ctx, record),
    agency: { name: agency.name, state: agency.state },
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
      citation: TRANSITION_CITATION,
    },
    extended_care: plan.extended_care ? { eligible: plan.extended_care.eligible, elected: plan.extended_care.elected ?? null } : null,
    placement: placement ? { where: placementWhere(placement, record.placements.indexOf(placement), ctx, location), since: placement.start } : null,
    caseworker,
    supervisor,
    housing: plan.housing,
    education: plan.education,
    employment: plan.employment,
    health_insurance: { plan: plan.health_insurance.plan, coverage_until: plan.health_insurance.coverage_until ?? null },
    health_care_proxy_discussed: plan.health_care_proxy_discussed,
    mentors,
    supports,
    life_skills: lifeSkills,
    life_skill_counts: skillCounts,
    documents,
    documents_obtained: documents.filter((d) => d.obtained).length,
    documents_total: documents.length,
    attention,
  };

  const sourceOf = (path: string) => (/^(youth|placement|extended_care)\b/.test(path) ? caseFile : file);
  const scrubbed = scrubWithheld(data, ctx, sourceOf, warnings);
  return { data: scrubbed, withheld: [...redact.withheld], ...familiesOf(redact), warnings };
}
