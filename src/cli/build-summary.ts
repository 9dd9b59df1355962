/** The table a build ends with: documents by type, built, up to date, failed (cli-table3). */
import Table from 'cli-table3';
import { DOC_TYPES, type DocType } from '../build/jobs.js';
import type { TypeCounts } from '../build/ports.js';

export function summaryTable(counts: Readonly<Record<DocType, TypeCounts>>): string {
  const table = new Table({ head: ['documents', 'built', 'up to date', 'failed'], style: { head: [], border: [], compact: true }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, colAligns: ['left', 'right', 'right', 'right'] });
  const total = { built: 0, skipped: 0, failed: 0 };
  for (const type of DOC_TYPES) {
    const c = counts[type];
    if (c.built + c.skipped + c.failed === 0) continue;
    table.push([type, c.built, c.skipped, c.failed]);
    total.built += c.built;
    total.skipped += c.skipped;
    total.failed += c.failed;
  }
  table.push(['all', total.built, total.skipped, total.failed]);
  return table.toString();
}
