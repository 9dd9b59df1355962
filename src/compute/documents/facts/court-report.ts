/** The court report's facts (templates/court-report.md.hbs and its court-* partials): see common.ts for the conventions. */
import { z } from 'zod';
import { audience, count, date, placementWhere, reader, text } from './common.js';

/** An ASFA clock: when the next hearing of its kind is due, from what, and whether one is set. */
const clock = z.object({
  due: date(),
  months: count(),
  basis: text(),
  basis_date: date(),
  scheduled_date: date().nullable(),
  scheduled_type: text().nullable(),
  satisfied: z.boolean(),
  overdue: z.boolean(),
  rule: text().nullable(),
});

/** A plan goal's service, or the marker in provider and type where the copy withholds it. */
const service = z.object({
  withheld: z.boolean(),
  part2: z.boolean(),
  provider: text(),
  type: text(),
  frequency: text().nullable(),
  start: date().nullable(),
  end: date().nullable(),
  status: text().nullable(),
});

const goal = z.object({
  id: text(),
  for: text(),
  area: text(),
  statement: text(),
  objectives: z.array(z.object({ statement: text(), target_date: date().nullable(), status: text() })),
  objectives_met: count(),
  objectives_total: count(),
  services: z.array(service),
  services_withheld: z.boolean(),
  goal_withheld: z.boolean(),
  services_part2: z.boolean(),
});

/** Family time in the period, for one parent, for siblings, or for everyone. */
const familyTime = z.object({
  visits: count(),
  offered: count(),
  attended: count(),
  late: count(),
  missed: count(),
  rate: text().nullable(),
  level: text().nullable(),
  last_visit: date().nullable(),
  cancellations: z.array(z.object({ by: text(), count: count() })),
  any_cancelled: z.boolean(),
});

/** A court note written for this hearing, in parts: block quotes (a letter) and the text around them. */
const noteBlock = z.object({ title: text().nullable(), parts: z.array(z.object({ quote: z.boolean(), text: text() })) });

const rating = z.object({ domain: text(), item: text(), rating: text() });

