/** What each helper prints, and what it says when given the wrong thing. */
import { brief } from '../../../test/helpers/brief-diagnostics.js';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../document/ast.js';
import { markdownToTree } from '../../document/from-markdown.js';
import { compileTemplate, renderTemplate } from '../compile-template.js';

function render(source: string, data: unknown) {
  const compiled = compileTemplate(source, 'templates/test.md.hbs', {});
  return compiled.template ? renderTemplate(compiled.template, data) : { markdown: undefined, diagnostics: compiled.diagnostics };
}

/** The Markdown a template renders (a spec fails with the diagnostics when there is none). */
function one(source: string, data: unknown = {}): string {
  const result = render(source, data);
  if (result.markdown === undefined) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return result.markdown;
}

/** What a reader sees: the rendered Markdown through the converter, marks shown as *…* and **…**. */
function seen(source: string, data: unknown = {}): string {
  const { blocks, diagnostics } = markdownToTree(one(source, data), 'out.md');
  expect(diagnostics).toEqual([]);
  const inline = (i: Inline): string =>
    i.type === 'text' ? i.value : i.type === 'break' ? '\n' : i.type === 'emphasis' ? `*${i.children.map(inline).join('')}*` : i.type === 'strong' ? `**${i.children.map(inline).join('')}**` : i.children.map(inline).join('');
  return blocks.map((b) => (b.type === 'paragraph' ? b.children.map(inline).join('') : JSON.stringify(b))).join('\n\n');
}


describe('text', () => {
  it('prints text and numbers, escaped', () => {
    expect(one('{{text name}}', { name: "O'Brien *Jr* | {{x}} # :::" })).toBe("O'Brien \\*Jr\\* \\| \\{\\{x\\}\\} \\# \\:\\:\\:");
    // Dashes, pluses and equals signs mean something only at the start of a line.
    expect(one('{{text x}}', { x: '- 1+1=2 - H-0041' })).toBe('\\- 1+1=2 - H-0041');
    expect(seen('{{text name}}', { name: "O'Brien *Jr* | {{x}} # :::" })).toBe("O'Brien *Jr* | {{x}} # :::");
    expect(one('{{text name}}', { name: '  two\nlines ' })).toBe('&#32;&#32;two lines&#32;');
    expect(one('{{text n}}', { n: 42 })).toBe('42');
    expect(one('{{text "a literal"}}')).toBe('a literal');
  });

  it('prints a date the text holds in the long style, as prose dates print (issue 11: "November 7, 2026" beside "2026-05-07")', () => {
    expect(seen('{{text x}}', { x: 'Runaway episode (2026-07-18 to 2026-07-22); six fillings completed 2026-05.' })).toBe(
      'Runaway episode (July 18, 2026 to July 22, 2026); six fillings completed May 2026.',
    );
    // Ids, dockets, phone numbers, paths and what is not a real date stay as written.
    expect(seen('{{text x}}', { x: 'C-2025-0142, docket 2026-12-0012, (859) 555-0466, /2026-05-01/, 2026-02-30, 2026-13' })).toBe(
      'C-2025-0142, docket 2026-12-0012, (859) 555-0466, /2026-05-01/, 2026-02-30, 2026-13',
    );
  });

  it('prints the not-recorded marker for an empty optional value', () => {
    for (const value of [null, '', '   ']) expect(seen('{{text x optional=true}}', { x: value })).toBe('*not recorded*');
    expect(one('{{text x optional=true}}', {})).toBe('*not recorded*');
    expect(one('{{notRecorded}}')).toBe('*not recorded*');
  });

  it('never prints a blank for a required value', () => {
    expect(brief(render('Name: {{text child.nick}}', { child: { nick: null } }).diagnostics)).toEqual([
      {
        code: 'CP2006',
        at: 'templates/test.md.hbs:1:14',
        field: 'child.nick',
        message: '`child.nick` has no value (null), and `text` never prints a blank',
        hint: 'if it may be unrecorded, write {{text child.nick optional=true}} to print *not recorded*',
      },
    ]);
  });

  it('refuses true/false, lists and groups of fields, saying which helper fits', () => {
    const { diagnostics } = render('{{text a}} {{text b}} {{text c}}', { a: true, b: ['x'], c: { name: 'x' } });
    expect(brief(diagnostics).map((d) => [d.code, d.message, d.hint])).toEqual([
      ['CP2006', '`a`: found true, expected text or a number', 'print true/false with {{yesno a}} or {{checkbox a}}'],
      ['CP2006', '`b`: found a list of 1, expected text or a number', 'print a list with {{list b}}, or each item with {{#each b}}'],
      ['CP2006', '`c`: found a group of fields, expected text or a number', 'print one of its fields, e.g. {{text c.name}}'],
    ]);
  });
});

