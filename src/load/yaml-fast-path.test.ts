/**
 * The fast path reads a file only when it would give what `yaml` gives: the
 * same values, in the same key order, and `yaml` reports no error or warning.
 * Checked on every case file in the repository, hand-written edge cases,
 * mutated case files, and a differential property test on generated
 * documents built from the pieces case files are written with.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastPathYaml } from './yaml-fast-path.js';
import { splitFrontMatter } from './front-matter.js';

const REPO = join(import.meta.dirname, '../..');

/** Returns whether the fast path read it; fails the test if it read it differently from `yaml`. */
function agrees(source: string): boolean {
  const fast = fastPathYaml(source);
  if (fast === undefined) return false;
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, version: '1.2', keepSourceTokens: false });
  expect(doc.errors.map((e) => e.code), source).toEqual([]);
  expect(doc.warnings.map((e) => e.code), source).toEqual([]);
  const slow = doc.toJS({ maxAliasCount: 100 }) as unknown;
  expect(fast, source).toStrictEqual(slow);
  expect(JSON.stringify(fast), source).toBe(JSON.stringify(slow));
  return true;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ya?ml|md)$/i.test(name) ? [path] : [];
  });
}

/** The YAML of a case file: the whole file, or a note's front matter. */
function yamlOf(path: string): string | undefined {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.md')) return text;
  const split = splitFrontMatter(text);
  return split.ok ? split.value.yaml : undefined;
}

const corpus = [...filesUnder(join(REPO, 'cases')), ...filesUnder(join(REPO, 'starter')), ...filesUnder(join(REPO, 'test/fixtures'))]
  .map(yamlOf)
  .filter((y): y is string => y !== undefined);

