/**
 * The date a child is considered to have entered foster care (DEFC), for the
 * current removal and for each prior episode (rules.md, "Date entered foster
 * care"; domain.md §1.1).
 */
import { addDays, compareDates } from '../../core/calendar-date.js';
import type { CaseRecord } from '../../model/case.js';

type Removal = CaseRecord['removal'];
export type PriorEpisode = NonNullable<Removal['prior_episodes']>[number];

/** Days after the physical removal on which the child is considered to have entered care at the latest. */
export const DEFC_DAYS_AFTER_REMOVAL = 60;

/**
 * 42 U.S.C. 675(5)(F); 45 CFR 1355.20: the earlier of the first judicial finding
 * of abuse or neglect (`adjudication_date`) and the removal + 60 days; without
 * an adjudication date, the removal + 60 days.
 */
export function dateEnteredFosterCare(removal: Pick<Removal, 'date' | 'adjudication_date'>): string {
  const sixtyDays = addDays(removal.date, DEFC_DAYS_AFTER_REMOVAL);
  const finding = removal.adjudication_date;
  return finding != null && finding < sixtyDays ? finding : sixtyDays;
}

/**
 * A prior episode's date entered care (rules.md, "Days in care"): its
 * `entered_care`, or its removal + 60 days, or its discharge if that is earlier
 * (a child discharged within 60 days of removal never counts as having entered).
 */
export function priorEpisodeEnteredCare(episode: PriorEpisode): string {
  const entered = episode.entered_care ?? addDays(episode.removal_date, DEFC_DAYS_AFTER_REMOVAL);
  return entered < episode.discharge_date ? entered : episode.discharge_date;
}

/** One removal episode: when the child was removed, entered care and (for prior ones) left. */
export interface Episode {
  readonly removalDate: string;
  /** DEFC of the episode. */
  readonly enteredCare: string;
  /** Prior episodes, and a closed case's current one: the discharge. */
  readonly discharge?: { readonly date: string; readonly reason: PriorEpisode['discharge_reason'] };
  readonly current: boolean;
}

/** Every episode, oldest first; the current one last. */
export function episodes(removal: Removal): Episode[] {
  const prior = [...(removal.prior_episodes ?? [])]
    .sort((a, b) => compareDates(a.removal_date, b.removal_date))
    .map((episode): Episode => ({
      removalDate: episode.removal_date,
      enteredCare: priorEpisodeEnteredCare(episode),
      discharge: { date: episode.discharge_date, reason: episode.discharge_reason },
      current: false,
    }));
  // A closed case's episode ends on its discharge (a discharge within 60 days of removal: it never entered care).
  const closed = removal.discharge;
  const enteredCare = dateEnteredFosterCare(removal);
  const current: Episode = closed
    ? { removalDate: removal.date, enteredCare: enteredCare < closed.date ? enteredCare : closed.date, discharge: { date: closed.date, reason: closed.reason }, current: true }
    : { removalDate: removal.date, enteredCare, current: true };
  return [...prior, current];
}
