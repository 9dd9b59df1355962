/**
 * `{{age child.dob asOf}}`: whole years from a date of birth to a date. The age
 * changes on the birthday; born on 29 February, one turns a year older on
 * 1 March in years without that day (core/calendar-date.ts, ageOn).
 * `optional=true` prints *not recorded* when the date of birth is not recorded.
 */
import { ageOn, compareDates } from '../../core/calendar-date.js';
import { escapeText, isBlank } from '../escape.js';
import { dateValue } from './date.js';
import type { HelperSpec } from './spec.js';

export const age: HelperSpec = {
  name: 'age',
  role: 'inline',
  params: [2, 2],
  usage: '{{age dateOfBirth asOfDate}}',
  hash: { optional: 'boolean' },
  run(call, [dob, on]) {
    if (isBlank(dob)) return call.empty(0, dob);
    if (isBlank(on)) return call.empty(1, on);
    const birth = dateValue(call, 0, dob);
    const day = dateValue(call, 1, on);
    if (!birth || !day) return '';
    if (compareDates(dob as string, on as string) > 0) {
      call.report('CP2006', `${call.label(0)} (${String(dob)}) is after ${call.label(1)} (${String(on)}): no age on that day`, undefined, call.field(0));
      return '';
    }
    return escapeText(String(ageOn(dob as string, on as string)));
  },
};
