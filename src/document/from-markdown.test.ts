/**
 * The Markdown → tree fixtures (test/fixtures/markdown): every node type, and
 * the diagnostics of what the tree does not hold.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostic.js';
import { checkTemplateMarkdown, markdownToTree } from './from-markdown.js';

const DIR = new URL('../../test/fixtures/markdown/', import.meta.url).pathname;
const IMAGES = ['assets/logo.png', 'assets/sig.png'];
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

function shown(d: Diagnostic) {
  return {
    code: d.code,
    file: d.file,
    line: d.span?.start.line,
    column: d.span?.start.column,
    ...(d.field ? { field: d.field } : {}),
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
  };
}

describe('Markdown → tree fixtures', () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));

  it.each(names)('%s', (name) => {
    const markdown = readFileSync(join(DIR, `${name}.md`), 'utf8');
    const { blocks, diagnostics } = markdownToTree(markdown, `${name}.md`, { images: IMAGES });
    const actual = { blocks, diagnostics: diagnostics.map(shown) };
    const expectedFile = join(DIR, `${name}.tree.json`);
    if (UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    if (!name.startsWith('error-')) expect(diagnostics).toEqual([]);
    else expect(diagnostics.length).toBeGreaterThan(0);
  });
});

describe('checkTemplateMarkdown', () => {
  it('reports unsupported Markdown at its template line, ignoring what the data fills in', () => {
    const template = [
      '{{!-- A comment may hold anything:',
      '```',
      '#### not a heading',
      '--}}',
      '# {{text child.name}}',
      '',
      '::signature{name="{{attr worker.name}}" role="{{attr worker.role}}" date="{{attr signed optional=true}}"}',
      '',
      ':::checklist',
      '{{#each documents}}',
      '- {{task obtained}} {{text name}}{{#if note}} :note[{{text note}}]{{/if}}',
      '{{/each}}',
      ':::',
      '',
      ':::table{widths="{{attr widths}}"}',
      '| A | B |',
      '|---|---|',
      '{{#each rows}}',
      '| {{text a}} | {{text b}} |',
      '{{/each}}',
      ':::',
      '',
      '#### Details',
      '',
      '> quoted',
      '',
      ':::notise{kind=warning}',
      'x',
      ':::',
      '',
    ].join('\n');
    expect(checkTemplateMarkdown(template, 'templates/t.md.hbs').map(shown)).toEqual([
      {
        code: 'CP2101',
        file: 'templates/t.md.hbs',
        line: 23,
        column: 1,
        message: 'a level-4 heading (####): documents have headings of levels 1 to 3',
        hint: 'use ### or **bold text**',
      },
      {
        code: 'CP2101',
        file: 'templates/t.md.hbs',
        line: 25,
        column: 1,
        message: 'a block quote (> …): casepress documents have no block quotes',
        hint: 'use :::notice … ::: for a boxed note',
      },
      {
        code: 'CP2102',
        file: 'templates/t.md.hbs',
        line: 27,
        column: 1,
        message: 'an unknown directive ":::notise": the ::: directives are :::keep, :::notice, :::checklist, :::table, :::chart',
        hint: 'did you mean ":::notice"?',
      },
    ]);
  });

  it('finds nothing to report in plain Markdown', () => {
    expect(checkTemplateMarkdown('# Title\n\nText with {{text x}}.\n', 't.md.hbs')).toEqual([]);
  });
});
