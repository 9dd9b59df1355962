/**
 * A document tree with every block type, long names in every script the fonts
 * must print, and a 120-row table that spans several pages: the writers' test
 * subject, independent of templates and Markdown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, DocumentTree, ImageSet, Inline, TableCell } from '../../src/document/ast.js';
import { REPO } from './fixture-root.js';

const t = (value: string): Inline => ({ type: 'text', value });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const cell = (value: string): TableCell => ({ children: [t(value)] });

export const LONG_NAMES = [
  'José Luis Núñez-García',
  "Zoë O'Brien-Kowalczyk",
  'Nguyễn Thị Lan Phương',
  'Αλέξανδρος Παπαδόπουλος',
  'Анастасия Владимировна Кузнецова',
];

export const SAMPLE_IMAGES: ImageSet = {
  'assets/logo.png': readFileSync(join(REPO, 'starter/assets/logo.png')),
};

function placementRows(count: number): TableCell[][] {
  const settings = ['Foster family (non-relative)', 'Relative foster family', 'Therapeutic foster care', 'Trial home visit'];
  return Array.from({ length: count }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    return [
      cell(`${i + 1}`),
      cell(`2025-${month}-${day}`),
      cell(settings[i % settings.length]!),
      cell(i % 7 === 0 ? `${LONG_NAMES[i % LONG_NAMES.length]} — a longer note that wraps onto a second line inside its cell` : `H-${String(40 + (i % 9)).padStart(4, '0')}, Fayette County`),
    ];
  });
}

export const SAMPLE_TREE: DocumentTree = {
  meta: {
    title: 'Court Report — Sample',
    author: 'Bluegrass Family Services',
    subject: 'Sample document exercising every block type',
    keywords: ['casepress', 'sample', 'C-2025-0142'],
    reference: 'C-2025-0142',
    confidentiality: 'CONFIDENTIAL: contains information protected by state and federal law.',
    date: '2026-11-23',
    draft: true,
  },
  letterhead: {
    name: 'Bluegrass Family Services',
    addressLines: ['120 Main St', 'Lexington, KY 40507'],
    phone: '(859) 555-0100',
    logo: 'assets/logo.png',
  },
  blocks: [
    { type: 'heading', level: 1, children: [t('Court Report')] },
    p(t('Prepared for the review hearing of '), { type: 'strong', children: [t('December 1, 2026')] }, t(' in '), { type: 'emphasis', children: [t('Fayette Family Court, Division 3')] }, t('. See '), { type: 'link', url: 'https://example.org/policy', children: [t('agency policy')] }, t('.')),
    { type: 'heading', level: 2, children: [t('Names in every script')] },
    { type: 'list', ordered: false, items: LONG_NAMES.map((name) => ({ children: [p(t(name))] })) },
    { type: 'heading', level: 2, children: [t('Nested lists')] },
    {
      type: 'list',
      ordered: true,
      start: 1,
      items: [
        { children: [p(t('Complete intensive outpatient program.')), { type: 'list', ordered: false, items: [{ children: [p(t('Attend three times weekly'))] }, { children: [p(t('Submit to random screens'))] }] }] },
        { children: [p(t('Obtain stable housing.'), { type: 'break' }, t('Second line after a hard break.'))] },
      ],
    },
    { type: 'notice', kind: 'important', title: [t('Withheld for this audience')], children: [p(t("The foster family's address is withheld from the court copy."))] },
    { type: 'checklist', items: [
      { checked: true, children: [t('Birth certificate')], note: [t('obtained 2026-03-02')] },
      { checked: false, children: [t('Social Security card')], note: [t('requested 2026-10-02')] },
      { checked: false, children: [t('State ID')] },
    ] },
    { type: 'keep', children: [
      { type: 'heading', level: 3, children: [t('Kept together')] },
      p(t('This heading and paragraph are never split across pages.')),
    ] },
    { type: 'image', src: 'assets/logo.png', alt: 'Agency logo', width: 60 },
    { type: 'pageBreak' },
    { type: 'heading', level: 2, children: [t('Placement history')] },
    {
      type: 'table',
      caption: [t('Table 1. Placement history (120 rows)')],
      columns: [
        { align: 'right', width: 0.08 },
        { align: 'left', width: 0.17 },
        { align: 'left', width: 0.3 },
        { align: 'left', width: 0.45 },
      ],
      header: [cell('#'), cell('Start'), cell('Setting'), cell('Home or provider')],
      rows: placementRows(120),
    },
    { type: 'heading', level: 2, children: [t('Signatures')] },
    { type: 'signature', signers: [
      { name: 'Jordan Doe', role: 'Foster Care Case Manager', date: '2026-11-20' },
      { name: 'Kiran Patel', role: 'Foster Care Supervisor' },
    ] },
  ],
};
