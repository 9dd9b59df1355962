/** transition.yaml for youth 14 and older: housing, school, work, health coverage, documents, supports. */
import type { Transition } from '../../src/model/transition.js';
import { addDays, addMonths, ageOn, dateBetween, maxDate } from './dates.js';
import type { Child } from './family.js';
import { professionalName } from './names.js';
import type { Directory } from './places.js';
import type { Random } from './random.js';
import { fill } from './text.js';

type AreaStatus = Transition['housing']['status'];

const HOUSING = [
  'Stay in the current placement through high school graduation, then move to supervised independent living if {he} elects extended care.',
  'Plans to live with {his} {relative} after leaving care; the agency will complete a home visit before {his} 18th birthday.',
  'Apply for the agency\'s supervised apartments in the spring; backup is a college dorm with Chafee room-and-board funds.',
];
const EDUCATION = [
  'On track to graduate; meeting with the school counselor about dual-credit classes and the FAFSA.',
  'Behind by two credits; enrolled in online credit recovery and summer school. Goal: graduate within a year of {his} class.',
  'Interested in a trade program (welding or cosmetology); tour of the technical college scheduled.',
];
const EMPLOYMENT = [
  'Part-time job at a grocery store on weekends; résumé finished in life skills class.',
  'Not yet working; will apply for summer youth employment and practice interviews with {his} mentor.',
  'Volunteering at the animal shelter to build experience for a first job.',
];
const SKILLS = ['budgeting', 'opening a bank account', 'cooking and meal planning', 'job search and résumé', 'making and keeping health appointments', 'using public transportation', 'finding and renting an apartment', "driver's license"];
const STATUS: Readonly<Record<AreaStatus, number>> = { in_progress: 60, not_started: 25, completed: 15, not_applicable: 0 };

export function transitionPlan(rng: Random, child: Child, dir: Directory, asOf: string): Transition {
  const fourteenth = addMonths(child.dob, 14 * 12);
  const eighteenth = addMonths(child.dob, 18 * 12);
  const planDate = maxDate(maxDate(fourteenth, addDays(child.family.removal, 30)), addDays(asOf, -rng.int(10, 160)));
  const vars = { he: child.sex === 'male' ? 'he' : 'she', his: child.sex === 'male' ? 'his' : 'her', relative: child.family.relative.relationship };
  const age = ageOn(child.dob, asOf);
  const status = (): AreaStatus => rng.weighted(STATUS);
  const docStatus = () => rng.weighted({ obtained: 55, requested: 25, not_started: 20 } as const);
  return {
    plan_date: planDate,
    youth_participated: true,
    expected_exit: eighteenth,
    extended_care: { eligible: true, elected: age >= 17 ? rng.chance(0.6) : null },
    housing: { plan: fill(rng.pick(HOUSING), vars), status: status() },
    education: { plan: fill(rng.pick(EDUCATION), vars), status: status() },
    employment: { plan: fill(rng.pick(EMPLOYMENT), vars), status: status() },
    health_insurance: { plan: 'Kentucky Medicaid for former foster youth, which continues until age 26 when a youth leaves care at or after 18.', coverage_until: addMonths(child.dob, 26 * 12) },
    health_care_proxy_discussed: age >= 17 || rng.chance(0.5),
    mentors: rng.chance(0.6) ? [{ name: professionalName(rng), relationship: rng.pick(['Coach', 'Big Brothers Big Sisters mentor', 'Youth pastor', 'Former teacher']), phone: dir.phone() }] : [],
    life_skills: rng.sample(SKILLS, rng.int(3, 6)).map((skill) => {
      const s = status();
      return { skill, status: s, ...(s === 'completed' ? { date: dateBetween(rng, addDays(planDate, -200), planDate) } : {}) };
    }),
    supports: [{ name: child.family.relative.name, relationship: child.family.relative.relationship.replace(/^./, (c) => c.toUpperCase()) }],
    documents: { birth_certificate: docStatus(), social_security_card: docStatus(), state_id: age >= 16 ? docStatus() : 'not_started', health_insurance_card: 'obtained', medical_records: docStatus() },
  };
}
