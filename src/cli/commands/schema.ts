/** `casepress schema [--out DIR]`: the JSON Schema of every file kind, for editors. */
import { join } from 'node:path';
import { jsonSchemas } from '../../model/json-schema.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import { EXIT, type ExitCode } from '../exit.js';

export async function writeSchemas(outDir: string, log: (line: string) => void): Promise<ExitCode> {
  const schemas = jsonSchemas();
  for (const [kind, schema] of Object.entries(schemas)) {
    const path = join(outDir, `${kind}.schema.json`);
    await writeFileAtomic(path, `${JSON.stringify(schema, null, 2)}\n`);
    log(path);
  }
  return EXIT.ok;
}
