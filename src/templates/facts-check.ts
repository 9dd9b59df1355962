/**
 * The check of a template against the facts its document gives it, before any
 * case is rendered: every field a template reads (`{{text youth.name}}`,
 * `{{#each documents}}`, `../audience`, `@root.agency`, a partial's fields in
 * the context it is included in) must be one the document's facts type has,
 * and every `{{label "vocabulary" x}}` must have a label for each value `x`
 * can take, and `{{dueDetail x}}` every phrase of labels.yaml `due_detail`. A field renamed in compute/ is then an error at the template's
 * line (CP2003), not a blank in some later document.
 *
 * The facts arrive as JSON Schema (compute/documents/facts/ exports them from
 * the zod types the builders return), so this layer needs no zod.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { closest } from '../core/did-you-mean.js';
import type { JsonSchema } from '../core/json-schema.js';
import { DUE_PHRASES, duePhraseProblems } from './due-words.js';
import type { Labels } from './labels.js';
import type { TemplateSource } from './template-source.js';

/** A document's facts as JSON Schema. */
export type FactsSchema = JsonSchema;

/** A schema that accepts anything: what `lookup` and unknown shapes give. */
const ANY: FactsSchema = {};
const NUMBER: FactsSchema = { type: 'number' };
const BOOLEAN: FactsSchema = { type: 'boolean' };

export interface FactsTemplate {
  readonly ast: hbs.AST.Program;
  readonly source: TemplateSource;
}

interface Context {
  readonly schema: FactsSchema;
  /** How messages name it: '' for the facts themselves, else the path that opened it ("skills[]"). */
  readonly name: string;
}

interface Scope {
  /** The context stack: the last is `this`, `../` goes one up. */
  readonly contexts: readonly Context[];
  readonly blockParams: ReadonlyMap<string, FactsSchema>;
}

/**
 * Checks a template and the partials it includes against `facts` (the root
 * context). `what` names the facts in messages ("the transition plan's facts").
 */
