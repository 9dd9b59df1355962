/**
 * Every kind of `due` detail in the words of the bundled labels.yaml: the exact
 * text `casepress due` prints (cli.md, "What `due` reports"). The typed details
 * are the ones the compute tests expect of the clocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief } from '../../test/helpers/brief-diagnostics.js';
import { REPO } from '../../test/helpers/fixture-root.js';
import { dueDetail, type DueDetail, type DueDetailOf } from '../compute/due-detail.js';
import { parseLabels } from '../load/labels.js';
import { compileTemplate, renderTemplate } from './compile-template.js';
import { DUE_PHRASES, DUE_PHRASE_SLOTS, dueDetailWords, duePhraseProblems, dueRuleWords } from './due-words.js';
import { labelsOf, type Labels } from './labels.js';

const FILE = 'templates/labels.yaml';
const parsed = parseLabels(FILE, readFileSync(join(REPO, FILE), 'utf8'));
const labels = labelsOf(FILE, parsed.labels!);
const phrases = labels.vocabularies.get(DUE_PHRASES)!;
const words = (detail: DueDetail) => dueDetailWords(detail, phrases);

/** Labels with the due_detail phrases changed: `undefined` removes one. */
function withPhrases(changes: Record<string, string | undefined>): Labels {
  const due = Object.fromEntries([...phrases].filter(([key]) => !(key in changes) || changes[key] !== undefined).map(([key, phrase]) => [key, changes[key] ?? phrase]));
  return labelsOf(FILE, { ...parsed.labels!, [DUE_PHRASES]: due });
}

const hearing = (type: DueDetailOf<'hearing'>['hearing']['type'], date: string, d: { title?: string; continued_from?: string } = {}) => ({
  type, title: d.title ?? null, date, continued_from: d.continued_from ?? null,
});
const clock = (d: Partial<DueDetailOf<'hearing_clock'>> & Pick<DueDetailOf<'hearing_clock'>, 'months' | 'from' | 'from_date'>): DueDetail => ({
  kind: 'hearing_clock', held_type: null, wanted: 'permanency', next: null, in_time: false, ...d,
});
const tpr = (d: Partial<DueDetailOf<'tpr'>> & Pick<DueDetailOf<'tpr'>, 'reached' | 'date' | 'entered_care'>): DueDetail => ({
  kind: 'tpr', prior_episodes: 0, trial_home_visit_days: 0, runaway_days: 0, petition: null, exception: null, ...d,
});
const transition = (d: Partial<DueDetailOf<'transition_plan'>> = {}): DueDetail => ({
  kind: 'transition_plan', eighteenth_birthday: '2030-11-24', plan_date: null, met: false, plan_after_as_of: false, ...d,
});
const training = (d: Partial<DueDetailOf<'annual_training'>> = {}): DueDetail => ({
  kind: 'annual_training', counted: 13.5, required: 22, shortfall: 8.5, uncounted: 0, year_start: '2026-01-01', year_end: '2026-12-31', pace: 'behind_pace', months_left: 1, expires: '2026-12-31', ...d,
});
const check = (d: Partial<DueDetailOf<'background_check'>> & Pick<DueDetailOf<'background_check'>, 'basis'>): DueDetail => ({
  kind: 'background_check', item: 'fbi_fingerprint', months: 12, birthday: null, age: null, in_force: true, last: null, pending: null, predates: null, ...d,
});
const custody = hearing('other', '2027-01-07', { title: 'Petition for permanent custody' });

