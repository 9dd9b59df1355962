/**
 * `npm run fields`: writes templates/FIELDS.md, the list of every field each
 * document's template receives, from the facts types (test/fields-guide.test.ts
 * fails when the file is out of date).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_FACTS, factsSchema } from '../compute/documents/facts/index.js';
import { PACKAGE_ROOT } from '../io/package-files.js';
import { factsGuide } from '../templates/index.js';

export function fieldsGuide(): string {
  return factsGuide(Object.keys(DOCUMENT_FACTS).map((type) => [type, factsSchema(type)!] as const));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(PACKAGE_ROOT, 'templates', 'FIELDS.md');
  writeFileSync(file, fieldsGuide());
  process.stdout.write(`wrote ${file}\n`);
}
