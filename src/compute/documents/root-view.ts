/**
 * The case root as a document builder reads it: through a view that records
 * every file, every listing and every agency-wide list the builder touches.
 * That record is the document's inputs (its fingerprint in the build, and what
 * watch looks up after a save): nothing is listed by hand, so nothing a
 * document depends on can be missed.
 *
 * An input is named by one of:
 * - a case-root-relative file path (`children/C-1/case.yaml`), present or not;
 * - a listing, the folder with a trailing `/` (`children/C-1/contacts/`): which notes it holds;
 * - an agency-wide value, `@…` (`@foster-families`, `@children-placed-in/H-1`): computed once
 *   per build, and hashed as exactly what the builders may read of it, so editing a home's
 *   training hours changes no court report, but renaming a household member changes them all.
 */
import type { CaseRoot, ChildFolder, HomeFolder, Locator } from '../../model/case-root.js';
import type { Home } from '../../model/home.js';
import type { Sourced } from './context.js';

/** What every document reads: the agency (its hash is also a shared part of every fingerprint). */
export const AGENCY_INPUT = 'agency.yaml';
/** Every home's household names, street and phone: what a court copy guards against, and who is a foster parent. */
export const FOSTER_FAMILIES_INPUT = '@foster-families';
/** Prefix of a home's list of the children whose placements link to it. */
export const PLACED_IN_INPUT = '@children-placed-in/';
/** Which children and homes the root holds (the caseload statistics read them all). */
export const ALL_CHILDREN_INPUT = '@children';
export const ALL_HOMES_INPUT = '@homes';

/** What a copy may know of one foster family: the household's names and roles, the street, the phone. */
export interface FosterFamily {
  readonly file: string;
  readonly data: {
    readonly id: string;
    /** A kinship home's caregivers are named in a court copy. */
    readonly type: Home['type'];
    readonly household: readonly Pick<Home['household'][number], 'name' | 'role'>[];
    readonly address: Pick<Home['address'], 'street'>;
    readonly phone?: Home['phone'];
  };
}

export interface FosterFamilies {
  /** Every home's family, by home id. */
  readonly list: readonly FosterFamily[];
  /** Adult household name (normalized: `nameKey`) → the first home that holds it. */
  readonly byName: ReadonlyMap<string, FosterFamily>;
}

export const nameKey = (name: string): string => name.normalize('NFC').trim().toLowerCase();

/** What a build computes of the root once, for every job's view and for the inputs' current hashes. */
export interface RootIndex {
  readonly children: ReadonlyMap<string, ChildFolder>;
  readonly homes: ReadonlyMap<string, HomeFolder>;
  readonly fosterFamilies: FosterFamilies;
  /** Home id → the children whose placements link to it, in the root's order. */
  readonly placedIn: ReadonlyMap<string, readonly ChildFolder[]>;
}

/** The homes a child's placements link to, each once. */
export function homesPlacedIn(child: ChildFolder): Set<string> {
  return new Set((child.case?.data.placements ?? []).flatMap((p) => (p.home ? [p.home] : [])));
}

/** `families`: the homes' families as another part of the same root indexed them (every part holds every home), so guards made of them are made once. */
export function indexRoot(root: CaseRoot, families?: FosterFamilies): RootIndex {
  const list: FosterFamily[] = [];
  const byName = new Map<string, FosterFamily>();
  for (const folder of families ? [] : root.homes) {
    const home = folder.home;
    if (!home) continue;
    const { id, type, household, address, phone } = home.data;
    const family: FosterFamily = {
      file: home.file,
      data: { id, type, household: household.map(({ name, role }) => ({ name, role })), address: { street: address.street }, ...(phone ? { phone } : {}) },
    };
    list.push(family);
    for (const member of household) if (member.role !== 'child' && !byName.has(nameKey(member.name))) byName.set(nameKey(member.name), family);
  }
  const placedIn = new Map<string, ChildFolder[]>();
  for (const child of root.children) for (const home of homesPlacedIn(child)) getOrAdd(placedIn, home).push(child);
  return {
    children: new Map(root.children.map((c) => [c.id, c])),
    homes: new Map(root.homes.map((h) => [h.id, h])),
    fosterFamilies: families ?? { list, byName },
    placedIn,
  };
}

/**
 * What an input that is not a file stands for now (a listing, an agency-wide
 * value), as plain values to hash; undefined for a file (the build hashes its bytes).
 */
export function derivedInput(index: RootIndex, name: string): unknown {
  if (name === FOSTER_FAMILIES_INPUT) return index.fosterFamilies.list;
  if (name === ALL_CHILDREN_INPUT) return [...index.children.keys()];
  if (name === ALL_HOMES_INPUT) return [...index.homes.keys()];
  if (name.startsWith(PLACED_IN_INPUT)) return (index.placedIn.get(name.slice(PLACED_IN_INPUT.length)) ?? []).map((c) => c.path);
  if (!name.endsWith('/')) return undefined;
  const [top, id, folder] = name.split('/');
  const child = top === 'children' && id ? index.children.get(id) : undefined;
  const notes = child && folder ? LISTINGS[folder]?.(child) : undefined;
  return (notes ?? []).map((n) => n.file);
}

