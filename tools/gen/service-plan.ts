/**
 * plan.yaml, the individualized service plan: goals for the parents that
 * answer the reasons for removal, goals for the child from the child's needs,
 * services with their providers, and who took part in the planning meeting.
 */
import type { Plan } from '../../src/model/plan.js';
import { addDays, addMonths, ageOn, dateBetween, maxDate, minDate } from './dates.js';
import type { Child, Reason } from './family.js';
import type { Home } from './homes.js';
import { fosterParents } from './homes.js';
import { professionalName } from './names.js';
import type { Random } from './random.js';
import { fill } from './text.js';

type Goal = Plan['goals'][number];
type Status = Goal['objectives'][number]['status'];

interface GoalTemplate {
  readonly area: Goal['area'];
  readonly statement: string;
  readonly objectives: readonly string[];
  readonly tasks: readonly string[];
  readonly service?: { readonly type: string; readonly providers: readonly string[]; readonly frequency: string; readonly substance?: boolean };
}

const PARENT_GOALS: Readonly<Partial<Record<Reason, GoalTemplate>>> = {
  parent_drug_abuse: { area: 'substance_use', statement: '{parent} will maintain sobriety and engage in treatment.', objectives: ['Complete an intensive outpatient program.', 'Provide negative random drug screens for 90 days.'], tasks: ['Attend IOP three times weekly', 'Call the screening line every morning'], service: { type: 'Intensive outpatient treatment', providers: ['New Vista', 'Bluegrass Recovery Services', 'Chrysalis House'], frequency: '3x weekly', substance: true } },
  parent_alcohol_abuse: { area: 'substance_use', statement: '{parent} will address alcohol use.', objectives: ['Complete a substance use assessment and follow its recommendations.'], tasks: ['Attend two recovery meetings a week and bring the signed sheet'], service: { type: 'Outpatient alcohol treatment', providers: ['New Vista', 'Bluegrass Recovery Services'], frequency: 'Weekly', substance: true } },
  neglect: { area: 'parenting', statement: '{parent} will meet the children\'s basic needs and supervise them safely.', objectives: ['Complete a parenting program and show the skills at visits.'], tasks: ['Attend the twelve-week parenting class', 'Plan each visit with the visit supervisor'], service: { type: 'Parenting education', providers: ['Family Resource Center', 'Nurturing Parenting Program'], frequency: 'Weekly' } },
  physical_abuse: { area: 'safety', statement: '{parent} will use non-physical discipline and keep the children safe.', objectives: ['Complete an anger management or batterer intervention program.'], tasks: ['Attend every group session', 'Sign releases for the program'], service: { type: 'Batterer intervention program', providers: ['Bluegrass Domestic Violence Program', 'Greenhouse17'], frequency: 'Weekly' } },
  inadequate_housing: { area: 'housing', statement: '{parent} will obtain safe, stable housing.', objectives: ['Secure a lease for a unit with room for the children.'], tasks: ['Apply for housing assistance', 'Provide proof of income each month'] },
  parent_incarceration: { area: 'other', statement: '{parent} will stay connected with the children while incarcerated.', objectives: ['Write to the children twice a month and attend scheduled video visits.'], tasks: ['Schedule monthly video visits with the institution'] },
  sexual_abuse: { area: 'safety', statement: '{parent} will protect the child from contact with the offender.', objectives: ['Complete non-offending parent counseling.'], tasks: ['Attend weekly counseling'], service: { type: 'Non-offending caregiver counseling', providers: ['Children\'s Advocacy Center of the Bluegrass'], frequency: 'Weekly' } },
};

const CHILD_GOALS: readonly GoalTemplate[] = [
  { area: 'mental_health', statement: '{child} will manage strong feelings safely.', objectives: ['Use coping skills from therapy instead of aggression, with no physical incidents for 90 days.'], tasks: ['Attend therapy as scheduled'], service: { type: 'Trauma-focused CBT', providers: ['therapist'], frequency: 'Weekly' } },
  { area: 'education', statement: '{child} will attend school regularly and pass all classes.', objectives: ['Miss no more than two unexcused days per quarter.', 'Reach the reading benchmark.'], tasks: ['Attend after-school tutoring twice a week'] },
  { area: 'health', statement: '{child} will receive all routine health care.', objectives: ['Keep well-child, dental and vision visits current.'], tasks: ['Schedule the dental cleaning'] },
  { area: 'visitation', statement: '{child} will keep close ties with family.', objectives: ['Attend family time and sibling visits as scheduled.', 'Keep a weekly phone call with brothers and sisters placed elsewhere.'], tasks: ['Arrange transportation to family time', 'Keep the visit calendar up to date and share it with the caregiver'] },
];

const AGENCY_GOAL: GoalTemplate = { area: 'permanency', statement: 'The agency will achieve a safe, permanent home for {child}.', objectives: ['Complete the steps of the permanency plan before the next permanency hearing.', 'Explore and document relatives and fictive kin as placement and support resources.'], tasks: ['Update the relative search and send notices', 'File the court report ten days before the hearing', 'Hold a family team meeting before the next review'] };

