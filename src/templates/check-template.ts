/**
 * The static check of a template, before Handlebars compiles it: a visitor over
 * `Handlebars.parse(source)` that makes sure every value printed goes through a
 * formatting helper fit for where it stands, that every helper exists and gets
 * what it takes, and that every partial exists. Each finding points at its
 * template line (Handlebars gives every node a `loc`).
 */
import Handlebars from 'handlebars';
import type { Code } from '../core/codes.js';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { closest } from '../core/did-you-mean.js';
import type { Span } from '../core/source.js';
import { siteKey, type CallSite } from './helpers/call.js';
import { HELPERS, type HashKind, type HelperSpec } from './helpers/index.js';
import type { TemplateSource } from './template-source.js';

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

export interface PartialUse {
  readonly name: string;
  readonly span: Span;
}

export interface TemplateCheck {
  readonly diagnostics: Diagnostic[];
  readonly partials: PartialUse[];
  /** Names bound with `{{#each xs as |x|}}`. */
  readonly blockParams: Set<string>;
  /** Every helper call, for the messages of the helpers while rendering. */
  readonly sites: Map<string, CallSite>;
}

/** Parses a template; a syntax error is CP2001 at its line. */
export function parseTemplate(source: TemplateSource): { ast?: hbs.AST.Program; diagnostics: Diagnostic[] } {
  try {
    return { ast: Handlebars.parse(source.text), diagnostics: [] };
  } catch (error) {
    return { diagnostics: [syntaxError(source, error)] };
  }
}

export function syntaxError(source: TemplateSource, error: unknown): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  const e = error as { lineNumber?: number; column?: number };
  const parseLine = /^Parse error on line (\d+)/.exec(text);
  const line = parseLine ? Number(parseLine[1]) : e.lineNumber;
  const span = line === undefined
    ? undefined
    : e.column !== undefined && !parseLine
      ? source.span({ start: { line, column: e.column }, end: { line, column: e.column } })
      : source.lineSpan(line);
  const got = /got '([A-Z_]+)'/.exec(text)?.[1];
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(text);
  let message: string;
  let hint: string | undefined;
  if (mismatch) {
    const [, opened, closed] = mismatch as unknown as [string, string, string];
    message = `{{/${closed}}} closes the block opened by {{#${opened}}}`;
    // {{#eachh goals}} … {{/each}}: the opening tag is the typo.
    const meant = closest(opened, [closed]);
    hint = meant ? `did you mean {{#${meant}}}? The block opens with {{#${opened}}} and closes with {{/${closed}}}` : `close {{#${opened}}} with {{/${opened}}} first`;
  } else if (got === 'EOF') {
    message = 'the template ends inside a block: a {{#…}} has no {{/…}}';
    hint = 'close every {{#if}}, {{#each}}, {{#with}} and {{#unless}} with its {{/…}}';
  } else if (got === 'OPEN_ENDBLOCK') {
    message = 'a {{/…}} closes a block that is not open';
  } else if (got === 'INVALID' || got !== undefined) {
    message = 'a {{…}} tag is not well formed';
    hint = 'check that it ends with }} and that every quote is closed';
  } else {
    message = `Handlebars cannot read the template: ${text.split('\n')[0]!.replace(/ - \d+:\d+$/, '')}`;
  }
  return diagnostic('CP2001', { file: source.file, span, message, hint });
}

const HELPER_NAMES = [...HELPERS.keys()];
const names = (role: HelperSpec['role']): string[] => [...HELPERS.values()].filter((h) => h.role === role).map((h) => h.name);

export function checkTemplate(
  ast: hbs.AST.Program,
  source: TemplateSource,
  /** The partials that exist; undefined skips the check (listPartials). */
  knownPartials?: ReadonlySet<string>,
): TemplateCheck {
  const checker = new Checker(source, knownPartials);
  checker.accept(ast);
  return { diagnostics: checker.diagnostics, partials: checker.partials, blockParams: checker.blockParams, sites: checker.sites };
}

