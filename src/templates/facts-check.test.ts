/** The check of a template against its document's facts: every field read must exist, every code must have its words. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { brief } from '../../test/helpers/brief-diagnostics.js';
import type { JsonSchema } from '../core/json-schema.js';
import { compileTemplate, renderTemplate } from './compile-template.js';
import { labelsOf } from './labels.js';

const FILE = 'templates/plan.md.hbs';
const facts = z.object({
  audience: z.enum(['court', 'internal']),
  youth: z.object({ name: z.string(), called: z.string() }),
  placement: z.object({ setting: z.enum(['group_home', 'runaway']), since: z.string() }).nullable(),
  skills: z.array(z.object({ skill: z.string(), status: z.enum(['met', 'not_met']) })),
  counts: z.partialRecord(z.enum(['met', 'not_met']), z.number()),
  attention: z.array(z.discriminatedUnion('kind', [z.object({ kind: z.literal('late'), due: z.string() }), z.object({ kind: z.literal('absent') })])),
});
const schema = z.toJSONSchema(facts, { target: 'draft-7', io: 'output' }) as JsonSchema;
const labels = labelsOf('templates/labels.yaml', { setting: { group_home: 'Group home', runaway: 'Runaway' }, status: { met: 'Met', not_met: 'Not met' } });

const check = (source: string, partials: Record<string, string> = {}, words = labels) =>
  compileTemplate(source, FILE, partials, { labels: words, facts: { schema, what: 'the plan facts' } });

describe('the facts check', () => {
  it('passes a template that reads only what the facts have: each, with, ../, block params, @root, partials in their context', () => {
    const source = [
      '{{text youth.name}} {{#with placement}}{{label "setting" setting}} since {{date since}} for {{text ../youth.called}}{{/with}}',
      '{{#each skills as |s i|}}{{text s.skill}} {{label "status" status}} {{text @root.youth.name}} {{text i}}{{/each}}',
      '{{counts "status" counts}} {{#each attention}}{{#if (eq kind "late")}}{{date due}}{{/if}}{{/each}}',
      '{{> who youth}}',
    ].join('\n');
    const compiled = check(source, { who: '{{text called}}' });
    expect(compiled.diagnostics).toEqual([]);
    const rendered = renderTemplate(compiled.template!, {
      audience: 'court', youth: { name: 'Zoë Ann', called: 'Zoë' }, placement: { setting: 'group_home', since: '2026-01-02' },
      skills: [{ skill: 'budgeting', status: 'not_met' }], counts: { met: 2, not_met: 1 }, attention: [{ kind: 'late', due: '2026-02-03' }],
    });
    expect(rendered.markdown).toBe('Zoë Ann Group home since January 2, 2026 for Zoë\nbudgeting Not met Zoë Ann 0\n2 met and 1 not met February 3, 2026\nZoë');
  });

  it('a field the facts lack is CP2003 at its line, before any document is rendered, even in a branch no case reaches', () => {
    const result = check('{{#if (eq audience "internal")}}\n{{text youth.nmae}}\n{{/if}}\n{{#each skils}}{{/each}}\n{{#each skills}}{{text skil}}{{/each}}');
    expect(result.template).toBeUndefined();
    expect(brief(result.diagnostics)).toEqual([
      { code: 'CP2003', at: `${FILE}:2:8`, message: '`youth.nmae`: "nmae" is not a field of `youth`', hint: 'did you mean "name"?' },
      { code: 'CP2003', at: `${FILE}:4:9`, message: '`skils`: "skils" is not a field of the plan facts', hint: 'did you mean "skills"?' },
      { code: 'CP2003', at: `${FILE}:5:24`, message: '`skil`: "skil" is not a field of `skills[]`', hint: 'did you mean "skill"?' },
    ]);
  });

  it('checks a partial in the context it is included in, naming the partial file', () => {
    const result = check('{{#with youth}}{{> who}}{{/with}}', { who: '{{text nmae}}' });
    expect(brief(result.diagnostics)).toEqual([
      { code: 'CP2003', at: 'templates/partials/who.md.hbs:1:8', message: '`nmae`: "nmae" is not a field of `youth`', hint: 'did you mean "name"?' },
    ]);
  });

  it('a code a field can hold with no words in labels.yaml, or an unknown vocabulary, is CP2006', () => {
    const words = labelsOf('templates/labels.yaml', { setting: { group_home: 'Group home' }, status: { met: 'Met', not_met: 'Not met' } });
    const result = check('{{#with placement}}{{label "setting" setting}}{{/with}} {{#each skills}}{{label "stauts" status}}{{/each}}', {}, words);
    expect(brief(result.diagnostics).map((d) => [d.code, d.message])).toEqual([
      ['CP2006', 'labels.yaml "setting" has no label for "runaway", which `setting` can be'],
      ['CP2006', 'labels.yaml has no vocabulary "stauts"'],
    ]);
  });

  it('a code printed inside a directive attribute (attr label=) is checked the same way, and prints attribute-escaped', () => {
    const words = labelsOf('templates/labels.yaml', { setting: { group_home: 'Group home (QRTP)' }, status: { met: 'Met', not_met: 'Not met' } });
    const result = check('{{#with placement}}::signature{name="{{attr setting label="setting"}}"}{{/with}}', {}, words);
    expect(brief(result.diagnostics).map((d) => [d.code, d.message])).toEqual([['CP2006', 'labels.yaml "setting" has no label for "runaway", which `setting` can be']]);
    const fine = check('::signature{name="{{attr placement.setting label="setting"}}"}');
    expect(fine.diagnostics).toEqual([]);
    const rendered = renderTemplate(fine.template!, { audience: 'court', youth: { name: 'A', called: 'A' }, placement: { setting: 'group_home', since: '2026-01-02' }, skills: [], counts: {}, attention: [] });
    expect(rendered.markdown).toBe('::signature{name="Group home"}');
  });

  it('a rename in the facts type fails the template that reads the old name', () => {
    const renamed = z.toJSONSchema(facts.extend({ youth: z.object({ full_name: z.string(), called: z.string() }) }), { target: 'draft-7', io: 'output' }) as JsonSchema;
    const result = compileTemplate('{{text youth.name}}', FILE, {}, { labels, facts: { schema: renamed, what: 'the plan facts' } });
    expect(brief(result.diagnostics).map((d) => d.message)).toEqual(['`youth.name`: "name" is not a field of `youth`']);
  });
});
