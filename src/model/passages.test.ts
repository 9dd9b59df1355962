import { describe, expect, it } from 'vitest';
import { splitPassages } from './passages.js';

const texts = (text: string) => splitPassages(text).passages.map((p) => [p.text, p.treatment?.parent]);

describe('splitPassages', () => {
  it('reads text without fences as one ordinary passage, and nothing as none', () => {
    expect(splitPassages('Visit went well.\nNo concerns.')).toEqual({ passages: [{ text: 'Visit went well.\nNo concerns.', treatment: undefined, indent: '' }], problems: [] });
    expect(splitPassages('')).toEqual({ passages: [], problems: [] });
  });

  it('splits out a fenced passage, named or not, and drops the fence lines', () => {
    const text = 'Before.\n:::treatment{parent=mother}\nCompleted IOP.\n:::\nBetween.\n:::treatment\nA relapse.\n:::\nAfter.';
    expect(texts(text)).toEqual([
      ['Before.', undefined],
      ['Completed IOP.', 'mother'],
      ['Between.', undefined],
      ['A relapse.', null],
      ['After.', undefined],
    ]);
    expect(splitPassages(text).problems).toEqual([]);
  });

  it('accepts a quoted role and spaces around the fence', () => {
    expect(texts('  :::treatment{parent="father"}  \nScreens negative.\n  :::  ')).toEqual([['Screens negative.', 'father']]);
  });

  it('reads CRLF and CR line ends', () => {
    expect(texts('A.\r\n:::treatment{parent=mother}\r\nB.\r\n:::\r\nC.')).toEqual([
      ['A.', undefined],
      ['B.', 'mother'],
      ['C.', undefined],
    ]);
    expect(texts('A.\r:::treatment\rB.\r:::')).toEqual([
      ['A.', undefined],
      ['B.', null],
    ]);
  });

  it('keeps a fence inside a list item in its place, with its indentation', () => {
    const { passages, problems } = splitPassages('1. Continue visits.\n2. Overnights in January.\n   :::treatment{parent=mother}\n   If screens stay negative.\n   :::\n3. Review in March.');
    expect(problems).toEqual([]);
    expect(passages.map((p) => [p.text, p.indent, p.treatment?.parent])).toEqual([
      ['1. Continue visits.\n2. Overnights in January.', '', undefined],
      ['   If screens stay negative.', '   ', 'mother'],
      ['3. Review in March.', '', undefined],
    ]);
  });

  it('leaves nothing for an empty fence', () => {
    const { passages, problems } = splitPassages('A.\n:::treatment\n\n:::\nB.');
    expect(problems).toEqual([]);
    expect(passages.map((p) => p.text)).toEqual(['A.', 'B.']);
  });

  it('reports an unclosed fence at its opener and reads the rest as treatment of no one', () => {
    const { passages, problems } = splitPassages('A.\n  :::treatment{parent=mother}\nB.\nC.');
    expect(passages.map((p) => [p.text, p.treatment?.parent])).toEqual([
      ['A.', undefined],
      ['B.\nC.', 'mother'],
    ]);
    expect(problems).toMatchObject([{ line: 1, column: 3, message: expect.stringContaining('never closed') }]);
  });

  it('reports a closing fence that closes nothing, and drops it', () => {
    const { passages, problems } = splitPassages('A.\n:::\nB.');
    expect(passages.map((p) => p.text)).toEqual(['A.\nB.']);
    expect(problems).toMatchObject([{ line: 1, column: 1, message: expect.stringContaining('closes no treatment passage') }]);
  });

  it('reports a nested fence; the inner lines belong to no one unless both fences name the same parent', () => {
    const { passages, problems } = splitPassages(':::treatment{parent=mother}\nA.\n:::treatment{parent=father}\nB.\n:::\nC.');
    expect(problems.map((p) => [p.line, p.message])).toEqual([[2, expect.stringContaining('inside the one opened on line 1')]]);
    expect(passages.map((p) => [p.text, p.treatment?.parent])).toEqual([
      ['A.', 'mother'],
      ['B.', null],
      ['C.', undefined],
    ]);
  });

  it('reads a misspelt fence or an unknown parent as treatment of no one, and reports it', () => {
    const misspelt = splitPassages(':::treatmnet\nA.\n:::');
    expect(misspelt.passages.map((p) => [p.text, p.treatment?.parent])).toEqual([['A.', null]]);
    expect(misspelt.problems).toMatchObject([{ line: 0, message: expect.stringContaining('not a treatment fence') }]);
    const unknown = splitPassages(':::treatment{parent=mom}\nA.\n:::');
    expect(unknown.passages.map((p) => p.treatment?.parent)).toEqual([null]);
    expect(unknown.problems).toMatchObject([{ line: 0, message: expect.stringContaining('does not name a parent'), hint: expect.stringContaining('mother') }]);
  });

  it('reads a fence inside a line (a folded YAML value) as treatment of no one, without the fence', () => {
    const { passages, problems } = splitPassages('Goal continued. :::treatment{parent=mother} Completed IOP. :::');
    expect(passages.map((p) => [p.text, p.treatment?.parent])).toEqual([['Goal continued.  Completed IOP.', null]]);
    expect(problems).toMatchObject([{ line: 0, column: 17, message: expect.stringContaining('line of its own') }]);
  });
});