/** The folders of a child whose notes a builder reads as a list (load/classify.ts names them). */
const LISTINGS: Readonly<Record<string, (child: ChildFolder) => readonly { readonly file: string }[]>> = {
  contacts: (c) => c.contacts,
  visits: (c) => c.visits,
  assessments: (c) => c.assessments,
  court: (c) => c.courtNotes,
};

/** What a home's documents may read of a child placed in it. */
export type PlacedChild = Pick<ChildFolder, 'id' | 'path' | 'case' | 'plan'>;

/** The case root as one document reads it; `inputs` is what it has read so far. */
export interface RootView {
  /** A child's folder whose every file and listing is recorded when read. */
  child(folder: ChildFolder): ChildFolder;
  /** A home's folder whose files are recorded when read. */
  home(folder: HomeFolder): HomeFolder;
  /** The home of this id (its home.yaml, recorded), for a placement that links to it. */
  homeById(id: string): Sourced<Home> | undefined;
  /** Every foster family (recorded as one input). */
  readonly fosterFamilies: FosterFamilies;
  /**
   * The children whose placements link to the home (the list recorded; each child's files when read):
   * only their case records and service plans, which is all a build in parts loads of them
   * for the homes' documents (build/parts.ts READ_BY_HOMES_DOCUMENTS).
   */
  placedIn(homeId: string): readonly PlacedChild[];
  /** Every child's folder (the list recorded; each child's files when read). */
  children(): readonly ChildFolder[];
  /** Every home's folder (the list recorded; each home's files when read). */
  homes(): readonly HomeFolder[];
  /** Where the values of a file the document read were written (for warnings that name a line); nothing is recorded. */
  locate(file: string): Locator | undefined;
  readonly inputs: ReadonlySet<string>;
}

export function viewRoot(index: RootIndex): RootView {
  const inputs = new Set<string>([AGENCY_INPUT]);
  const read = <T>(name: string, value: T): T => {
    inputs.add(name);
    return value;
  };
  const notes = <T extends { readonly file: string }>(folder: ChildFolder, name: string, files: T[]): T[] => {
    inputs.add(`${folder.path}/${name}/`);
    for (const f of files) inputs.add(f.file);
    return files;
  };
  const child = (folder: ChildFolder): ChildFolder => ({
    id: folder.id,
    path: folder.path,
    get case() {
      return read(`${folder.path}/case.yaml`, folder.case);
    },
    get plan() {
      return read(`${folder.path}/plan.yaml`, folder.plan);
    },
    get transition() {
      return read(`${folder.path}/transition.yaml`, folder.transition);
    },
    get contacts() {
      return notes(folder, 'contacts', folder.contacts);
    },
    get visits() {
      return notes(folder, 'visits', folder.visits);
    },
    get assessments() {
      return notes(folder, 'assessments', folder.assessments);
    },
    get courtNotes() {
      return notes(folder, 'court', folder.courtNotes);
    },
  });
  const home = (folder: HomeFolder): HomeFolder => ({
    id: folder.id,
    path: folder.path,
    get home() {
      return read(`${folder.path}/home.yaml`, folder.home);
    },
    get study() {
      return read(`${folder.path}/study.md`, folder.study);
    },
  });
  return {
    child,
    home,
    children: () => read(ALL_CHILDREN_INPUT, [...index.children.values()]).map(child),
    homes: () => read(ALL_HOMES_INPUT, [...index.homes.values()]).map(home),
    homeById(id) {
      const home = read(`homes/${id}/home.yaml`, index.homes.get(id)?.home);
      return home && { file: home.file, data: home.data, body: home.body };
    },
    get fosterFamilies() {
      return read(FOSTER_FAMILIES_INPUT, index.fosterFamilies);
    },
    placedIn: (homeId) => read(`${PLACED_IN_INPUT}${homeId}`, index.placedIn.get(homeId) ?? []).map(child),
    locate: (file) => loadedFile(index, file)?.locate,
    inputs,
  };
}

/** A loaded file of the root by its path: children/<id>/… or homes/<id>/…. */
function loadedFile(index: RootIndex, file: string): { readonly locate: Locator } | undefined {
  const [area, id] = file.split('/');
  if (area === 'homes') {
    const home = index.homes.get(id ?? '');
    return [home?.home, home?.study].find((f) => f?.file === file);
  }
  const child = area === 'children' ? [...index.children.values()].find((c) => c.path === `children/${id}`) : undefined;
  if (!child) return undefined;
  return [child.case, child.plan, child.transition, ...child.contacts, ...child.visits, ...child.assessments, ...child.courtNotes].find((f) => f?.file === file);
}

function getOrAdd<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
