/**
 * The Handlebars environment of casepress: compile a template with its
 * partials, then render it with data into Markdown.
 *
 * Compile options, and why:
 * - `noEscape: true`: Handlebars' HTML escaping (`&amp;`) is wrong for Markdown;
 *   the helpers escape for Markdown instead, and the static check
 *   (check-template.ts) makes sure every printed value goes through one.
 * - `knownHelpersOnly: true` with the helper list: a mistyped helper cannot run.
 * - `strict: false`, on purpose. Handlebars' `strict` only guards a bare
 *   `{{x}}` (which casepress forbids anyway); for a helper's values it looks the
 *   last part up loosely and the middle parts unguarded, so `{{text chlid.name}}`
 *   would die with a TypeError and no line. Instead the static check records
 *   how each helper's values were written, and a value the data does not have is CP2003
 *   naming the template, line and field, with a "did you mean" — for output
 *   helpers and for `{{#if}}`/`{{#each}}`/`{{#with}}`/`{{#unless}}` alike.
 *   Absent (undefined) is an error; present but null is "not recorded"
 *   (false in `{{#if}}`, *not recorded* with `optional=true`).
 * - problems found while rendering are collected, and the render goes on, so
 *   one run reports all of them; no Markdown is returned when there are any.
 */
import Handlebars from 'handlebars';
import { diagnostic, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { checkTemplate, parseTemplate, syntaxError, type PartialUse } from './check-template.js';
import { checkFacts, type FactsSchema, type FactsTemplate } from './facts-check.js';
import type { Labels } from './labels.js';
import { HelperCall, RENDER_STATE, RenderState, type CallSite, type HelperOptions, type TemplateFacts } from './helpers/call.js';
import { HELPERS, type HelperSpec } from './helpers/index.js';
import { BUILTINS } from './helpers/sections.js';
import { TemplateSource } from './template-source.js';

export interface CompileTemplateOptions {
  /** The file of a partial, for its diagnostics; by default `partials/<name>.md.hbs` beside the template. */
  readonly partialFile?: (name: string) => string;
  /** templates/labels.yaml, for `label` and `counts`. */
  readonly labels?: Labels;
  /** The facts the document gives the template: every field it reads is checked against them (facts-check.ts). */
  readonly facts?: { readonly schema: FactsSchema; readonly what: string };
}

/** A compiled template with its partials. Render it with renderTemplate. */
export interface CompiledTemplate {
  readonly file: string;
  /** The partials it uses, directly or through other partials, in first-use order. */
  readonly partials: readonly string[];
  /** @internal */
  readonly run: (data: unknown) => RenderResult;
}

/**
 * What checking and compiling a template leaves, as plain values: enough to
 * run it again from the same sources without doing either (loadTemplate), so
 * it can be kept between runs and handed to worker threads.
 */
export interface TemplateCode {
  readonly file: string;
  /** The partials it uses, in first-use order, each with its file. */
  readonly partials: readonly (readonly [name: string, file: string])[];
  /** Handlebars' precompiled template, then each partial's, in that order. */
  readonly specs: readonly string[];
  /** What the static check learnt of each file: its helper calls and block parameters, for the render's diagnostics. */
  readonly sites: readonly (readonly [file: string, sites: readonly (readonly [string, CallSite])[], blockParams: readonly string[]])[];
}

export interface RenderResult {
  /** The Markdown, only when there was no error. */
  readonly markdown?: string;
  readonly diagnostics: Diagnostic[];
}

type HandlebarsEnv = ReturnType<typeof Handlebars.create>;
type HandlebarsTemplate = (context: unknown, options?: { data?: Record<string, unknown> }) => string;
type TemplateSpecification = Parameters<HandlebarsEnv['template']>[0];

const COMPILE_OPTIONS = {
  noEscape: true,
  strict: false,
  knownHelpersOnly: true,
  knownHelpers: { ...Object.fromEntries([...HELPERS.keys()].map((name) => [name, true])), log: false },
  data: true,
} as unknown as Parameters<HandlebarsEnv['compile']>[1];

export function compileTemplate(
  source: string,
  file: string,
  partials: Readonly<Record<string, string>>,
  options: CompileTemplateOptions = {},
): { template?: CompiledTemplate; code?: TemplateCode; diagnostics: Diagnostic[] } {
  const partialFile = options.partialFile ?? ((name: string) => `${dirname(file)}partials/${name}.md.hbs`);
  const known = new Set(Object.keys(partials));
  const diagnostics: Diagnostic[] = [];
  const facts = new Map<string, TemplateFacts>();
  const asts = new Map<string, hbs.AST.Program>();
  const sources = new Map<string, TemplateSource>();

  const main = new TemplateSource(file, source);
  const order: string[] = [];
  const load = (name: string | undefined, src: TemplateSource): PartialUse[] => {
    const parsed = parseTemplate(src);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.ast) return [];
    const checked = checkTemplate(parsed.ast, src, known);
    diagnostics.push(...checked.diagnostics);
    facts.set(src.file, { source: src, sites: checked.sites, blockParams: checked.blockParams });
    asts.set(name ?? '', parsed.ast);
    sources.set(name ?? '', src);
    return checked.partials;
  };

  // The template, then every partial it reaches, each checked once.
  const queue: PartialUse[] = load(undefined, main);
  const edges = new Map<string, Set<string>>([['', new Set(queue.map((use) => use.name))]]);
  while (queue.length) {
    const { name } = queue.shift()!;
    if (order.includes(name) || !known.has(name)) continue;
    order.push(name);
    const uses = load(name, new TemplateSource(partialFile(name), partials[name]!));
    edges.set(name, new Set(uses.map((use) => use.name)));
    queue.push(...uses);
  }
  const loop = findLoop(edges);
  if (loop) {
    diagnostics.push(
      diagnostic('CP2005', {
        file: partialFile(loop[0]!),
        message: `partials include each other in a loop: ${loop.join(' → ')}`,
        hint: 'a partial may not include itself, directly or through others',
      }),
    );
  }
  if (!hasErrors(diagnostics) && options.facts) {
    const template = (name: string): FactsTemplate => ({ ast: asts.get(name)!, source: sources.get(name)! });
    const partialTemplates = new Map(order.map((name) => [name, template(name)]));
    diagnostics.push(...checkFacts(template(''), partialTemplates, options.facts.schema, options.facts.what, options.labels));
  }
  if (hasErrors(diagnostics)) return { diagnostics };

  const specs: string[] = [];
  for (const name of ['', ...order]) {
    try {
      specs.push(Handlebars.precompile(asts.get(name)!, { ...COMPILE_OPTIONS }) as unknown as string);
    } catch (error) {
      // The static check should have caught anything Handlebars refuses; say where if it did not.
      if (!isHandlebarsException(error)) throw error;
      return { diagnostics: [syntaxError(sources.get(name)!, error)] };
    }
  }
  const code: TemplateCode = {
    file,
    partials: order.map((name) => [name, partialFile(name)] as const),
    specs,
    sites: [...facts].map(([path, found]) => [path, [...found.sites], [...found.blockParams]] as const),
  };
  return { template: loadTemplate(code, source, partials, options.labels), code, diagnostics };
}

