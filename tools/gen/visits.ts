/**
 * Family-time notes (visits/*.md): parent-child and sibling visits every two
 * to four weeks, with who came, how the visit was supervised, whether it
 * happened, and what the supervisor observed.
 */
import type { Visit } from '../../src/model/notes.js';
import { addDays, addMonths, ageOn, maxDate, onWeekday } from './dates.js';
import type { Child } from './family.js';
import type { Note } from './contacts.js';
import type { Random } from './random.js';
import { capitalize, paragraphs, sentences } from './text.js';
import type { Voice } from './voice.js';
import { withFrontMatter } from './yaml-text.js';

const ATTENDED = [
  'Visit at the agency family room. {parentName} arrived on time with a snack and a book to read together.',
  '{parentName} greeted {child} with a hug; {child} ran to {parentName} as soon as {he} saw the door open.',
  'The visit took place at the park near the agency, as approved at the last review.',
  'Visit in the family room. {parentName} had planned an activity (a board game) and kept {child} engaged for most of the time.',
  '{child} was shy for the first few minutes and stayed close to {caregiver}, then joined {parentName} at the table.',
];

const OBSERVED = [
  '{parentName} set limits calmly when {child} wanted to leave the room and redirected {him} to the game.',
  'Conversation was warm and appropriate. {parentName} asked about school and listened to the answers.',
  '{parentName} brought clothes and a small gift, which {child} opened right away.',
  '{parentName} talked about the case with {child} once and was reminded of the visit rules; {parentName} changed the subject without argument.',
  '{parentName} changed a diaper and fed {child} without prompting and noticed when {he} was getting tired.',
  'Separation at the end went smoothly: {parentName} told {child} when the next visit is and walked {him} to the car.',
  '{child} cried at the end of the visit; {parentName} comforted {him} and promised to call on Sunday.',
  'The siblings played together for most of the visit and asked to take a photo together.',
];

const CHILD = [
  '{child} talked about school and a new friend and showed {parentName} a drawing.',
  'Afterwards {child} told {caregiver} that {he} "had fun" and asked if {parentName} can come to {his} next game.',
  '{Caregiver} reported that {child} was unsettled at bedtime after the visit but calmer the next morning.',
  '{child} asked {caregiver} to keep a photo from the visit on the refrigerator.',
];

const MISSED = [
  '{parentName} did not come and did not call. {child} waited twenty minutes and then returned home with {caregiver}.',
  '{parentName} called an hour before the visit to say the car had broken down; the visit was not rescheduled this week.',
  'Visit cancelled because {child} was sick with a fever; {caregiver} called {parentName} to let them talk on the phone instead.',
  'The agency cancelled the visit because no visit supervisor was available; a make-up visit was offered for the next week.',
];

const AFTER = [
  'After the visit I talked with {parentName} about the plan for progressing visits and what the court will look for.',
  'Recommendation: continue at the current level; consider longer visits if attendance stays consistent.',
  'Discussed with {parentName} calling ahead when running late so {child} is not left wondering.',
  'Next visit confirmed for the same time in two weeks.',
  'The visit plan was reviewed with {caregiver} at pickup; no changes to transportation.',
  'I will share these observations with the therapist before the next family session.',
];

type Attendance = Visit['attended'];

export function visitNotes(rng: Random, child: Child, voice: Voice, supervisor: string, asOf: string): Note[] {
  const family = child.family;
  const age = ageOn(child.dob, asOf);
  const rightsEnded = family.tpr?.granted !== undefined;
  const siblingsInCare = family.children.length > 1;
  if (rightsEnded && !siblingsInCare) return [];
  const parents = [family.mother && !family.mother.incarcerated ? 'mother' : undefined, family.father && family.father.located ? 'father' : undefined].filter((p): p is string => p !== undefined);
  const out: Note[] = [];
  let date = onWeekday(maxDate(addDays(family.removal, rng.int(3, 10)), addMonths(asOf, -rng.int(5, 7))));
  const level = rng.weighted<Visit['level']>({ supervised: 60, monitored: 15, unsupervised: 15, therapeutic: 10 });
  const seen = new Set<string>();
  while (date <= asOf) {
    const who = rightsEnded || parents.length === 0 ? ['sibling'] : [...rng.sample(parents, rng.int(1, parents.length)), ...(siblingsInCare && rng.chance(0.5) ? ['sibling'] : [])];
    const attended = rng.weighted<Attendance>({ yes: 70, late: 10, no: 10, cancelled: 10 });
    const cancelledBy = attended === 'cancelled' ? rng.weighted<NonNullable<Visit['cancelled_by']>>({ parent: 4, agency: 2, foster_parent: 2, child: 1, other: 1 }) : null;
    const front: Visit = {
      date,
      participants: who.length ? who : ['sibling'],
      level: rightsEnded ? 'unsupervised' : level,
      scheduled_minutes: rng.pick([60, 90, 120, 120, 180]),
      attended,
      cancelled_by: cancelledBy,
      supervisor,
    };
    const happened = attended === 'yes' || attended === 'late';
    const observed = rng.sample(age < 3 ? OBSERVED.slice(2, 7) : OBSERVED, 4);
    const body = happened
      ? paragraphs([
          `${attended === 'late' ? `${capitalize(voice.parentName!)} arrived about twenty minutes late and apologized. ` : ''}${sentences(rng, ATTENDED, 1, voice)} ${sentences(rng, observed.slice(0, 2), 2, voice)}`,
          `${sentences(rng, observed.slice(2), 2, voice)} ${sentences(rng, CHILD, 2, voice)}`,
          sentences(rng, AFTER, 2, voice),
        ])
      : paragraphs([sentences(rng, MISSED, 1, voice), sentences(rng, CHILD.slice(2), 1, voice), sentences(rng, AFTER.slice(1), 1, voice)]);
    const name = seen.has(date) ? `${date}-2` : date;
    seen.add(date);
    out.push({ path: `visits/${name}.md`, text: withFrontMatter(front, body) });
    date = onWeekday(addDays(date, rng.pick([14, 14, 21, 21, 28])));
  }
  return out;
}
