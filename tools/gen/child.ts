/** A child's case.yaml: the record of case-format.md built from the family plan. */
import type { CaseRecord } from '../../src/model/case.js';
import { hearings } from './court.js';
import { addDays, addMonths, ageOn, dateBetween, daysBetween, maxDate, minDate, onWeekday } from './dates.js';
import { enteredCare, type Child, type Parent } from './family.js';
import { professionalName, SPOKEN } from './names.js';
import type { Directory } from './places.js';
import type { Random } from './random.js';
import { listWords } from './text.js';

type Race = CaseRecord['child']['race'][number];

const RACES: Readonly<Record<string, readonly (readonly Race[])[]>> = {
  english: [['white'], ['white'], ['white'], ['black'], ['black'], ['white', 'black']],
  spanish: [['white'], ['white'], ['unable_to_determine']],
  vietnamese: [['asian']],
  chinese: [['asian']],
  arabic: [['white']],
  somali: [['black']],
  polish: [['white']],
  navajo: [['american_indian_alaska_native']],
};

const SCHOOLS: Readonly<Record<string, readonly string[]>> = {
  elementary: ['Cardinal Valley Elementary', 'Squires Elementary', 'Brookside Elementary', 'Rosa Parks Elementary', 'Meadowthorpe Elementary', 'Glendover Elementary'],
  middle: ['Beaumont Middle School', 'Winburn Middle School', 'East Jessamine Middle School', 'Crossroads Middle School'],
  high: ['East Jessamine High School', 'Bryan Station High School', 'Madison Central High School', 'George Rogers Clark High School', 'Frederick Douglass High School'],
};

const DIAGNOSES = {
  young: ['Adjustment disorder with mixed anxiety and depressed mood', 'Speech and language delay', 'Reactive attachment disorder', 'Global developmental delay', 'Neonatal abstinence syndrome (resolved)'],
  school: ['Post-traumatic stress disorder', 'Attention-deficit/hyperactivity disorder, combined presentation', 'Generalized anxiety disorder', 'Specific learning disorder with impairment in reading', 'Oppositional defiant disorder', 'Asthma, mild persistent'],
  teen: ['Post-traumatic stress disorder', 'Major depressive disorder, recurrent, moderate', 'Cannabis use disorder, mild', 'Generalized anxiety disorder', 'Attention-deficit/hyperactivity disorder, combined presentation'],
};

const MEDICATIONS = [
  { name: 'Guanfacine ER', dose: '2 mg each evening', psychotropic: true },
  { name: 'Sertraline', dose: '50 mg each morning', psychotropic: true },
  { name: 'Methylphenidate ER', dose: '27 mg each morning', psychotropic: true },
  { name: 'Fluticasone inhaler', dose: '2 puffs twice daily', psychotropic: false },
  { name: 'Melatonin', dose: '3 mg at bedtime', psychotropic: false },
];

const THERAPY_TYPES = ['trauma_focused_cbt', 'play_therapy', 'parent_child_interaction_therapy', 'dbt_informed_individual_therapy', 'individual_counseling'];

function gradeFor(age: number): string | undefined {
  if (age < 3) return undefined;
  if (age < 5) return 'Pre-K';
  if (age === 5) return 'K';
  return String(Math.min(12, age - 5));
}

function schoolFor(rng: Random, age: number): string {
  if (age < 5) return 'Community Action Head Start';
  return rng.pick(SCHOOLS[age < 11 ? 'elementary' : age < 14 ? 'middle' : 'high']!);
}

/** How a placement reads to a sibling's worker. */
function whereLives(child: Child): string {
  const p = child.placements[child.placements.length - 1]!;
  if (p.home) return `${p.setting === 'foster_family_relative' ? 'Relative foster home' : 'Foster home'} ${p.home}, ${p.county} County`;
  if (p.setting === 'trial_home_visit') return 'Trial home visit with the parent';
  return `${p.provider ?? 'Placement'}, ${p.county} County`;
}

function parentRecord(parent: Parent, terminated: { petitionFiled: string; granted?: string } | undefined): CaseRecord['parents'][number] {
  return {
    name: parent.name,
    role: parent.role,
    rights: terminated?.granted ? 'terminated' : 'intact',
    ...(parent.address ? { address: parent.address } : {}),
    ...(parent.phone ? { phone: parent.phone } : {}),
    ...(parent.language !== 'english' ? { language: SPOKEN[parent.language].name, interpreter: parent.interpreter } : {}),
    confidential: parent.confidential,
    attorney: { name: parent.attorney.name, role: 'attorney', phone: parent.attorney.phone },
    incarcerated: parent.incarcerated,
    tpr: { petition_filed: terminated?.petitionFiled ?? null, granted: terminated?.granted ?? null },
  };
}

