/**
 * Part of a case root: agency.yaml, the assets, every home and some children.
 * A build that knows only files inside these children's folders changed since
 * its last clean run (build/local-change.ts) loads this part alone; the
 * cross-file checks still see every case id of the whole root.
 */
import type { RootListing } from '../core/listing.js';
import { ID_PATTERN } from '../model/primitives.js';

export interface RootPart {
  /** The listing without the folders of the other children. */
  readonly listing: RootListing;
  /** Every case folder's id in the whole root (what a sibling's `case_id` may name). */
  readonly caseIds: readonly string[];
}

export function rootPart(whole: RootListing, children: ReadonlySet<string>): RootPart {
  const caseIds: string[] = [];
  const entries = whole.entries.filter((entry) => {
    if (!entry.path.startsWith('children/')) return true;
    const [, id, rest] = entry.path.split('/', 3);
    if (rest === undefined && entry.type === 'dir' && ID_PATTERN.test(id!)) caseIds.push(id!);
    return children.has(id!);
  });
  return { listing: { entries, ...(whole.listedAt === undefined ? {} : { listedAt: whole.listedAt }) }, caseIds };
}