/**
 * The template compileTemplate made, from its code and the same sources (the
 * caller's key must cover them: the code holds only the file names). Every
 * compiled template is made here, so one kept between runs renders the same.
 */
export function loadTemplate(code: TemplateCode, source: string, partials: Readonly<Record<string, string>>, labels?: Labels): CompiledTemplate {
  const texts = new Map<string, string>([[code.file, source], ...code.partials.map(([name, path]) => [path, partials[name] ?? ''] as const)]);
  const facts = new Map<string, TemplateFacts>(
    code.sites.map(([path, sites, blockParams]) => [path, { source: new TemplateSource(path, texts.get(path) ?? ''), sites: new Map(sites), blockParams: new Set(blockParams) }]),
  );
  const main = facts.get(code.file)?.source ?? new TemplateSource(code.file, source);
  const env = Handlebars.create();
  registerHelpers(env);
  // Handlebars' precompiled form is the source of an object literal (what Handlebars.template takes).
  const [compiled, ...compiledPartials] = code.specs.map((spec) => env.template(new Function(`return ${spec}`)() as TemplateSpecification) as unknown as HandlebarsTemplate);
  code.partials.forEach(([name, partialPath], i) => {
    const partial = compiledPartials[i]!;
    env.registerPartial(name, ((context: unknown, opts: { data?: Record<string, unknown> }) => {
      const state = opts?.data?.[RENDER_STATE] as RenderState | undefined;
      state?.files.push(partialPath);
      try {
        return partial(context, opts);
      } catch (error) {
        markFile(error, partialPath);
        throw error;
      } finally {
        state?.files.pop();
      }
    }) as unknown as Handlebars.Template);
  });

  const run = (data: unknown): RenderResult => {
    const state = new RenderState(facts, labels);
    state.files.push(code.file);
    let markdown: string | undefined;
    try {
      markdown = compiled!(data, { data: { [RENDER_STATE]: state } });
    } catch (error) {
      if (!isHandlebarsException(error)) throw error;
      state.add(syntaxError(facts.get(fileOf(error) ?? code.file)?.source ?? main, error));
    }
    const diagnostics = state.diagnostics;
    return hasErrors(diagnostics) || markdown === undefined ? { diagnostics } : { markdown, diagnostics };
  };
  return { file: code.file, partials: code.partials.map(([name]) => name), run };
}