/** [detail, words]: each kind, and each way its words can go. */
const CASES: readonly (readonly [DueDetail, string])[] = [
  [clock({ months: 12, from: 'defc', from_date: '2025-03-20', next: hearing('permanency', '2026-04-02') }), '12 months after the date entered foster care (2025-03-20); the permanency hearing scheduled for 2026-04-02 is after the due date'],
  [clock({ months: 6, from: 'removal', from_date: '2025-02-03' }), '6 months after the removal date (2025-02-03); no permanency hearing scheduled'],
  [clock({ months: 6, from: 'removal', from_date: '2025-02-03', wanted: 'review_or_permanency' }), '6 months after the removal date (2025-02-03); no review or permanency hearing scheduled'],
  [
    clock({ months: 6, from: 'hearing', from_date: '2026-09-17', held_type: 'review', wanted: 'review_or_permanency', next: hearing('review', '2026-12-18', { continued_from: '2026-11-20' }), in_time: true }),
    '6 months after the review hearing held on 2026-09-17; review hearing scheduled for 2026-12-18 (continued from 2026-11-20)',
  ],
  [tpr({ reached: true, date: '2026-06-20', entered_care: '2025-03-20' }), '15 of the most recent 22 months in care reached on 2026-06-20 (date entered foster care 2025-03-20); no TPR petition filed and no exception documented'],
  [
    tpr({ reached: false, date: '2027-07-23', entered_care: '2026-04-23', prior_episodes: 1, exception: { documented: '2026-06-12', type: 'compelling_reason' } }),
    '15 of the most recent 22 months in care will be reached on 2027-07-23 if the child stays in care (date entered foster care 2026-04-23; 1 prior episode counted); exception documented 2026-06-12 (compelling reason)',
  ],
  [
    tpr({ reached: true, date: '2025-09-20', entered_care: '2024-06-20', prior_episodes: 2, trial_home_visit_days: 10, runaway_days: 4, petition: { date: '2025-10-01', role: 'putative_father' } }),
    '15 of the most recent 22 months in care reached on 2025-09-20 (date entered foster care 2024-06-20; 2 prior episodes counted); 10 trial home visit days and 4 runaway days not counted; TPR petition filed 2025-10-01 (putative father)',
  ],
  [tpr({ reached: true, date: '2025-09-20', entered_care: '2024-06-20', runaway_days: 4 }), '15 of the most recent 22 months in care reached on 2025-09-20 (date entered foster care 2024-06-20); 4 runaway days not counted; no TPR petition filed and no exception documented'],
  [{ kind: 'case_plan_review', plan_date: '2026-03-01' }, 'review date of the service plan dated 2026-03-01'],
  [{ kind: 'monthly_visit', month: '2026-11', seen: { date: '2026-11-05', type: 'home_visit' } }, 'face-to-face visit with the child each calendar month; seen on 2026-11-05 (home visit)'],
  [{ kind: 'monthly_visit', month: '2026-12', seen: null }, 'face-to-face visit with the child each calendar month; none recorded in 2026-12 yet (due by the end of the month)'],
  [transition(), '90 days before the 18th birthday (2030-11-24); no transition plan on file'],
  [transition({ eighteenth_birthday: '2027-01-20', plan_date: '2026-11-05', met: true }), '90 days before the 18th birthday (2027-01-20); met by the transition plan dated 2026-11-05'],
  [transition({ eighteenth_birthday: '2027-01-20', plan_date: '2026-11-05', plan_after_as_of: true }), '90 days before the 18th birthday (2027-01-20); the transition plan on file is dated 2026-11-05, after the as-of date'],
  [transition({ eighteenth_birthday: '2027-01-20', plan_date: '2026-05-05' }), '90 days before the 18th birthday (2027-01-20); the transition plan on file is dated 2026-05-05, before that day'],
  [{ kind: 'hearing', hearing: hearing('review', '2026-12-18', { continued_from: '2026-11-20' }), court: 'Test Family Court' }, 'review hearing, Test Family Court (continued from 2026-11-20)'],
  [{ kind: 'hearing', hearing: custody, court: 'Test Family Court' }, 'Petition for permanent custody, Test Family Court'],
  [{ kind: 'court_report', hearing: custody, days_before: 10, ready: false }, 'court report for the Petition for permanent custody on 2027-01-07, due 10 days before it; not ready for filing (casepress check names what is missing)'],
  [{ kind: 'court_report', hearing: hearing('review', '2026-12-10'), days_before: 10, ready: true }, 'court report for the review hearing on 2026-12-10, due 10 days before it; every part required before filing is written'],
  [
    { kind: 'caregiver_notice', hearing: hearing('review', '2026-12-18', { continued_from: '2026-11-20' }), days_before: 7 },
    'notice of the review hearing on 2026-12-18 (continued from 2026-11-20) to the foster parents and caregivers, 7 days before it',
  ],
  [{ kind: 'qrtp', step: 'assessment', days: 30, placed: '2026-10-01', done: '2026-10-20', late: false }, "qualified individual's assessment within 30 days of the QRTP placement of 2026-10-01; made 2026-10-20"],
  [{ kind: 'qrtp', step: 'approval', days: 60, placed: '2026-10-01', done: null, late: false }, 'court approval within 60 days of the QRTP placement of 2026-10-01; none recorded'],
  [{ kind: 'qrtp', step: 'approval', days: 60, placed: '2026-10-01', done: '2026-12-05', late: true }, 'court approval within 60 days of the QRTP placement of 2026-10-01; approved 2026-12-05 (late)'],
  [{ kind: 'trial_home_visit', since: '2026-08-31' }, 'trial home visit since 2026-08-31: past six months it needs a court order, or the child is treated as returned home'],
  [{ kind: 'reasonable_efforts', months: 12, finding: null, entered_care: '2025-11-19', next: null }, '12 months after the date entered foster care (2025-11-19); no hearing scheduled by then'],
  [
    { kind: 'reasonable_efforts', months: 12, finding: { hearing: hearing('permanency', '2026-10-15'), date: '2026-10-15' }, entered_care: '2025-11-19', next: custody },
    '12 months after the finding made at the permanency hearing on 2026-10-15; the Petition for permanent custody on 2027-01-07 can make it',
  ],
  [{ kind: 'credit_report', months: 12, last: null, fourteenth_birthday: '2026-04-19', birthday_passed: true }, 'first credit report on the 14th birthday (2026-04-19); none on file'],
  [{ kind: 'credit_report', months: 12, last: null, fourteenth_birthday: '2027-01-10', birthday_passed: false }, 'first credit report on the 14th birthday (2027-01-10)'],
  [{ kind: 'credit_report', months: 12, last: '2026-05-02', fourteenth_birthday: '2026-04-19', birthday_passed: true }, '12 months after the last credit report (2026-05-02)'],
  [{ kind: 'nytd_survey', days: 45, seventeenth_birthday: '2026-01-20', fiscal_year: 2026, taken: '2026-02-11' }, 'baseline survey within 45 days after the 17th birthday (2026-01-20), FY2026 being a cohort year; taken 2026-02-11'],
  [{ kind: 'nytd_survey', days: 45, seventeenth_birthday: '2026-01-20', fiscal_year: 2026, taken: null }, 'baseline survey within 45 days after the 17th birthday (2026-01-20), FY2026 being a cohort year; none on file'],
  [{ kind: 'cadence', what: 'health_exam', months: 12, last: null }, 'no physical exam on file (needed every 12 months)'],
  [{ kind: 'cadence', what: 'dental_exam', months: 6, last: '2026-05-31' }, '6 months after the last dental exam (2026-05-31)'],
  [{ kind: 'cadence', what: 'cans', months: 6, last: '2026-04-10' }, '6 months after the last CANS assessment (2026-04-10)'],
  [
    { kind: 'standing_order', held: 1, at_least: 2, order: 'caseworker_visits', per: 'month', period: '2026-11-01', verdict: 'not_met' },
    '1 of 2 caseworker visits with the child in 2026-11: not met (at least 2 per month)',
  ],
  [
    { kind: 'standing_order', held: 1, at_least: 2, order: 'sibling_visits', per: 'month', period: '2026-12-01', verdict: 'not_met_yet' },
    '1 of 2 sibling visits in 2026-12: not met yet (at least 2 per month)',
  ],
  [{ kind: 'standing_order', held: 1, at_least: 1, order: 'family_time', per: 'week', period: '2026-11-30', verdict: 'met' }, '1 of 1 family time sessions in the week of 2026-11-30: met (at least 1 per week)'],
  [{ kind: 'license_renewal', number: 'KY-FH-2291', status: 'active', expires: '2026-12-31' }, 'license KY-FH-2291 (active) expires 2026-12-31'],
  [training(), '13.5 of 22 hours counted in the license year 2026-01-01 to 2026-12-31 (8.5 short; behind pace, 1 month left); due when the license expires (2026-12-31)'],
  [
    training({ counted: 10, required: 20, shortfall: 10, uncounted: 8, year_start: '2025-07-01', year_end: '2026-06-30', pace: 'on_pace', months_left: 9, expires: '2026-06-30' }),
    '10 of 20 hours counted in the license year 2025-07-01 to 2026-06-30 (10 short; on pace, 9 months left); 8 more hours in topics that do not count; due when the license expires (2026-06-30)',
  ],
  [training({ months_left: 0 }), '13.5 of 22 hours counted in the license year 2026-01-01 to 2026-12-31 (8.5 short; behind pace, less than a month left); due when the license expires (2026-12-31)'],
  [training({ pace: 'not_met', months_left: 0 }), '13.5 of 22 hours counted in the license year 2026-01-01 to 2026-12-31 (8.5 short; not met, the license year is over); due when the license expires (2026-12-31)'],
  [{ kind: 'certification', item: 'cpr', expires: null, as_of: '2026-11-23' }, 'no CPR certificate on file: due on the as-of date (2026-11-23)'],
  [{ kind: 'certification', item: 'first_aid', expires: '2026-11-22', as_of: '2026-11-23' }, 'first aid certificate expires 2026-11-22'],
  [check({ basis: 'cadence', item: 'state_registry', last: { date: '2025-10-14', result: 'clear' } }), '12 months after the last state registry check (2025-10-14, clear)'],
  [
    check({ basis: 'missing', birthday: '1997-01-01', age: 18, pending: '2026-11-12' }),
    'no completed FBI fingerprint check on file (needed within 12 months); the FBI fingerprint check of 2026-11-12 is pending, not a completed check',
  ],
  [
    check({ basis: 'turned_18', item: 'sex_offender_registry', birthday: '2026-09-01', age: 18, predates: '2022-09-10', pending: '2026-10-01' }),
    'turned 18 on 2026-09-01: every adult check is due on that birthday; no sex offender registry check dated on or after it; the check of 2022-09-10 predates the 18th birthday',
  ],
  [check({ basis: 'turned_18', birthday: '2032-06-14', age: 18, in_force: false }), 'turns 18 on 2032-06-14: every adult check is due on that birthday'],
  [
    check({ basis: 'child_age', item: 'state_registry', birthday: '2026-06-14', age: 12, last: { date: '2026-07-02', result: 'clear' } }),
    'turned 12 on 2026-06-14; state registry check dated 2026-07-02 (clear), on or after that birthday',
  ],
  [
    check({ basis: 'child_age', item: 'state_registry', birthday: '2027-03-01', age: 14, in_force: false, pending: '2026-11-01' }),
    'turns 14 on 2027-03-01: a state registry check is due on that birthday; none dated on or after it; the state registry check of 2026-11-01 is pending, not a completed check',
  ],
  [
    { kind: 'inspection', months: 12, last: { date: '2025-12-10', resolved: null }, open: [{ date: '2026-11-16', failed: false }] },
    '12 months after the last home safety inspection (2025-12-10, passed); corrections from 2026-11-16 not yet resolved',
  ],
  [
    { kind: 'inspection', months: 12, last: { date: '2025-06-01', resolved: '2025-06-20' }, open: [{ date: '2026-06-02', failed: true }, { date: '2026-07-02', failed: false }] },
    '12 months after the last home safety inspection (2025-06-01, corrections resolved 2025-06-20); the inspection of 2026-06-02 failed; corrections from 2026-07-02 not yet resolved',
  ],
  [{ kind: 'inspection', months: 12, last: null, open: [] }, 'no passed home safety inspection on file'],
];

