/**
 * servicePlanData's rules without the renderer: words for counts and kinds,
 * what is past due on a later as-of date, the foster parents' copy, and the
 * last line of defence against a withheld value in free text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { childFolder, documentContext, loadExample } from '../../../test/helpers/document-context.js';
import type { CaseRoot, ChildFolder } from '../../model/case-root.js';
import type { Audience } from '../audience.js';
import { WITHHELD_MARKER } from '../redaction/marker.js';
import type { StatusCounts } from '../case/plan-progress.js';
import type { DocumentContext } from './context.js';
import { humanize } from './labels.js';
import { scrubWithheld } from './scrub.js';
import { objectivesInWords, servicePlanData } from './service-plan.js';

let root: CaseRoot;
beforeAll(async () => {
  root = (await loadExample()).root;
});
const context = (audience: Audience, asOf: string): DocumentContext => documentContext(root, audience, { asOf });
const folder = (id: string): ChildFolder => childFolder(root, id);
const counts = (c: Partial<StatusCounts>): StatusCounts => {
  const all = { not_started: 0, in_progress: 0, met: 0, partially_met: 0, not_met: 0, discontinued: 0, ...c };
  return { ...all, total: Object.values(all).reduce((a, b) => a + b, 0) };
};

describe('words', () => {
  it('objective counts read as a sentence', () => {
    expect(objectivesInWords(counts({ in_progress: 1 }))).toBe('1 objective, in progress');
    expect(objectivesInWords(counts({ met: 2 }))).toBe('2 objectives, both met');
    expect(objectivesInWords(counts({ not_started: 3 }))).toBe('3 objectives, all not started');
    expect(objectivesInWords(counts({ in_progress: 7, met: 1, not_met: 1 }))).toBe('9 objectives: 7 in progress, 1 met and 1 not met');
    expect(objectivesInWords(counts({}))).toBe('no objectives');
  });

  it('snake_case kinds from case.yaml become plain words', () => {
    expect(humanize('trauma_focused_cbt')).toBe('Trauma-focused CBT');
    expect(humanize('dbt_informed_individual_therapy')).toBe('DBT-informed individual therapy');
    expect(humanize('child_parent_psychotherapy')).toBe('Child-parent psychotherapy');
    expect(humanize('Play therapy, weekly')).toBe('Play therapy, weekly');
  });
});

describe('as of a later day', () => {
  it("flags steps and objectives past their dates and a review past due (Zoë's plan, 2027-03-01)", () => {
    const built = servicePlanData(context('internal', '2027-03-01'), folder('C-2024-0087'));
    const goals = built.data['goals'] as { objectives: { number: string; past_due: boolean; tasks: { task: string; past_due: boolean }[] }[] }[];
    expect(goals[0]!.objectives[0]!.past_due).toBe(true);
    expect(goals[0]!.objectives[0]!.tasks.map((t) => t.past_due)).toEqual([true, true, false]); // the screening is done
    expect(goals[4]!.objectives[0]!.past_due).toBe(false); // not met is a result, not an open item
    expect(built.warnings).toEqual([
      'children/C-2024-0087/plan.yaml: the plan review was due 2027-02-12 and no newer plan is on file',
      expect.stringMatching(/^children\/C-2024-0087\/plan\.yaml: past due and not finished as of 2027-03-01: objective 1\.1 \(target 2027-01-22\); step "Call or text/),
    ]);
    expect(built.data['attention']).toEqual([
      'The review that was due by February 12, 2027 is past due; the plan must be reviewed and updated.',
      expect.stringMatching(/^Past due as of March 1, 2027 and not finished: .*objective 1\.1 \(target date January 22, 2027\)/),
    ]);
  });
});

describe("the foster parents' copy", () => {
  it("keeps a parent's treatment details out, and their own names in (C-2025-0219)", () => {
    const ctx = context('foster_parent', '2026-11-23');
    const built = servicePlanData(ctx, folder('C-2025-0219'));
    const goals = built.data['goals'] as { services: { withheld: boolean; provider: string; type: string }[] }[];
    expect(goals[0]!.services[0]).toMatchObject({ withheld: true, provider: WITHHELD_MARKER, type: WITHHELD_MARKER });
    expect(goals[1]!.services[0]).toMatchObject({ withheld: false, provider: 'Lexington Rapid Rehousing Program' });
    expect(goals[3]!.services[0]).toMatchObject({ withheld: false, provider: 'Dr. Mai Phạm, PhD' }); // the child's own therapy
    const participants = built.data['participants'] as { name: string }[];
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
