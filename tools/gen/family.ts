/**
 * The families the agency serves, planned before any file is written: who the
 * children and parents are, when the children were removed and why, earlier
 * episodes in care, the permanency goal and the court. Placements (which need
 * the homes) are added by placements.ts; files are written from this plan.
 */
import type { CaseRecord, Placement } from '../../src/model/case.js';
import { addDays, addMonths, ageOn, daysBetween, dobForAge, minDate, onWeekday, yearOf } from './dates.js';
import { callName, familySurname, fullName, givenName, professionalName, SPOKEN, type Language, type Sex, type Surname } from './names.js';
import type { County, Directory } from './places.js';
import type { Random } from './random.js';
import type { Staff } from './staff.js';

type Removal = CaseRecord['removal'];
export type Reason = Removal['reasons'][number];
export type Goal = CaseRecord['permanency']['goal'];

export interface Parent {
  readonly name: string;
  readonly call: string;
  readonly role: 'mother' | 'father' | 'putative_father';
  readonly language: Language;
  readonly interpreter: boolean;
  readonly incarcerated: boolean;
  /** Address and phone withheld from parties (domestic violence). */
  readonly confidential: boolean;
  readonly located: boolean;
  readonly address?: ReturnType<Directory['address']>;
  readonly phone?: string;
  readonly attorney: { name: string; phone: string };
}

export interface Child {
  readonly id: string;
  readonly family: Family;
  readonly name: string;
  /** The name notes use: preferred name, or the given name. */
  readonly call: string;
  readonly preferredName?: string;
  readonly sex: Sex;
  readonly dob: string;
  /** Earlier removals of this child (a re-entry into care). */
  readonly priorEpisodes: NonNullable<Removal['prior_episodes']>;
  goal: Goal;
  concurrentGoal?: Goal;
  placements: Placement[];
  docket: string;
}

export interface Family {
  readonly index: number;
  readonly language: Language;
  readonly surname: Surname;
  readonly county: County;
  readonly removal: string;
  readonly adjudication?: string;
  readonly manner: Removal['manner'];
  readonly reasons: Reason[];
  readonly mother?: Parent;
  readonly father?: Parent;
  readonly caseworker: string;
  readonly supervisor: string;
  readonly court: { name: string; judge: string; county: string };
  /** Wants a kinship placement with a relative (a home of the agency, when one is free). */
  readonly kinship: boolean;
  /** Whose relative takes the kinship placement. */
  readonly relative: { name: string; call: string; relationship: string; sex: Sex; dob: string };
  /** A trial home visit with a parent under way. */
  readonly trialHomeVisit: boolean;
  /** Parental rights terminated: a goal of adoption. */
  readonly tpr?: { petitionFiled: string; granted?: string };
  readonly children: Child[];
}

const LANGUAGE_WEIGHTS: Readonly<Record<Language, number>> = { english: 62, spanish: 14, vietnamese: 4, arabic: 4, somali: 4, polish: 3, navajo: 5, chinese: 4 };

/** Removal reasons that go together, with how often. */
const REASON_SETS: readonly { readonly weight: number; readonly reasons: readonly Reason[] }[] = [
  { weight: 30, reasons: ['neglect', 'parent_drug_abuse'] },
  { weight: 12, reasons: ['neglect'] },
  { weight: 10, reasons: ['physical_abuse'] },
  { weight: 6, reasons: ['neglect', 'parent_alcohol_abuse'] },
  { weight: 5, reasons: ['sexual_abuse'] },
  { weight: 7, reasons: ['neglect', 'inadequate_housing'] },
  { weight: 6, reasons: ['neglect', 'parent_incarceration', 'parent_drug_abuse'] },
  { weight: 4, reasons: ['caretaker_inability'] },
  { weight: 4, reasons: ['child_behavior', 'caretaker_inability'] },
  { weight: 3, reasons: ['abandonment'] },
  { weight: 3, reasons: ['physical_abuse', 'parent_alcohol_abuse'] },
  { weight: 2, reasons: ['child_disability', 'caretaker_inability'] },
  { weight: 2, reasons: ['parent_death', 'caretaker_inability'] },
];

const REASON_WEIGHTS: Readonly<Record<string, number>> = Object.fromEntries(REASON_SETS.map((s, i) => [String(i), s.weight]));

const COURT_DIVISIONS = [1, 2, 3];

export interface FamilyOptions {
  readonly children: number;
  readonly asOf: string;
}

