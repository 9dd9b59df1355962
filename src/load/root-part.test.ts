import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCaseRoot } from '../io/list-root.js';
import { classify, SKIPPABLE_PLACES, type SkippableKind } from './classify.js';
import { MAX_FILE_BYTES } from './decode.js';
import { loadCaseRoot } from './load-root.js';
import { shardOf } from './parse-cache.js';
import { leavesOut, rootPart } from './root-part.js';

const CASES = join(import.meta.dirname, '../../cases');

describe('what a part of the root leaves out', () => {
  it('skips the files of a kind wherever they are, and nothing else', () => {
    const out = leavesOut({ skip: new Set(['assessment', 'court-note', 'study']) });
    const left = ['children/C-1/assessments', 'children/C-1/assessments/cans.yaml', 'children/C-1/court/2026-12-10-orders.md', 'homes/H-1/study.md'];
    const kept = ['agency.yaml', 'children/C-1', 'children/C-1/case.yaml', 'children/C-1/contacts/2026-07-14-home.md', 'children/C-1/visits', 'homes/H-1', 'homes/H-1/home.yaml', 'assets/logo.png'];
    expect([...left, ...kept].filter(out)).toEqual(left);
  });

  it('keeps only the children asked for (by the whole id: C-1 is not C-10)', () => {
    const out = leavesOut({ children: new Set(['C-1']) });
    expect(['children/C-1', 'children/C-1/case.yaml', 'children/C-10', 'children/C-10/case.yaml', 'homes/H-1/study.md'].filter(out)).toEqual(['children/C-10', 'children/C-10/case.yaml']);
  });

  it('keeps only the homes asked for, by the whole id, and skips kinds inside them', () => {
    const out = leavesOut({ children: new Set(['C-1']), homes: new Set(['H-1']), skip: new Set(['study']) });
    const left = ['homes/H-10', 'homes/H-10/home.yaml', 'homes/H-2/home.yaml', 'homes/H-1/study.md', 'homes/notes.txt'];
    const kept = ['homes/H-1', 'homes/H-1/home.yaml', 'homes/H-1/training/cpr.yaml', 'children/C-1/case.yaml', 'agency.yaml'];
    expect([...left, ...kept].filter(out)).toEqual(left);
  });

  it('keeps of each child\'s folder only the entries named (the folder itself too), and other children not at all', () => {
    const out = leavesOut({ children: new Set(['C-1']), childFiles: new Set(['case.yaml', 'plan.yaml']) });
    const left = ['children/C-1/contacts', 'children/C-1/contacts/2026-07-14-home.md', 'children/C-1/transition.yaml', 'children/C-1/plan.yaml.bak', 'children/C-2/case.yaml'];
    const kept = ['children/C-1', 'children/C-1/case.yaml', 'children/C-1/plan.yaml', 'homes/H-1/home.yaml', 'agency.yaml'];
    expect([...left, ...kept].filter(out)).toEqual(left);
  });

  it('loads a part of some homes as the whole root checks it: a placement in a home left out names a home that exists', async () => {
    const whole = await listCaseRoot(CASES, { maxFileBytes: MAX_FILE_BYTES });
    // C-2025-0142 is placed in H-0017 and H-0042; the part holds H-0017 alone.
    const spec = { children: new Set(['C-2025-0142']), homes: new Set(['H-0017']) };
    const part = rootPart(whole, spec);
    expect(part.homeIds).toEqual(['H-0017', 'H-0042', 'H-0063', 'H-0075', 'H-0081']);
    expect(part.listing.entries.some((e) => e.path.startsWith('homes/H-0042'))).toBe(false);
    const loaded = loadCaseRoot(part.listing, { caseIds: part.caseIds, homeIds: part.homeIds! });
    expect(loaded.root.homes.map((h) => h.id)).toEqual(['H-0017']);
    expect(loaded.root.children.map((c) => c.id)).toEqual(['C-2025-0142']);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Without the whole root's home ids, the home left out looks unknown: the ids are what keeps the check true.
    expect(loadCaseRoot(part.listing, { caseIds: part.caseIds }).diagnostics.map((d) => d.code)).toContain('CP1303');
    // A part that leaves no home out names none.
    expect(rootPart(whole, { children: spec.children }).homeIds).toBeUndefined();
  });

  it('names each skippable kind where the loader finds it, and keeps its parses in a shard of their own', () => {
    const sample: Record<SkippableKind, string> = { assessment: 'children/C-1/assessments/cans.yaml', 'court-note': 'children/C-1/court/orders.md', study: 'homes/H-1/study.md' };
    for (const [kind, path] of Object.entries(sample) as [SkippableKind, string][]) {
      expect(classify(path, false)).toMatchObject({ is: 'record', kind });
      expect(path).toContain(`/${SKIPPABLE_PLACES[kind].name}`);
      expect(shardOf(path)).toBe(path.startsWith('homes/') ? 'homes/H-1/study.md' : `children/C-1/${SKIPPABLE_PLACES[kind].name}`);
    }
    expect(shardOf('children/C-1/contacts/a.md')).toBe('children/C-1');
    expect(shardOf('homes/H-1/home.yaml')).toBe('homes/H-1');
  });
});