export const courtReportFacts = z.object({
  audience,
  reader,
  as_of: date(),
  agency: z.object({ name: text(), jurisdiction: text().nullable() }),
  case_id: text(),
  hearing: z.object({ date: date(), type: text().nullable(), continued_from: date().nullable() }),
  court: z.object({ name: text(), county: text(), docket: text(), judge: text().nullable() }),
  child: z.object({ name: text(), preferred_name: text().nullable(), dob: date(), age: count(), sex: text(), languages: z.array(text()).nullable() }),
  caseworker: z.object({ name: text(), title: text(), phone: text().nullable(), email: text().nullable() }).nullable(),
  supervisor: z.object({ name: text(), title: text() }).nullable(),
  period: z.object({ from: date(), to: date(), since_hearing: z.boolean() }),
  legal: z.object({
    removal_date: date(),
    removal_manner: text(),
    adjudication_date: date().nullable(),
    disposition_date: date().nullable(),
    entered_care: date(),
    entered_care_basis: text(),
    months_in_care: count(),
    days_over_months: count(),
    days_in_care: count(),
    days_current_episode: count(),
    days_prior_episodes: count(),
    permanency_hearing: clock,
    periodic_review: clock,
  }),
  /** 15 of the most recent 22 months (42 U.S.C. 675(5)(E)). */
  tpr: z.object({
    entered_care: date(),
    reached: date().nullable(),
    projected: date().nullable(),
    never: z.boolean(),
    satisfied: z.boolean(),
    open: z.boolean(),
    days_in_window: count(),
    days_required: count(),
    excluded_thv: count(),
    excluded_runaway: count(),
    any_excluded: z.boolean(),
    prior_episodes_counted: count(),
    petitions: z.array(z.object({ parent: text(), role: text(), date: date() })),
    exception: z.object({ type: text(), documented: date(), reason: text() }).nullable(),
    rule: text(),
  }),
  prior_episodes: z.array(z.object({ removal_date: date(), entered_care: date().nullable(), discharge_date: date(), discharge_reason: text() })),
  hearings: z.array(z.object({ date: date(), type: text(), status: text(), pending: z.boolean(), outcome: text().nullable() })),
  findings: z.array(z.object({ date: date(), finding: text(), made: z.boolean() })),
  last_hearing: z.object({ date: date(), type: text(), outcome: text().nullable(), orders: z.array(text()) }).nullable(),
  removal: z.object({ reasons: z.array(text()), outcome_adjudication: text().nullable() }),
  placements: z.array(
    z.object({
      n: count(),
      start: date(),
      end: date().nullable(),
      setting: text(),
      where: placementWhere,
      county: text(),
      reason: text().nullable(),
      current: z.boolean(),
      prior_episode: z.boolean(),
    }),
  ),
  current_placement: z
    .object({
      setting: text(),
      where: placementWhere,
      since: date(),
      days: count(),
      county: text(),
      counts_as_care: z.boolean(),
      trial_home_visit: z.boolean(),
      trial_home_visit_six_months: date().nullable(),
    })
    .nullable(),
  placement_count: count(),
  moves: count(),
  permanency: z.object({
    goal: text(),
    concurrent_goal: text().nullable(),
    established: date(),
    target_date: date().nullable(),
    appla: z.boolean(),
    appla_findings: z.array(date()),
    re_findings: z.array(z.object({ date: date(), made: z.boolean() })),
  }),
  plan: z.object({ date: date(), review_date: date(), type: text() }).nullable(),
  plan_goals: z.array(goal),
  child_goals: z.array(goal),
  family_goals: z.array(goal),
  parents: z.array(
    z.object({
      name: text(),
      role: text(),
      rights: text(),
      address: text().nullable(),
      address_withheld: z.boolean(),
      attorney: text().nullable(),
      language: text().nullable(),
      interpreter: z.boolean(),
      incarcerated: z.boolean(),
      tpr_petition: date().nullable(),
      tpr_granted: date().nullable(),
      goals: z.array(goal),
      family_time: familyTime,
    }),
  ),
  family_time: z.object({
    visits: z.array(z.object({ date: date(), with: text(), level: text(), minutes: count().nullable(), attended: text() })),
    total: count(),
    offered: count(),
    attended: count(),
    rate: text().nullable(),
    siblings: familyTime,
  }),
  siblings: z.array(z.object({ name: text(), dob: date().nullable(), age: count().nullable(), placed_together: z.boolean(), placement: text().nullable(), contact: text().nullable() })),
  health: z
    .object({
      last_physical: date().nullable(),
      last_dental: date().nullable(),
      last_vision: date().nullable(),
      immunizations_current: z.boolean(),
      diagnoses: z.array(text()),
      medications: z.array(z.object({ name: text(), dose: text(), prescriber: text(), psychotropic: z.boolean(), consent_date: date().nullable(), consent_missing: z.boolean() })),
      therapy: z.object({ provider: text(), type: text(), frequency: text() }).nullable(),
    })
    .nullable(),
  education: z
    .object({
      school: text(),
      grade: text(),
      iep: z.boolean(),
      plan_504: z.boolean(),
      school_changes: count().nullable(),
      best_interest_determination: date().nullable(),
      notes: text().nullable(),
    })
    .nullable(),
  cans: z
    .object({
      date: date(),
      version: text().nullable(),
      reason: text(),
      previous_date: date().nullable(),
      needs: z.array(rating),
      strengths: z.array(rating),
      changes: z.array(z.object({ domain: text(), item: text(), previous: text().nullable(), latest: text().nullable(), change: text() })),
      improved: count(),
      worsened: count(),
      notes: text().nullable(),
    })
    .nullable(),
  older_youth: z
    .object({
      age: count(),
      eighteenth_birthday: date(),
      plan_due: date(),
      plan_date: date().nullable(),
      plan_met: z.boolean(),
      plan_overdue: z.boolean(),
      youth_participated: z.boolean().nullable(),
      plan_date_of_service_plan: date().nullable(),
      expected_exit: date().nullable(),
      extended_care_eligible: z.boolean().nullable(),
      extended_care_elected: z.boolean().nullable(),
      documents: z.array(z.object({ name: text(), obtained: z.boolean(), status: text() })),
      has_transition: z.boolean(),
    })
    .nullable(),
  icwa: z.object({
    inquiry_dates: z.array(date()),
    inquired: z.boolean(),
    reason_to_know: z.boolean(),
    tribes: z.array(z.object({ name: text(), notice_sent: date().nullable(), method: text().nullable(), response: text().nullable(), status: text(), pending: z.boolean() })),
    active_efforts_findings: z.array(date()),
  }),
  child_wishes: z.array(noteBlock),
  assessment: z.array(noteBlock),
  recommendations: z.array(noteBlock),
  other_notes: z.array(noteBlock),
  contacts: z.object({
    months: z.array(z.object({ month: text(), full: z.boolean(), met: z.boolean(), visits: z.array(date()), in_residence: count() })),
    full_months: count(),
    months_met: count(),
    rate: text().nullable(),
    in_person: count(),
    in_residence: count(),
    residence_share: text().nullable(),
    residence_majority: z.boolean(),
    seen_privately: count(),
    all_met: z.boolean(),
    missed_months: z.array(text()),
    list: z.array(z.object({ date: date(), type: text(), location: text(), child_seen: z.boolean(), privately: z.boolean(), face_to_face: z.boolean(), with: text() })),
  }),
  signers: z.array(z.object({ name: text(), role: text(), date: date().nullable() })),
  served: z.array(z.object({ name: text(), role: text() })),
  notices: z.object({
    overdue: z.array(z.object({ what: text(), due: date(), detail: text() })),
    immunizations_behind: z.boolean(),
    psychotropic_without_consent: z.array(text()),
    no_hearing: z.boolean(),
    withheld: z.array(text()),
  }),
});

export type CourtReportFacts = z.infer<typeof courtReportFacts>;
