/** Compile-time checks: each mistake is a diagnostic at its template line, with a hint. */
import { brief } from '../../test/helpers/brief-diagnostics.js';
import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate } from './compile-template.js';
import { listPartials } from './list-partials.js';

const FILE = 'templates/court-report.md.hbs';


const compileErrors = (source: string, partials: Record<string, string> = {}) => {
  const result = compileTemplate(source, FILE, partials);
  expect(result.template).toBeUndefined();
  return brief(result.diagnostics);
};

describe('compileTemplate', () => {
  it('a missing field is CP2003 naming the template, line and field, with a did-you-mean', () => {
    const compiled = compileTemplate('# Court report\n\nChild: {{text child.nmae}}\n', FILE, {});
    expect(compiled.diagnostics).toEqual([]);
    const rendered = renderTemplate(compiled.template!, { child: { name: 'Ann' } });
    expect(rendered.markdown).toBeUndefined();
    expect(brief(rendered.diagnostics)).toEqual([
      { code: 'CP2003', at: `${FILE}:3:15`, field: 'child.nmae', message: '`child.nmae` is not in the data', hint: 'did you mean `child.name`?' },
    ]);
  });

  it('a missing group names the part that is missing', () => {
    const rendered = renderTemplate(compileTemplate('{{text chlid.name}}', FILE, {}).template!, { child: { name: 'Ann' }, asOf: '2026-11-15' });
    expect(brief(rendered.diagnostics)).toEqual([
      { code: 'CP2003', at: `${FILE}:1:8`, field: 'chlid.name', message: '`chlid.name` is not in the data', hint: 'did you mean `child`?' },
    ]);
  });

  it('a mistyped helper is CP2002 with a did-you-mean', () => {
    expect(compileErrors('Line one\n{{txet child.name}}\n{{#iff x}}y{{/iff}}\n{{#if (eqq a b)}}{{/if}}')).toEqual([
      { code: 'CP2002', at: `${FILE}:2:3`, message: '"txet" is not a helper', hint: 'did you mean "text"?' },
      { code: 'CP2002', at: `${FILE}:3:4`, message: '"iff" is not a block helper', hint: 'did you mean "if"?' },
      { code: 'CP2002', at: `${FILE}:4:8`, message: '"eqq" is not a helper for ( … )', hint: 'did you mean "eq"?' },
    ]);
  });

  it('a value printed without a helper is CP2004 at its line', () => {
    expect(compileErrors('# Report\n\nName: {{child.name}}\n{{{child.name}}}\n{{@index}}')).toEqual([
      {
        code: 'CP2004',
        at: `${FILE}:3:7`,
        message: "{{child.name}} prints a value without a formatting helper, so the value could change the document's structure",
        hint: 'write {{text child.name}}, or {{date child.name}}, {{list child.name}} … (see the helper list)',
      },
      {
        code: 'CP2004',
        at: `${FILE}:4:1`,
        message: "{{{child.name}}} prints a value without a formatting helper, so the value could change the document's structure",
        hint: 'write {{text child.name}}, or {{date child.name}}, {{list child.name}} … (see the helper list)',
      },
      {
        code: 'CP2004',
        at: `${FILE}:5:1`,
        message: "{{@index}} prints a value without a formatting helper, so the value could change the document's structure",
        hint: 'write {{text @index}}, or {{date @index}}, {{list @index}} … (see the helper list)',
      },
    ]);
  });

  it('a helper in the wrong place is CP2004', () => {
    expect(compileErrors('{{{text a}}}\n{{markdown a}}\nSee: {{{markdown a}}}\n{{eq a b}}\n::signature{name="{{text a}}" role={{attr b}} }\n{{attr a}}\n::{{text a}}\n{{task a}} item').map((d) => [d.at, d.message])).toEqual([
      [`${FILE}:1:1`, '{{{text a}}} prints raw Markdown: only {{{markdown …}}} may use three braces'],
      [`${FILE}:2:1`, '{{markdown a}} prints Markdown and must be written with three braces'],
      [`${FILE}:3:6`, '{{{markdown a}}} must stand alone on its line: a narrative is one or more blocks of its own'],
      [`${FILE}:4:1`, '{{eq a b}} gives a value for a condition; it does not print one'],
      [`${FILE}:5:19`, '{{text a}} stands inside a directive attribute, where backslash escapes do not work'],
      [`${FILE}:5:36`, '{{attr b}} must stand inside double quotes'],
      [`${FILE}:6:1`, '{{attr a}} prints a directive attribute value, but it stands in text here'],
      [`${FILE}:7:3`, '{{text a}} follows "::" at the start of a line, so a value would name a directive'],
      [`${FILE}:8:1`, '{{task a}} prints [x] or [ ] and must start a checklist item'],
    ]);
  });

  it('wrong values and options are CP2006', () => {
    expect(compileErrors('{{date a b}}\n{{date a format="lng"}}\n{{text a optinal=true}}\n{{text a optional="yes"}}\n{{list a key=field}}')).toEqual([
      { code: 'CP2006', at: `${FILE}:1:1`, message: '`date` takes 1 value, found 2', hint: 'write {{date value}}' },
      { code: 'CP2006', at: `${FILE}:2:10`, message: '`date` option format: found "lng", expected one of "long", "short", "iso"' },
      { code: 'CP2006', at: `${FILE}:3:10`, message: '`text` has no option "optinal"', hint: 'did you mean optional=…?' },
      { code: 'CP2006', at: `${FILE}:4:10`, message: '`text` option optional: found "yes", expected true or false' },
      { code: 'CP2006', at: `${FILE}:5:10`, message: '`list` option key: found field, expected text in quotes' },
    ]);
  });

  it('sections on a value are refused', () => {
    expect(compileErrors('{{#child}}x{{/child}}\n{{^child}}y{{/child}}\n{{#text a}}z{{/text}}')).toEqual([
      {
        code: 'CP2002',
        at: `${FILE}:1:4`,
        message: '{{#child}} opens a section on a value, which casepress templates do not use',
        hint: 'write {{#if child}}, {{#each child}} or {{#with child}}',
      },
      { code: 'CP2002', at: `${FILE}:2:4`, message: '{{^child}} opens a section on a value, which casepress templates do not use', hint: 'write {{#unless child}}…{{/unless}}' },
      { code: 'CP2002', at: `${FILE}:3:4`, message: '"text" is not a block helper', hint: 'write {{text …}} without #, or use {{#if}}, {{#unless}}, {{#each}}, {{#with}}' },
    ]);
  });

  it('an unknown partial is CP2005 at its line, with a did-you-mean', () => {
    expect(compileErrors('# Report\n\n{{> signatue-block}}\n', { 'signature-block': '::signature{name="a" role="b"}' })).toEqual([
      { code: 'CP2005', at: `${FILE}:3:1`, message: 'there is no partial "signatue-block"', hint: 'did you mean "signature-block"?' },
    ]);
  });

  it('a mistake inside a partial points into the partial file', () => {
    expect(compileErrors('{{> header}}', { header: '# {{titel}}' })).toEqual([
      {
        code: 'CP2004',
        at: 'templates/partials/header.md.hbs:1:3',
        message: "{{titel}} prints a value without a formatting helper, so the value could change the document's structure",
        hint: 'write {{text titel}}, or {{date titel}}, {{list titel}} … (see the helper list)',
      },
    ]);
    const compiled = compileTemplate('{{> header}}', FILE, { header: '# {{text title}}\n\n{{text subtitle}}' });
    expect(brief(renderTemplate(compiled.template!, { title: 'T' }).diagnostics).map((d) => d.at)).toEqual(['templates/partials/header.md.hbs:3:8']);
  });

  it('partials that include each other in a loop are refused', () => {
    expect(compileErrors('{{> a}}', { a: '{{> b}}', b: '{{> a}}' }).map((d) => d.message)).toEqual(['partials include each other in a loop: a → b → a']);
  });

  it('a syntax error is CP2001 at its line', () => {
    expect(compileErrors('# Report\n\n{{text child.name}\n')).toEqual([
      { code: 'CP2001', at: `${FILE}:3:1`, message: 'a {{…}} tag is not well formed', hint: 'check that it ends with }} and that every quote is closed' },
    ]);
    expect(compileErrors('{{#if a}}\nx\n{{/each}}')[0]!).toMatchObject({ message: '{{/each}} closes the block opened by {{#if}}', hint: 'close {{#if}} with {{/if}} first' });
    expect(compileErrors('{{#eachh goals}}\nx\n{{/each}}')[0]!.hint).toBe('did you mean {{#each}}? The block opens with {{#eachh}} and closes with {{/each}}');
    expect(compileErrors('{{#if a}}\nx\n')[0]!.message).toBe('the template ends inside a block: a {{#…}} has no {{/…}}');
    expect(compileErrors('{{#> layout}}x{{/layout}}')[0]!.message).toBe('partial blocks ({{#> …}}) are not supported in casepress templates');
  });
});

describe('listPartials', () => {
  it('lists the partials a template uses, and with their sources those they use', () => {
    const source = '{{> header}}\n{{#each kids}}{{> child-row}}{{/each}}\n{{> header}}\n{{> signatures}}';
    expect(listPartials(source)).toEqual(['header', 'child-row', 'signatures']);
    expect(listPartials(source, { header: '{{> logo}}', 'child-row': '', signatures: '{{> signer}}', signer: '', logo: '' })).toEqual([
      'header',
      'logo',
      'child-row',
      'signatures',
      'signer',
    ]);
    expect(listPartials('{{#if}')).toEqual([]);
  });
});
