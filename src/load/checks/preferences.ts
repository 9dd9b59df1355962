/**
 * home.yaml `preferences` against the license (case-format.md): the family's
 * preferences narrow what the license allows, never widen it.
 */
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import type { Check } from './context.js';

/**
 * `preferences.ages` outside `license.ages` is an error: matching would silently
 * narrow it to the license, so the family's stated range is not what is used.
 * `sibling_group_max` above `license.capacity` is a warning: a group that large
 * cannot be placed under this license (matching counts room by the license and
 * the state's limits, never by the preference), but the preference itself is
 * true of the family and may be why the agency seeks a capacity change.
 */
export const preferencesWithinLicense: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  for (const { home } of root.homes) {
    const prefs = home?.data.preferences;
    if (!home || !prefs) continue;
    const { ages: licensed, capacity } = home.data.license;
    if (prefs.ages && licensed) {
      const bound = prefs.ages.min < licensed.min ? 'min' : prefs.ages.max > licensed.max ? 'max' : undefined;
      if (bound) {
        out.push(diagnostic('CP1318', {
          file: home.file,
          span: home.locate.value(['preferences', 'ages', bound]),
          field: `preferences.ages.${bound}`,
          message: `\`preferences.ages\` ${prefs.ages.min} to ${prefs.ages.max} reaches outside the license's ages ${licensed.min} to ${licensed.max}`,
          hint: `a preference can only narrow the license: write ages within ${licensed.min} to ${licensed.max}, or amend license.ages if the license changed`,
        }));
      }
    }
    if (prefs.sibling_group_max != null && prefs.sibling_group_max > capacity) {
      out.push(diagnostic('CP1319', {
        file: home.file,
        span: home.locate.value(['preferences', 'sibling_group_max']),
        field: 'preferences.sibling_group_max',
        message: `\`preferences.sibling_group_max\` ${prefs.sibling_group_max} is above the license's capacity of ${capacity}`,
        hint: `matching places no more than the license allows; lower it to ${capacity} or less, or amend license.capacity if the license changed`,
      }));
    }
  }
  return out;
};
