/**
 * A foster home's files: home.yaml (license, household with background checks,
 * training, certifications, inspections, references, incidents) and, for most
 * homes, study.md (the home study narrative under its ## headings).
 */
import type { Home as HomeRecord, Study } from '../../src/model/home.js';
import { addDays, ageOn, dateBetween, minDate, onWeekday } from './dates.js';
import { fosterParents, type Home } from './homes.js';
import { professionalName } from './names.js';
import type { Random } from './random.js';
import { fill, listWords, paragraphs, sentences } from './text.js';
import { toYaml, withFrontMatter } from './yaml-text.js';

const TRAININGS: readonly { title: string; topic: NonNullable<HomeRecord['training']>[number]['topic']; hours: number; format: 'classroom' | 'online' | 'conference' }[] = [
  { title: 'Trauma-Informed Parenting', topic: 'trauma_informed', hours: 6, format: 'classroom' },
  { title: 'Trauma-Informed Parenting: Beyond the Basics', topic: 'trauma_informed', hours: 3, format: 'online' },
  { title: 'Psychotropic Medication Management for Caregivers', topic: 'psychotropic_medication', hours: 2, format: 'online' },
  { title: 'De-escalation and Crisis Prevention', topic: 'behavior_management', hours: 6, format: 'classroom' },
  { title: 'Sexual Abuse: Recognizing and Responding', topic: 'sexual_abuse', hours: 4, format: 'classroom' },
  { title: 'Cultural Humility with Immigrant Families', topic: 'cultural_competency', hours: 1.5, format: 'online' },
  { title: 'Court Advocacy for Resource Parents', topic: 'court_advocacy', hours: 2, format: 'online' },
  { title: 'Caring for Medically Fragile Children', topic: 'medical', hours: 4, format: 'classroom' },
  { title: 'Kentucky Foster and Adoptive Parent Conference', topic: 'other', hours: 6, format: 'conference' },
  { title: 'Supporting Family Time and Reunification', topic: 'other', hours: 2, format: 'online' },
];

const REQUIRED_HOURS: Readonly<Record<Home['type'], number>> = { foster: 10, kinship: 10, pre_adoptive: 10, therapeutic_foster: 22, medically_complex: 22 };

const STUDY_SECTIONS: readonly (readonly [string, readonly string[]])[] = [
  ['Motivation', [
    '{names} first applied after {reason}. In this year\'s interviews {they} described {their} motivation in the same terms as at the initial study.',
    '{they2} said the past year "tested us more than any other" but confirmed that {they} want to continue fostering.',
    '{they2} would consider permanent guardianship or adoption for a child placed with {them} if reunification and relative options were exhausted.',
  ]],
  ['Family history', [
    '{p1} ({age1}) grew up in {city} in a two-parent home and describes a childhood with "a lot of structure."',
    '{p1} works {job} and has held the same position for several years.',
    'No changes in health, employment, income or criminal or child-protective history were reported or found this year.',
    'Medical statements are on file, and registry and fingerprint checks were renewed for every adult in the household.',
    '{p1} described {their} own parents as strict but fair and said {they} try to keep the same consistency without harshness.',
  ]],
  ['Relationships', [
    'The household communicates openly; the applicants described how they share evening routines, appointments and school contacts.',
    'Extended family nearby provides occasional respite and attends family events with the foster children.',
    'Conflict is handled by talking things through after the children are in bed; no domestic violence was reported or observed.',
    'The family\'s own children were interviewed separately; they describe sharing their home as "mostly fun" and know they can talk to their parents when it is hard.',
  ]],
  ['Parenting', [
    'Discipline relies on routines, natural consequences and praise; physical discipline is not used and the agency\'s discipline policy is signed.',
    '{p1} described de-escalating a teenager\'s outburst by lowering {their} voice and giving space, as taught in training.',
    'The applicants support family time and transport children to visits; they keep a shared notebook with the parents.',
    'Placements this year were reviewed with the licensing worker: the family attended every treatment team meeting and followed through on school and medical appointments.',
  ]],
  ['Home and community', [
    'The home in {city} has separate bedrooms for foster children, working smoke and carbon monoxide detectors and a locked medication box.',
    'The neighborhood has a park within walking distance; schools, the pediatrician and the agency office are within twenty minutes.',
    'The family attends a local congregation and the children take part in community sports.',
    'Bedrooms were inspected during this study; each foster child has a bed, a dresser and space for belongings, and firearms are not kept in the home.',
  ]],
  ['Strengths', [
    'Consistent, calm caregiving and strong advocacy at school meetings.',
    'Willingness to work with birth parents, including shared parenting at visits.',
    'Good use of training: the applicants regularly exceed the required hours.',
  ]],
  ['Concerns', [
    'The household is busy, and respite use should be planned before the next school year.',
    'Training hours for the co-applicant should be completed earlier in the license year.',
    'No concerns about safety were identified.',
  ]],
];