export function renderTemplate(template: CompiledTemplate, data: unknown): RenderResult {
  return template.run(data);
}

const MISSING = Symbol('missing');

function registerHelpers(env: HandlebarsEnv): void {
  const builtins = new Map([...BUILTINS].map((name) => [name, env.helpers[name]!]));
  env.unregisterHelper('log');
  for (const spec of HELPERS.values()) env.registerHelper(spec.name, toHandlebars(spec, builtins.get(spec.name)));
}

/** Wraps a helper: every absent value is reported (CP2003) before the helper runs. */
function toHandlebars(spec: HelperSpec, builtin: Handlebars.HelperDelegate | undefined): Handlebars.HelperDelegate {
  return function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    const state = options.data?.[RENDER_STATE] as RenderState | undefined;
    if (!state) {
      // Handlebars' own {{#unless}} calls {{#if}} without @data: that value was checked already.
      if (builtin) return (builtin as (...a: unknown[]) => unknown).call(this, ...all, options);
      throw new Error(`casepress helper ${spec.name} called outside renderTemplate`);
    }
    const call = new HelperCall(spec, options, this, state);
    const args = all.map((value, i) => {
      if (value !== undefined) return value;
      if (call.optional) return null;
      call.missing(i);
      return MISSING;
    });
    if (args.includes(MISSING)) return spec.role === 'logic' ? false : '';
    if (builtin) return (builtin as (...a: unknown[]) => unknown).call(this, ...args, options);
    return spec.run(call, args);
  } as Handlebars.HelperDelegate;
}

/** Handlebars' own exceptions are the template's fault; anything else is a bug and is thrown on. */
function isHandlebarsException(error: unknown): boolean {
  return error instanceof (Handlebars as unknown as { Exception: new () => Error }).Exception;
}

const FILE = Symbol('casepress file');

function markFile(error: unknown, file: string): void {
  if (typeof error === 'object' && error !== null && !(FILE in error)) (error as Record<symbol, string>)[FILE] = file;
}

function fileOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as Record<symbol, string | undefined>)[FILE] : undefined;
}

function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash + 1);
}

/** A cycle among partials (name → partials it includes), as the names along it. */
function findLoop(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'open') return [...path.slice(path.indexOf(name)), name];
    if (state.get(name) === 'done') return undefined;
    state.set(name, 'open');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      const loop = visit(next);
      if (loop) return loop;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  return visit('');
}