class Checker extends Handlebars.Visitor {
  readonly diagnostics: Diagnostic[] = [];
  readonly partials: PartialUse[] = [];
  readonly blockParams = new Set<string>();
  readonly sites = new Map<string, CallSite>();
  /** The {{#each …}} and {{#with …}} blocks around the node being visited. */
  private readonly within: string[] = [];

  constructor(
    private readonly source: TemplateSource,
    private readonly knownPartials: ReadonlySet<string> | undefined,
  ) {
    super();
  }

  private report(code: Code, node: Node, message: string, hint?: string): void {
    this.diagnostics.push(diagnostic(code, { file: this.source.file, span: this.source.span(node.loc), message, hint }));
  }

  private site(node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression): void {
    this.sites.set(siteKey(node.loc), {
      params: node.params.map((p) => ({
        written: p.type === 'PathExpression' ? (p as hbs.AST.PathExpression).original : undefined,
        loc: p.loc,
      })),
      within: this.within[this.within.length - 1],
    });
  }

  private shown(node: Node): string {
    const { start, end } = node.loc;
    return this.source.text.slice(this.source.offset(start), this.source.offset(end));
  }

  override MustacheStatement(m: hbs.AST.MustacheStatement): void {
    const written = this.shown(m);
    const path = m.path;
    const isCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0;
    const name = path.type === 'PathExpression' && Handlebars.AST.helpers.simpleId(path as hbs.AST.PathExpression)
      ? (path as hbs.AST.PathExpression).original
      : undefined;
    const spec = name === undefined ? undefined : HELPERS.get(name);

    if (!spec) {
      if (isCall && name !== undefined) {
        this.unknownHelper(path, name, HELPER_NAMES);
      } else {
        const target = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : written;
        const near = name !== undefined ? closest(name, HELPER_NAMES) : undefined;
        this.report(
          'CP2004',
          m,
          `${written} prints a value without a formatting helper, so the value could change the document's structure`,
          near ? `did you mean {{${near}}}?` : `write {{text ${target}}}, or {{date ${target}}}, {{list ${target}}} … (see the helper list)`,
        );
      }
      super.MustacheStatement(m);
      return;
    }

    this.site(m);
    this.checkPlacement(m, spec, written);
    this.checkArguments(m, spec);
    super.MustacheStatement(m);
  }

  /** Whether this helper may print here, and in this form. */
  private checkPlacement(m: hbs.AST.MustacheStatement, spec: HelperSpec, written: string): void {
    const before = this.source.before(m.loc.start);
    const after = this.source.after(m.loc.end);
    const value = m.params[0] ? this.shown(m.params[0]) : 'x';
    const inAttribute = attributeContext(before);

    if (spec.role === 'logic') {
      this.report('CP2004', m, `${written} gives a value for a condition; it does not print one`, `write {{#if (${spec.name} …)}}…{{/if}}`);
      return;
    }
    if (spec.role === 'section') {
      this.report('CP2001', m, `\`${spec.name}\` is a block helper`, `write {{#${spec.name} ${value}}}…{{/${spec.name}}}`);
      return;
    }
    if (!m.escaped && spec.role !== 'narrative') {
      this.report('CP2004', m, `${written} prints raw Markdown: only {{{markdown …}}} may use three braces`, `write {{${written.replace(/^\{\{\{~?|~?\}\}\}$/g, '').trim()}}}`);
      return;
    }
    if (spec.role === 'narrative') {
      if (m.escaped) {
        this.report('CP2004', m, `${written} prints Markdown and must be written with three braces`, `write {{{markdown ${value}}}}, which marks the value as trusted Markdown`);
      } else if (!/^[ \t]*$/.test(before) || !/^[ \t]*$/.test(after)) {
        this.report('CP2004', m, `${written} must stand alone on its line: a narrative is one or more blocks of its own`, 'put the text before or after it on its own line');
      }
      return;
    }
    if (spec.role === 'attribute') {
      if (inAttribute === undefined) {
        this.report('CP2004', m, `${written} prints a directive attribute value, but it stands in text here`, `write {{text ${value}}}`);
      } else if (inAttribute === 'unquoted') {
        this.report('CP2004', m, `${written} must stand inside double quotes`, `write name="{{attr ${value}}}"`);
      }
      return;
    }
    if (inAttribute !== undefined) {
      this.report('CP2004', m, `${written} stands inside a directive attribute, where backslash escapes do not work`, `write "{{attr ${value}}}" (inside the quotes)`);
      return;
    }
    if (/^[ \t]*:{2,}$/.test(before)) {
      this.report('CP2004', m, `${written} follows "${before.trim()}" at the start of a line, so a value would name a directive`, 'directive names are written in the template: ::pagebreak, :::notice …');
      return;
    }
    if (spec.role === 'task' && !/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/.test(before)) {
      this.report('CP2004', m, `${written} prints [x] or [ ] and must start a checklist item`, `write - {{task ${value}}} item text (inside :::checklist)`);
    }
  }