/** Judges per county and division, fixed for the agency. */
function makeCourts(rng: Random, counties: readonly County[]) {
  const courts = new Map<string, { name: string; judge: string; county: string }[]>();
  for (const county of counties) {
    courts.set(county.name, COURT_DIVISIONS.slice(0, county.cities.length > 2 ? 3 : 1).map((d) => ({
      name: `${county.name} Family Court, Division ${d}`,
      judge: `Hon. ${professionalName(rng)}`,
      county: county.name,
    })));
  }
  return (county: County) => rng.pick(courts.get(county.name)!);
}

export function planFamilies(rng: Random, dir: Directory, staff: Staff, counties: readonly County[], options: FamilyOptions): Family[] {
  const families: Family[] = [];
  const courtFor = makeCourts(rng.fork('courts'), counties);
  const nextCaseNumber = new Map<number, number>();
  const caseId = (removal: string) => {
    const year = yearOf(removal);
    const n = (nextCaseNumber.get(year) ?? rng.int(3, 40)) + rng.int(1, 3);
    nextCaseNumber.set(year, n);
    return `C-${year}-${String(n).padStart(4, '0')}`;
  };
  let docket = rng.int(100, 400);
  let remaining = options.children;
  for (let index = 0; remaining > 0; index++) {
    const size = Math.min(remaining, Number(rng.weighted({ 1: 55, 2: 25, 3: 13, 4: 7 })));
    remaining -= size;
    const family = planFamily(rng.fork(`family-${index}`), index, size, dir, staff, courtFor, options.asOf);
    for (const child of family.children) {
      (child as { id: string }).id = caseId(family.removal);
      child.docket = `${String(yearOf(family.removal)).slice(2)}-J-${String((docket += rng.int(1, 9))).padStart(5, '0')}`;
    }
    families.push(family);
  }
  return families;
}

