/**
 * Caseworker contact notes (contacts/*.md): a face-to-face visit in the child's
 * home nearly every month, plus school visits, calls with the caregiver, the
 * therapist or the teacher, an office visit now and then. Each note has a
 * narrative of three or four paragraphs in a caseworker's voice.
 */
import type { Contact } from '../../src/model/notes.js';
import { addDays, addMonths, ageOn, dateBetween, maxDate, weekdayOnOrBefore } from './dates.js';
import type { Child } from './family.js';
import type { Random } from './random.js';
import { paragraphs, sentences } from './text.js';
import type { Voice } from './voice.js';
import { withFrontMatter } from './yaml-text.js';

type Kind = 'home' | 'school' | 'office' | 'phone' | 'collateral' | 'video' | 'community';

const OPENINGS: Readonly<Record<Kind, readonly string[]>> = {
  home: [
    'Scheduled monthly visit at the placement. {child} answered the door and showed me around before we sat down.',
    'Monthly home visit. {child} was finishing a snack at the kitchen table when I arrived and {caregiver} was starting dinner.',
    'Unannounced monthly visit in the afternoon. The home was orderly and {child} was playing outside with the other children.',
    'Monthly visit. {child} had just come back from an appointment and was tired but willing to talk.',
    'Home visit as scheduled. {Caregiver} met me at the door and said the month had been "mostly smooth."',
  ],
  school: [
    'Visit at {school}, arranged with the counselor. I met {child} in a quiet office during the lunch period.',
    'School visit. I observed {child} in class for twenty minutes and then met with {him} privately in the library.',
  ],
  office: ['Office visit at the agency before family time. {child} came with {caregiver} and we talked in the family room.'],
  community: ['Met {child} at the public library near the placement, at {his} request, and then walked to get ice cream.'],
  phone: ['Phone call with {caregiver} about the past two weeks.', 'Call from {caregiver} to update me on {child}.'],
  video: ['Video call with {child} and {caregiver}; an in-person visit was already completed this month.'],
  collateral: ['Call with {therapist}, {child}\'s therapist, to prepare for the next review.', 'Call with {child}\'s teacher about progress this grading period.'],
};

const WELLBEING = [
  '{He} said {he} is sleeping better and only wakes up once or twice a week now.',
  '{His} room was clean and decorated with drawings and a photo of {his} family.',
  '{Caregiver} reported two rough evenings after phone calls with family, with crying at bedtime, but no aggression.',
  '{He} has grown since last month and needed new shoes; {caregiver} took care of it with the clothing allowance.',
  '{He} was proud to show me a certificate from school and talked about a friend from class.',
  'No new medical concerns. The last well-child check found {him} healthy and on track.',
  '{He} has started helping with chores and earns screen time for finishing them, which {he} says is "fair."',
  'Appetite is good. {Caregiver} said {he} still hides snacks sometimes, less often than at the start of the placement.',
  '{He} has been more talkative and joked with me during the visit, which is new.',
  '{He} was quieter than usual and said {he} was "just tired"; {caregiver} thinks {he} is worried about the upcoming hearing.',
];

const SCHOOL = [
  '{His} teacher reports steady attendance and that {he} is completing most homework.',
  'Grades this quarter are mostly passing; reading remains the hardest subject and {he} goes to tutoring twice a week.',
  '{He} had one office referral this month for arguing with a classmate; the school used the plan agreed at the last meeting.',
  'The school counselor checks in with {him} weekly and says {he} seeks her out when upset, which is progress.',
  '{He} joined an after-school club and talks about it with enthusiasm.',
];

const YOUNG = [
  '{child} is babbling and pulling up on furniture; the early intervention therapist visits every other week.',
  '{child} now says several words and points to pictures in books; {caregiver} reads with {him} every night.',
  'Developmental screening is on track except for speech, and a referral for speech therapy is in place.',
  '{child} naps well and has a steady routine; {caregiver} keeps a log of meals and sleep for the parents.',
];

const FAMILY = [
  'Family time with {parentName} continues; {child} said the last visit was "good" and asked when the next one is.',
  '{child} asked again when {he} can go home. I explained what the court and {parentName} are working on, in words for {his} age.',
  '{Caregiver} and {parentName} now text photos and updates each week, which has eased {child}\'s worry between visits.',
  '{child} misses {his} brothers and sisters and asked for more phone calls; I will add a weekly call to the visit plan.',
  'A missed visit earlier this month upset {him}; {caregiver} helped {him} write a card to bring next time.',
  '{parentName} called {child} on {his} birthday, which {he} talked about for most of the visit.',
  '{Caregiver} said {child} is calmer after visits that start on time and end with a clear plan for the next one.',
  'I reminded {caregiver} that the visit schedule changes next month and left a printed calendar for the refrigerator.',
];

const PRIVATE = [
  'I saw {child} alone for part of the visit. {He} said {he} feels safe in the home and knows who to call if {he} does not.',
  'I spoke with {child} privately. {He} had no concerns about the home and said the house rules are "okay."',
  'In private {child} said {he} gets along with everyone in the home "most of the time" and that {caregiver} listens when {he} is upset.',
];

const SAFETY = [
  'No safety concerns observed. Medications are locked and the log is up to date.',
  'Reviewed the safety plan with {caregiver}; no changes needed.',
  'The home was clean, with working smoke detectors and enough food; I checked the medication log and the allowance record.',
  '{child} appeared well cared for, dressed for the weather, with no marks or injuries seen.',
];