describe('date', () => {
  it('prints long, short and ISO dates', () => {
    const data = { d: '2026-11-15', e: '2026-03-05' };
    expect(seen('{{date d}}', data)).toBe('November 15, 2026');
    expect(one('{{date d}}', data)).toBe('November 15, 2026');
    expect(one('{{date d format="short"}}', data)).toBe('11/15/2026');
    expect(seen('{{date e}}', data)).toBe('March 5, 2026');
    expect(seen('{{date d format="short"}}', data)).toBe('11/15/2026');
    expect(seen('{{date e format="short"}}', data)).toBe('03/05/2026');
    expect(seen('{{date d format="iso"}}', data)).toBe('2026-11-15');
    expect(seen('{{date x optional=true}}', { x: null })).toBe('*not recorded*');
  });

  it('reports a value that is not a calendar date (CP2006)', () => {
    expect(brief(render('\n  {{date hearing.date}}', { hearing: { date: '2026-02-30' } }).diagnostics)).toEqual([
      {
        code: 'CP2006',
        at: 'templates/test.md.hbs:2:10',
        field: 'hearing.date',
        message: '`hearing.date`: found "2026-02-30", expected a calendar date written YYYY-MM-DD',
        hint: 'dates in the data are written like 2026-11-15',
      },
    ]);
  });
});

describe('age', () => {
  it.each([
    ['2010-11-15', '2026-11-14', '15'],
    ['2010-11-15', '2026-11-15', '16'],
    ['2016-02-29', '2026-02-28', '9'],
    ['2016-02-29', '2026-03-01', '10'],
    ['2016-02-29', '2028-02-28', '11'],
    ['2016-02-29', '2028-02-29', '12'],
    ['2026-11-15', '2026-11-15', '0'],
  ])('born %s is %s years old on %s', (dob, asOf, age) => {
    expect(one('{{age dob asOf}}', { dob, asOf })).toBe(age);
  });

  it('prints *not recorded* for an unrecorded date of birth when optional', () => {
    expect(seen('{{age dob asOf optional=true}}', { dob: null, asOf: '2026-11-15' })).toBe('*not recorded*');
  });

  it('reports a birth after the day asked about', () => {
    expect(brief(render('{{age dob asOf}}', { dob: '2027-01-01', asOf: '2026-11-15' }).diagnostics)[0]!.message).toBe(
      '`dob` (2027-01-01) is after `asOf` (2026-11-15): no age on that day',
    );
  });
});

describe('plural', () => {
  it.each([
    ['{{plural n "visit"}}', 0, '0 visits'],
    ['{{plural n "missed visit" zero="no"}}', 0, 'no missed visits'],
    ['{{plural n "missed visit" zero="no"}}', 1, '1 missed visit'],
    ['{{plural n "visit"}}', 1, '1 visit'],
    ['{{plural n "visit"}}', 3, '3 visits'],
    ['{{plural n "visit"}}', 1234, '1,234 visits'],
    ['{{plural n "family"}}', 2, '2 families'],
    ['{{plural n "day"}}', 2, '2 days'],
    ['{{plural n "box"}}', 2, '2 boxes'],
    ['{{plural n "child" "children"}}', 1, '1 child'],
    ['{{plural n "child" "children"}}', 3, '3 children'],
    ['{{plural n "visit"}}', ['a', 'b'], '2 visits'],
  ])('%s with %j', (template, n, out) => {
    expect(seen(template, { n })).toBe(out);
  });

  it('refuses a count that is not a whole number', () => {
    expect(brief(render('{{plural n "visit"}}', { n: 1.5 }).diagnostics)[0]!.message).toBe(
      '`n`: found the number 1.5, expected a whole number of at least 0, or a list',
    );
  });
});

