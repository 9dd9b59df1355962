/**
 * servicePlanData's rules without the renderer: counts by status, kinds in words,
 * what is past due on a later as-of date, the foster parents' copy, and the
 * last line of defence against a withheld value in free text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { childFolder, documentContext, loadExample } from '../../../test/helpers/document-context.js';
import type { CaseRoot, ChildFolder } from '../../model/case-root.js';
import type { Audience } from '../audience.js';
import { WITHHELD_MARKER } from '../redaction/marker.js';
import type { DocumentContext } from './context.js';
import { scrubWithheld } from './scrub.js';
import { servicePlanData } from './service-plan.js';

let root: CaseRoot;
beforeAll(async () => {
  root = (await loadExample()).root;
});
const context = (audience: Audience, asOf: string): DocumentContext => documentContext(root, audience, { asOf });
const folder = (id: string): ChildFolder => childFolder(root, id);

describe('counts and words', () => {
  it("objective counts by status, and the status they all share (Zoë's plan)", () => {
    const built = servicePlanData(context('internal', '2026-11-23'), folder('C-2024-0087'));
    expect(built.data.progress).toEqual({ total: 9, by_status: { in_progress: 7, met: 1, not_met: 1 }, same_status: null });
    expect(built.data.goals.map((g) => g.progress)).toEqual([
      { total: 2, by_status: { in_progress: 2 }, same_status: 'in_progress' },
      { total: 1, by_status: { in_progress: 1 }, same_status: 'in_progress' },
      { total: 3, by_status: { in_progress: 2, met: 1 }, same_status: null },
      { total: 2, by_status: { in_progress: 2 }, same_status: 'in_progress' },
      { total: 1, by_status: { not_met: 1 }, same_status: 'not_met' },
    ]);
  });
});

describe('as of a later day', () => {
  it("flags steps and objectives past their dates and a review past due (Zoë's plan, 2027-03-01)", () => {
    const built = servicePlanData(context('internal', '2027-03-01'), folder('C-2024-0087'));
    const goals = built.data.goals;
    expect(goals[0]!.objectives[0]!.past_due).toBe(true);
    expect(goals[0]!.objectives[0]!.tasks.map((t) => t.past_due)).toEqual([true, true, false]); // the screening is done
    expect(goals[4]!.objectives[0]!.past_due).toBe(false); // not met is a result, not an open item
    expect(built.warnings).toEqual([
      'children/C-2024-0087/plan.yaml: the plan review was due 2027-02-12 and no newer plan is on file',
      expect.stringMatching(/^children\/C-2024-0087\/plan\.yaml: past due and not finished as of 2027-03-01: objective 1\.1 \(target 2027-01-22\); step "Call or text/),
    ]);
    expect(built.data.attention).toEqual([
      { kind: 'review_past_due', review_date: '2027-02-12' },
      { kind: 'past_due', items: expect.arrayContaining([{ kind: 'objective', number: '1.1', target_date: '2027-01-22' }]) },
    ]);
  });
});

describe("the foster parents' copy", () => {
  it("keeps a parent's treatment details out, and their own names in (C-2025-0219)", () => {
    const ctx = context('foster_parent', '2026-11-23');
    const built = servicePlanData(ctx, folder('C-2025-0219'));
    const goals = built.data.goals;
    expect(goals[0]!.services[0]).toEqual({ withheld: true, reason: 'parent_treatment', provider: WITHHELD_MARKER, type: WITHHELD_MARKER });
    expect(goals[1]!.services[0]).toMatchObject({ withheld: false, provider: 'Lexington Rapid Rehousing Program' });
    expect(goals[3]!.services[0]).toMatchObject({ withheld: false, provider: 'Dr. Mai Phạm, PhD' }); // the child's own therapy
    const participants = built.data.participants;
    expect(participants.map((p) => p.name)).toContain('Grace Okafor');
    // What the copy withholds (guards are only looked for: each parent's street and phone).
    expect(ctx.redact.withheld.filter((w) => !w.guard).map((w) => w.kind)).toEqual(['parent_treatment', 'parent_treatment']);
  });
});

describe('the last line of defence', () => {
  it('replaces a withheld value standing in free text, whole words only, and says where', () => {
    const ctx = context('court', '2026-11-23');
    ctx.redact.record('foster_family_identity', 'homes/H-0042/home.yaml household[0].name (surname)', 'Whitfield');
    const warnings: string[] = [];
    const out = scrubWithheld({ goals: [{ statement: 'Stay with the WHITFIELD family; ask Whitfieldson.' }], child: { name: 'Zoë' } }, ctx, () => 'children/X/plan.yaml', warnings);
    expect(out).toEqual({ goals: [{ statement: `Stay with the ${WITHHELD_MARKER} family; ask Whitfieldson.` }], child: { name: 'Zoë' } });
    expect(warnings).toEqual(['children/X/plan.yaml: a value withheld from the court copy appeared in free text (goals[0].statement) and was replaced by the marker']);
  });
});
