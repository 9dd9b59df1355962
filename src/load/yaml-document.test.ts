import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineIndex } from '../core/source.js';
import { parseYaml } from './yaml-document.js';

const parse = (yaml: string) => parseYaml({ file: 'case.yaml', index: new LineIndex(yaml), yaml, offset: 0 });
const where = (yaml: string) => parse(yaml).diagnostics.map((d) => `${d.span?.start.line}:${d.span?.start.column} ${d.code} ${d.message}`);

afterEach(() => vi.restoreAllMocks());

describe('parseYaml', () => {
  it('reports a key written as a mapping or a list where it stands, and prints nothing of its own', () => {
    const warned = vi.spyOn(process, 'emitWarning');
    const printed = vi.spyOn(console, 'warn');
    expect(where('id: C-1\nhealth:\n  a: 1\n{ domain: x }: 1\n')).toEqual(['4:1 CP1110 this key is written as a mapping ({ domain: x }); a key is a word']);
    expect(where('id: C-1\nchild:\n  [a, b]: 1\n')).toEqual(['3:3 CP1110 this key is written as a list ([a, b]); a key is a word']);
    expect(where('id: C-1\n? - a\n  - b\n: 1\n')).toEqual(['2:3 CP1110 this key is written as a list (- a); a key is a word']);
    expect(warned).not.toHaveBeenCalled();
    expect(printed).not.toHaveBeenCalled();
  });

  it('names the line whose indentation differs from its siblings', () => {
    // Indented less than the key above (YAML's own report is on this line).
    expect(where('court:\n  name: F\n county: F\n  docket: 2\n')[0]).toMatch(/^3:2 CP1101 .*indented 1 space where line 2 has 2 spaces/);
    // Indented further than the key above: YAML reports the line above.
    expect(where('child:\n  name: A\n   dob: 2\n  sex: f\n')[0]).toMatch(/^3:4 CP1101 .*indented further than the key before it/);
    // The first key of a block indented less than the keys after it.
    expect(where('child:\n name: A\n  dob: 2\n  sex: f\n')[0]).toMatch(/^2:2 CP1101 .*indented 1 space where the keys after it \(lines 3 and 4\) have 2 spaces/);
    // Comments and blank lines between do not count as siblings.
    expect(where('court:\n  name: F\n\n  # the county\n county: F\n')[0]).toMatch(/^5:2 CP1101 .*where line 2 has 2 spaces/);
  });

  it('counts lines in the whole file for front matter', () => {
    const text = '---\ncourt:\n  name: F\n county: F\n---\nBody\n';
    const yaml = text.slice(4, text.indexOf('---', 4));
    const found = parseYaml({ file: 'note.md', index: new LineIndex(text), yaml, offset: 4 }).diagnostics[0]!;
    expect(`${found.span?.start.line}:${found.span?.start.column} ${found.message}`).toMatch(/^4:2 .*where line 3 has 2 spaces/);
  });
});