describe('list', () => {
  it.each([
    [[], '*none*'],
    [['Ann'], 'Ann'],
    [['Ann', 'Bo'], 'Ann and Bo'],
    [['Ann', 'Bo', 'Cy'], 'Ann, Bo and Cy'],
    [["O'Brien", 'A*B'], "O'Brien and A*B"],
    [['Dental caries (fillings completed 2026-05)', 'Asthma'], 'Dental caries (fillings completed May 2026) and Asthma'],
  ])('%j → %s', (names, out) => {
    expect(seen('{{list names}}', { names })).toBe(out);
  });

  it('prints a field of each item, and another joining word', () => {
    const kids = [{ name: 'Ann' }, { name: 'Bo' }, { name: 'Cy' }];
    expect(seen('{{list kids key="name" conjunction="or"}}', { kids })).toBe('Ann, Bo or Cy');
    expect(one('{{list kids key="name"}}', { kids })).toBe('Ann, Bo and Cy'); // the joining words are the template's own
  });

  it('reports an item it cannot print', () => {
    expect(brief(render('{{list kids}}', { kids: [{ name: 'Ann' }] }).diagnostics)).toEqual([
      {
        code: 'CP2006',
        at: 'templates/test.md.hbs:1:1',
        field: 'kids',
        message: '`kids`: item 1 is a group of fields, expected text or a number',
        hint: 'print one field of each item with {{list kids key="name"}}',
      },
    ]);
  });
});

describe('yesno, checkbox, task', () => {
  it('prints true and false', () => {
    expect(seen('{{yesno a}}/{{yesno b}}', { a: true, b: false })).toBe('Yes/No');
    expect(one('{{checkbox a}} {{checkbox b}}', { a: true, b: false })).toBe('☒ ☐');
    expect(one('{{yesno a optional=true}} {{checkbox a optional=true}}', { a: null })).toBe('*not recorded* *not recorded*');
    expect(one('- {{task a}} x\n- {{task b}} y', { a: true, b: false })).toBe('- [x] x\n- [ ] y');
  });

  it('refuses anything but true or false', () => {
    expect(brief(render('{{yesno a}}', { a: 'yes' }).diagnostics)[0]!.message).toBe('`a`: found "yes", expected true or false');
  });
});

describe('attr', () => {
  it('prints a value safe inside a quoted directive attribute', () => {
    expect(one('::signature{name="{{attr n}}" role="r"}', { n: 'O\'Brien "Jr" & {Co}' })).toBe(
      '::signature{name="O&#39;Brien &#34;Jr&#34; &#38; &#123;Co&#125;" role="r"}',
    );
    expect(one('::signature{name="n" role="r" date="{{attr d optional=true}}"}', { d: null })).toBe('::signature{name="n" role="r" date=""}');
  });
});

describe('comparisons and logic', () => {
  it('work inside {{#if}}', () => {
    const t = '{{#if (eq kind "kinship")}}K{{/if}}{{#if (gt n 2)}}G{{/if}}{{#if (lte d "2026-01-01")}}D{{/if}}{{#if (and a (not b))}}A{{/if}}{{#if (or b a)}}O{{/if}}{{#if (ne kind "x")}}N{{/if}}';
    expect(one(t, { kind: 'kinship', n: 3, d: '2025-12-31', a: true, b: false })).toBe('KGDAON');
  });

  it('refuse to compare a number with text', () => {
    expect(brief(render('{{#if (gt n "3")}}x{{/if}}', { n: 3 }).diagnostics)[0]!.message).toBe(
      '`gt` compares two numbers or two texts: found the number 3 and "3"',
    );
  });
});