describe('fastPathYaml', () => {
  it('reads the example agency (nearly) entirely, as yaml does', () => {
    const example = filesUnder(join(REPO, 'cases')).map(yamlOf).filter((y): y is string => y !== undefined);
    const read = example.filter(agrees).length;
    expect(read / example.length).toBeGreaterThan(0.95);
  });

  it('agrees with yaml on every case file and fixture in the repository', () => {
    for (const source of corpus) agrees(source);
  });

  it('reads files saved with CRLF line ends as yaml does', () => {
    const example = filesUnder(join(REPO, 'cases')).map(yamlOf).filter((y): y is string => y !== undefined);
    const read = example.filter((source) => agrees(source.replaceAll('\n', '\r\n'))).length;
    expect(read / example.length).toBeGreaterThan(0.95);
    for (const source of corpus) agrees(source.replaceAll('\n', '\r\n'));
  });

  it.each([
    ['a: 1\nb: two\nc:\n', true],
    ['a:\n  - x\n  - y\nb: [1, 2.5, "three", \'fo\'\'ur\']\n', true],
    ['a:\n- x\n- y\n', true],
    ['list:\n  - k: 1\n    l: 2\n  - - nested\n    - seq\n  - { a: [1, {b: c}], d: e }\n', true],
    ['text: |\n  line one\n    indented\n\n  three\n\nnext: 1\n', true],
    ['text: >-\n  folded\n  lines\n\n  para\nnext: >\n  x\n', true],
    ['a: ~\nb: null\nc: Null\nd: true\ne: FALSE\nf: 0o17\ng: 0x1F\nh: -12\ni: +3\nj: 1e3\nk: .5\nl: -.inf\nm: .NaN\nn: 2026-10-03\no: 0123\np: 1_000\nq: yes\n', true],
    ['# a comment\na: b # trailing\nc: d#not a comment\n  # indented comment\ne: http://x.org/a:b\n', true],
    ['name: Fayette Family Court, Division 3\nodd: a ] b } c\n', true],
    ['a: 1\na: 2\n', false],
    ['a: &x 1\nb: *x\n', false],
    ['a: !!str 1\n', false],
    ['%YAML 1.1\n---\na: 1\n', false],
    ['---\na: 1\n---\nb: 2\n', false],
    ['a:\n\tb: 1\n', false],
    ['a: 1\r\nb: |\r\n  x\r\n\r\n  y\r\nc: >-\r\n  p\r\n  q\r\n', true],
    ['a: 1\rb: 2\n', false],
    ['a: "x\ry"\n', false],
    ['a: multi\n  line\n', false],
    ['a: "multi\n  line"\n', false],
    ['a: b: c\n', false],
    ['a: [1, 2,]\n', true],
    ['a: [1,\n  2]\n', false],
    ['a: "esc\\n"\n', true],
    ['a:\n  b: 1\n c: 2\n', false],
    ['- a\n- b\n', false],
    ['just text\n', false],
    ['# only a comment\n', false],
    ['', false],
    ['a: |+\n  keep\n\n', true],
    ['a: |2\n   x\n', true],
    ['a: >\n  x\n    more\n  y\n', true],
    ['? complex\n: key\n', false],
    ['"quoted": key\n', true],
    ['true: 1\n', false],
    ['__proto__: 1\n', false],
    ['{ a: 1 }\n', true],
    ['a: &x 1\n', false],
    ['a: 1\n"a": 2\n', false],
    ['<<: { a: 1 }\nb: 2\n', false],
    ['a: 1e400\n', false],
    ['a: [1e400]\n', false],
    ['1: a\n', false],
    ['a: 2026-10-03\nb: 2026-10-03T10:00:00Z\nc: 12:30\nd: e400\n', true],
    ['a:\tb\n', false],
    ['a: "tab\tinside"\n', false],
    ['a: b\n...\n', true],
    ['%FOO bar\n---\na: 1\n', false],
    ["a: '1'#glued\n", false],
    ['a: [1]#glued\n', false],
    ['a:\n  - { b: 1,\n c: 2 }\n', false],
    ['a: -0\n', false],
    ['x:\n  - f:\n      - a\n      - # empty\n  - y\n', false],
    ['a: -.5\n', false],
    ['a: 0b101\n', false],
    ['a: +0x1F\n', false],
    ['a: [x]\nb: { c: [y] }\nc:\n  - [z]\n', true],
    ['a: [x]', true],
  ])('%j → read by the fast path: %s', (source, read) => {
    expect(agrees(source)).toBe(read);
  });

  it('agrees with yaml on mutated case files', () => {
    let read = 0;
    const pieces = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '>-', '&a ', '*a', '!', '%', '?', '\n', '\n  ', '\t', '0', '1.5', 'null', 'true', '~', 'é', '\\', '\r', '\r\n', '\n- ', ' -\n', '-0', '-.5', '0b1', '1e400', ']: '];
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 3 }), (source, edits) => {
        let text = source;
        for (const [at, remove, insert] of edits) {
          const pos = at % (text.length + 1);
          text = text.slice(0, pos) + insert + text.slice(pos + remove);
        }
        if (agrees(text)) read++;
      }),
      { numRuns: 3000 },
    );
    // Many mutations stay inside what the fast path reads: the comparison is not vacuous.
    expect(read).toBeGreaterThan(300);
  });

  it('gives what yaml gives, or defers, on generated case-file-like documents', () => {
    let read = 0;
    const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
    // Keys as case files write them, and ones the fast path must leave to yaml.
    const key = fc.oneof({ weight: 12, arbitrary: word }, fc.constantFrom('"quoted"', "'single'", 'true', 'null', '~', '1', '2026-01-31', '<<', '__proto__', 'a b', '"esc\\t"', '? x'));
    const scalarText = fc.oneof(
      { weight: 3, arbitrary: word },
      fc.constantFrom(
        // numbers, booleans, nulls as the YAML 1.2 core schema reads them, and near misses
        '1', '-2', '+3', '0', '-0', '0123', '0.5', '.5', '1.', '1e3', '-1.5E-2', '1e400', '0x1f', '0x', '0o17', '0o8', '0b11', '1_000', '.inf', '-.Inf', '.NaN', '.nan.',
        'true', 'False', 'TRUE', 'tRue', 'yes', 'No', 'on', 'null', 'Null', '~', '',
        // dates stay strings
        '2026-01-31', '2026-1-3', '2026-01-31T10:00:00Z', '2026-01-31 10:00', '12:30', '1:30:00',
        // text
        'a b', 'x: y', 'a #b', 'a#b', "it's", 'say "hi"', '[x]', '-x', '- x', ' ', 'Zoë', 'a\\nb', 'C-2025-0142', 'http://x.org/a:b', '&a', '*a', '!t', '%', '@x', '`x', '|', '>',
      ),
    );
    const scalar = fc.tuple(scalarText, fc.constantFrom('plain', 'plain', 'double', 'single')).map(([t, style]) =>
      style === 'double' ? `"${t}"` : style === 'single' ? `'${t.replace(/'/g, "''")}'` : t,
    );
    const flow: fc.Arbitrary<string> = fc.letrec<{ flow: string }>((tie) => ({
      flow: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.tuple(fc.array(tie('flow'), { maxLength: 3 }), fc.constantFrom('', ',')).map(([items, comma]) => `[${items.join(', ')}${items.length ? comma : ''}]`),
        fc.array(fc.tuple(key, tie('flow')), { maxLength: 3 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
      ),
    })).flow;
    const blockScalar = fc.tuple(
      fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2', '>1-'),
      fc.array(fc.oneof(word, fc.constant(''), fc.constant('  deeper'), fc.constant('# not a comment'), fc.constant('a: b')), { minLength: 1, maxLength: 4 }),
    );
    const comment = fc.constantFrom('', '', ' # note', '#glued');
    const pad = (n: number) => ' '.repeat(n);
    type Gen = (indent: number) => fc.Arbitrary<string>;
    const mapping: Gen = (indent) =>
      fc.array(fc.tuple(key, fc.nat({ max: 6 }), comment), { minLength: 1, maxLength: 4 }).chain((entries) =>
        fc.tuple(...entries.map(([k, choice, note]) => entry(indent, k, choice, note))).map((lines) => lines.join('')),
      );
    const entry = (indent: number, k: string, choice: number, note: string): fc.Arbitrary<string> => {
      const head = `${pad(indent)}${k}:`;
      const tail = `${note}\n`;
      if (choice === 0 || indent > 6) return scalar.map((s) => `${head} ${s}${tail}`);
      if (choice === 1) return flow.map((f) => `${head} ${f}${tail}`);
      if (choice === 2) return mapping(indent + 2).map((m) => `${head}${tail}${m}`);
      if (choice === 3) {
        return fc.tuple(fc.constantFrom(0, 2), fc.array(fc.oneof(scalar, flow), { minLength: 1, maxLength: 3 })).map(
          ([extra, items]) => `${head}${tail}${items.map((item) => `${pad(indent + extra)}- ${item}\n`).join('')}`,
        );
      }
      if (choice === 4) {
        // a list of small mappings, as hearings and placements are written
        return fc.array(fc.tuple(word, scalar, word, scalar), { minLength: 1, maxLength: 2 }).map(
          (items) => `${head}${tail}${items.map(([k1, v1, k2, v2]) => `${pad(indent + 2)}- ${k1}: ${v1}\n${pad(indent + 4)}${k2}: ${v2}\n`).join('')}`,
        );
      }
      if (choice === 5) {
        // a value over two lines: a multi-line plain or quoted scalar, or one indented too far
        return fc.tuple(scalar, word, fc.constantFrom(1, 2, indent + 2)).map(([s, more, n]) => `${head} ${s}\n${pad(n)}${more}${tail}`);
      }
      return blockScalar.map(([header, lines]) => `${head} ${header}${note}\n${lines.map((l) => (l ? `${pad(indent + 2)}${l}` : '')).join('\n')}\n`);
    };
    const document = fc.tuple(fc.constantFrom('', '', '# a comment\n', '---\n', '\n'), mapping(0), fc.constantFrom('', '', '\n\n', '# end\n', '...\n')).map((parts) => parts.join(''));
    fc.assert(
      fc.property(document, (text) => {
        if (agrees(text)) read++;
      }),
      { numRuns: 2000 },
    );
    // Most generated documents are read by the fast path: the comparison is not vacuous.
    expect(read).toBeGreaterThan(400);
  });
});