  /** The number of values and the options (hash) a helper takes. */
  private checkArguments(node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, spec: HelperSpec): void {
    const [min, max] = spec.params;
    const count = node.params.length;
    if (count < min || count > max) {
      const takes = min === max ? `${min} value${min === 1 ? '' : 's'}` : `${min} to ${max} values`;
      this.report('CP2006', node, `\`${spec.name}\` takes ${takes}, found ${count}`, `write ${spec.usage}`);
    }
    for (const pair of node.hash?.pairs ?? []) {
      const kind = spec.hash?.[pair.key];
      if (kind === undefined) {
        const options = Object.keys(spec.hash ?? {});
        const near = closest(pair.key, options);
        this.report(
          'CP2006',
          pair,
          `\`${spec.name}\` has no option "${pair.key}"`,
          near ? `did you mean ${near}=…?` : options.length ? `its options are: ${options.join(', ')}` : `\`${spec.name}\` takes no options`,
        );
        continue;
      }
      const problem = hashProblem(kind, pair.value);
      if (problem) this.report('CP2006', pair, `\`${spec.name}\` option ${pair.key}: found ${this.shown(pair.value)}, expected ${problem}`);
    }
  }

  private unknownHelper(node: Node, name: string, candidates: readonly string[], what = 'helper'): void {
    const near = closest(name, candidates);
    this.report('CP2002', node, `"${name}" is not a ${what}`, near ? `did you mean "${near}"?` : `the ${what}s are: ${candidates.join(', ')}`);
  }

