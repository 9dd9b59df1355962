/**
 * A `due` item's detail (and, where no rule's citation stands, its rule) in
 * words: the one place that words them, for
 * `casepress due`, `casepress check` and the court report's Overdue notice
 * (`{{dueDetail detail}}`). The words are the phrases of templates/labels.yaml
 * `due_detail`, each with `{placeholders}` this module fills; it only picks
 * which phrases a detail needs and nests them. Dates stay YYYY-MM-DD here: the
 * document prints them in its prose style, the terminal as they are.
 */
import type { DueDetail, DueDetailOf } from '../compute/due-detail.js';
import { codeWords, type DueRule } from '../compute/due-item.js';
import type { Labels } from './labels.js';

/** The vocabulary of labels.yaml that holds the phrases. */
export const DUE_PHRASES = 'due_detail';

/** Every phrase the words need, with the placeholders it may use. */
export const DUE_PHRASE_SLOTS = {
  also: ['first', 'then'],
  and: ['first', 'then'],
  continued: ['what', 'date'],
  late: ['what'],
  hearing_of_type: ['type'],
  the_hearing_on: ['hearing', 'date'],
  clock_from_defc: ['months', 'date'],
  clock_from_removal: ['months', 'date'],
  clock_from_hearing: ['months', 'type', 'date'],
  clock_scheduled: ['hearing', 'date'],
  clock_late: ['scheduled'],
  clock_none_permanency: [],
  clock_none_review_or_permanency: [],
  tpr_reached: ['date', 'entered'],
  tpr_projected: ['date', 'entered'],
  tpr_entered: ['date'],
  tpr_prior_episode: ['count'],
  tpr_prior_episodes: ['count'],
  tpr_trial_home_visit_days: ['count'],
  tpr_runaway_days: ['count'],
  tpr_not_counted: ['days'],
  tpr_petition: ['date', 'role'],
  tpr_exception: ['date', 'type'],
  tpr_none: [],
  case_plan_review: ['date'],
  monthly_visit: [],
  monthly_visit_seen: ['date', 'type'],
  monthly_visit_none: ['month'],
  transition_plan: ['birthday'],
  transition_plan_met: ['date'],
  transition_plan_after: ['date'],
  transition_plan_before: ['date'],
  transition_plan_none: [],
  hearing: ['hearing', 'court'],
  court_report: ['hearing', 'days'],
  court_report_ready: [],
  court_report_not_ready: [],
  caregiver_notice: ['hearing', 'days'],
  qrtp_assessment: ['days', 'date'],
  qrtp_assessment_made: ['date'],
  qrtp_approval: ['days', 'date'],
  qrtp_approval_given: ['date'],
  qrtp_none: [],
  trial_home_visit: ['date'],
  reasonable_efforts: ['months', 'basis'],
  reasonable_efforts_from_finding: ['hearing', 'date'],
  reasonable_efforts_from_defc: ['date'],
  reasonable_efforts_next: ['hearing', 'date'],
  reasonable_efforts_none: [],
  credit_report_last: ['months', 'date'],
  credit_report_first: ['date'],
  credit_report_none: [],
  nytd_survey: ['days', 'date', 'year'],
  nytd_survey_taken: ['date'],
  nytd_survey_none: [],
  cadence_health_exam: [],
  cadence_dental_exam: [],
  cadence_cans: [],
  cadence_last: ['months', 'what', 'date'],
  cadence_none: ['months', 'what'],
  order_caseworker_visits: [],
  order_family_time: [],
  order_sibling_visits: [],
  order_month: ['month'],
  order_week: ['date'],
  order_met: [],
  order_not_met: [],
  order_not_met_yet: [],
  standing_order: ['held', 'at_least', 'ordered', 'period', 'verdict', 'per'],
  license_renewal: ['number', 'status', 'date'],
  training: ['counted', 'required', 'start', 'end', 'shortfall', 'pace', 'left'],
  training_on_pace: [],
  training_behind_pace: [],
  training_not_met: [],
  training_year_over: [],
  training_under_a_month: [],
  training_month_left: ['count'],
  training_months_left: ['count'],
  training_uncounted: ['hours'],
  training_due: ['date'],
  certificate_cpr: [],
  certificate_first_aid: [],
  certification_expires: ['certificate', 'date'],
  certification_none: ['certificate', 'date'],
  check_state_registry: [],
  check_fbi_fingerprint: [],
  check_sex_offender_registry: [],
  check_cadence: ['months', 'check', 'date', 'result'],
  check_turned: ['age', 'date'],
  check_turns: ['age', 'date'],
  check_adult_due: ['turns'],
  check_adult_none: ['turns', 'check'],
  check_missing: ['check', 'months'],
  check_predates: ['date'],
  check_pending: ['check', 'date'],
  check_child_met: ['turns', 'check', 'date', 'result'],
  check_child_due: ['turns', 'check'],
  inspection_last: ['months', 'date', 'how'],
  inspection_passed: [],
  inspection_resolved: ['date'],
  inspection_none: [],
  inspection_failed: ['date'],
  inspection_unresolved: ['date'],
  rule_set_by_court: [],
  rule_agency_setting: ['setting'],
  rule_agency_default: ['setting', 'value'],
  rule_court_order: ['date'],
  rule_court_order_parent: ['date', 'parent'],
} as const satisfies Record<string, readonly string[]>;