const YOUNG_GOAL: GoalTemplate = { area: 'health', statement: '{child} will meet developmental milestones.', objectives: ['Complete the early intervention evaluation and attend therapy.'], tasks: ['Take {child} to First Steps sessions'], service: { type: 'Early intervention (First Steps)', providers: ['First Steps'], frequency: 'Every other week' } };
const YOUTH_GOAL: GoalTemplate = { area: 'independent_living', statement: '{child} will build the skills to live on {his} own.', objectives: ['Complete the life skills class and open a bank account.'], tasks: ['Attend the independent living class monthly'] };

const STATUSES: Readonly<Record<Status, number>> = { in_progress: 50, not_started: 10, met: 15, partially_met: 15, not_met: 7, discontinued: 3 };

export function servicePlan(rng: Random, child: Child, home: Home | undefined, worker: { name: string }, supervisor: { name: string }, therapist: string | undefined, asOf: string): Plan {
  const family = child.family;
  const age = ageOn(child.dob, asOf);
  const planDate = maxDate(addDays(family.removal, rng.int(20, 40)), addDays(asOf, -rng.int(5, 170)));
  const initial = planDate < addDays(family.removal, 60);
  const reviewDate = addMonths(planDate, rng.pick([5, 6, 6]));
  const vars = { child: child.call, his: child.sex === 'male' ? 'his' : 'her', parent: family.mother?.call ?? family.father?.call ?? 'The parent' };
  const parentGoals = family.tpr?.granted ? [] : family.reasons.map((r) => PARENT_GOALS[r]).filter((g): g is GoalTemplate => g !== undefined);
  const childGoals = [age < 3 ? YOUNG_GOAL : undefined, age >= 14 ? YOUTH_GOAL : undefined, ...rng.sample(age < 5 ? CHILD_GOALS.slice(2) : CHILD_GOALS, rng.int(1, 2))].filter((g): g is GoalTemplate => g !== undefined);
  const templates = [...new Set([...parentGoals, ...childGoals, AGENCY_GOAL])];
  const goals: Goal[] = templates.map((t, i) => {
    const forWhom: Goal['for'] = t === AGENCY_GOAL ? 'agency' : parentGoals.includes(t) ? (family.mother ? 'mother' : 'father') : 'child';
    const responsible = forWhom === 'agency' ? worker.name : forWhom === 'child' ? (home ? fosterParents(home)[0]!.name : worker.name) : (forWhom === 'mother' ? family.mother : family.father)?.name ?? worker.name;
    const target = addMonths(planDate, rng.int(3, 6));
    const service = t.service;
    const start = dateBetween(rng, family.removal, planDate);
    return {
      id: `G${i + 1}`,
      for: forWhom,
      area: t.area,
      statement: fill(t.statement, vars),
      objectives: t.objectives.map((o, j) => ({
        statement: fill(o, vars),
        target_date: minDate(target, reviewDate),
        status: initial ? 'not_started' : rng.weighted(STATUSES),
        ...(j === 0 || rng.chance(0.5) ? { tasks: t.tasks.map((task) => ({ task: fill(task, vars), responsible, due: minDate(target, reviewDate), status: initial ? 'not_started' as const : rng.weighted(STATUSES) })) } : {}),
      })),
      ...(service ? {
        services: [{
          provider: service.providers[0] === 'therapist' ? therapist ?? professionalName(rng) : rng.pick(service.providers),
          type: service.type,
          frequency: service.frequency,
          start,
          status: initial ? 'referred' as const : rng.weighted({ active: 70, completed: 15, waitlisted: 10, discontinued: 5 } as const),
          ...(service.substance ? { substance_use_treatment: true, consent_on_file: rng.chance(0.6) } : {}),
        }],
      } : {}),
    };
  });
  const participants: Plan['participants'] = [];
  for (const parent of [family.mother, family.father]) {
    if (!parent || family.tpr?.granted) continue;
    const method = !parent.located ? 'unavailable' : parent.incarcerated ? 'video' : rng.weighted({ in_person: 70, phone: 15, declined: 15 } as const);
    const signed = method === 'in_person' && rng.chance(0.8);
    participants.push({ name: parent.name, role: parent.role, method, agrees: method === 'declined' || method === 'unavailable' ? null : rng.chance(0.85), signed: signed ? planDate : null, comment: signed ? null : method === 'unavailable' ? 'Not located; the plan was mailed to the last known address and to counsel.' : method === 'declined' ? 'Declined to attend; a copy was sent to counsel.' : 'Took part remotely; signature page sent for signing.' });
  }
  for (const carer of home ? fosterParents(home).slice(0, 1) : []) participants.push({ name: carer.name, role: 'foster_parent', method: 'in_person', agrees: true, signed: planDate, comment: null });
  if (age >= 8) participants.push({ name: child.name, role: 'child', method: 'in_person', agrees: true, signed: age >= 14 ? planDate : null, comment: age >= 14 ? null : `${child.call} (${ageOn(child.dob, planDate)}) joined for part of the meeting.` });
  participants.push({ name: worker.name, role: 'caseworker', method: 'in_person', agrees: true, signed: planDate, comment: null });
  participants.push({ name: supervisor.name, role: 'supervisor', method: 'in_person', agrees: true, signed: addDays(planDate, rng.int(0, 3)), comment: null });
  return {
    plan_date: planDate,
    review_date: reviewDate,
    plan_type: initial ? 'initial' : rng.chance(0.85) ? 'review' : 'revision',
    ...(ageOn(child.dob, planDate) >= 12 ? { youth_participated: true } : {}),
    goals,
    participants,
  };
}