describe('the words of a due detail (labels.yaml due_detail)', () => {
  it('the bundled labels.yaml has every phrase, each with only its own placeholders', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(duePhraseProblems(labels)).toEqual([]);
    expect([...phrases.keys()].sort()).toEqual(Object.keys(DUE_PHRASE_SLOTS).sort());
  });

  it.each(CASES.map(([detail, text]) => [detail.kind, text, detail] as const))('%s: %s', (_kind, text, detail) => {
    expect(dueDetail.parse(detail)).toEqual(detail);
    expect(words(detail)).toBe(text);
  });

  it('every kind of detail has its words tested', () => {
    const kinds = dueDetail.options.map((o) => o.shape.kind.value);
    expect(new Set(CASES.map(([d]) => d.kind))).toEqual(new Set(kinds));
  });

  it('a phrase reworded in labels.yaml changes the words, placeholders in any order', () => {
    const reworded = withPhrases({ cadence_last: 'last {what}: {date}; again after {months} months', cadence_dental_exam: 'dentist' });
    expect(dueDetailWords({ kind: 'cadence', what: 'dental_exam', months: 6, last: '2026-05-31' }, reworded.vocabularies.get(DUE_PHRASES)!)).toBe('last dentist: 2026-05-31; again after 6 months');
  });

  it('a missing phrase or an unknown placeholder is a problem named before anything is worded, and never a blank', () => {
    const broken = withPhrases({ order_week: undefined, cadence_none: 'no {what} since {date}' });
    expect(duePhraseProblems(broken)).toEqual([
      `${FILE} "due_detail" "cadence_none" uses {date}, which it does not have; it has {months}, {what}`,
      `${FILE} "due_detail" has no phrase "order_week" (it may use {date})`,
    ]);
    expect(duePhraseProblems(labelsOf(FILE, {}))).toEqual([`${FILE} has no vocabulary "due_detail": the words of every \`due\` item's detail`]);
    const detail: DueDetail = { kind: 'standing_order', held: 1, at_least: 1, order: 'family_time', per: 'week', period: '2026-11-30', verdict: 'met' };
    expect(() => dueDetailWords(detail, broken.vocabularies.get(DUE_PHRASES)!)).toThrow('labels.yaml "due_detail" has no phrase "order_week"');
  });
});