export type DuePhrase = keyof typeof DUE_PHRASE_SLOTS;
type Values = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/**
 * What is wrong with labels.yaml's phrases: a phrase missing, or a placeholder
 * its phrase does not have. Empty when every detail can be worded.
 */
export function duePhraseProblems(labels: Labels | undefined): string[] {
  const phrases = labels?.vocabularies.get(DUE_PHRASES);
  const file = labels?.file ?? 'templates/labels.yaml';
  if (!phrases) return [`${file} has no vocabulary "${DUE_PHRASES}": the words of every \`due\` item's detail`];
  const problems: string[] = [];
  for (const [key, slots] of Object.entries(DUE_PHRASE_SLOTS) as [DuePhrase, readonly string[]][]) {
    const phrase = phrases.get(key);
    if (phrase === undefined) {
      problems.push(`${file} "${DUE_PHRASES}" has no phrase "${key}"${slots.length ? ` (it may use ${slots.map((s) => `{${s}}`).join(', ')})` : ''}`);
      continue;
    }
    for (const [, name] of phrase.matchAll(PLACEHOLDER)) {
      if (!slots.includes(name!)) problems.push(`${file} "${DUE_PHRASES}" "${key}" uses {${name}}, which it does not have${slots.length ? `; it has ${slots.map((s) => `{${s}}`).join(', ')}` : '; it has no placeholders'}`);
    }
  }
  return problems;
}

/** Words an item's rule: a citation as it is, a date's source in the phrases. */
export function dueRuleWords(rule: DueRule, phrases: ReadonlyMap<string, string>): string {
  if (typeof rule === 'string') return rule;
  const say = sayer(phrases);
  switch (rule.kind) {
    case 'set_by_court':
      return say('rule_set_by_court');
    case 'agency_setting':
      return rule.default === null ? say('rule_agency_setting', { setting: rule.setting }) : say('rule_agency_default', { setting: rule.setting, value: rule.default });
    case 'court_order':
      return rule.parent ? say('rule_court_order_parent', { date: rule.from, parent: codeWords(rule.parent) }) : say('rule_court_order', { date: rule.from });
  }
}

/** A phrase with its placeholders filled; a missing phrase is an error, never a blank. */
function sayer(phrases: ReadonlyMap<string, string>) {
  return (key: DuePhrase, values: Values = {}): string => {
    const phrase = phrases.get(key);
    if (phrase === undefined) throw new Error(`labels.yaml "${DUE_PHRASES}" has no phrase "${key}"`);
    return phrase.replace(PLACEHOLDER, (written, name: string) => (name in values ? String(values[name]) : written));
  };
}

