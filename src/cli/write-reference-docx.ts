/**
 * `npm run reference-docx`: writes templates/reference.docx, the house Word
 * styles, from the house style sheet (render/docx/reference-docx.ts).
 * test/reference-docx.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../io/package-files.js';
import { referenceDocx } from '../render/docx/reference-docx.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(PACKAGE_ROOT, 'templates', 'reference.docx');
  writeFileSync(file, referenceDocx());
  process.stdout.write(`wrote ${file}\n`);
}