describe("the words of a due item's rule", () => {
  it('a citation prints as it is; the court, an agency.yaml setting and a court order in the phrases', () => {
    expect(dueRuleWords('42 U.S.C. 675(5)(C)', phrases)).toBe('42 U.S.C. 675(5)(C)');
    expect(dueRuleWords({ kind: 'set_by_court' }, phrases)).toBe('set by the court');
    expect(dueRuleWords({ kind: 'agency_setting', setting: 'court_report_days_before', default: 10 }, phrases)).toBe('agency.yaml court_report_days_before (default 10)');
    expect(dueRuleWords({ kind: 'agency_setting', setting: 'court_report_days_before', default: null }, phrases)).toBe('agency.yaml court_report_days_before');
    expect(dueRuleWords({ kind: 'court_order', from: '2026-03-19', parent: null }, phrases)).toBe('court order of 2026-03-19');
    expect(dueRuleWords({ kind: 'court_order', from: '2026-03-19', parent: 'putative_father' }, phrases)).toBe('court order of 2026-03-19 (putative father)');
  });
});

describe('{{dueDetail}} in a template', () => {
  const schema = { type: 'object', properties: { detail: { type: 'object' } } } as const;
  const compile = (words: Labels) => compileTemplate('Overdue ({{dueDetail detail}})', 'templates/t.md.hbs', {}, { labels: words, facts: { schema, what: 'the facts' } });

  it('prints the words escaped, with dates in the long style of prose', () => {
    const compiled = compile(labels);
    expect(compiled.diagnostics).toEqual([]);
    const detail: DueDetail = { kind: 'hearing', hearing: hearing('other', '2026-12-18', { title: 'Review *of* [placement]' }), court: 'Family Court' };
    expect(renderTemplate(compiled.template!, { detail }).markdown).toBe('Overdue (Review \\*of\\* \\[placement\\], Family Court)');
    expect(renderTemplate(compiled.template!, { detail: { kind: 'case_plan_review', plan_date: '2026-03-01' } }).markdown).toBe('Overdue (review date of the service plan dated March 1, 2026)');
  });

  it('a template printing a detail is CP2006 at its line when labels.yaml lacks a phrase', () => {
    const result = compile(withPhrases({ inspection_none: undefined }));
    expect(result.template).toBeUndefined();
    expect(brief(result.diagnostics)).toEqual([
      { code: 'CP2006', at: 'templates/t.md.hbs:1:10', message: `${FILE} "due_detail" has no phrase "inspection_none"`, hint: 'add it under due_detail: (templates/README.md)' },
    ]);
  });
});