const REASONS = ['a foster care information night at their church', 'caring for a relative\'s child during a family crisis', 'years of volunteering with youth sports', 'one of them grew up with foster siblings'];
const JOBS = ['as a nurse at a regional hospital', 'as a school bus driver', 'in logistics at a distribution center', 'as a bookkeeper', 'as a teacher\'s aide', 'at a manufacturing plant on first shift'];

function checks(rng: Random, asOf: string, adult: boolean) {
  const check = () => ({ date: onWeekday(addDays(asOf, -rng.int(rng.chance(0.92) ? 10 : 370, rng.chance(0.92) ? 340 : 420))), result: rng.chance(0.95) ? 'clear' as const : 'pending' as const });
  if (!adult) return { state_registry: check() };
  return { state_registry: check(), fbi_fingerprint: check(), sex_offender_registry: check(), ...(rng.chance(0.2) ? { out_of_state_registry: { ...check(), states: [rng.pick(['OH', 'TN', 'IN', 'WV', 'VA'])] } } : {}) };
}

export function homeRecord(rng: Random, home: Home, asOf: string): HomeRecord {
  const parents = fosterParents(home);
  const { issued } = home.license;
  const trainingFrom = addDays(issued, 0);
  const training: NonNullable<HomeRecord['training']> = [];
  for (const parent of parents) {
    let hours = 0;
    const target = REQUIRED_HOURS[home.type] + (rng.chance(0.88) ? rng.int(0, 6) : -rng.int(2, 6));
    for (const course of rng.shuffle(TRAININGS)) {
      if (hours >= target) break;
      if (trainingFrom >= asOf) break;
      training.push({ date: dateBetween(rng, trainingFrom, addDays(asOf, -1)), title: course.title, hours: course.hours, topic: course.topic, attendee: parent.name, format: course.format });
      hours += course.hours;
    }
    training.push({ date: dateBetween(rng, addDays(issued, -300), addDays(issued, -10)), title: 'CPR and First Aid', hours: 4, topic: 'cpr', attendee: parent.name, format: 'classroom' });
  }
  training.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const needsCpr = home.type === 'therapeutic_foster' || home.type === 'medically_complex' || rng.chance(0.5);
  const lastSafety = onWeekday(addDays(issued, -rng.int(5, 30)));
  const inspections: NonNullable<HomeRecord['inspections']> = [
    { type: 'home_safety', date: lastSafety, result: 'pass' },
    rng.chance(0.8)
      ? { type: 'fire', date: lastSafety, result: 'pass' }
      : { type: 'fire', date: lastSafety, result: 'corrections_required', notes: 'Smoke detector in the hallway needed a new battery; extinguisher tag expired.', resolved: addDays(lastSafety, rng.int(3, 20)) },
  ];
  const referenceDate = onWeekday(addDays(home.approved, -rng.int(40, 90)));
  return {
    id: home.id,
    type: home.type,
    licensing_worker: home.licensingWorker,
    address: home.address,
    phone: home.phone,
    license: { number: home.license.number, issued, expires: home.license.expires, status: 'active', capacity: home.license.capacity, ages: home.license.ages },
    household: home.members.map((m) => {
      const age = ageOn(m.dob, asOf);
      const adult = age >= 18;
      const needsChecks = adult || age >= 12;
      return {
        name: m.name,
        role: m.role,
        dob: m.dob,
        ...(needsChecks ? { checks: checks(rng, asOf, adult) } : {}),
        ...(m.role === 'applicant' || m.role === 'co_applicant' ? { medical_statement: dateBetween(rng, addDays(issued, -60), minDate(addDays(issued, 30), asOf)) } : {}),
      };
    }),
    training,
    certifications: needsCpr ? parents.flatMap((p) => {
      const expires = dateBetween(rng, addDays(asOf, 30), addDays(asOf, 700));
      return [{ type: 'cpr' as const, holder: p.name, expires }, { type: 'first_aid' as const, holder: p.name, expires }];
    }) : [],
    inspections,
    references: Array.from({ length: 3 }, () => ({ name: professionalName(rng), relationship: rng.pick(['Neighbor', 'Pastor', 'Coworker', 'Family friend', 'Employer']), contacted: referenceDate, summary: rng.pick(['Has known the family for years; describes them as dependable and patient.', 'Sees the applicants with children often and trusts them with her own grandchildren.', 'Reliable and calm under pressure; recommends them without reservation.']) })),
    incidents: home.current.length && rng.chance(0.2)
      ? [{ date: dateBetween(rng, addDays(asOf, -200), addDays(asOf, -5)), type: rng.pick(['property_damage', 'injury', 'runaway']), summary: `Youth ${home.current[0]!.id} was involved in an incident at the home; the foster parent reported it to the agency on-call line the same evening and the safety plan was reviewed.`, resolved: addDays(asOf, -2) }]
      : [],
  };
}