export function checkFacts(
  main: FactsTemplate,
  partials: ReadonlyMap<string, FactsTemplate>,
  facts: FactsSchema,
  what: string,
  labels: Labels | undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  /** A partial is checked once per context it is included in. */
  const checkedPartials = new Map<string, Set<FactsSchema>>();

  const visit = (template: FactsTemplate, statements: readonly hbs.AST.Statement[], scope: Scope): void => {
    const report = (node: hbs.AST.Node, message: string, hint?: string, code: 'CP2003' | 'CP2006' = 'CP2003') => {
      const key = `${template.source.file} ${node.loc.start.line}:${node.loc.start.column} ${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      diagnostics.push(diagnostic(code, { file: template.source.file, span: template.source.span(node.loc), message, hint }));
    };

    const resolve = (expr: hbs.AST.Expression, s: Scope): Context => {
      if (expr.type === 'SubExpression') {
        const sub = expr as hbs.AST.SubExpression;
        for (const p of sub.params) resolve(p, s);
        for (const pair of sub.hash?.pairs ?? []) resolve(pair.value, s);
        // Logic helpers give true/false; lookup gives a field chosen while rendering.
        return { schema: (sub.path as hbs.AST.PathExpression).original === 'lookup' ? ANY : BOOLEAN, name: '' };
      }
      if (expr.type !== 'PathExpression') return { schema: ANY, name: '' };
      const path = expr as hbs.AST.PathExpression;
      if (path.data) {
        const [head, ...rest] = path.parts;
        if (head === 'root') return walk(path, { schema: facts, name: '' }, rest);
        return { schema: head === 'index' || head === 'key' ? NUMBER : BOOLEAN, name: '' };
      }
      const bound = path.depth === 0 && !/^(this|\.)[./]/.test(path.original) ? s.blockParams.get(path.parts[0] ?? '') : undefined;
      if (bound) return walk(path, { schema: bound, name: path.parts[0]! }, path.parts.slice(1));
      const base = s.contexts[s.contexts.length - 1 - path.depth];
      if (!base) {
        report(path, `\`${path.original}\` goes up more levels (../) than there are blocks around it`);
        return { schema: ANY, name: '' };
      }
      return walk(path, base, path.parts);
    };

    const walk = (path: hbs.AST.PathExpression, from: Context, parts: readonly string[]): Context => {
      let schema = from.schema;
      let at = from.name;
      for (const part of parts) {
        const next = field(schema, part);
        if (next === undefined) {
          const fields = fieldNames(schema);
          const near = closest(part, fields);
          const where = at === '' ? what : `\`${at}\``;
          report(
            path,
            `\`${path.original}\`: "${part}" is not a field of ${where}`,
            near ? `did you mean "${near}"?` : fields.length ? `its fields are: ${fields.join(', ')}` : 'it is not a group of fields',
          );
          return { schema: ANY, name: '' };
        }
        schema = next;
        at = at === '' ? part : `${at}.${part}`;
      }
      return { schema, name: at };
    };

    /** `{{label "vocabulary" value}}`, `{{counts …}}`, or `{{attr value label="vocabulary"}}`. */
    const checkLabel = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, s: Scope): void => {
      const fromHash = node.hash?.pairs.find((p) => p.key === 'label')?.value;
      const [vocabulary, value] = fromHash ? [fromHash, node.params[0]] : node.params;
      if (vocabulary?.type !== 'StringLiteral' || !value) return;
      const name = (vocabulary as hbs.AST.StringLiteral).value;
      const words = labels?.vocabularies.get(name);
      if (!words) {
        const near = closest(name, [...(labels?.vocabularies.keys() ?? [])]);
        report(vocabulary, `labels.yaml has no vocabulary "${name}"`, near ? `did you mean "${near}"?` : `add \`${name}:\` to ${labels?.file ?? 'templates/labels.yaml'}`, 'CP2006');
        return;
      }
      const missing = enumValues(resolve(value, s).schema)?.filter((v) => typeof v === 'string' && !words.has(v)) ?? [];
      if (missing.length) {
        report(node, `labels.yaml "${name}" has no label for ${missing.map((v) => `"${String(v)}"`).join(', ')}, which \`${(value as hbs.AST.PathExpression).original}\` can be`, `add ${missing.map((v) => `${String(v)}: …`).join(', ')} under ${name}: in ${labels?.file ?? 'templates/labels.yaml'}`, 'CP2006');
      }
    };

    const statement = (node: hbs.AST.Statement, s: Scope): void => {
      switch (node.type) {
        case 'MustacheStatement': {
          const m = node as hbs.AST.MustacheStatement;
          const name = (m.path as hbs.AST.PathExpression).original;
          if (m.params.length === 0 && !m.hash) {
            if (name !== 'notRecorded') resolve(m.path, s);
            return;
          }
          for (const p of m.params) resolve(p, s);
          for (const pair of m.hash?.pairs ?? []) resolve(pair.value, s);
          if (name === 'label' || name === 'counts' || name === 'attr') checkLabel(m, s);
          if (name === 'dueDetail') for (const problem of duePhraseProblems(labels)) report(m, problem, `add it under ${DUE_PHRASES}: (templates/README.md)`, 'CP2006');
          return;
        }
        case 'BlockStatement': {
          const b = node as hbs.AST.BlockStatement;
          const name = (b.path as hbs.AST.PathExpression).original;
          const value = b.params[0] ? resolve(b.params[0], s) : { schema: ANY, name: '' };
          for (const p of b.params.slice(1)) resolve(p, s);
          for (const pair of b.hash?.pairs ?? []) resolve(pair.value, s);
          let inner = s;
          if (name === 'each') {
            const item = elementOf(value.schema);
            const [itemName, indexName] = b.program?.blockParams ?? [];
            const params = new Map(s.blockParams);
            if (itemName) params.set(itemName, item);
            if (indexName) params.set(indexName, NUMBER);
            inner = { contexts: [...s.contexts, { schema: item, name: `${value.name}[]` }], blockParams: params };
          } else if (name === 'with') {
            const params = new Map(s.blockParams);
            const [itemName] = b.program?.blockParams ?? [];
            if (itemName) params.set(itemName, nonNull(value.schema));
            inner = { contexts: [...s.contexts, { schema: nonNull(value.schema), name: value.name }], blockParams: params };
          }
          if (b.program) for (const st of b.program.body) statement(st, inner);
          if (b.inverse) for (const st of b.inverse.body) statement(st, s);
          return;
        }
        case 'PartialStatement': {
          const p = node as hbs.AST.PartialStatement;
          const partial = partials.get((p.name as hbs.AST.PathExpression).original);
          if (!partial) return;
          let context: Context = p.params[0] ? resolve(p.params[0], s) : s.contexts[s.contexts.length - 1]!;
          if (p.hash) {
            const added = Object.fromEntries(p.hash.pairs.map((pair) => [pair.key, resolve(pair.value, s).schema]));
            context = { schema: { type: 'object', properties: { ...(nonNull(context.schema).properties ?? {}), ...added } }, name: context.name };
          }
          const done = checkedPartials.get(partial.source.file) ?? new Set();
          checkedPartials.set(partial.source.file, done);
          if (done.has(context.schema)) return;
          done.add(context.schema);
          visit(partial, partial.ast.body, { contexts: [...s.contexts.slice(0, -1), context], blockParams: new Map() });
          return;
        }
        default:
          return;
      }
    };

    for (const st of statements) statement(st, scope);
  };

  visit(main, main.ast.body, { contexts: [{ schema: facts, name: '' }], blockParams: new Map() });
  return diagnostics;
}

