/**
 * A full build of a large root works through it in parts, so the memory it
 * holds does not grow with the root: each part loads agency.yaml, the assets,
 * every home and only some children (load/root-part.ts), makes its documents
 * and lets them go before the next part is loaded.
 * - A child's documents read its own folder, the homes and agency.yaml (as a
 *   build of some changed children has it: local-change.ts): the children are
 *   cut into parts of a few hundred, in the root's order.
 * - A home's documents read the children placed in it (root-view.ts
 *   `placedIn`): the homes come after the children, in parts whose homes have
 *   together at most as many children placed in them (a home with more still
 *   makes a part alone).
 * - Neither reads any other home: a part loads only the homes its children
 *   are placed in (a home's: its own), but the first, whose homes give every
 *   part the foster families a court copy guards (root-view.ts `indexRoot`).
 * Each recorded output belongs to the one part that makes its subject's
 * documents, and that part decides whether it is superseded; an output whose
 * case or home is gone belongs to the last part, which holds neither.
 */
import type { RootListing } from '../core/listing.js';
import { nameInFolder } from '../load/root-part.js';
import { ID_PATTERN } from '../model/primitives.js';
import type { Job } from './jobs.js';

/** Children a part loads at most (about 25 MB of records for 500 generated children). */
export const CHILDREN_PER_PART = 500;

export interface BuildPart {
  /** The names under children/ the part loads (undefined: all). */
  readonly children?: ReadonlySet<string>;
  /** The names under homes/ the part loads (undefined: all). */
  readonly homes?: ReadonlySet<string>;
  /** Of each child's folder, the entries the part loads (undefined: all). */
  readonly childFiles?: ReadonlySet<string>;
  /** Whether a planned job is this part's to make. */
  readonly makes: (job: Job) => boolean;
  /** Whether a recorded output (a manifest key) is this part's to keep or remove. */
  readonly owns: (path: string) => boolean;
}

/** The whole root as one part. */
export const WHOLE_ROOT: BuildPart = { makes: () => true, owns: () => true };

const CHILDREN = 'children/';
const HOMES = 'homes/';

/** `<folder>/<id>/…` → id (undefined for any other path). */
function subjectOf(path: string, folder: string): string | undefined {
  if (!path.startsWith(folder)) return undefined;
  const end = path.indexOf('/', folder.length);
  return end < 0 ? undefined : path.slice(folder.length, end);
}

/** The part that makes these children's documents (`names`: their folders under children/). */
export function childrenPart(names: ReadonlySet<string>): BuildPart {
  return {
    children: names,
    makes: (job) => job.output.startsWith(CHILDREN) && names.has(job.subject),
    owns: (path) => names.has(subjectOf(path, CHILDREN) ?? ''),
  };
}

/**
 * The children's parts: `caseIds` (every case folder, in the root's order) in
 * slices of `size`; `others`, the names under children/ that are no case
 * folder (each is checked, and makes nothing), with the first.
 */
export function childrenParts(caseIds: readonly string[], others: readonly string[], size = CHILDREN_PER_PART): BuildPart[] {
  const parts: BuildPart[] = [];
  for (let at = 0; at === 0 || at < caseIds.length; at += size) parts.push(childrenPart(new Set([...(at === 0 ? others : []), ...caseIds.slice(at, at + size)])));
  return parts;
}

/**
 * What a home's documents read of the children placed in it
 * (compute/documents/root-view.ts PlacedChild): their case records and
 * service plans, so a homes' part loads no more of them. A homes' part has
 * about 50 homes and their 500 children: loading each child whole cost a
 * 20,000-child build 60–70 MB at its peak, in its last minutes.
 */
export const READ_BY_HOMES_DOCUMENTS: ReadonlySet<string> = new Set(['case.yaml', 'plan.yaml']);

/** The first of a document's inputs inside a child's folder that is not among `childFiles` (what its part loaded of each child). */
export function readBeyond(inputs: Iterable<string>, childFiles: ReadonlySet<string>): string | undefined {
  for (const input of inputs) {
    if (!input.startsWith(CHILDREN)) continue;
    const name = nameInFolder(input, CHILDREN.length);
    if (name === undefined || !childFiles.has(name)) return input;
  }
  return undefined;
}

/**
 * The homes' parts: `homeIds` in the root's order, each part as many homes as
 * keep the children placed in them (`placedIn`) within `size`; each loads
 * those children (of each, READ_BY_HOMES_DOCUMENTS).
 */
export function homeParts(homeIds: readonly string[], placedIn: ReadonlyMap<string, readonly string[]>, size = CHILDREN_PER_PART): BuildPart[] {
  const parts: BuildPart[] = [];
  let homes = new Set<string>();
  let children = new Set<string>();
  const close = () => {
    if (homes.size === 0) return;
    const own = homes;
    parts.push({ children, homes: own, childFiles: READ_BY_HOMES_DOCUMENTS, makes: (job) => job.output.startsWith(HOMES) && own.has(job.subject), owns: (path) => own.has(subjectOf(path, HOMES) ?? '') });
    homes = new Set();
    children = new Set();
  };
  for (const home of homeIds) {
    const placed = placedIn.get(home) ?? [];
    if (homes.size > 0 && children.size + placed.filter((id) => !children.has(id)).length > size) close();
    homes.add(home);
    for (const id of placed) children.add(id);
  }
  close();
  return parts;
}

/**
 * The children's parts (`childrenParts`) as they are checked: each but the
 * first without any home. A child's checks need only the homes' ids, which a
 * part of the root knows (load/root-part.ts); the messages about the homes
 * are the first part's (check-parts.ts).
 */
export function checkedWithoutHomes(parts: readonly BuildPart[]): BuildPart[] {
  return parts.map((part, at) => (at === 0 ? part : { ...part, homes: new Set<string>() }));
}

/**
 * The children's parts (`childrenParts`), each but the first loading only the
 * homes its children are placed in (`placedIn`: home id → case ids).
 */
export function withTheirHomes(parts: readonly BuildPart[], placedIn: ReadonlyMap<string, readonly string[]>): BuildPart[] {
  const partOf = new Map<string, number>();
  parts.forEach((part, at) => {
    for (const name of part.children ?? []) partOf.set(name, at);
  });
  const homes = parts.map(() => new Set<string>());
  for (const [home, children] of placedIn) for (const child of children) homes[partOf.get(child)!]?.add(home);
  return parts.map((part, at) => (at === 0 ? part : { ...part, homes: homes[at]! }));
}

/** The last part also owns every recorded output no part owns (its case or home is gone, or it is the statistics'). */
export function withTheRest(parts: readonly BuildPart[]): BuildPart[] {
  const last = parts[parts.length - 1];
  if (!last) return [];
  const ownedElsewhere = (path: string) => parts.some((part) => part !== last && part.owns(path));
  return [...parts.slice(0, -1), { ...last, owns: (path) => last.owns(path) || !ownedElsewhere(path) }];
}

/** What a root's listing holds under children/: the case folders, and the other names. */
export function childrenNames(listing: RootListing): { caseIds: string[]; others: string[] } {
  const caseIds: string[] = [];
  const others: string[] = [];
  for (const { path, type } of listing.entries) {
    if (!path.startsWith(CHILDREN) || path.indexOf('/', CHILDREN.length) >= 0) continue;
    const name = path.slice(CHILDREN.length);
    (type === 'dir' && ID_PATTERN.test(name) ? caseIds : others).push(name);
  }
  return { caseIds, others };
}
