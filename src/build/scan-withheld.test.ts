import { describe, expect, it } from 'vitest';
import type { WithheldValue } from '../compute/audience.js';
import { WITHHELD_MARKER } from '../compute/redaction/marker.js';
import type { Block, DocumentTree, Inline } from '../document/ast.js';
import { scanWithheld, UnknownNode, WITHHELD_FORMS } from './scan-withheld.js';

const t = (value: string): Inline => ({ type: 'text', value });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const meta: DocumentTree['meta'] = { title: 'Court Report', author: 'a', subject: 's', keywords: [], reference: 'C-1', confidentiality: 'c', date: '2026-11-23' };
const tree = (...blocks: Block[]): DocumentTree => ({ meta, blocks });
const hartwell: WithheldValue = { kind: 'foster_family_identity', field: 'homes/H-1/home.yaml household[0].name (surname)', value: 'Hartwell' };
const { cell: CELL, prose: PROSE } = WITHHELD_FORMS;

describe('scanWithheld', () => {
  it('replaces a withheld value wherever it stands, as a whole word, and reports it', () => {
    const { tree: out, found, replacements } = scanWithheld(
      tree({ ...p(t('Joey told Ms. Hartwell about school; the Hartwells\u2019 dog and Hartwellson stay.')), position: { line: 7, column: 1 } }),
      [hartwell],
    );
    expect(out.blocks[0]).toMatchObject({ children: [t(`Joey told Ms. ${PROSE} about school; the ${PROSE} dog and Hartwellson stay.`)] });
    expect(found).toEqual([hartwell]);
    expect(replacements).toEqual([{ where: 'line 7', values: [hartwell], identifiers: 0 }]);
  });

  it('leaves a clean text alone', () => {
    const input = tree(p(t('Nothing to hide.')));
    expect(scanWithheld(input, [{ kind: 'confidential_address', field: 'x', value: '12 Elm St' }])).toEqual({ tree: input, found: [], replacements: [] });
  });

  it('looks at the text of every node type, the letterhead and the metadata', () => {
    const h = [t('Hartwell')];
    const every: Block[] = [
      { type: 'heading', level: 1, children: h },
      p(...h),
      { type: 'list', ordered: false, items: [{ children: [p(...h)] }] },
      { type: 'table', columns: [{ align: 'left', width: 1 }], header: [{ children: h }], rows: [[{ children: [{ type: 'strong', children: h }] }]], caption: h },
      { type: 'pageBreak' },
      { type: 'keep', children: [p(...h)] },
      { type: 'notice', kind: 'info', title: h, children: [p(...h)] },
      { type: 'checklist', items: [{ checked: false, children: h, note: h }] },
      { type: 'signature', signers: [{ name: 'Hartwell', role: 'Hartwell', date: 'Hartwell' }] },
      { type: 'image', src: 'a.png', alt: 'Hartwell' },
      {
        type: 'chart',
        kind: 'bar',
        stacked: false,
        title: 'Hartwell',
        alt: 'Hartwell',
        categories: ['Hartwell'],
        series: [{ name: 'Hartwell', values: [1] }],
        xTitle: 'Hartwell',
        yTitle: 'Hartwell',
        format: { decimals: 0, percent: false },
      },
    ];
    const input: DocumentTree = {
      meta: { ...meta, title: 'Hartwell', runningHeader: 'Court Report — Hartwell', author: 'Hartwell', subject: 'Hartwell', keywords: ['Hartwell'], reference: 'Hartwell', confidentiality: 'Hartwell' },
      letterhead: { name: 'Hartwell', addressLines: ['Hartwell'], phone: 'Hartwell' },
      blocks: every,
    };
    const { tree: out, replacements } = scanWithheld(input, [hartwell]);
    expect(JSON.stringify(out)).not.toMatch(/Hartwell/);
    // 11 block types (a page break has no text), 3 in the letterhead, 7 metadata fields; a chart has 6 texts.
    expect(replacements.length).toBe(13 + 2 + 6 + 3 + 7);
    expect(out.blocks[10]).toMatchObject({ title: CELL, alt: PROSE, categories: [CELL], series: [{ name: CELL, values: [1] }], xTitle: CELL, yTitle: CELL });
    expect(out.meta.runningHeader).toBe(`Court Report — ${CELL}`);
    expect(JSON.stringify(out.blocks[3])).toContain(CELL);
    expect(JSON.stringify(out.blocks[1])).toContain(PROSE);
  });

  it("drops a link whose address holds a withheld value, and keeps its text scanned", () => {
    const input = tree(p({ type: 'link', url: 'mailto:dana.hartwell@example.org', children: [t('write to Hartwell')] }, t(' or see the '), { type: 'link', url: 'https://example.org', children: [t('site')] }));
    const { tree: out, replacements } = scanWithheld(input, [hartwell]);
    expect(out.blocks[0]).toEqual(p(t(`write to ${PROSE}`), t(' or see the '), { type: 'link', url: 'https://example.org', children: [t('site')] }));
    expect(replacements.map((r) => r.where)).toEqual(["the document, a link's address", 'the document']);
  });

  it('fails on a node type it does not know', () => {
    const strange = { type: 'video', caption: 'Hartwell' } as unknown as Block;
    expect(() => scanWithheld(tree(strange), [])).toThrow(UnknownNode);
    expect(() => scanWithheld(tree(strange), [])).toThrow(/does not know the document node type 'video'/);
  });

  it('reads a word split by inline markup as one word, and replaces it once', () => {
    const input = tree(p(t('Ask Hart'), { type: 'strong', children: [t('well')] }, t(' today.')));
    expect(scanWithheld(input, [hartwell]).tree.blocks[0]).toEqual(p(t(`Ask ${PROSE}`), t(' today.')));
    const split = tree(p(t('Ask Ms. '), { type: 'emphasis', children: [t('Hart')] }, t('well, now.')));
    expect(scanWithheld(split, [hartwell]).tree.blocks[0]).toEqual(p(t('Ask Ms. '), { type: 'emphasis', children: [t(PROSE)] }, t(', now.')));
  });

  it('prints the marker as its place needs: short in a cell, in words in prose, never bracketed twice or doubled', () => {
    const input = tree(
      p(t(`Home H-1 (${WITHHELD_MARKER}), Fayette County; Dana and ${WITHHELD_MARKER} ${WITHHELD_MARKER}.`)),
      { type: 'table', columns: [{ align: 'left', width: 1 }], header: [{ children: [t('Who')] }], rows: [[{ children: [t(`[${WITHHELD_MARKER}]`)] }], [{ children: [t(WITHHELD_MARKER)] }]] },
      p(t('Pat Hartwell, 40 Maple Ct')),
    );
    const out = scanWithheld(input, [{ ...hartwell, value: 'Pat Hartwell' }, { ...hartwell, field: 'street', value: '40 Maple Court' }]).tree;
    expect(out.blocks[0]).toEqual(p(t(`Home H-1 ${PROSE}, Fayette County; Dana and ${PROSE}.`)));
    expect(JSON.stringify(out.blocks[1])).toContain(`[{"children":[{"type":"text","value":"${CELL}"}]}],[{"children":[{"type":"text","value":"${CELL}"}]}]`);
    expect(out.blocks[2]).toEqual(p(t(`${PROSE}, ${PROSE}`)));
  });

  it('withholds a full identifier from every copy, internal included, and says where', () => {
    const { tree: out, replacements } = scanWithheld({ ...tree(p(t('SSN 123-45-6789, Medicaid 1234567890; call 859-555-0199 on 2026-12-04; SSN ends 6789.'))), meta: { ...meta, subject: 'id 123456789' } }, []);
    expect(out.blocks[0]).toEqual(p(t(`SSN ${PROSE}, Medicaid ${PROSE}; call 859-555-0199 on 2026-12-04; SSN ends 6789.`)));
    expect(out.meta.subject).toBe(`id ${CELL}`);
    expect(replacements).toEqual([
      { where: 'the metadata (subject)', values: [], identifiers: 1 },
      { where: 'the document', values: [], identifiers: 2 },
    ]);
  });

  it('leaves the agency letterhead whole when a foster family shares a word of it', () => {
    const input: DocumentTree = { meta, letterhead: { name: 'Sample County Services', addressLines: ['12 Sample St'] }, blocks: [p(t('At 12 Sample St, Ms. Sample waited.'))] };
    const out = scanWithheld(input, [{ ...hartwell, value: 'Sample' }]).tree;
    expect(out.letterhead).toEqual(input.letterhead);
    expect(out.blocks[0]).toEqual(p(t(`At 12 Sample St, Ms. ${PROSE} waited.`)));
  });
});