/** The schema without its null: `x | null` is x for the fields inside it. */
function variants(schema: FactsSchema): FactsSchema[] {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return [schema];
  return options.flatMap(variants).filter((v) => v.type !== 'null');
}

function nonNull(schema: FactsSchema): FactsSchema {
  const options = variants(schema);
  return options.length === 1 ? options[0]! : schema;
}

/** The schema of a field of `schema`, undefined when it has no such field; anything goes inside an unknown shape. */
function field(schema: FactsSchema, name: string): FactsSchema | undefined {
  const options = variants(schema);
  if (options.some(isOpen)) return ANY;
  for (const option of options) {
    const found = option.properties?.[name];
    if (found) return found;
    if (typeof option.additionalProperties === 'object') return option.additionalProperties;
    if (option.type === 'array' && name === 'length') return NUMBER;
    if (option.type === 'array' && /^\d+$/.test(name) && option.items) return option.items;
  }
  return undefined;
}

function isOpen(schema: FactsSchema): boolean {
  return schema.type === undefined && !schema.properties && !schema.items && !schema.enum && schema.const === undefined;
}

function fieldNames(schema: FactsSchema): string[] {
  return variants(schema).flatMap((v) => Object.keys(v.properties ?? {}));
}

function elementOf(schema: FactsSchema): FactsSchema {
  const options = variants(schema);
  const array = options.find((o) => o.type === 'array');
  if (array) return array.items ?? ANY;
  const record = options.find((o) => typeof o.additionalProperties === 'object');
  return record ? (record.additionalProperties as FactsSchema) : ANY;
}

/** The values an enumeration (or a list of one, or a record keyed by one) can take. */
function enumValues(schema: FactsSchema): readonly unknown[] | undefined {
  const options = variants(schema);
  const values = options.flatMap((o) =>
    o.enum ?? (o.const !== undefined ? [o.const] : o.type === 'array' && o.items ? (enumValues(o.items) ?? []) : o.propertyNames ? (enumValues(o.propertyNames) ?? []) : o.properties ? Object.keys(o.properties) : []),
  );
  return values.length ? values : undefined;
}