describe('markdown', () => {
  it('prints trusted Markdown framed for the converter, indented like its line', () => {
    expect(one('- Item\n\n  {{{markdown h}}}\n- Next', { h: 'Para with **bold**.\r\n\r\n- a: b\n```\n<div>' })).toBe(
      [
        '- Item',
        '',
        '  ',
        '  ::narrative{field="h" file="templates&#47;test&#46;md&#46;hbs" line="3" column="3" offset="10"}',
        '  Para with **bold**.',
        '  ',
        '  - a\\: b',
        '  \\```',
        '  \\<div>',
        '  ',
        '  ::narrative-end',
        '',
        '- Next',
      ].join('\n'),
    );
  });

  it('prints the dates a narrative holds in the long style', () => {
    expect(one('{{{markdown h}}}', { h: 'Joey wrote this letter on 2026-11-17.' })).toContain('Joey wrote this letter on November 17, 2026.');
  });

  it('prints *not recorded* for an empty optional narrative', () => {
    expect(one('{{{markdown h optional=true}}}', { h: '' })).toBe('\n*not recorded*\n');
  });
});

describe('{{#if}}, {{#each}}, {{#with}}, {{#unless}}', () => {
  it('treat present-but-null as false', () => {
    expect(one('{{#if a}}yes{{else}}no{{/if}} {{#unless a}}u{{/unless}} {{#each a}}x{{else}}empty{{/each}} {{#with a}}w{{else}}none{{/with}}', { a: null })).toBe('no u empty none');
  });

  it('report an absent value (CP2003) with a did-you-mean, once for all items', () => {
    const data = { child: { hasAttorney: true }, kids: [{ name: 'A' }, { nmae: 'B' }, { nmae: 'C' }] };
    expect(brief(render('{{#if child.hasAttorny}}x{{/if}}\n{{#each kids}}- {{text name}}\n{{/each}}', data).diagnostics)).toEqual([
      {
        code: 'CP2003',
        at: 'templates/test.md.hbs:1:7',
        field: 'child.hasAttorny',
        message: '`child.hasAttorny` is not in the data',
        hint: 'did you mean `child.hasAttorney`?',
      },
      {
        code: 'CP2003',
        at: 'templates/test.md.hbs:2:24',
        field: 'name',
        message: '`name` is not in the data (in {{#each kids}}, item 2)',
        hint: 'did you mean `nmae`?',
      },
    ]);
  });

  it('let an optional value be absent', () => {
    expect(one('{{#if child.attorney optional=true}}x{{else}}none{{/if}}', { child: {} })).toBe('none');
  });

  it('keep @index and block params', () => {
    expect(one('{{#each kids as |kid|}}{{text @index}}:{{text kid.name}} {{/each}}', { kids: [{ name: 'A' }, { name: 'B' }] })).toBe('0:A 1:B ');
  });
});

describe('humanize', () => {
  it('prints an open-ended code in words, acronyms kept', async () => {
    const { humanizeCode } = await import('./humanize.js');
    expect(humanizeCode('anger_control')).toBe('Anger control');
    expect(humanizeCode('trauma_focused_cbt')).toBe('Trauma-focused CBT');
    expect(humanizeCode('dbt_informed_individual_therapy')).toBe('DBT-informed individual therapy');
    expect(humanizeCode('child_parent_psychotherapy')).toBe('Child-parent psychotherapy');
    expect(humanizeCode('Play therapy, weekly')).toBe('Play therapy, weekly');
  });
});

describe('text initials=true', () => {
  it('prints the first and last initials of a name, as a court caption names a child', () => {
    const run = (value: string) => renderTemplate(compileTemplate('In the interest of {{text name initials=true}}', 'templates/t.md.hbs', {}).template!, { name: value }).markdown;
    expect(run('José Luis Núñez-García')).toBe('In the interest of J\\.N\\.');
    expect(run('  zoë  o\'brien ')).toBe('In the interest of Z\\.O\\.');
    expect(run('Cher')).toBe('In the interest of C\\.');
  });
});

describe('text period=true', () => {
  it('ends the sentence once: "Family Services, Inc." gets no second period', () => {
    const run = (value: string) => renderTemplate(compileTemplate('Submitted by {{text name period=true}}', 'templates/t.md.hbs', {}).template!, { name: value }).markdown;
    expect(run('Bluegrass Family Services')).toBe('Submitted by Bluegrass Family Services.');
    expect(run('Family Services, Inc.')).toBe('Submitted by Family Services, Inc\\.');
    expect(run('Is it done?')).toBe('Submitted by Is it done?');
  });
});
