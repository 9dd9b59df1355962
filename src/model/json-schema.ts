/** JSON Schema of every file kind, for editors (yaml-language-server). */
import { z } from './zod.js';
import { FILE_KINDS, type FileKindName } from './file-kinds.js';

export function jsonSchemas(): Record<FileKindName, object> {
  const out = {} as Record<FileKindName, object>;
  for (const [name, kind] of Object.entries(FILE_KINDS) as [FileKindName, (typeof FILE_KINDS)[FileKindName]][]) {
    out[name] = z.toJSONSchema(kind.schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  }
  return out;
}
