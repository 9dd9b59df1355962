/**
 * One call of a helper while a template renders: its values, where it stands
 * in which template, and how it reports a problem. Problems are collected in
 * the render state and the render goes on, so one run reports every missing
 * field; the Markdown is not returned when any was reported.
 */
import type { Code } from '../../core/codes.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { closest } from '../../core/did-you-mean.js';
import type { Span } from '../../core/source.js';
import { NOT_RECORDED } from '../escape.js';
import type { HandlebarsLocation, TemplateSource } from '../template-source.js';
import type { HelperSpec } from './spec.js';
import type { Labels } from '../labels.js';

/** The key under which the render state travels in Handlebars' `@data`. */
export const RENDER_STATE = 'casepressRender';

/** The `options` Handlebars passes to a helper, as far as we read it. */
export interface HelperOptions {
  readonly hash: Record<string, unknown>;
  readonly data?: Record<string, unknown> & { readonly root?: unknown; readonly index?: number };
  readonly loc?: HandlebarsLocation;
  readonly fn?: (context: unknown, options?: unknown) => string;
  readonly inverse?: (context: unknown, options?: unknown) => string;
}

/** What the static check learnt about one helper call: how its values were written, and where. */
export interface CallSite {
  readonly params: readonly ParamSite[];
  /** The innermost `{{#each …}}` or `{{#with …}}` around the call, as written. */
  readonly within?: string;
}

export interface ParamSite {
  /** The path as written (`child.dob`, `../name`, `@index`); undefined for literals and ( … ). */
  readonly written?: string;
  readonly loc: HandlebarsLocation;
}

/** Call sites of one file, by the start of the call as Handlebars reports it in `options.loc`. */
export type CallSites = ReadonlyMap<string, CallSite>;

export function siteKey(loc: HandlebarsLocation): string {
  return `${loc.start.line}:${loc.start.column}`;
}

export interface TemplateFacts {
  readonly source: TemplateSource;
  readonly sites: CallSites;
  /** Names bound with `as |x|`: a path through one is not looked up in the data for a hint. */
  readonly blockParams: ReadonlySet<string>;
}

export class RenderState {
  readonly diagnostics: Diagnostic[] = [];
  /** The template or partial being rendered: partials push and pop themselves. */
  readonly files: string[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly facts: ReadonlyMap<string, TemplateFacts>,
    /** templates/labels.yaml, for `label` and `counts`. */
    readonly labels?: Labels,
  ) {}

  get file(): string {
    return this.files[this.files.length - 1] ?? '';
  }

  add(d: Diagnostic): void {
    // The same mistake inside {{#each}} is reported once (for the first item), not once per item.
    const key = `${d.code} ${d.file} ${d.span?.start.offset ?? ''} ${d.field ?? d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(d);
  }
}

export class HelperCall {
  readonly hash: Record<string, unknown>;
  readonly file: string;
  private readonly facts: TemplateFacts | undefined;
  private readonly site: CallSite | undefined;

  constructor(
    readonly spec: HelperSpec,
    readonly options: HelperOptions,
    /** The context the helper runs in (Handlebars' `this`). */
    readonly context: unknown,
    readonly state: RenderState,
  ) {
    this.hash = options.hash ?? {};
    this.file = state.file;
    this.facts = state.facts.get(this.file);
    this.site = options.loc ? this.facts?.sites.get(siteKey(options.loc)) : undefined;
  }

  get source(): TemplateSource | undefined {
    return this.facts?.source;
  }

  /** Where the call stands, or where its i-th value stands. */
  span(i?: number): Span | undefined {
    const loc = (i === undefined ? undefined : this.site?.params[i]?.loc) ?? this.options.loc;
    if (!loc || !this.facts) return undefined;
    // A block's own loc runs to its {{/…}}; point at its opening line instead.
    const end = loc.end.line > loc.start.line ? loc.start : loc.end;
    return this.facts.source.span({ start: loc.start, end });
  }

  get optional(): boolean {
    return this.hash['optional'] === true;
  }

  /** The i-th value as the template wrote it: `child.dob`, `name`, `@index`; undefined for a literal. */
  written(i: number): string | undefined {
    return this.site?.params[i]?.written;
  }

  /** The field of the i-th value, as written (relative to the {{#each}} or {{#with}} around it). */
  field(i: number): string | undefined {
    return this.written(i);
  }

  /** How the i-th value is named in a message: "`child.dob`" or "the first value of `date`". */
  label(i: number): string {
    const written = this.written(i);
    return written !== undefined ? `\`${written}\`` : `the ${ORDINALS[i] ?? `${i + 1}th`} value of \`${this.spec.name}\``;
  }

