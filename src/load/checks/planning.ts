/**
 * Service and transition plans: the review window (at most 6 months, 42 U.S.C.
 * 675(5)(B)) and the youth's part in planning from age 14 (42 U.S.C. 675(1)(B)).
 */
import { addMonths, ageOn } from '../../core/calendar-date.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import type { Check } from './context.js';

const REVIEW_MONTHS = 6;
const YOUTH_PLANNING_AGE = 14;

export const planReviewWithinSixMonths: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  for (const { plan } of root.children) {
    if (!plan) continue;
    const { plan_date, review_date } = plan.data;
    const latest = addMonths(plan_date, REVIEW_MONTHS);
    if (review_date < plan_date) {
      out.push(diagnostic('CP1304', { file: plan.file, span: plan.locate.value(['review_date']), field: 'review_date', message: `the review date ${review_date} is before the plan date ${plan_date}` }));
    } else if (review_date > latest) {
      out.push(
        diagnostic('CP1308', {
          file: plan.file,
          span: plan.locate.value(['review_date']),
          field: 'review_date',
          message: `the review date ${review_date} is more than ${REVIEW_MONTHS} months after the plan date ${plan_date}`,
          hint: `the plan is reviewed at least every ${REVIEW_MONTHS} months (42 U.S.C. 675(5)(B)): review by ${latest}`,
        }),
      );
    }
  }
  return out;
};

export const youthTakesPart: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  for (const child of root.children) {
    const dob = child.case?.data.child.dob;
    if (!dob) continue;
    for (const file of [child.plan, child.transition]) {
      if (!file || file.data.youth_participated === true) continue;
      const age = ageOn(dob, file.data.plan_date);
      if (age < YOUTH_PLANNING_AGE) continue;
      const recorded = file.data.youth_participated === false;
      out.push(
        diagnostic('CP1309', {
          file: file.file,
          span: file.locate.value([recorded ? 'youth_participated' : 'plan_date']),
          field: 'youth_participated',
          message: `the youth was ${age} on the plan date ${file.data.plan_date}, but \`youth_participated\` is ${recorded ? 'false' : 'not recorded'}`,
          hint: 'youth 14 and older take part in case planning (42 U.S.C. 675(1)(B)): record youth_participated: true, or say why not in a participant comment',
        }),
      );
    }
  }
  return out;
};