export function homeStudy(rng: Random, home: Home, asOf: string): { front: Study; body: string } | undefined {
  if (!rng.chance(0.7)) return undefined;
  const parents = fosterParents(home);
  const p1 = parents[0]!;
  const initial = home.approved > addDays(asOf, -365);
  const date = initial ? addDays(home.approved, -rng.int(5, 30)) : onWeekday(addDays(home.license.issued, -rng.int(5, 25)));
  const conditions = rng.chance(0.2) ? ['Complete the remaining annual training hours before the license is renewed.'] : [];
  const vars = {
    names: listWords(parents.map((p) => p.name)),
    p1: p1.name,
    age1: ageOn(p1.dob, date),
    city: home.city,
    reason: rng.pick(REASONS),
    job: rng.pick(JOBS),
    they: parents.length > 1 ? 'they' : p1.sex === 'female' ? 'she' : 'he',
    they2: parents.length > 1 ? 'They' : p1.sex === 'female' ? 'She' : 'He',
    them: parents.length > 1 ? 'them' : p1.sex === 'female' ? 'her' : 'him',
    their: parents.length > 1 ? 'their' : p1.sex === 'female' ? 'her' : 'his',
  };
  const body = STUDY_SECTIONS.map(([heading, bank]) => `## ${heading}\n\n${paragraphs([sentences(rng, bank, bank.length, vars), heading === 'Family history' && parents[1] ? fill('{p2} ({age2}) was raised nearby and works {job}. The household also includes {kids}.', { p2: parents[1].name, age2: ageOn(parents[1].dob, date), job: rng.pick(JOBS), kids: home.members.filter((m) => m.role === 'child').length ? `${home.members.filter((m) => m.role === 'child').length} of their own children` : 'no children of their own' }) : undefined])}`).join('\n\n');
  return {
    front: {
      date,
      type: initial ? 'initial' : 'annual_reevaluation',
      author: home.licensingWorker,
      recommendation: conditions.length ? 'approve_with_conditions' : 'approve',
      ...(conditions.length ? { conditions } : {}),
    },
    body,
  };
}

export function homeFiles(rng: Random, home: Home, asOf: string): { path: string; text: string }[] {
  const base = `homes/${home.id}`;
  const files = [{ path: `${base}/home.yaml`, text: toYaml(`${base}/home.yaml`, 'home', homeRecord(rng.fork('home'), home, asOf)) }];
  const study = homeStudy(rng.fork('study'), home, asOf);
  if (study) files.push({ path: `${base}/study.md`, text: withFrontMatter(study.front, study.body) });
  return files;
}
