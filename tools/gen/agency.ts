/**
 * The synthetic agency: `generateAgency(options)` yields every file of a case
 * root, one at a time (agency.yaml, then each home, then each child), so a
 * writer can stream tens of thousands of files. Pure and deterministic: the
 * same options give byte-identical files; nothing reads a clock or a disk.
 *
 * The plan comes first (staff, families, homes, placements: small records for
 * the whole agency); each file is written from it only when it is asked for.
 */
import type { Agency } from '../../src/model/agency.js';
import { assessments } from './assessments.js';
import { caseRecord } from './child.js';
import { contactNotes, type Note } from './contacts.js';
import { courtNotes } from './court-notes.js';
import { ageOn } from './dates.js';
import { planFamilies, type Child } from './family.js';
import { homeFiles } from './home.js';
import { planHomes, type Home } from './homes.js';
import { professionalName } from './names.js';
import { COUNTIES, Directory } from './places.js';
import { placeChildren } from './placements.js';
import { Random } from './random.js';
import { servicePlan } from './service-plan.js';
import { makeStaff, type Staff } from './staff.js';
import { transitionPlan } from './transition.js';
import { visitNotes } from './visits.js';
import { voiceOf } from './voice.js';
import { toYaml } from './yaml-text.js';

export interface GenerateOptions {
  readonly children: number;
  readonly homes: number;
  readonly seed: number;
  /** YYYY-MM-DD: the day the agency's records run up to. */
  readonly asOf: string;
}

export interface GeneratedFile {
  /** Case-root-relative, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

const AGENCY_NAMES = ['Bluegrass Family Services', 'Kentucky River Children\'s Alliance', 'Commonwealth Foster Families', 'Cumberland Children\'s Home Society', 'Licking Valley Family Partners'];

const NOTICE = 'CONFIDENTIAL: This document contains information about a child in the custody of the Kentucky Cabinet for Health and Family Services that is protected by KRS 620.050, 42 U.S.C. 5106a and 42 CFR Part 2. Do not copy or re-disclose it except as the law or a court order allows.';

export function* generateAgency(options: GenerateOptions): Generator<GeneratedFile> {
  const { asOf } = options;
  const rng = new Random(options.seed);
  const dir = new Directory(rng.fork('directory'));
  const name = rng.pick(AGENCY_NAMES);
  const domain = `${name.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 16)}.org`;
  const staff = makeStaff(rng.fork('staff'), dir, domain, options);
  const families = planFamilies(rng.fork('families'), dir, staff, COUNTIES, options);
  const homes = planHomes(rng.fork('homes'), dir, staff, families, options.homes, asOf);
  placeChildren(rng.fork('placements'), families, homes, asOf);

  const agency: Agency = {
    name,
    address: { street: '120 Main St', city: 'Lexington', state: 'KY', zip: '40507' },
    phone: dir.phone(),
    state: 'KY',
    time_zone: 'America/New_York',
    confidentiality_notice: NOTICE,
    staff: [...staff.members],
  };
  yield { path: 'agency.yaml', text: toYaml('agency.yaml', 'agency', agency) };

  for (const home of homes) yield* homeFiles(rng.fork(home.id), home, asOf);

  const homesById = new Map(homes.map((h) => [h.id, h] as const));
  for (const family of families) {
    for (const child of family.children) yield* childFiles(rng.fork(child.id), child, homesById, staff, dir, asOf);
  }
}

function childFiles(rng: Random, child: Child, homes: ReadonlyMap<string, Home>, staff: Staff, dir: Directory, asOf: string): GeneratedFile[] {
  const base = `children/${child.id}`;
  const age = ageOn(child.dob, asOf);
  const worker = staff.members.find((m) => m.id === child.family.caseworker)!;
  const supervisor = staff.members.find((m) => m.id === child.family.supervisor)!;
  const current = child.placements[child.placements.length - 1]!;
  const home = current.home ? homes.get(current.home) : undefined;
  const therapist = age >= 3 && rng.chance(0.8) ? `${professionalName(rng)}, ${rng.pick(['LPCC', 'LCSW', 'PsyD', 'LMFT'])}` : undefined;
  const teacher = age >= 6 && rng.chance(0.4) ? professionalName(rng) : undefined;
  const record = caseRecord(rng.fork('case'), child, { asOf, dir, ...(therapist ? { therapist } : {}), ...(teacher ? { teacher } : {}) });
  const school = record.education?.school ?? 'child care';
  const voice = voiceOf(child, home, { school, therapist: therapist ?? 'the therapist', worker: worker.name, asOf });
  const files: Note[] = [{ path: 'case.yaml', text: toYaml(`${base}/case.yaml`, 'case', record) }];
  if (rng.chance(0.92)) files.push({ path: 'plan.yaml', text: toYaml(`${base}/plan.yaml`, 'plan', servicePlan(rng.fork('plan'), child, home, worker, supervisor, therapist, asOf)) });
  if (age >= 14) files.push({ path: 'transition.yaml', text: toYaml(`${base}/transition.yaml`, 'transition', transitionPlan(rng.fork('transition'), child, dir, asOf)) });
  files.push(...assessments(rng.fork('cans'), child, worker.id, asOf));
  files.push(...contactNotes(rng.fork('contacts'), child, voice, worker.id, asOf));
  files.push(...visitNotes(rng.fork('visits'), child, voice, worker.id, asOf));
  const next = record.court.hearings.find((h) => h.date > asOf && h.continued !== true);
  if (next && rng.chance(0.45)) files.push(...courtNotes(rng.fork('court-notes'), child, next.date));
  return files.map((f) => ({ path: `${base}/${f.path}`, text: f.text }));
}
