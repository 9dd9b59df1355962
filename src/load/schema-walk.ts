/** Walks a zod schema along a data path to list the keys an object there may have. */
import type { z } from 'zod';
import type { FieldPath } from '../core/field-path.js';

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; valueType?: z.ZodType; keyType?: z.ZodType };

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips optional/nullable/default/pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const d = def(current);
    if (d.innerType) current = d.innerType;
    else if (d.type === 'pipe' && d.in) current = d.in;
    else return current;
  }
}

/** The schema of the value at `path`, without optional/nullable wrappers; undefined where the schema has no such field. */
export function schemaAt(schema: z.ZodType, path: FieldPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const part of path) {
    if (!current) return undefined;
    const d = def(current);
    if (d.type === 'object' && d.shape && typeof part === 'string') current = d.shape[part];
    else if (d.type === 'array' && d.element) current = d.element;
    else if (d.type === 'record' && d.valueType) current = d.valueType;
    else return undefined;
    current = current ? unwrap(current) : undefined;
  }
  return current;
}

export function knownKeysAt(schema: z.ZodType, path: FieldPath): string[] {
  const current = schemaAt(schema, path);
  if (!current) return [];
  const d = def(current);
  if (d.type === 'object' && d.shape) return Object.keys(d.shape);
  if (d.type === 'record' && d.keyType) {
    const keys = (def(unwrap(d.keyType)) as { entries?: Record<string, string> }).entries;
    return keys ? Object.values(keys) : [];
  }
  return [];
}

/** The paths (`court.hearings[].outcome`: `[]` for any index) of every field whose schema is `target`. */
export function fieldsOfSchema(schema: z.ZodType, target: z.ZodType): string[] {
  const found: string[] = [];
  const walk = (current: z.ZodType, path: string) => {
    if (current === target) {
      found.push(path);
      return;
    }
    const inner = unwrap(current);
    if (inner !== current) return walk(inner, path);
    const d = def(current);
    if (d.type === 'object' && d.shape) for (const [key, value] of Object.entries(d.shape)) walk(value, path ? `${path}.${key}` : key);
    else if (d.type === 'array' && d.element) walk(d.element, `${path}[]`);
    else if (d.type === 'union' && d.options) for (const option of d.options) walk(option, path);
  };
  walk(schema, '');
  return [...new Set(found)];
}
