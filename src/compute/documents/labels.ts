/**
 * Words shared by the documents: codes from the data in plain words, counts in
 * a sentence, and the labels more than one document prints the same way.
 */
import type { Placement } from '../../model/case.js';
import type { ObjectiveStatus } from '../case/plan-progress.js';

export const OBJECTIVE_STATUS_LABELS: Readonly<Record<ObjectiveStatus, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  met: 'Met',
  partially_met: 'Partially met',
  not_met: 'Not met',
  discontinued: 'Discontinued',
};

/** The states a rule set exists for, by name. */
export const STATE_NAMES: Readonly<Record<string, string>> = { KY: 'Kentucky', PA: 'Pennsylvania', IN: 'Indiana' };

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** "anger_control" → "Anger control". */
export function words(code: string): string {
  return capitalize(code.replace(/_/g, ' ').trim());
}

const ACRONYMS: Readonly<Record<string, string>> = { cbt: 'CBT', dbt: 'DBT', tf: 'TF', emdr: 'EMDR', pcit: 'PCIT', iop: 'IOP', abc: 'ABC' };

/** A snake_case word from the data in plain words: trauma_focused_cbt → "Trauma-focused CBT". */
export function humanize(value: string): string {
  if (!/^[a-z0-9_]+$/.test(value)) return capitalize(value);
  const parts = value.split('_').map((w) => ACRONYMS[w] ?? w);
  const joined = parts.join(' ').replace(/ (focused|informed|based)\b/g, '-$1').replace(/\bchild parent\b/g, 'child-parent');
  return capitalize(joined);
}

/** "7 in progress, 1 met and 1 partially met": the non-zero counts, most first. */
export function countsInWords(counts: Readonly<Record<string, number>>, labels: Readonly<Record<string, string>>): string {
  const parts = Object.keys(labels)
    .filter((k) => (counts[k] ?? 0) > 0)
    .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
    .map((k) => `${counts[k]} ${labels[k]!.toLowerCase()}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Moving to templates/labels.yaml (placement_setting) document by document; the builders not yet moved read it here. */
export const SETTING_LABELS: Readonly<Record<Placement['setting'], string>> = {
  pre_adoptive: 'Pre-adoptive home',
  foster_family_relative: 'Relative foster home',
  foster_family_nonrelative: 'Foster home (non-relative)',
  therapeutic_foster: 'Therapeutic foster home',
  group_home: 'Group home',
  institution: 'Residential facility',
  supervised_independent_living: 'Supervised independent living',
  trial_home_visit: 'Trial home visit',
  runaway: 'Runaway',
  hospital: 'Hospital',
  detention: 'Detention',
};
