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

export function knownKeysAt(schema: z.ZodType, path: FieldPath): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const part of path) {
    if (!current) return [];
    const d = def(current);
    if (d.type === 'object' && d.shape && typeof part === 'string') current = d.shape[part];
    else if (d.type === 'array' && d.element) current = d.element;
    else if (d.type === 'record' && d.valueType) current = d.valueType;
    else return [];
    current = current ? unwrap(current) : undefined;
  }
  if (!current) return [];
  const d = def(current);
  if (d.type === 'object' && d.shape) return Object.keys(d.shape);
  if (d.type === 'record' && d.keyType) {
    const keys = (def(unwrap(d.keyType)) as { entries?: Record<string, string> }).entries;
    return keys ? Object.values(keys) : [];
  }
  return [];
}