const NEXT = [
  'Next visit scheduled for next month; I will bring the updated visit calendar.',
  'Follow-up: request the latest therapy progress note before the hearing.',
  'I will follow up with the school about the tutoring schedule.',
  'Next steps: schedule the dental visit and send {caregiver} the respite list.',
  'I will confirm transportation for family time and update the case plan tasks.',
  'I will ask {therapist} for a short summary of progress for the court report.',
  'Before the next visit I will check on the status of the referral and update {caregiver}.',
];

const KIND_FIELDS: Readonly<Record<Kind, Pick<Contact, 'type' | 'location' | 'child_seen'>>> = {
  home: { type: 'home_visit', location: 'residence', child_seen: true },
  school: { type: 'school_visit', location: 'school', child_seen: true },
  office: { type: 'office', location: 'office', child_seen: true },
  community: { type: 'community', location: 'community', child_seen: true },
  phone: { type: 'phone', location: 'other', child_seen: false },
  video: { type: 'video', location: 'other', child_seen: true },
  collateral: { type: 'collateral', location: 'other', child_seen: false },
};

const FILE_SUFFIX: Readonly<Record<Kind, string>> = { home: 'home', school: 'school', office: 'office', community: 'community', phone: 'phone', collateral: 'collateral', video: 'video' };

function withWhom(kind: Kind, child: Child): Contact['with'] {
  const setting = child.placements[child.placements.length - 1]!.setting;
  const carer: Contact['with'][number] = setting === 'trial_home_visit' ? (child.family.mother ? 'mother' : 'father') : setting === 'group_home' || setting === 'institution' || setting === 'supervised_independent_living' ? 'other' : 'foster_parent';
  switch (kind) {
    case 'home': return ['child', carer];
    case 'school': return ['child', 'teacher'];
    case 'office':
    case 'community': return ['child'];
    case 'phone': return [carer];
    case 'video': return ['child', carer];
    case 'collateral': return [child.family.index % 2 ? 'therapist' : 'teacher'];
  }
}

export interface Note {
  readonly path: string;
  readonly text: string;
}

/** About eight to eleven notes over the last six to nine months in care. */
export function contactNotes(rng: Random, child: Child, voice: Voice, author: string, asOf: string): Note[] {
  const age = ageOn(child.dob, asOf);
  const start = maxDate(child.family.removal, addMonths(asOf, -rng.int(6, 9)));
  const notes: { date: string; kind: Kind }[] = [];
  for (let month = start; month <= asOf; month = addMonths(month, 1)) {
    const end = addMonths(month, 1) > asOf ? asOf : addDays(addMonths(month, 1), -1);
    if (!rng.chance(0.05)) notes.push({ date: weekdayOnOrBefore(dateBetween(rng, month, end)), kind: age >= 6 && rng.chance(0.15) ? 'school' : 'home' });
    if (rng.chance(0.3)) notes.push({ date: weekdayOnOrBefore(dateBetween(rng, month, end)), kind: rng.pick<Kind>(age >= 5 ? ['phone', 'collateral', 'office', 'video', 'community'] : ['phone', 'office', 'video']) });
  }
  const seen = new Set<string>();
  return notes
    .filter((n) => n.date >= child.family.removal && n.date <= asOf)
    .map(({ date, kind }) => {
      let name = `${date}-${FILE_SUFFIX[kind]}`;
      for (let i = 2; seen.has(name); i++) name = `${date}-${FILE_SUFFIX[kind]}-${i}`;
      seen.add(name);
      const fields = KIND_FIELDS[kind];
      const front: Contact = {
        date,
        type: fields.type,
        with: withWhom(kind, child),
        location: fields.location,
        child_seen: fields.child_seen,
        ...(fields.child_seen && fields.type !== 'video' ? { seen_privately: age >= 4 && rng.chance(0.85) } : {}),
        duration_minutes: fields.child_seen ? rng.pick([40, 45, 50, 55, 60, 75, 90]) : rng.pick([10, 15, 20, 25, 30]),
        author,
      };
      const body = fields.child_seen
        ? paragraphs([
            `${sentences(rng, OPENINGS[kind], 1, voice)} ${sentences(rng, WELLBEING, rng.int(2, 3), voice)}`,
            age < 4 ? sentences(rng, YOUNG, 2, voice) : sentences(rng, SCHOOL, rng.int(2, 3), voice),
            sentences(rng, FAMILY, rng.int(2, 3), voice),
            `${front.seen_privately ? `${sentences(rng, PRIVATE, 1, voice)} ` : ''}${sentences(rng, SAFETY, 1, voice)} ${sentences(rng, NEXT, rng.int(1, 2), voice)}`,
          ])
        : paragraphs([
            `${sentences(rng, OPENINGS[kind], 1, voice)} ${sentences(rng, WELLBEING, 2, voice)}`,
            age < 4 ? sentences(rng, YOUNG, 2, voice) : sentences(rng, SCHOOL, 2, voice),
            sentences(rng, FAMILY, 1, voice),
            sentences(rng, NEXT, 1, voice),
          ]);
      return { path: `contacts/${name}.md`, text: withFrontMatter(front, body) };
    });
}