  /** " (in {{#each kids}}, item 2)" when the call stands inside one. */
  private where(): string {
    const within = this.site?.within;
    if (!within) return '';
    const index = this.options.data?.index;
    return within.startsWith('{{#each') && typeof index === 'number' ? ` (in ${within}, item ${index + 1})` : ` (in ${within})`;
  }

  report(code: Code, message: string, hint?: string, field?: string, i?: number): void {
    this.state.add(diagnostic(code, { file: this.file, span: this.span(i), field, message, hint }));
  }

  /** The i-th value is absent from the data (CP2003), with a "did you mean" where one can be found. */
  missing(i: number): void {
    const written = this.written(i);
    if (written === undefined) {
      this.report('CP2003', `${this.label(i)} has no value: the data does not have it`, undefined, undefined, i);
    } else if (written.startsWith('@') && !written.startsWith('@root.')) {
      this.report('CP2003', `\`${written}\` is not defined here`, '@index, @first, @last and @key exist only inside {{#each}}', written, i);
    } else {
      this.report('CP2003', `\`${written}\` is not in the data${this.where()}`, this.missingHint(written), written, i);
    }
  }

  private missingHint(written: string): string | undefined {
    const rooted = written.startsWith('@root.');
    if (written.includes('../')) return undefined;
    const parts = pathParts(rooted ? written.slice('@root.'.length) : written);
    if (!rooted && parts[0] !== undefined && this.facts?.blockParams.has(parts[0])) return undefined;
    let value: unknown = rooted ? this.options.data?.root : this.context;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, part) && value[part] !== undefined) {
        value = value[part];
        continue;
      }
      const before = (rooted ? ['@root', ...parts.slice(0, k)] : parts.slice(0, k)).join('.');
      if (!isRecord(value) || Array.isArray(value)) {
        return before ? `\`${before}\` is ${describeValue(value)}, not a group of fields` : undefined;
      }
      const keys = Object.keys(value);
      const suggestion = closest(part, keys);
      if (suggestion) return `did you mean \`${before ? `${before}.` : ''}${suggestion}\`?`;
      const whose = before ? `\`${before}\`` : 'the data here';
      const shown = keys.length > 12 ? `${keys.slice(0, 12).join(', ')}, …` : keys.join(', ');
      return keys.length ? `${whose} has: ${shown}` : `${whose} has no fields`;
    }
    return undefined;
  }

  /** The i-th value is null or blank: *not recorded* when optional, else a CP2006 that says how to allow it. */
  empty(i: number, value: unknown): string {
    if (this.optional) return NOT_RECORDED;
    const what = value === null || value === undefined ? 'has no value (null)' : 'is empty';
    this.report(
      'CP2006',
      `${this.label(i)} ${what}${this.where()}, and \`${this.spec.name}\` never prints a blank`,
      `if it may be unrecorded, write {{${this.spec.name} ${this.written(i) ?? '…'} optional=true}} to print *not recorded*`,
      this.field(i),
      i,
    );
    return '';
  }

  /** The i-th value is of the wrong kind (CP2006). */
  wrongKind(i: number, value: unknown, expected: string, hint?: string): string {
    this.report('CP2006', `${this.label(i)}: found ${describeValue(value)}, expected ${expected}${this.where()}`, hint, this.field(i), i);
    return '';
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

function pathParts(written: string): string[] {
  return written
    .replace(/^(this|\.)[./]/, '')
    .split(/[./]/)
    .filter((p) => p !== '' && p !== 'this');
}


export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A value in words, for "found …": `"2026-13-01"`, `the number 3`, `a list of 2`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value (null)';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a group of fields';
  return typeof value;
}
