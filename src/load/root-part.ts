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

/** The child a path under children/ belongs to (`children/<id>` or below), else undefined. */
export function childIdOf(path: string): string | undefined {
  if (!path.startsWith(CHILDREN)) return undefined;
  const end = path.indexOf('/', CHILDREN.length);
  return path.slice(CHILDREN.length, end < 0 ? undefined : end);
}

const CHILDREN = 'children/';

export function rootPart(whole: RootListing, children: ReadonlySet<string>): RootPart {
  const caseIds: string[] = [];
  const prefixes = [...children].map((id) => `${CHILDREN}${id}/`);
  const entries = whole.entries.filter(({ path, type }) => {
    if (!path.startsWith(CHILDREN)) return true;
    // A case folder itself (children/<id>): named for the checks, kept when it is one of the part's.
    if (path.indexOf('/', CHILDREN.length) < 0) {
      const id = path.slice(CHILDREN.length);
      if (type === 'dir' && ID_PATTERN.test(id)) caseIds.push(id);
      return children.has(id);
    }
    // (Compared by prefix: slicing out the id of each of 50,000 paths cost more than the rest of the load.)
    return prefixes.some((prefix) => path.startsWith(prefix));
  });
  return { listing: { entries, ...(whole.listedAt === undefined ? {} : { listedAt: whole.listedAt }) }, caseIds };
}