  override BlockStatement(b: hbs.AST.BlockStatement): void {
    if ((b as Node).type === 'DecoratorBlock') {
      this.report('CP2001', b, 'decorators ({{#* …}}) are not supported in casepress templates');
      return;
    }
    const name = Handlebars.AST.helpers.simpleId(b.path) ? b.path.original : undefined;
    const spec = name === undefined ? undefined : HELPERS.get(name);
    const sections = names('section');
    if (!spec || spec.role !== 'section') {
      const target = b.path.original;
      const inverted = !b.program && Boolean(b.inverse);
      if (spec) {
        this.report('CP2002', b.path, `"${target}" is not a block helper`, `write {{${target} …}} without #, or use ${sections.map((s) => `{{#${s}}}`).join(', ')}`);
      } else if (b.params.length === 0 && !b.hash) {
        const near = closest(target, sections);
        this.report(
          'CP2002',
          b.path,
          `{{${inverted ? '^' : '#'}${target}}} opens a section on a value, which casepress templates do not use`,
          near && name !== undefined ? `did you mean {{#${near} …}}?` : inverted ? `write {{#unless ${target}}}…{{/unless}}` : `write {{#if ${target}}}, {{#each ${target}}} or {{#with ${target}}}`,
        );
      } else {
        this.unknownHelper(b.path, target, sections, 'block helper');
      }
    } else {
      this.site(b);
      this.checkArguments(b, spec);
    }
    for (const param of b.program?.blockParams ?? []) this.blockParams.add(param);
    const opens = (name === 'each' || name === 'with') && b.params[0] ? `{{#${name} ${this.shown(b.params[0])}}}` : undefined;
    // The value and options belong to the outer context; the blocks inside to the new one.
    this.acceptKey(b, 'path');
    this.acceptArray(b.params);
    if (b.hash) this.acceptKey(b, 'hash');
    if (opens) this.within.push(opens);
    if (b.program) this.acceptKey(b, 'program');
    if (opens) this.within.pop();
    if (b.inverse) this.acceptKey(b, 'inverse');
  }

  override SubExpression(s: hbs.AST.SubExpression): void {
    const name = Handlebars.AST.helpers.simpleId(s.path) ? s.path.original : undefined;
    const spec = name === undefined ? undefined : HELPERS.get(name);
    const logic = names('logic');
    if (!spec) {
      this.unknownHelper(s.path, s.path.original, logic, 'helper for ( … )');
    } else if (spec.role !== 'logic') {
      this.report('CP2002', s.path, `\`${spec.name}\` prints a value and cannot be used inside ( … )`, `inside ( … ) use: ${logic.join(', ')}`);
    } else {
      this.site(s);
      this.checkArguments(s, spec);
    }
    super.SubExpression(s);
  }

  override PartialStatement(p: hbs.AST.PartialStatement): void {
    if (p.name.type !== 'PathExpression') {
      this.report('CP2005', p, 'a partial chosen by a value ({{> (…)}}) cannot be checked', 'write the partial name: {{> signature-block}}');
    } else {
      const name = (p.name as hbs.AST.PathExpression).original;
      this.partials.push({ name, span: this.source.span(p.loc) });
      if (this.knownPartials && !this.knownPartials.has(name)) {
        const known = [...this.knownPartials];
        const near = closest(name, known);
        this.report(
          'CP2005',
          p,
          `there is no partial "${name}"`,
          near ? `did you mean "${near}"?` : known.length ? `the partials are: ${known.join(', ')}` : 'partials are files templates/partials/<name>.md.hbs',
        );
      }
    }
    super.PartialStatement(p);
  }

  override PartialBlockStatement(p: hbs.AST.PartialBlockStatement): void {
    this.report('CP2001', p, 'partial blocks ({{#> …}}) are not supported in casepress templates', 'write {{> name}}');
  }

  override Decorator(d: hbs.AST.Decorator): void {
    this.report('CP2001', d, 'decorators ({{* …}}) are not supported in casepress templates');
  }
}

/** What a hash value must be; undefined when it is right. Options are written in the template, not taken from the data. */
function hashProblem(kind: HashKind, value: Expression): string | undefined {
  if (kind === 'boolean') return value.type === 'BooleanLiteral' ? undefined : 'true or false';
  const literal = value.type === 'StringLiteral' ? (value as hbs.AST.StringLiteral).value : undefined;
  if (kind === 'string') return literal !== undefined ? undefined : 'text in quotes';
  return literal !== undefined && kind.includes(literal) ? undefined : `one of ${kind.map((k) => `"${k}"`).join(', ')}`;
}

const DIRECTIVE_OPEN = String.raw`(?:^|[^\\]):[\p{L}\p{N}_-]+(?:\[[^\]]*\])?\{(?:[^}"]|"[^"]*")*`;
const IN_QUOTES = new RegExp(`${DIRECTIVE_OPEN}"[^"]*$`, 'u');
const IN_BRACES = new RegExp(`${DIRECTIVE_OPEN}$`, 'u');

/** Whether the text before a `{{…}}` on its line leaves it inside a directive's `{…}` attributes. */
export function attributeContext(before: string): 'quoted' | 'unquoted' | undefined {
  if (IN_QUOTES.test(before)) return 'quoted';
  if (IN_BRACES.test(before)) return 'unquoted';
  return undefined;
}

