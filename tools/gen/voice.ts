/**
 * The words a note uses for the people around a child: the child's name and
 * pronouns, the caregiver as the caseworker would call them, the parents by
 * their given names. Every narrative module fills its sentences from this.
 */
import { ageOn } from './dates.js';
import type { Child } from './family.js';
import { fosterParents, type Home } from './homes.js';
import { pronouns } from './text.js';

export type Voice = Readonly<Record<string, string>> & { readonly child: string };

export function voiceOf(child: Child, home: Home | undefined, extras: { school: string; therapist: string; worker: string; asOf: string }): Voice {
  const family = child.family;
  const current = child.placements[child.placements.length - 1]!;
  const parents = home ? fosterParents(home) : [];
  const carer = parents[0];
  const caregiver = carer
    ? carer.call
    : current.setting === 'group_home' || current.setting === 'institution'
      ? 'the program staff'
      : current.setting === 'trial_home_visit'
        ? 'the parent'
        : current.setting === 'foster_family_relative'
          ? `the ${family.relative.relationship}`
          : current.setting === 'supervised_independent_living'
            ? 'the apartment program coordinator'
            : 'the foster mother';
  const caregiverRole = home?.type === 'kinship' ? family.relative.relationship : carer ? `foster ${carer.sex === 'female' ? 'mother' : 'father'}` : 'caregiver';
  const p = pronouns(child.sex);
  return {
    child: child.call,
    age: String(ageOn(child.dob, extras.asOf)),
    ...p,
    caregiver,
    Caregiver: caregiver.charAt(0).toUpperCase() + caregiver.slice(1),
    caregiverRole,
    mother: family.mother?.call ?? 'the mother',
    father: family.father?.call ?? 'the father',
    parent: family.mother ? 'the mother' : 'the father',
    parentName: (family.mother ?? family.father)?.call ?? 'the parent',
    school: extras.school,
    therapist: extras.therapist,
    worker: extras.worker,
    county: current.county,
  };
}
