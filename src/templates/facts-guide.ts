/**
 * The templates guide's field list (templates/FIELDS.md): every field each
 * document's facts give its template, with its kind, written from the same
 * JSON Schema the template check reads. A test keeps the file current.
 */
import type { JsonSchema } from '../core/json-schema.js';

export function factsGuide(documents: ReadonlyArray<readonly [type: string, facts: JsonSchema]>): string {
  const out = [
    '# The fields each template receives',
    '',
    'Written from the facts types in `src/compute/documents/facts/` by `npm run fields`; a test fails',
    'when this file is out of date. `casepress data <doc-type> <case-or-home-id>` prints the values for',
    'one case or home, as a given audience\'s copy would get them.',
    '',
    'A field marked *or null* may be empty: test it with `{{#if …}}` or print it with `optional=true`.',
    'A code prints through `{{label "<vocabulary>" field}}`, with the words in `templates/labels.yaml`.',
    'Inside `{{#each list}}` the fields of `list[]` are read without the prefix.',
    '',
  ];
  for (const [type, facts] of documents) {
    out.push(`## ${type}`, '', '| Field | Kind |', '|---|---|');
    for (const [path, schema, note] of fields(facts, '')) out.push(`| \`${path}\` | ${[kind(schema), note].filter(Boolean).join('; ')} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

type Row = readonly [path: string, schema: JsonSchema, note?: string];

/** Each field below `schema`, depth first, in the order the type declares them. */
function fields(schema: JsonSchema, prefix: string, note?: string): Row[] {
  const { value } = split(schema);
  if (value.type === 'array' && value.items) {
    const item = split(value.items).value;
    if (item.anyOf ?? item.oneOf) return kindRows(item, `${prefix}[]`, note);
    return item.properties ? fields(item, `${prefix}[]`, note) : [[`${prefix}[]`, value.items, note]];
  }
  if (prefix && (value.anyOf ?? value.oneOf)) return kindRows(value, prefix, note);
  return Object.entries(value.properties ?? {}).flatMap(([name, child]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    return [[path, child, note] as Row, ...fields(child, path, note)];
  });
}

/** Kinds of a group of fields (attention items, compliance lines): `kind` once, then each kind's own fields. */
function kindRows(union: JsonSchema, prefix: string, note?: string): Row[] {
  const variants = union.anyOf ?? union.oneOf ?? [];
  const kinds = variants.map((v) => v.properties?.['kind']?.const);
  const rows: Row[] = [[`${prefix}.kind`, { enum: kinds }, note]];
  variants.forEach((variant, i) => {
    const { kind: _kind, ...own } = variant.properties ?? {};
    rows.push(...fields({ ...variant, properties: own }, prefix, `when kind is "${String(kinds[i])}"`));
  });
  return rows;
}

/** The schema without its null, and whether null was allowed. */
function split(schema: JsonSchema): { value: JsonSchema; nullable: boolean } {
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types = schema.type.filter((t) => t !== 'null');
    return { value: { ...schema, type: types.length === 1 ? types[0]! : types }, nullable: true };
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return { value: schema, nullable: false };
  const values = options.filter((o) => o.type !== 'null');
  return values.length === 1 && values.length < options.length ? { value: { ...values[0]!, description: schema.description ?? values[0]!.description }, nullable: true } : { value: schema, nullable: false };
}

function kind(schema: JsonSchema): string {
  const { value, nullable } = split(schema);
  const base = describe(value);
  const said = value.description && !value.description.startsWith('date') ? ` (${value.description.replace(/\|/g, '\\|')})` : '';
  return `${base}${said}${nullable ? ', or null' : ''}`;
}

function describe(schema: JsonSchema): string {
  if (schema.const !== undefined) return `"${String(schema.const)}"`;
  if (schema.enum) return `one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (schema.type === 'array') return 'list';
  if (schema.type === 'object' || schema.properties) return schema.propertyNames ? 'counts by code' : 'group of fields';
  if (schema.anyOf ?? schema.oneOf) return 'one of several groups of fields (see `kind`)';
  if (schema.type === 'integer') return 'whole number';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'boolean') return 'true or false';
  if (schema.type === 'string') return schema.description?.startsWith('date') ? 'date' : 'text';
  return 'any value';
}
