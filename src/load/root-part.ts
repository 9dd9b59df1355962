/**
 * Part of a case root: agency.yaml, the assets, the homes and the children,
 * less what the part leaves out — the other children's folders, the other
 * homes' folders (a part of a build that makes only some children's or homes'
 * documents, which read only the homes they name), and files of the kinds it
 * skips. A build that knows only files inside some children's
 * folders changed since its last clean run (build/local-change.ts), or a
 * command that reads only some children (`court-summary`) or only some kinds
 * of files (`stats`), loads this part alone: the rest is neither read, parsed
 * nor checked. The cross-file checks still see every case and home id of the whole root.
 */
import type { RootListing } from '../core/listing.js';
import { ID_PATTERN } from '../model/primitives.js';
import { SKIPPABLE_PLACES, type SkippableKind } from './classify.js';

export interface PartSpec {
  /** Only these children's folders (the others are left out whole). */
  readonly children?: ReadonlySet<string> | undefined;
  /** Only these homes' folders (the others are left out whole). */
  readonly homes?: ReadonlySet<string> | undefined;
  /** Of each child's folder, only the entries of these names (`case.yaml`): a part whose documents read no more of its children. */
  readonly childFiles?: ReadonlySet<string> | undefined;
  /** Files of these kinds are left out, wherever they are. */
  readonly skip?: ReadonlySet<SkippableKind> | undefined;
}

export interface RootPart {
  /** The listing without what the part leaves out. */
  readonly listing: RootListing;
  /** Every case folder's id in the whole root (what a sibling's `case_id` may name). */
  readonly caseIds: readonly string[];
  /** Every home folder's id in the whole root, when the part leaves some out (what a placement may name). */
  readonly homeIds?: readonly string[];
}

const CHILDREN = 'children/';
const HOMES = 'homes/';
/** Up to this many children, a part's paths are told by prefix. */
const FEW_CHILDREN = 16;

/**
 * Whether the part leaves this path out (a folder: all it holds). The one
 * test of what a part holds: the listing does not walk into such a folder nor
 * list such a file, and the caches keep what they stored of it.
 */
export function leavesOut({ children, homes, childFiles, skip }: PartSpec): (path: string) => boolean {
  const names = { children: new Set<string>(), homes: new Set<string>() };
  for (const kind of skip ?? []) names[SKIPPABLE_PLACES[kind].owner].add(SKIPPABLE_PLACES[kind].name);
  // `<owner>/<id>/<name>…` with that name skipped.
  const skipped = (path: string, start: number, set: ReadonlySet<string>) => set.size > 0 && set.has(nameInFolder(path, start) ?? '');
  // A few children (court-summary's one) are found by prefix below a case folder: slicing out the id of each of 50,000 paths
  // cost more than the rest of the load. A build's part of hundreds is found by its id: hundreds of prefixes per path cost more still.
  const prefixes = children && children.size <= FEW_CHILDREN ? [...children].map((id) => `${CHILDREN}${id}/`) : undefined;
  const holds = (path: string) => {
    const end = path.indexOf('/', CHILDREN.length);
    if (end < 0) return children!.has(path.slice(CHILDREN.length));
    return prefixes ? prefixes.some((prefix) => path.startsWith(prefix)) : children!.has(path.slice(CHILDREN.length, end));
  };
  return (path) => {
    if (path.startsWith(CHILDREN)) {
      if (children && !holds(path)) return true;
      if (childFiles) {
        // (A case folder itself is kept, with only these entries.)
        const name = nameInFolder(path, CHILDREN.length);
        if (name !== undefined && !childFiles.has(name)) return true;
      }
      return skipped(path, CHILDREN.length, names.children);
    }
    if (!path.startsWith(HOMES)) return false;
    if (homes) {
      const end = path.indexOf('/', HOMES.length);
      if (!homes.has(path.slice(HOMES.length, end < 0 ? undefined : end))) return true;
    }
    return skipped(path, HOMES.length, names.homes);
  };
}

/**
 * The name an entry has in its case or home folder (`<owner>/<id>/<name>…` → name; undefined for
 * the folder itself); `start`: where the id starts. (Plain index arithmetic: this runs on each of 50,000 paths.)
 */
export function nameInFolder(path: string, start: number): string | undefined {
  const end = path.indexOf('/', start);
  if (end < 0) return undefined;
  const next = path.indexOf('/', end + 1);
  return path.slice(end + 1, next < 0 ? undefined : next);
}

export function rootPart(whole: RootListing, spec: PartSpec): RootPart {
  const caseIds: string[] = [];
  const homeIds: string[] = [];
  const out = leavesOut(spec);
  /** A case or home folder itself (`<folder><id>`): named for the checks whether or not the part holds it. */
  const name = (path: string, type: string, folder: string, ids: string[]) => {
    if (!path.startsWith(folder) || path.indexOf('/', folder.length) >= 0) return;
    const id = path.slice(folder.length);
    if (type === 'dir' && ID_PATTERN.test(id)) ids.push(id);
  };
  const entries = whole.entries.filter(({ path, type }) => {
    name(path, type, CHILDREN, caseIds);
    if (spec.homes) name(path, type, HOMES, homeIds);
    return !out(path);
  });
  return { listing: { entries, ...(whole.listedAt === undefined ? {} : { listedAt: whole.listedAt }) }, caseIds, ...(spec.homes ? { homeIds } : {}) };
}
