/**
 * The individualized service plan (case plan): the facts templates/service-plan.md.hbs
 * reads. domain.md §3 (42 U.S.C. 675(1); 55 Pa. Code 3130.61; IC 31-34-15-4),
 * case-format.md "plan.yaml" and "Audiences", rules.md "Transition plan".
 *
 * The facts (facts/service-plan.ts types them) hold no English: codes, dates
 * as YYYY-MM-DD, counts, and null where the case does not record something;
 * the template and labels.yaml word them.
 */
import { addMonths, ageOn } from '../../core/calendar-date.js';
import type { ChildFolder } from '../../model/case-root.js';
import type { CaseRecord } from '../../model/case.js';
import { OBJECTIVE_STATUSES, type Plan } from '../../model/plan.js';
import { missingFlags, missingSections, PLAN_REQUIRED, planReadiness } from './readiness.js';
import { canSee, type Protected } from '../audience.js';
import { planProgress, type ObjectiveStatus, type StatusCounts } from '../case/plan-progress.js';
import { transitionPlanStatus, youthParticipation, YOUTH_PLANNING_AGE } from '../case/youth.js';
import { planStart } from './child-plan.js';
import { educationData, familiesOf, placementWhere, readerOf, type DocumentContext, type DocumentData } from './context.js';
import { narratives } from './narrative.js';
import { goalTreatmentClass, personName, sameName } from './people.js';
import type { ServicePlanFacts } from './facts/service-plan.js';
import { childCalled } from './child-called.js';
import { scrubWithheld } from './scrub.js';
import type { StaffData } from './staff.js';

/** Longest time from one plan to its review (42 U.S.C. 675(5)(B): reviewed at least every six months). */
export const PLAN_REVIEW_MONTHS = 6;

/** Roles given a signature line whether or not they have signed yet (domain.md §3.2-3.3). */
const SIGNING_ROLES: ReadonlySet<string> = new Set(['mother', 'father', 'putative_father', 'legal_guardian', 'foster_parent']);
/** Staff sign every plan, with their titles. */
const STAFF_ROLES: ReadonlySet<string> = new Set(['caseworker', 'supervisor']);

const OPEN_STATUSES: ReadonlySet<ObjectiveStatus> = new Set(['not_started', 'in_progress']);

// ── Pieces of the case record ─────────────────────────────────────────────


export function healthData(record: CaseRecord) {
  const h = record.health;
  if (!h) return null;
  return {
    last_physical: h.last_physical ?? null,
    last_dental: h.last_dental ?? null,
    last_vision: h.last_vision ?? null,
    immunizations_current: h.immunizations_current,
    diagnoses: h.diagnoses ?? null,
    medications: (h.medications ?? []).map((m) => ({
      name: m.name,
      dose: m.dose,
      prescriber: m.prescriber,
      psychotropic: m.psychotropic,
      consent_date: m.consent_date ?? null,
    })),
    therapy: h.therapy ? { provider: h.therapy.provider, type: h.therapy.type, frequency: h.therapy.frequency } : null,
  };
}

// ── The service plan ───────────────────────────────────────────────────────

/** How far the objectives have come: the counts by status, and the status they all share, if any. */
function progressData(counts: StatusCounts): ServicePlanFacts['progress'] {
  const byStatus: ServicePlanFacts['progress']['by_status'] = {};
  for (const status of OBJECTIVE_STATUSES) if (counts[status] > 0) byStatus[status] = counts[status];
  const same = OBJECTIVE_STATUSES.find((status) => counts.total > 0 && counts[status] === counts.total);
  return { total: counts.total, by_status: byStatus, same_status: same ?? null };
}

/**
 * The data of templates/service-plan.md.hbs for one child. Pure: reads the
 * child's case.yaml and plan.yaml, the agency's staff and the homes, as of
 * `ctx.asOf`, for `ctx.redact.audience`.
 */
