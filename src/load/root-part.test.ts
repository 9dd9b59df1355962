import { describe, expect, it } from 'vitest';
import { classify, SKIPPABLE_PLACES, type SkippableKind } from './classify.js';
import { shardOf } from './parse-cache.js';
import { leavesOut } from './root-part.js';

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
