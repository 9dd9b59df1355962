/**
 * A no-contact order makes the child's location confidential whatever
 * `location_confidential` says (case-format.md, Audiences): an explicit
 * `false` beside such an order is not obeyed, and the caseworker is told so.
 */
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import type { Check } from './context.js';

export const noContactKeepsLocationConfidential: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  for (const { case: file } of root.children) {
    if (!file || file.data.child.location_confidential !== false) continue;
    const i = file.data.parents.findIndex((p) => p.no_contact);
    if (i < 0) continue;
    out.push(
      diagnostic('CP1314', {
        file: file.file,
        span: file.locate.value(['child', 'location_confidential']),
        field: 'child.location_confidential',
        message: `location_confidential is false, but parents[${i}] (${file.data.parents[i]!.name}) has a no-contact order: the child's location stays confidential`,
        hint: 'remove `location_confidential: false`, or the no_contact order if it has ended',
      }),
    );
  }
  return out;
};