export function servicePlanData(ctx: DocumentContext, child: ChildFolder): DocumentData<ServicePlanFacts> {
  const { record, plan, caseFile, planFile, warnings, placement, placementHome, kin, location, caseworker, supervisor } = planStart(
    ctx,
    child,
    child.plan,
    { document: 'the service plan', file: 'plan.yaml' },
    (p) => [
      ...p.participants.filter((q) => q.role !== 'foster_parent').map((q) => q.name),
      ...p.goals.flatMap((g) => g.objectives.flatMap((o) => (o.tasks ?? []).map((t) => t.responsible))),
    ],
  );
  const { agency, asOf, redact } = ctx;
  // Staff-written text, with the treatment passages this audience may not read withheld.
  const narrative = narratives(redact, plan, redact.reader === undefined ? undefined : record.parents[redact.reader]?.role);
  const childName = childCalled(record.child);
  const ageNow = ageOn(record.child.dob, asOf);
  const youth = youthParticipation(record.child.dob, plan);

  // Whose goal it is, by name: none for the foster parents where this copy withholds them (their home's id prints).
  /** The first parent on record with one of these roles. */
  const parent = (...roles: string[]): string[] => {
    const found = roles.map((role) => record.parents.find((p) => p.role === role)).find((p) => p !== undefined);
    return found ? [found.name] : [];
  };
  const fosterParents = (): string[] => {
    if (!placementHome || (!canSee(redact.audience, 'foster_family_identity') && !kin.has(placementHome.data.id))) return [];
    return placementHome.data.household.filter((m) => m.role === 'applicant' || m.role === 'co_applicant').map((m) => m.name);
  };
  const namesFor = (goalFor: Plan['goals'][number]['for']): string[] => {
    switch (goalFor) {
      case 'child':
        return [childName];
      case 'mother':
        return parent('mother');
      case 'father':
        return parent('father', 'putative_father');
      case 'foster_parent':
        return fosterParents();
      case 'agency':
        return [agency.name];
      case 'family':
        return [];
    }
  };

  const pastDue: Extract<ServicePlanFacts['attention'][number], { kind: 'past_due' }>['items'] = [];
  const progress = planProgress(plan);
  const goals = plan.goals.map((goal, g) => {
    const parentGoal = goal.for === 'mother' || goal.for === 'father';
    const objectives = goal.objectives.map((objective, o) => {
      const number = `${g + 1}.${o + 1}`;
      const objectivePastDue = objective.target_date != null && objective.target_date < asOf && OPEN_STATUSES.has(objective.status);
      if (objectivePastDue) pastDue.push({ kind: 'objective', number, target_date: objective.target_date! });
      const tasks = (objective.tasks ?? []).map((task, t) => {
        const isPastDue = task.due != null && task.due < asOf && OPEN_STATUSES.has(task.status);
        const responsible = personName(task.responsible, undefined, `${planFile} goals[${g}].objectives[${o}].tasks[${t}].responsible`, ctx, placementHome?.data.id, kin);
        if (isPastDue) pastDue.push({ kind: 'step', task: task.task, goal: g + 1, due: task.due! });
        return {
          task: task.task,
          responsible,
          due: task.due ?? null,
          status: task.status,
          past_due: isPastDue,
        };
      });
      return {
        number,
        statement: objective.statement,
        target_date: objective.target_date ?? null,
        status: objective.status,
        past_due: objectivePastDue,
        tasks,
      };
    });
    const services = (goal.services ?? []).map((service, s) => {
      const field = `${planFile} goals[${g}].services[${s}]`;
      // 42 CFR Part 2: treatment details print only with consent on file.
      const partTwo = service.substance_use_treatment === true && service.consent_on_file !== true;
      const kind: Protected | undefined = partTwo
        ? 'treatment_without_consent'
        : parentGoal && (service.substance_use_treatment === true || goal.area === 'substance_use' || goal.area === 'mental_health')
          ? goalTreatmentClass(record, redact, goal.for)
          : undefined;
      if (kind && !canSee(redact.audience, kind)) {
        return {
          withheld: true as const,
          reason: partTwo ? ('no_consent' as const) : ('parent_treatment' as const),
          provider: redact.show(kind, `${field}.provider`, service.provider),
          type: redact.show(kind, `${field}.type`, service.type),
        };
      }
      return {
        withheld: false as const,
        provider: service.provider,
        type: service.type,
        frequency: service.frequency ?? null,
        start: service.start ?? null,
        end: service.end ?? null,
        status: service.status,
      };
    });
    const counts = progress.goals[g]!.objectives;
    return {
      number: g + 1,
      id: goal.id,
      for: goal.for,
      names: namesFor(goal.for),
      home: goal.for === 'foster_parent' ? (placementHome?.data.id ?? null) : null,
      area: goal.area,
      statement: goal.statement,
      progress: progressData(counts),
      objectives,
      services,
      services_withheld: services.some((s) => s.withheld),
    };
  });

  // Participants and who signs.
  const participants = plan.participants.map((p, i) => {
    return {
      ...personName(p.name, p.role, `${planFile} participants[${i}].name`, ctx, placementHome?.data.id, kin),
      role: p.role,
      method: p.method,
      took_part: p.method !== 'declined' && p.method !== 'unavailable',
      agrees: p.agrees ?? null,
      signed: p.signed ?? null,
      comment: narrative.optional(p.comment, `${planFile} participants[${i}].comment`),
    };
  });

  /** A family or team member who signs the plan (the case manager and supervisor sign with their titles, below). */
  const signsPlan = (p: Plan['participants'][number]) =>
    !STAFF_ROLES.has(p.role) && (p.signed != null || SIGNING_ROLES.has(p.role) || (p.role === 'child' && youth.required));
  const staffSigner = (staff: StaffData, role: 'caseworker' | 'supervisor') => {
    const signed = plan.participants.find((p) => p.role === role && sameName(p.name, staff.name)) ?? plan.participants.find((p) => p.role === role);
    return { name: staff.name, foster: null, role, title: staff.title, date: signed?.signed ?? null };
  };
  const signers = [
    ...plan.participants.flatMap((p, i) => {
      if (!signsPlan(p)) return [];
      const { name, foster } = participants[i]!;
      return [{ name, foster, role: p.role, title: null, date: p.signed ?? null }];
    }),
    staffSigner(caseworker, 'caseworker'),
    staffSigner(supervisor, 'supervisor'),
  ];

  // Filing readiness: signatures or the reasons they are missing, transition services for a youth.
  const missing = planReadiness({
    planFile,
    participants: plan.participants.map((p) => ({ signs: STAFF_ROLES.has(p.role) || signsPlan(p), signed: p.signed ?? null, comment: p.comment?.trim() || null })),
    youth: youth.required,
    goalAreas: plan.goals.map((g) => g.area),
  });

  // What needs attention: on the command line and in the document.
  const attention: ServicePlanFacts['attention'] = [];
  const latestReview = addMonths(plan.plan_date, PLAN_REVIEW_MONTHS);
  if (plan.review_date > latestReview) {
    attention.push({ kind: 'review_too_late', review_date: plan.review_date, latest: latestReview });
    warnings.push(`${planFile}: review_date ${plan.review_date} is more than ${PLAN_REVIEW_MONTHS} months after plan_date ${plan.plan_date} (latest ${latestReview}; 42 U.S.C. 675(5)(B))`);
  }
  if (plan.review_date < plan.plan_date) {
    warnings.push(`${planFile}: review_date ${plan.review_date} is before plan_date ${plan.plan_date}`);
  }
  if (plan.review_date < asOf) {
    attention.push({ kind: 'review_past_due', review_date: plan.review_date });
    warnings.push(`${planFile}: the plan review was due ${plan.review_date} and no newer plan is on file`);
  }
  if (youth.needsNote) {
    attention.push({ kind: 'youth_not_participating' });
    warnings.push(`${planFile}: ${record.child.name} was ${youth.age} on ${plan.plan_date} and youth_participated is not true (youth 14 and older take part in case planning, 42 U.S.C. 675(1)(B))`);
  }
  if (pastDue.length > 0) {
    attention.push({ kind: 'past_due', items: pastDue });
    const item = (p: (typeof pastDue)[number]) => (p.kind === 'objective' ? `objective ${p.number} (target ${p.target_date})` : `step "${p.task}" (goal ${p.goal}, due ${p.due})`);
    warnings.push(`${planFile}: past due and not finished as of ${asOf}: ${pastDue.map(item).join('; ')}`);
  }
  const transition = youth.required || ageNow >= YOUTH_PLANNING_AGE ? transitionPlanStatus(record.child.dob, child.transition?.data, asOf) : undefined;

  const data: ServicePlanFacts = {
    as_of: asOf,
    audience: redact.audience,
    reader: readerOf(ctx, record),
    agency: { name: agency.name, state: agency.state },
    child: {
      name: record.child.name,
      preferred_name: record.child.preferred_name ?? null,
      called: childName,
      dob: record.child.dob,
      age: ageNow,
      case_id: record.id,
      languages: record.child.languages ?? null,
    },
    plan: {
      date: plan.plan_date,
      type: plan.plan_type,
      review_date: plan.review_date,
      court: record.court.name,
      docket: record.court.docket,
    },
    caseworker,
    supervisor,
    placement: placement
      ? {
          where: placementWhere(placement, record.placements.indexOf(placement), ctx, location),
          since: placement.start,
        }
      : null,
    permanency: {
      goal: record.permanency.goal,
      concurrent_goal: record.permanency.concurrent_goal ?? null,
      established: record.permanency.goal_established,
      target_date: record.permanency.target_date ?? null,
    },
    progress: progressData(progress.objectives),
    goals,
    education: educationData(record, location, narrative, caseFile),
    health: healthData(record),
    youth: {
      age: youth.age,
      required: youth.required,
      participated: youth.participated,
      recorded: plan.youth_participated ?? null,
      needs_note: youth.needsNote,
      transition: transition
        ? {
            eighteenth_birthday: transition.eighteenthBirthday,
            due: transition.due,
            plan_date: transition.planDate ?? null,
            met: transition.met,
          }
        : null,
    },
    participants,
    signers,
    attention,
    readiness: { ready: missing.length === 0, missing: missingSections(missing), not_provided: missingFlags(PLAN_REQUIRED, missing) },
  };

  const sourceOf = (path: string) => (/^(goals|participants|signers|plan)\b/.test(path) ? planFile : caseFile);
  const scrubbed = scrubWithheld(data, ctx, sourceOf, warnings);
  return { data: scrubbed, withheld: [...redact.withheld], ...familiesOf(redact), warnings, missing };
}
