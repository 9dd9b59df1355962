/**
 * Templates end to end: a court report template with partials, checked at its
 * own lines, rendered with data holding every hostile character, and converted
 * into the document tree the writers read.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../src/document/ast.js';
import * as documentApi from '../src/document/from-markdown.js';
import { checkTemplateMarkdown, markdownToTree } from '../src/document/from-markdown.js';
import * as templatesApi from '../src/templates/index.js';
import { compileTemplate, listPartials, renderTemplate } from '../src/templates/index.js';

const TEMPLATE = `{{!-- Court report, as an agency's data person would write it. --}}
# Court Report: {{text child.name}}

Prepared for the review hearing of **{{date hearing.date}}** ({{date hearing.date format="short"}}).
{{text child.name}} is {{age child.dob asOf}} years old and has had {{plural placements "placement"}}.
Siblings: {{list siblings key="name"}}. Attorney: {{text child.attorney optional=true}}.

## Placement history

:::table[Table 1. Placements of {{text child.name}}]{widths="25,75"}
| Start | Home |
|-------|------|
{{#each placements}}
| {{date start format="short"}} | {{text home}} |
{{/each}}
:::

## Documents

:::checklist
{{#each documents}}
- {{task obtained}} {{text name}}{{#if note}} :note[{{text note}}]{{/if}}
{{/each}}
:::

{{#if withheld}}
:::notice{kind=important title="Withheld for this audience"}
The foster family's address is withheld from the court copy.
:::
{{/if}}

## Reason for removal

{{{markdown child.removal}}}

::pagebreak

{{> signatures}}
`;

const PARTIALS = {
  signatures: `## Signatures

{{#each signers}}
::signature{name="{{attr name}}" role="{{attr role}}" date="{{attr date optional=true}}"}
{{/each}}
`,
  unused: '{{text nothing}}',
};

const HOSTILE = "O'Brien *Jr* | {{x}} # :::";

const DATA = {
  asOf: '2026-11-15',
  child: {
    name: HOSTILE,
    dob: '2016-02-29',
    attorney: null,
    removal: 'On **March 3, 2025** the child was removed.\n\n- No working heat.\n- The parent could not be reached: see :::notice',
  },
  hearing: { date: '2026-12-01' },
  siblings: [{ name: 'Ann' }, { name: 'Bo | Jr' }],
  placements: [
    { start: '2025-03-03', home: 'H-0041 | Fayette' },
    { start: '2025-09-10', home: '*Kinship* home' },
  ],
  documents: [
    { name: 'Birth certificate', obtained: true, note: 'obtained March 2, 2026' },
    { name: 'State ID [pending]', obtained: false, note: null },
  ],
  withheld: true,
  signers: [
    { name: 'Jordan Doe', role: 'Case Manager', date: '2026-11-20' },
    { name: HOSTILE, role: 'Guardian ad litem "GAL"', date: null },
  ],
};

const t = (value: string): Inline => ({ type: 'text', value });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });

function strip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v)));
}

describe('a court report template', () => {
  it('has Markdown casepress supports, at every line of the template and its partials', () => {
    expect(checkTemplateMarkdown(TEMPLATE, 'templates/court-report.md.hbs')).toEqual([]);
    expect(checkTemplateMarkdown(PARTIALS.signatures, 'templates/partials/signatures.md.hbs')).toEqual([]);
  });

  it('uses the partials the build will watch', () => {
    expect(listPartials(TEMPLATE, PARTIALS)).toEqual(['signatures']);
    const compiled = compileTemplate(TEMPLATE, 'templates/court-report.md.hbs', PARTIALS);
    expect(compiled.template?.partials).toEqual(['signatures']);
  });

  it('renders into the document tree, every value printed as itself', () => {
    const compiled = compileTemplate(TEMPLATE, 'templates/court-report.md.hbs', PARTIALS);
    expect(compiled.diagnostics).toEqual([]);
    const rendered = renderTemplate(compiled.template!, DATA);
    expect(rendered.diagnostics).toEqual([]);
    const { blocks, diagnostics } = markdownToTree(rendered.markdown!, 'out/court-report.md');
    expect(diagnostics).toEqual([]);
    expect(strip(blocks)).toEqual([
      { type: 'heading', level: 1, children: [t(`Court Report: ${HOSTILE}`)] },
      p(
        t('Prepared for the review hearing of '),
        { type: 'strong', children: [t('December 1, 2026')] },
        t(` (12/01/2026). ${HOSTILE} is 10 years old and has had 2 placements. Siblings: Ann and Bo | Jr. Attorney: `),
        { type: 'emphasis', children: [t('not recorded')] },
        t('.'),
      ),
      { type: 'heading', level: 2, children: [t('Placement history')] },
      {
        type: 'table',
        columns: [
          { align: 'left', width: 0.25 },
          { align: 'left', width: 0.75 },
        ],
        header: [{ children: [t('Start')] }, { children: [t('Home')] }],
        rows: [
          [{ children: [t('03/03/2025')] }, { children: [t('H-0041 | Fayette')] }],
          [{ children: [t('09/10/2025')] }, { children: [t('*Kinship* home')] }],
        ],
        caption: [t(`Table 1. Placements of ${HOSTILE}`)],
      },
      { type: 'heading', level: 2, children: [t('Documents')] },
      {
        type: 'checklist',
        items: [
          { checked: true, children: [t('Birth certificate')], note: [t('obtained March 2, 2026')] },
          { checked: false, children: [t('State ID [pending]')] },
        ],
      },
      { type: 'notice', kind: 'important', title: [t('Withheld for this audience')], children: [p(t("The foster family's address is withheld from the court copy."))] },
      { type: 'heading', level: 2, children: [t('Reason for removal')] },
      p(t('On '), { type: 'strong', children: [t('March 3, 2025')] }, t(' the child was removed.')),
      {
        type: 'list',
        ordered: false,
        items: [{ children: [p(t('No working heat.'))] }, { children: [p(t('The parent could not be reached: see :::notice'))] }],
      },
      { type: 'pageBreak' },
      { type: 'heading', level: 2, children: [t('Signatures')] },
      {
        type: 'signature',
        signers: [
          { name: 'Jordan Doe', role: 'Case Manager', date: '2026-11-20' },
          { name: HOSTILE, role: 'Guardian ad litem "GAL"' },
        ],
      },
    ]);
  });

  it('reports every missing field in one run, in the template and in the partial', () => {
    const compiled = compileTemplate(TEMPLATE, 'templates/court-report.md.hbs', PARTIALS);
    const { hearing: _hearing, ...withoutHearing } = DATA;
    const data = { ...withoutHearing, signers: [{ name: 'A', rol: 'B', date: null }] };
    const rendered = renderTemplate(compiled.template!, data);
    expect(rendered.markdown).toBeUndefined();
    expect(rendered.diagnostics.map((d) => [d.code, `${d.file}:${d.span?.start.line}`, d.field, d.hint])).toEqual([
      ['CP2003', 'templates/court-report.md.hbs:4', 'hearing.date', 'the data here has: asOf, child, siblings, placements, documents, withheld, signers'],
      ['CP2003', 'templates/court-report.md.hbs:4', 'hearing.date', 'the data here has: asOf, child, siblings, placements, documents, withheld, signers'],
      ['CP2003', 'templates/partials/signatures.md.hbs:4', 'role', 'did you mean `rol`?'],
    ]);
  });
});

describe('public API', () => {
  it('templates', () => {
    expect(Object.keys(templatesApi).sort()).toEqual(['DUE_PHRASES', 'HELPERS', 'NONE', 'NOT_RECORDED', 'compileTemplate', 'dueDetailWords', 'duePhraseProblems', 'dueRuleWords', 'escapeAttribute', 'escapeText', 'factsGuide', 'labelsOf', 'listPartials', 'loadTemplate', 'renderTemplate']);
    expect([...templatesApi.HELPERS.keys()]).toEqual([
      'text', 'date', 'age', 'plural', 'list', 'label', 'counts', 'dueDetail', 'humanize', 'yesno', 'checkbox', 'notRecorded', 'attr', 'markdown', 'task',
      'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'and', 'or', 'not',
      'if', 'unless', 'each', 'with', 'lookup',
    ]);
  });

  it('document', () => {
    expect(Object.keys(documentApi).sort()).toEqual(['checkTemplateMarkdown', 'markdownToTree']);
  });
});
