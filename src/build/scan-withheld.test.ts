import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '../document/ast.js';
import { WITHHELD_MARKER } from '../compute/audience.js';
import { scanWithheld } from './scan-withheld.js';

const tree = (text: string): DocumentTree => ({
  meta: { title: 'Court Report', author: 'a', subject: 's', keywords: [], reference: 'C-1', confidentiality: 'c', date: '2026-11-23' },
  blocks: [
    { type: 'paragraph', children: [{ type: 'text', value: text }] },
    { type: 'table', columns: [{ align: 'left', width: 1 }], header: [{ children: [{ type: 'text', value: 'Where' }] }], rows: [[{ children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] }]] },
  ],
});

describe('scanWithheld', () => {
  it('replaces a withheld value wherever it stands, as a whole word, and reports it', () => {
    const withheld = [{ kind: 'foster_family_identity' as const, field: 'homes/H-1/home.yaml household[0].name (surname)', value: 'Whitfield' }];
    const { tree: out, found } = scanWithheld(tree('Joey told Ms. Whitfield about school; Whitfields and Whitfieldson stay.'), withheld);
    const para = out.blocks[0]!;
    expect(para.type === 'paragraph' && para.children[0]).toEqual({ type: 'text', value: `Joey told Ms. ${WITHHELD_MARKER} about school; Whitfields and Whitfieldson stay.` });
    expect(JSON.stringify(out.blocks[1])).toContain(WITHHELD_MARKER);
    expect(found).toEqual(withheld);
  });

  it('leaves a clean text alone', () => {
    const input = tree('Nothing to hide.');
    expect(scanWithheld(input, [{ kind: 'confidential_address', field: 'x', value: '12 Elm St' }])).toEqual({ tree: input, found: [] });
  });
});
