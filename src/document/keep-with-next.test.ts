import { describe, expect, it } from 'vitest';
import type { Block, Inline } from './ast.js';
import { keepWithNext } from './keep-with-next.js';

const text = (value: string): Inline => ({ type: 'text', value });
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const table: Block = { type: 'table', columns: [], header: [], rows: [] } as unknown as Block;
const list: Block = { type: 'list', ordered: false, items: [] } as unknown as Block;
const signature: Block = { type: 'signature', signers: [] } as unknown as Block;
const heading: Block = { type: 'heading', level: 2, children: [text('Next')] };

describe('keepWithNext', () => {
  it('keeps a bold title line whole with what follows', () => {
    expect(keepWithNext(para({ type: 'strong', children: [text("Joey's own words")] }), para(text('He wrote:')))).toBe('whole');
  });

  it('keeps the statement above signature lines whole with them', () => {
    expect(keepWithNext(para(text('By signing, you show that you took part.')), signature)).toBe('whole');
  });

  it('keeps the end of a paragraph leading into a table, a list or anything after a colon', () => {
    expect(keepWithNext(para(text('For: the mother')), table)).toBe('end');
    expect(keepWithNext(para(text('She enjoys')), list)).toBe('end');
    expect(keepWithNext(para(text('In her own words, as she asked:')), para(text('I want to stay.')))).toBe('end');
    expect(keepWithNext(para({ type: 'emphasis', children: [text('Orders of the last hearing:')] }), para(text('x')))).toBe('end');
  });

  it('lets an ordinary paragraph, a half-bold line or the last block end a page', () => {
    expect(keepWithNext(para(text('An ordinary sentence.')), para(text('Another.')))).toBeUndefined();
    expect(keepWithNext(para({ type: 'strong', children: [text('Goal:')] }, text(' stay safe')), heading)).toBeUndefined();
    expect(keepWithNext(para({ type: 'strong', children: [text('Title')] }), undefined)).toBeUndefined();
    expect(keepWithNext(heading, table)).toBeUndefined();
  });
});