/** Words a detail with `phrases` (labels.yaml `due_detail`, checked by `duePhraseProblems`). */
export function dueDetailWords(detail: DueDetail, phrases: ReadonlyMap<string, string>): string {
  const say = sayer(phrases);
  const also = (first: string, ...then: (string | undefined)[]): string => then.reduce<string>((a, b) => (b ? say('also', { first: a, then: b }) : a), first);
  const continued = (what: string, date: string | null): string => (date ? say('continued', { what, date }) : what);
  const typed = (type: string) => say('hearing_of_type', { type: codeWords(type) });
  /** The hearing by its type, or a hearing of type `other` by its title. */
  const named = (h: DueDetailOf<'hearing'>['hearing']) => (h.type === 'other' && h.title ? h.title : typed(h.type));
  const theHearing = (h: DueDetailOf<'hearing'>['hearing']) => continued(say('the_hearing_on', { hearing: named(h), date: h.date }), h.continued_from);

  switch (detail.kind) {
    case 'hearing_clock': {
      const basis =
        detail.from === 'defc'
          ? say('clock_from_defc', { months: detail.months, date: detail.from_date })
          : detail.from === 'removal'
            ? say('clock_from_removal', { months: detail.months, date: detail.from_date })
            : say('clock_from_hearing', { months: detail.months, type: codeWords(detail.held_type ?? 'other'), date: detail.from_date });
      const next = detail.next;
      const scheduled = next && continued(say('clock_scheduled', { hearing: typed(next.type), date: next.date }), next.continued_from);
      const tail = !scheduled ? say(detail.wanted === 'permanency' ? 'clock_none_permanency' : 'clock_none_review_or_permanency') : detail.in_time ? scheduled : say('clock_late', { scheduled });
      return also(basis, tail);
    }
    case 'tpr': {
      const prior = detail.prior_episodes ? say(detail.prior_episodes > 1 ? 'tpr_prior_episodes' : 'tpr_prior_episode', { count: detail.prior_episodes }) : undefined;
      const entered = also(say('tpr_entered', { date: detail.entered_care }), prior);
      const excluded = [
        detail.trial_home_visit_days ? say('tpr_trial_home_visit_days', { count: detail.trial_home_visit_days }) : '',
        detail.runaway_days ? say('tpr_runaway_days', { count: detail.runaway_days }) : '',
      ].filter(Boolean);
      const action = detail.petition
        ? say('tpr_petition', { date: detail.petition.date, role: codeWords(detail.petition.role) })
        : detail.exception
          ? say('tpr_exception', { date: detail.exception.documented, type: codeWords(detail.exception.type) })
          : say('tpr_none');
      return also(
        say(detail.reached ? 'tpr_reached' : 'tpr_projected', { date: detail.date, entered }),
        excluded.length ? say('tpr_not_counted', { days: excluded.reduce((a, b) => say('and', { first: a, then: b })) }) : undefined,
        action,
      );
    }
    case 'case_plan_review':
      return say('case_plan_review', { date: detail.plan_date });
    case 'monthly_visit':
      return also(say('monthly_visit'), detail.seen ? say('monthly_visit_seen', { date: detail.seen.date, type: codeWords(detail.seen.type) }) : say('monthly_visit_none', { month: detail.month }));
    case 'transition_plan': {
      const date = detail.plan_date;
      const tail = detail.met && date ? say('transition_plan_met', { date }) : date ? say(detail.plan_after_as_of ? 'transition_plan_after' : 'transition_plan_before', { date }) : say('transition_plan_none');
      return also(say('transition_plan', { birthday: detail.eighteenth_birthday }), tail);
    }
    case 'hearing':
      return continued(say('hearing', { hearing: named(detail.hearing), court: detail.court }), detail.hearing.continued_from);
    case 'court_report':
      return also(say('court_report', { hearing: theHearing(detail.hearing), days: detail.days_before }), say(detail.ready ? 'court_report_ready' : 'court_report_not_ready'));
    case 'caregiver_notice':
      return say('caregiver_notice', { hearing: theHearing(detail.hearing), days: detail.days_before });
    case 'qrtp': {
      const assessment = detail.step === 'assessment';
      const done = detail.done ? say(assessment ? 'qrtp_assessment_made' : 'qrtp_approval_given', { date: detail.done }) : undefined;
      return also(say(assessment ? 'qrtp_assessment' : 'qrtp_approval', { days: detail.days, date: detail.placed }), done ? (detail.late ? say('late', { what: done }) : done) : say('qrtp_none'));
    }
    case 'trial_home_visit':
      return say('trial_home_visit', { date: detail.since });
    case 'reasonable_efforts': {
      const basis = detail.finding
        ? say('reasonable_efforts_from_finding', { hearing: named(detail.finding.hearing), date: detail.finding.date })
        : say('reasonable_efforts_from_defc', { date: detail.entered_care });
      const next = detail.next ? say('reasonable_efforts_next', { hearing: named(detail.next), date: detail.next.date }) : say('reasonable_efforts_none');
      return also(say('reasonable_efforts', { months: detail.months, basis }), next);
    }
    case 'credit_report':
      return detail.last
        ? say('credit_report_last', { months: detail.months, date: detail.last })
        : also(say('credit_report_first', { date: detail.fourteenth_birthday }), detail.birthday_passed ? say('credit_report_none') : undefined);
    case 'nytd_survey':
      return also(
        say('nytd_survey', { days: detail.days, date: detail.seventeenth_birthday, year: detail.fiscal_year }),
        detail.taken ? say('nytd_survey_taken', { date: detail.taken }) : say('nytd_survey_none'),
      );
    case 'cadence': {
      const what = say(`cadence_${detail.what}`);
      return detail.last ? say('cadence_last', { months: detail.months, what, date: detail.last }) : say('cadence_none', { months: detail.months, what });
    }
    case 'standing_order':
      return say('standing_order', {
        held: detail.held,
        at_least: detail.at_least,
        ordered: say(`order_${detail.order}`),
        period: detail.per === 'month' ? say('order_month', { month: detail.period.slice(0, 7) }) : say('order_week', { date: detail.period }),
        verdict: say(`order_${detail.verdict}`),
        per: detail.per,
      });
    case 'license_renewal':
      return say('license_renewal', { number: detail.number, status: detail.status, date: detail.expires });
    case 'annual_training': {
      const left =
        detail.pace === 'not_met'
          ? say('training_year_over')
          : detail.months_left === 0
            ? say('training_under_a_month')
            : say(detail.months_left === 1 ? 'training_month_left' : 'training_months_left', { count: detail.months_left });
      const line = say('training', {
        counted: detail.counted, required: detail.required, start: detail.year_start, end: detail.year_end, shortfall: detail.shortfall, pace: say(`training_${detail.pace}`), left,
      });
      return also(line, detail.uncounted > 0 ? say('training_uncounted', { hours: detail.uncounted }) : undefined, say('training_due', { date: detail.expires }));
    }
    case 'certification': {
      const certificate = say(`certificate_${detail.item}`);
      return detail.expires ? say('certification_expires', { certificate, date: detail.expires }) : say('certification_none', { certificate, date: detail.as_of });
    }
    case 'background_check':
      return checkWords(detail, say, also);
    case 'inspection': {
      const last = detail.last;
      const base = last
        ? say('inspection_last', { months: detail.months, date: last.date, how: last.resolved ? say('inspection_resolved', { date: last.resolved }) : say('inspection_passed') })
        : say('inspection_none');
      return also(base, ...detail.open.map((i) => say(i.failed ? 'inspection_failed' : 'inspection_unresolved', { date: i.date })));
    }
  }
}

function checkWords(
  detail: DueDetailOf<'background_check'>,
  say: (key: DuePhrase, values?: Values) => string,
  also: (first: string, ...then: (string | undefined)[]) => string,
): string {
  const check = say(`check_${detail.item}`);
  const pending = detail.pending ? say('check_pending', { check, date: detail.pending }) : undefined;
  const why = detail.predates ? say('check_predates', { date: detail.predates }) : pending;
  const turns = detail.birthday ? say(detail.in_force ? 'check_turned' : 'check_turns', { age: detail.age ?? '', date: detail.birthday }) : '';
  switch (detail.basis) {
    case 'cadence':
      return say('check_cadence', { months: detail.months, check, date: detail.last?.date ?? '', result: detail.last?.result ?? '' });
    case 'turned_18':
      return detail.in_force ? also(say('check_adult_none', { turns, check }), why) : say('check_adult_due', { turns });
    case 'missing':
      return also(say('check_missing', { check, months: detail.months }), why);
    case 'child_age':
      return detail.last
        ? say('check_child_met', { turns, check, date: detail.last.date, result: detail.last.result })
        : also(say('check_child_due', { turns, check }), pending);
  }
}
