/** What to write where a missing part belongs, as `check` and the build's warnings say it: every kind of hint. */
import { describe, expect, it } from 'vitest';
import type { WriteHint } from '../compute/documents/readiness.js';
import { readinessWarnings, writeHint } from './readiness-warnings.js';

describe('writeHint', () => {
  it.each<[WriteHint, string]>([
    [{ kind: 'court_note', hearing: '2026-12-10', section: 'child_wishes' }, 'a note with hearing: 2026-12-10 and section: child_wishes'],
    [{ kind: 'field', path: 'placements[2].qrtp.assessment' }, 'placements[2].qrtp.assessment'],
    [{ kind: 'signature', participant: 1 }, 'participants[1].signed (the date) or participants[1].comment (why not)'],
    [{ kind: 'goal_area', area: 'independent_living' }, 'a goal with area: independent_living'],
    [{ kind: 'reevaluation', from: '2026-03-01', to: '2027-02-28' }, 'an annual re-evaluation (type: annual_reevaluation) dated from 2026-03-01 to 2027-02-28'],
  ])('%o', (hint, words) => {
    expect(writeHint(hint)).toBe(words);
  });

  it('a warning names the file, the part and what to write', () => {
    expect(readinessWarnings([{ section: 'signatures', file: 'children/C-1/plan.yaml', write: { kind: 'signature', participant: 0 } }])).toEqual([
      'children/C-1/plan.yaml: required before filing and not provided: signatures (write participants[0].signed (the date) or participants[0].comment (why not))',
    ]);
  });
});
