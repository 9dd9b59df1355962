/** The credit report and NYTD survey items of `due` (cli.md), on hand-worked dates. */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../model/case.js';
import { caseRecord, placement, type CaseFixture } from './fixtures.js';
import { creditReportItem, federalFiscalYear, isNytdCohortYear, nytdSurveyItem, youthDueItems } from './youth-items.js';

const youth = (fixture: CaseFixture, records: CaseRecord['youth'] = {}): CaseRecord => ({ ...caseRecord(fixture), youth: records });
const AS_OF = '2026-12-01';

describe('the annual credit report (42 U.S.C. 675(5)(I))', () => {
  // Born 2012-04-19: 14 on 2026-04-19.
  const joey = (reports?: string[]) => youth({ dob: '2012-04-19' }, reports ? { credit_reports: reports } : {});

  it('is first due on the 14th birthday, and overdue after it with none on file', () => {
    expect(creditReportItem(joey(), AS_OF)).toEqual({
      subject: 'C-TEST',
      kind: 'credit_report',
      due: '2026-04-19',
      status: 'overdue',
      detail: { kind: 'credit_report', months: 12, last: null, fourteenth_birthday: '2026-04-19', birthday_passed: true },
      rule: '42 U.S.C. 675(5)(I)',
    });
    expect(creditReportItem(joey(), '2026-04-19')).toMatchObject({ due: '2026-04-19', status: 'due_soon' });
  });

  it('is due 12 months after the latest report, in any order; a report before 14 or after the as-of date does not count', () => {
    // 2026-05-02 + 12 months = 2027-05-02.
    expect(creditReportItem(joey(['2026-05-02']), AS_OF)).toMatchObject({ due: '2027-05-02', status: 'due_soon', detail: { kind: 'credit_report', months: 12, last: '2026-05-02', fourteenth_birthday: '2026-04-19', birthday_passed: true } });
    // Zoë, 14 on 2023-01-20: the latest of 2025-11-30 and 2025-03-01 + 12 months = 2026-11-30, the day before the as-of date.
    expect(creditReportItem(youth({ dob: '2009-01-20' }, { credit_reports: ['2025-11-30', '2025-03-01'] }), AS_OF)).toMatchObject({ due: '2026-11-30', status: 'overdue' });
    expect(creditReportItem(joey(['2026-03-01']), AS_OF)).toMatchObject({ due: '2026-04-19', status: 'overdue' });
    expect(creditReportItem(joey(['2026-12-15']), AS_OF)).toMatchObject({ due: '2026-04-19', status: 'overdue' });
  });

  it('gives a child under 14 notice of the first one, and counts a 29 February birthday from 1 March', () => {
    expect(creditReportItem(youth({ dob: '2013-01-10' }), AS_OF)).toMatchObject({ due: '2027-01-10', status: 'due_soon', detail: { last: null, fourteenth_birthday: '2027-01-10', birthday_passed: false } });
    expect(creditReportItem(youth({ dob: '2012-02-29' }), AS_OF)).toMatchObject({ due: '2026-03-01' });
  });
});

describe('the NYTD baseline survey (45 CFR 1356.82)', () => {
  it('federal fiscal years start on 1 October; cohorts are FY2011 and every third year', () => {
    expect([federalFiscalYear('2025-09-30'), federalFiscalYear('2025-10-01'), federalFiscalYear('2026-09-30'), federalFiscalYear('2026-10-01')]).toEqual([2025, 2026, 2026, 2027]);
    expect([2008, 2010, 2011, 2014, 2023, 2026, 2027, 2028, 2029].filter(isNytdCohortYear)).toEqual([2011, 2014, 2023, 2026, 2029]);
  });

  // Born 2009-01-20: 17 on 2026-01-20, in FY2026; 45 days later (11 to 31 January, 28 to 28 February, 6) is 2026-03-06.
  const zoe = (surveys?: string[], removal = '2024-05-14') => youth({ dob: '2009-01-20', removal: { date: removal } }, surveys ? { nytd_surveys: surveys } : {});

  it('is due 45 days after a 17th birthday in a cohort year, and ok with a survey in that window', () => {
    expect(nytdSurveyItem(zoe(['2026-02-11']), AS_OF)).toEqual({
      subject: 'C-TEST',
      kind: 'nytd_survey',
      due: '2026-03-06',
      status: 'ok',
      detail: { kind: 'nytd_survey', days: 45, seventeenth_birthday: '2026-01-20', fiscal_year: 2026, taken: '2026-02-11' },
      rule: '45 CFR 1356.82',
    });
    expect(nytdSurveyItem(zoe(['2026-01-20']), AS_OF)?.status).toBe('ok');
    expect(nytdSurveyItem(zoe(['2026-03-06']), AS_OF)?.status).toBe('ok');
  });

  it('is overdue with no survey in the window, and due soon before it closes', () => {
    expect(nytdSurveyItem(zoe(), AS_OF)).toMatchObject({ due: '2026-03-06', status: 'overdue', detail: { taken: null } });
    expect(nytdSurveyItem(zoe(['2026-01-19', '2026-03-07']), AS_OF)?.status).toBe('overdue');
    expect(nytdSurveyItem(zoe(), '2025-12-01')).toMatchObject({ due: '2026-03-06', status: 'due_soon' });
    expect(nytdSurveyItem(zoe(['2026-02-11']), '2026-02-10')?.status).toBe('due_soon');
  });

  it('is not asked outside a cohort year, nor of a youth who came into care after the window', () => {
    // 17 on 2025-09-30 (FY2025): none; on 2025-10-01 (FY2026): due 2025-11-15.
    expect(nytdSurveyItem(youth({ dob: '2008-09-30' }), AS_OF)).toBeUndefined();
    expect(nytdSurveyItem(youth({ dob: '2008-10-01' }), AS_OF)).toMatchObject({ due: '2025-11-15' });
    expect(nytdSurveyItem(zoe([], '2026-03-07'), AS_OF)).toBeUndefined();
    expect(nytdSurveyItem(zoe([], '2026-03-06'), AS_OF)).toMatchObject({ due: '2026-03-06', status: 'overdue' });
  });
});

describe('youthDueItems', () => {
  it('gives both items of a child in care, and none once every placement has ended or before the removal', () => {
    expect(youthDueItems(youth({ dob: '2009-01-20' }), AS_OF).map((i) => [i.kind, i.due])).toEqual([['credit_report', '2023-01-20'], ['nytd_survey', '2026-03-06']]);
    // 17 on 2029-04-19, in FY2029, a cohort year: 11 days to 30 April, 31 to 31 May, 3 → 2029-06-03.
    expect(youthDueItems(youth({ dob: '2012-04-19' }), AS_OF).map((i) => [i.kind, i.due])).toEqual([['credit_report', '2026-04-19'], ['nytd_survey', '2029-06-03']]);
    expect(youthDueItems(youth({ dob: '2009-01-20', placements: [placement('2025-01-06', '2026-11-30')] }), AS_OF)).toEqual([]);
    expect(youthDueItems(youth({ dob: '2009-01-20', removal: { date: '2026-12-02' }, placements: [placement('2026-12-02')] }), AS_OF)).toEqual([]);
  });
});