function planFamily(
  rng: Random,
  index: number,
  size: number,
  dir: Directory,
  staff: Staff,
  courtFor: (county: County) => { name: string; judge: string; county: string },
  asOf: string,
): Family {
  const language = rng.weighted(LANGUAGE_WEIGHTS);
  const county = dir.county();
  const removal = onWeekday(addDays(asOf, -rng.int(40, 900)));
  const adjudicationDate = onWeekday(addDays(removal, rng.int(24, 58)));
  const adjudication = adjudicationDate < asOf ? adjudicationDate : undefined;
  const reasons = [...REASON_SETS[Number(rng.weighted(REASON_WEIGHTS))]!.reasons];
  const surname = familySurname(rng, language);
  const otherSurname = familySurname(rng, language);
  const caseworker = rng.pick(staff.caseworkers).id;

  const spoken = SPOKEN[language];
  const domesticViolence = reasons.includes('physical_abuse') && rng.chance(0.35);
  const parent = (role: Parent['role'], sex: Sex, family: Surname, given = givenName(rng, language, sex), lineage?: string): Parent => {
    const name = fullName(rng, family, sex, given, lineage);
    const located = role !== 'putative_father' || rng.chance(0.5);
    const incarcerated = located && (reasons.includes('parent_incarceration') ? role !== 'mother' || rng.chance(0.3) : rng.chance(0.06));
    const confidential = role === 'mother' && domesticViolence;
    return {
      name,
      call: callName(name, language),
      role,
      language,
      interpreter: rng.chance(spoken.interpreter),
      incarcerated,
      confidential,
      located,
      ...(located && !incarcerated ? { address: dir.address(rng.chance(0.8) ? county : dir.county(), { apartment: rng.chance(0.4), confidential }), phone: dir.phone(county) } : {}),
      attorney: { name: professionalName(rng), phone: dir.phone(county) },
    };
  };
  // Somali children carry their father's and grandfather's names.
  const lineage = language === 'somali' ? `${givenName(rng, 'somali', 'male')} ${surname.male}` : undefined;
  const mother = reasons.includes('parent_death') && rng.chance(0.5) ? undefined : parent('mother', 'female', language === 'spanish' || language === 'vietnamese' || language === 'somali' ? otherSurname : surname);
  const fatherRole = rng.chance(0.2) ? 'putative_father' : 'father';
  const father = rng.chance(mother ? 0.8 : 1) ? parent(fatherRole, 'male', surname, lineage ? lineage.split(' ')[0] : undefined, lineage && `${surname.male} ${familySurname(rng, 'somali').male}`) : undefined;

  const months = daysBetween(removal, asOf) / 30.4;
  const kinship = rng.chance(0.28);
  const relativeSex: Sex = rng.chance(0.8) ? 'female' : 'male';
  const relativeFamily = rng.chance(0.6) ? surname : otherSurname;
  const relativeName = fullName(rng, relativeFamily, relativeSex, givenName(rng, language === 'navajo' ? 'english' : language, relativeSex));
  const relationship = relativeSex === 'female' ? rng.pick(['maternal grandmother', 'paternal grandmother', 'maternal aunt', 'paternal aunt', 'adult cousin']) : rng.pick(['maternal grandfather', 'paternal uncle', 'maternal uncle']);

  const goalRoll = rng.next();
  const tprPossible = months > 16 && !kinship && mother !== undefined;
  const adoption = tprPossible && goalRoll < 0.45;
  const petitionFiled = adoption ? onWeekday(addMonths(removal, rng.int(13, Math.max(13, Math.floor(months) - 2)))) : undefined;
  const grantedOn = petitionFiled ? onWeekday(addDays(petitionFiled, rng.int(80, 160))) : undefined;
  const tpr = petitionFiled && petitionFiled < asOf ? { petitionFiled, ...(grantedOn && grantedOn < addDays(asOf, -7) ? { granted: grantedOn } : {}) } : undefined;
  const trialHomeVisit = !tpr && months > 7 && rng.chance(0.07) && mother !== undefined && !mother.incarcerated && !mother.confidential && mother.located;
  const familyGoal: Goal = tpr ? 'adoption' : kinship && months > 12 ? rng.pick(['guardianship', 'live_with_relative', 'reunification'] as const) : 'reunification';
  const concurrent: Goal | undefined = familyGoal === 'reunification' ? rng.pick(['adoption', 'guardianship', 'live_with_relative'] as const) : familyGoal === 'adoption' ? undefined : 'reunification';

  // Priors: some families come back into care after a reunification that did not hold.
  const priorRemoval = rng.chance(0.12) ? onWeekday(addMonths(removal, -rng.int(14, 40))) : undefined;
  const priorDischarge = priorRemoval ? minDate(addMonths(priorRemoval, rng.int(4, 11)), addMonths(removal, -3)) : undefined;

  const family: Family = {
    index,
    language,
    surname,
    county,
    removal,
    ...(adjudication ? { adjudication } : {}),
    manner: rng.chance(0.9) ? 'court_ordered' : 'voluntary',
    reasons,
    ...(mother ? { mother } : {}),
    ...(father ? { father } : {}),
    caseworker,
    supervisor: staff.supervisorOf(caseworker).id,
    court: courtFor(county),
    kinship,
    relative: { name: relativeName, call: callName(relativeName, language), relationship, sex: relativeSex, dob: dobForAge(rng, relationship.includes('grand') ? rng.int(52, 70) : rng.int(28, 50), asOf) },
    trialHomeVisit,
    ...(tpr ? { tpr } : {}),
    children: [],
  };

  // Ages: the eldest first, then brothers and sisters a few years apart.
  let age = rng.chance(0.35) ? rng.int(12, 17) : rng.int(0, 16);
  for (let i = 0; i < size; i++) {
    if (i > 0) age = Math.max(0, age - rng.int(1, 4));
    const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
    let dob = dobForAge(rng, age, asOf);
    if (dob >= removal) dob = addDays(removal, -rng.int(2, 300));
    const childSurname = language === 'spanish' && mother && rng.chance(0.5) ? { ...surname, male: `${surname.male.split('-')[0]}-${otherSurname.male.split('-')[0]}`, female: `${surname.female.split('-')[0]}-${otherSurname.female.split('-')[0]}` } : father || !mother ? surname : otherSurname;
    const given = givenName(rng, language === 'navajo' && rng.chance(0.5) ? 'english' : language, sex);
    const name = fullName(rng, childSurname, sex, given, lineage);
    const call = callName(name, language);
    const preferredName = language !== 'vietnamese' && given.includes(' ') && rng.chance(0.5) ? given.split(' ')[0] : undefined;
    const teen = ageOn(dob, asOf) >= 16;
    const goal: Goal = teen && !tpr && months > 10 && rng.chance(0.4) ? 'appla' : familyGoal;
    const priorEpisodes = priorRemoval && priorDischarge && dob < priorRemoval
      ? [{ removal_date: priorRemoval, entered_care: minDate(addDays(priorRemoval, 60), priorDischarge), discharge_date: priorDischarge, discharge_reason: rng.pick(['reunification', 'reunification', 'live_with_relative'] as const) }]
      : [];
    family.children.push({
      id: '',
      family,
      name,
      call: preferredName ?? call,
      ...(preferredName ? { preferredName } : {}),
      sex,
      dob,
      priorEpisodes,
      goal,
      ...(goal === 'appla' ? {} : concurrent ? { concurrentGoal: concurrent } : {}),
      placements: [],
      docket: '',
    });
  }
  return family;
}

/** The date the child entered foster care (rules.md, DEFC). */
export function enteredCare(family: Family): string {
  const sixty = addDays(family.removal, 60);
  return family.adjudication && family.adjudication < sixty ? family.adjudication : sixty;
}