export interface CaseContext {
  readonly asOf: string;
  readonly dir: Directory;
  /** The child's therapist, shared with the notes. */
  readonly therapist?: string;
  readonly teacher?: string;
  readonly school?: string;
}

export function caseRecord(rng: Random, child: Child, ctx: CaseContext): CaseRecord {
  const family = child.family;
  const asOf = ctx.asOf;
  const age = ageOn(child.dob, asOf);
  const county = family.county;
  const parents = [family.mother, family.father].filter((p): p is Parent => p !== undefined);
  const navajo = family.language === 'navajo';
  const cherokee = !navajo && family.language === 'english' && rng.chance(0.05);
  const tribeStatus = navajo ? rng.pick(['member', 'eligible', 'pending'] as const) : undefined;
  const icwaActive = tribeStatus === 'member' || tribeStatus === 'eligible';
  const names = {
    child: child.call,
    parents: listWords(parents.map((p) => `the ${p.role === 'putative_father' ? 'putative father' : p.role}`)) || 'the family',
    parentWho: family.mother ? 'the mother' : 'the father',
  };
  const courtHearings = hearings(rng.fork('court'), child, asOf, icwaActive, names);
  const held = courtHearings.filter((h) => h.date <= asOf && !h.continued);
  const disposition = held.find((h) => h.type === 'disposition')?.date ?? family.removal;
  const defc = enteredCare(family);
  const monthsSinceDefc = daysBetween(defc, asOf) / 30.4;
  const sameHome = (a: Child, b: Child) => {
    const pa = a.placements[a.placements.length - 1]!;
    const pb = b.placements[b.placements.length - 1]!;
    return (pa.home != null && pa.home === pb.home) || (pa.provider != null && pa.provider === pb.provider && pa.setting === 'trial_home_visit');
  };
  const siblings: NonNullable<CaseRecord['siblings']> = family.children.filter((c) => c !== child).map((s) => ({
    name: s.name,
    dob: s.dob,
    case_id: s.id,
    placed_together: sameHome(child, s),
    placement: whereLives(s),
    contact: sameHome(child, s) ? 'Live together' : rng.pick(['Weekly sibling visits at the agency', 'Visits every other week and phone calls twice a week', 'Monthly visits; video calls on weekends']),
  }));
  if (age >= 6 && ['english', 'spanish', 'polish'].includes(family.language) && rng.chance(0.12)) {
    siblings.push({ name: `${rng.pick(['Brandon', 'Tasha', 'Marcus', 'Alicia', 'Devon'])} ${child.name.split(' ').pop()}`, dob: addMonths(child.dob, -12 * rng.int(3, 8)), placed_together: false, placement: 'Not in care; an adult living on their own', contact: 'Phone calls and visits about monthly' });
  }
  const grade = gradeFor(age);
  const school = ctx.school ?? schoolFor(rng, age);
  const therapyType = rng.pick(THERAPY_TYPES);
  const diagnoses = rng.sample(DIAGNOSES[age < 6 ? 'young' : age < 13 ? 'school' : 'teen'], age < 2 ? 0 : rng.int(0, 2));
  const medications = age >= 6 && diagnoses.length ? rng.sample(MEDICATIONS, rng.int(0, 2)).map((m) => ({ ...m, prescriber: `Dr. ${professionalName(rng)}, MD`, ...(m.psychotropic ? { consent_date: dateBetween(rng, family.removal, addDays(asOf, -5)) } : {}) })) : [];
  const others: NonNullable<CaseRecord['others']> = [{ name: professionalName(rng), role: 'gal', phone: ctx.dir.phone(county) }];
  if (rng.chance(0.4)) others.push({ name: professionalName(rng), role: 'casa', phone: ctx.dir.phone(county) });
  if (ctx.therapist) others.push({ name: ctx.therapist, role: 'therapist', phone: ctx.dir.phone(county) });
  if (ctx.teacher) others.push({ name: ctx.teacher, role: 'teacher', email: `${ctx.teacher.split(' ').pop()!.toLowerCase()}@example.org` });
  if (icwaActive || tribeStatus === 'pending') others.push({ name: professionalName(rng), role: 'tribe_representative', phone: ctx.dir.phone(county) });
  const inquiry = [held[0]?.date ?? family.removal, ...(family.adjudication ? [family.adjudication] : [])];
  const tribes = navajo
    ? [{ name: 'Navajo Nation', notice_sent: addDays(family.removal, rng.int(4, 12)), method: 'certified mail, return receipt requested (copy to the BIA Navajo Regional Director)', response: tribeStatus === 'pending' ? 'Return receipt signed; the Navajo Nation Department of Family Services is completing the enrollment search.' : `Letter from the Navajo Nation ICWA program confirms ${child.call} is ${tribeStatus === 'member' ? 'an enrolled member' : 'eligible for enrollment'}; the tribe has intervened.`, status: tribeStatus! }]
    : cherokee
      ? [{ name: 'Eastern Band of Cherokee Indians', notice_sent: addDays(family.removal, rng.int(4, 12)), method: 'certified mail, return receipt requested', response: 'Enrollment search still open.', status: 'pending' as const }, { name: 'Cherokee Nation', notice_sent: addDays(family.removal, rng.int(4, 12)), method: 'certified mail, return receipt requested', response: 'Not a member and not eligible on the information provided.', status: 'not_eligible' as const }]
      : [];
  const exceptionDue = addMonths(defc, 15);
  const tprException = !family.tpr && monthsSinceDefc >= 15
    ? family.kinship
      ? { type: 'relative_placement' as const, documented: minDate(addDays(exceptionDue, rng.int(0, 20)), asOf), reason: `${child.call} lives with a relative (${family.relative.relationship}) who is committed to permanency; termination of parental rights is not needed to achieve a permanent home.` }
      : { type: 'compelling_reason' as const, documented: minDate(addDays(exceptionDue, rng.int(0, 20)), asOf), reason: child.goal === 'appla' ? `${child.call} is ${ageOn(child.dob, exceptionDue)} and does not want to be adopted; the goal is another planned permanent living arrangement, and terminating parental rights would cut important family ties without giving a permanent home.` : `The parent is making measurable progress on the case plan and reunification is expected within six months; filing a petition to terminate parental rights would not be in ${child.call}'s best interests.` }
    : undefined;
  return {
    id: child.id,
    caseworker: family.caseworker,
    supervisor: family.supervisor,
    child: {
      name: child.name,
      ...(child.preferredName ? { preferred_name: child.preferredName } : {}),
      dob: child.dob,
      sex: child.sex,
      race: [...rng.pick(RACES[family.language]!)],
      hispanic: family.language === 'spanish',
      languages: family.language === 'english' ? ['English'] : age < 3 ? [SPOKEN[family.language].name] : [SPOKEN[family.language].name, 'English'],
      icwa: { inquiry_dates: [...new Set(inquiry)], reason_to_know: navajo || cherokee, tribes },
    },
    removal: {
      date: family.removal,
      manner: family.manner,
      reasons: family.reasons,
      ...(family.adjudication ? { adjudication_date: family.adjudication } : {}),
      prior_episodes: child.priorEpisodes,
    },
    court: { name: family.court.name, county: family.court.county, docket: child.docket, judge: family.court.judge, hearings: courtHearings },
    permanency: {
      goal: child.goal,
      ...(child.concurrentGoal ? { concurrent_goal: child.concurrentGoal } : {}),
      goal_established: disposition,
      target_date: maxDate(addMonths(disposition, rng.int(12, 18)), addMonths(asOf, rng.int(2, 9))),
      ...(tprException ? { tpr_exception: tprException } : {}),
    },
    parents: parents.map((p) => parentRecord(p, family.tpr)),
    others,
    placements: child.placements,
    siblings,
    ...(grade ? {
      education: {
        school,
        grade,
        iep: rng.chance(0.22),
        plan_504: rng.chance(0.1),
        school_changes_since_removal: Math.max(0, child.placements.filter((p) => p.setting !== 'runaway' && p.setting !== 'hospital').length - 1 - rng.int(0, 1)),
        ...(age >= 5 ? { best_interest_determination: onWeekday(addDays(family.removal, rng.int(3, 14))) } : {}),
      },
    } : {}),
    health: {
      medicaid_id_last4: String(rng.int(1000, 9999)),
      last_physical: dateBetween(rng, maxDate(addDays(child.dob, 3), addDays(asOf, -330)), addDays(asOf, -10)),
      ...(age >= 1 ? { last_dental: dateBetween(rng, addDays(asOf, -300), addDays(asOf, -10)) } : {}),
      immunizations_current: rng.chance(0.9),
      diagnoses,
      medications,
      ...(ctx.therapist ? { therapy: { provider: ctx.therapist, type: therapyType, frequency: rng.pick(['weekly', 'every other week']) } } : {}),
    },
  };
}
