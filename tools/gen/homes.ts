/**
 * The agency's foster homes, planned before the files: type, license, capacity,
 * the household and, for a kinship home, the relative and family it serves.
 * Children are placed into them by placements.ts; home.ts writes the files.
 */
import type { Home as HomeRecord } from '../../src/model/home.js';
import { addDays, addMonths, dateBetween, dobForAge } from './dates.js';
import type { Family } from './family.js';
import { fosterSurname, givenName, type Language, type Sex } from './names.js';
import type { County, Directory } from './places.js';
import type { Random } from './random.js';
import type { Staff } from './staff.js';

export type HomeType = HomeRecord['type'];

export interface Member {
  readonly name: string;
  readonly call: string;
  readonly role: 'applicant' | 'co_applicant' | 'child' | 'other_adult';
  readonly sex: Sex;
  readonly dob: string;
}

export interface Home {
  readonly id: string;
  readonly type: HomeType;
  readonly county: County;
  readonly city: string;
  readonly address: ReturnType<Directory['address']>;
  readonly phone: string;
  readonly licensingWorker: string;
  /** First approved; the license renews each year after. */
  readonly approved: string;
  readonly license: { number: string; issued: string; expires: string; capacity: number; ages: { min: number; max: number } };
  readonly members: readonly Member[];
  readonly language: Language;
  /** The family a kinship home was licensed for. */
  readonly kinshipFamily?: Family;
  /** Children placed here now (filled by placements.ts). */
  readonly current: { id: string; dob: string }[];
}

const FOSTER_LANGUAGES: Readonly<Partial<Record<Language, number>>> = { english: 76, spanish: 10, vietnamese: 3, arabic: 3, polish: 3, chinese: 3, somali: 1, navajo: 1 };
const TYPE_WEIGHTS: Readonly<Record<Exclude<HomeType, 'kinship'>, number>> = { foster: 62, therapeutic_foster: 18, medically_complex: 8, pre_adoptive: 12 };
const LICENSE_PREFIX: Readonly<Record<HomeType, string>> = { foster: 'FC', kinship: 'KIN', therapeutic_foster: 'TFC', medically_complex: 'MC', pre_adoptive: 'PA' };

function capacityFor(rng: Random, type: HomeType): { capacity: number; ages: { min: number; max: number } } {
  switch (type) {
    case 'therapeutic_foster':
      return { capacity: rng.int(2, 3), ages: { min: rng.pick([6, 10, 12]), max: 17 } };
    case 'medically_complex':
      return { capacity: rng.int(1, 3), ages: { min: 0, max: rng.pick([12, 17]) } };
    case 'pre_adoptive':
      return { capacity: rng.int(2, 4), ages: { min: 0, max: 17 } };
    default:
      return { capacity: Number(rng.weighted({ 2: 10, 3: 25, 4: 30, 5: 20, 6: 15 })), ages: rng.pick([{ min: 0, max: 17 }, { min: 0, max: 17 }, { min: 0, max: 12 }, { min: 5, max: 17 }]) };
  }
}

export function planHomes(rng: Random, dir: Directory, staff: Staff, families: readonly Family[], count: number, asOf: string): Home[] {
  const homes: Home[] = [];
  const kinshipFamilies = families.filter((f) => f.kinship).slice(0, Math.round(count * 0.2));
  let number = rng.int(5, 20);
  for (let i = 0; i < count; i++) {
    number += rng.int(1, 4);
    const id = `H-${String(number).padStart(4, '0')}`;
    const kinshipFamily = kinshipFamilies[i];
    homes.push(planHome(rng.fork(id), id, dir, staff, kinshipFamily ? { type: 'kinship', family: kinshipFamily } : { type: rng.weighted(TYPE_WEIGHTS) }, asOf));
  }
  return rng.shuffle(homes).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function planHome(rng: Random, id: string, dir: Directory, staff: Staff, kind: { type: HomeType; family?: Family }, asOf: string): Home {
  const family = kind.family;
  const county = family ? family.county : dir.county();
  const address = dir.address(county);
  const language = family ? family.language : rng.weighted(FOSTER_LANGUAGES as Record<Language, number>);
  const members: Member[] = [];
  if (family) {
    const r = family.relative;
    members.push({ name: r.name, call: r.call, role: 'applicant', sex: r.sex, dob: r.dob });
    if (rng.chance(0.45)) {
      const sex: Sex = r.sex === 'female' ? 'male' : 'female';
      const given = givenName(rng, language === 'navajo' ? 'english' : language, sex);
      const last = r.name.split(' ').pop()!;
      const name = language === 'vietnamese' ? `${family.surname.male} ${given}` : `${given} ${last}`;
      members.push({ name, call: given, role: 'co_applicant', sex, dob: addDays(r.dob, rng.int(-1500, 1500)) });
    }
  } else {
    const surname = fosterSurname(rng, language);
    const applicantSex: Sex = rng.chance(0.85) ? 'female' : 'male';
    const applicantAge = rng.int(29, 62);
    const adult = (sex: Sex, role: Member['role'], age: number): Member => {
      const given = givenName(rng, language === 'navajo' ? 'english' : language, sex);
      return { name: `${given} ${sex === 'female' ? surname.female : surname.male}`, call: given.split(' ')[0]!, role, sex, dob: dobForAge(rng, age, asOf) };
    };
    members.push(adult(applicantSex, 'applicant', applicantAge));
    if (rng.chance(0.68)) members.push(adult(applicantSex === 'female' ? 'male' : 'female', 'co_applicant', applicantAge + rng.int(-6, 6)));
    const ownChildren = applicantAge < 52 ? Number(rng.weighted({ 0: 35, 1: 30, 2: 25, 3: 10 })) : 0;
    for (let c = 0; c < ownChildren; c++) members.push(adult(rng.chance(0.5) ? 'male' : 'female', 'child', rng.int(1, Math.min(17, applicantAge - 22))));
    if (applicantAge > 45 && rng.chance(0.2)) members.push(adult(rng.chance(0.5) ? 'male' : 'female', 'other_adult', rng.int(18, 24)));
  }
  const expires = dateBetween(rng, addDays(asOf, 20), addDays(asOf, 360));
  const approved = addMonths(expires, -12 * rng.int(1, 8));
  const { capacity, ages } = capacityFor(rng, kind.type);
  return {
    id,
    type: kind.type,
    county,
    city: address.city,
    address: { street: address.street, city: address.city, state: address.state, zip: address.zip, county: county.name },
    phone: dir.phone(county, 'home'),
    licensingWorker: rng.pick(staff.licensing).id,
    approved,
    license: {
      number: `KY-${LICENSE_PREFIX[kind.type]}-${id.slice(2)}${rng.int(10, 99)}`,
      issued: addDays(addMonths(expires, -12), 1),
      expires,
      capacity: family ? Math.max(family.children.length, rng.int(1, 3)) : capacity,
      ages,
    },
    members,
    language,
    ...(family ? { kinshipFamily: family } : {}),
    current: [],
  };
}

/** Applicants and co-applicants: the foster parents. */
export function fosterParents(home: Home): Member[] {
  return home.members.filter((m) => m.role === 'applicant' || m.role === 'co_applicant');
}
