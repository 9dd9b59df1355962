/**
 * Narratives for the next court report (court/*.md): the child's own wishes,
 * in the child's words where the child is old enough, and the agency's
 * recommendations. Only names the court copy may print appear here.
 */
import type { CourtNote } from '../../src/model/notes.js';
import { ageOn } from './dates.js';
import type { Child } from './family.js';
import type { Note } from './contacts.js';
import type { Random } from './random.js';
import { fill, paragraphs } from './text.js';
import { withFrontMatter } from './yaml-text.js';

const WISHES = [
  '{child} told this worker on several visits that {he} wants to go home to {parentName} "when it is safe." {He} likes {his} school and asks to keep going there wherever {he} lives.',
  '{child} says {he} is happy where {he} lives now and wants to keep seeing {his} family. Asked what {he} would tell the judge, {he} said: "I want to see my brothers and sisters more."',
  '{child} has mixed feelings. {He} misses {parentName} and worries about {him2}, but {he} also said {he} does not want to move again before the school year ends.',
];
const WISHES_MORE = [
  'Asked what would make things better now, {child} asked for longer visits and for phone calls on the days without visits. {He} said {his} caregiver is "nice" and that {he} feels safe where {he} lives.',
  '{child} knows the court makes the decision and asked this worker to tell the judge that {he} is trying hard at school. {He} would like to attend the next hearing in person if the court allows.',
  'This worker has met with {child} monthly since the last hearing. {His} wishes have been consistent, and {he} understands that the plan depends on {parentName} finishing services.',
];
const GOAL_WORDS: Readonly<Record<string, string>> = { reunification: 'return to parent', adoption: 'adoption', guardianship: 'permanent custody to a suitable caregiver', live_with_relative: 'permanent placement with a relative', appla: 'another planned permanent living arrangement' };

export function courtNotes(rng: Random, child: Child, nextHearing: string): Note[] {
  const age = ageOn(child.dob, nextHearing);
  const family = child.family;
  const parentName = family.mother?.call ?? family.father?.call ?? 'the parent';
  const vars = {
    child: child.call,
    he: child.sex === 'male' ? 'he' : 'she',
    He: child.sex === 'male' ? 'He' : 'She',
    his: child.sex === 'male' ? 'his' : 'her',
    His: child.sex === 'male' ? 'His' : 'Her',
    parentName,
    him2: family.mother ? 'her' : 'him',
  };
  const notes: Note[] = [];
  if (age >= 6) {
    const front: CourtNote = { hearing: nextHearing, section: 'child_wishes', title: `${child.call}'s own words` };
    const quote = age >= 10 && rng.chance(0.5)
      ? `\n\n> Dear Judge,\n>\n> My name is ${child.call} and I am ${age}. ${rng.pick(['I want to go home but I also like my school.', 'I like where I live. Please let me see my family more.', 'I am doing better in school. I want to stay with my brothers and sisters.'])}\n>\n> ${child.call}`
      : '';
    notes.push({ path: `court/${nextHearing}-child-wishes.md`, text: withFrontMatter(front, `${fill(rng.pick(WISHES), vars)}${quote}\n\n${fill(rng.pick(WISHES_MORE), vars)}`) });
  }
  if (rng.chance(0.6)) {
    const front: CourtNote = { hearing: nextHearing, section: 'recommendations' };
    const items = [
      `Continue ${child.call}'s commitment to the Cabinet and the current placement.`,
      `Continue the permanency goal of ${GOAL_WORDS[child.goal]}${child.concurrentGoal ? `, with the concurrent goal of ${GOAL_WORDS[child.concurrentGoal]}` : ''}.`,
      'Find that the agency has made reasonable efforts to finalize the permanency plan.',
      rng.pick(['Continue family time at the current level, with progression at the agency\'s discretion.', 'Continue sibling visits at least twice a month.', 'Order the parents to continue all services in the case plan.']),
      rng.pick(['Find that the current placement is safe and appropriate and continues to meet the child\'s needs.', 'Find that the child\'s educational stability has been considered and the child remains in the school of origin where possible.']),
      rng.pick(['Order the agency to continue monthly caseworker visits and to report on services at the next hearing.', 'Continue the no-contact and safety provisions of the prior orders.']),
      'Set the next review hearing within six months.',
    ];
    notes.push({ path: `court/${nextHearing}-recommendations.md`, text: withFrontMatter(front, paragraphs(['The agency respectfully recommends that the Court:', items.map((item, i) => `${i + 1}. ${item}`).join('\n')])) });
  }
  return notes;
}
