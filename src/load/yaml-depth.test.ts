/** YAML nested beyond MAX_YAML_DEPTH is one located CP1103 (issue 13: `validate` exited 3 on a 1,800-level mapping). */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../core/source.js';
import { MAX_YAML_DEPTH } from './yaml-depth.js';
import { parseYaml } from './yaml-document.js';

const read = (yaml: string) => {
  const { data, diagnostics } = parseYaml({ file: 'case.yaml', index: new LineIndex(yaml), yaml, offset: 0 });
  return { data, found: diagnostics.map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column}`) };
};
/** A block mapping `levels` deep under `extra:`, one space more per level. */
const block = (levels: number) => `id: C-1\nextra:\n${Array.from({ length: levels - 1 }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}${' '.repeat(levels)}x: 1\n`;

describe('YAML depth', () => {
  it(`reads ${MAX_YAML_DEPTH} levels`, () => {
    expect(read(block(MAX_YAML_DEPTH)).found).toEqual([]);
  });

  it('refuses one more, where the mapping too deep starts', () => {
    expect(read(block(MAX_YAML_DEPTH + 1)).found).toEqual([`CP1103 ${MAX_YAML_DEPTH + 3}:${MAX_YAML_DEPTH + 2}`]);
  });

  it('refuses flow collections nested deep, and 1,800 levels (1.6 MB) without a stack overflow', () => {
    expect(read(`extra: ${'['.repeat(100)}x${']'.repeat(100)}\n`).found).toEqual([`CP1103 1:${8 + MAX_YAML_DEPTH}`]);
    const { data, found } = read(block(1800));
    expect(data).toBeUndefined();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^CP1103 \d+:\d+$/);
  });
});
