/**
 * A full build after a change confined to some children's folders — a note
 * added or edited, a plan revised — makes only what those children's folders
 * make: it loads agency.yaml, the homes and those children (load/root-part.ts)
 * and carries every other output over from its last clean run. That is
 * sound when the snapshot (snapshot.ts) proves:
 * - the same settings and templates, and the manifest as that run wrote it;
 * - every file that changed lies inside an existing child's folder and is not
 *   its case.yaml (which holds what other documents read: the placements a
 *   home's documents list, the ids siblings name); agency.yaml, the homes, the
 *   assets and the set of folders are as they were, so every cross-file check
 *   and every agency-wide input of the other documents gives what it gave;
 * - no recorded output of another subject read a changed file or listing (the
 *   manifest records what each read), the caseload statistics aside: a build
 *   never makes those;
 * - the other outputs still have the stamps that run gave them.
 * Anything else takes the whole root.
 */
import type { FileStamp } from '../core/listing.js';
import type { ManifestText } from './manifest-text.js';
import { changedPaths, type Snapshot } from './snapshot.js';

/** The manifest's own file, whose stamp the snapshot keeps beside the outputs'. */
export const MANIFEST_FILE = 'manifest.json';

export interface StampsNow {
  readonly settings: string;
  readonly root: readonly FileStamp[];
  readonly templates: readonly FileStamp[];
  /** The stamps now of the snapshot's outputs (and of the manifest); a missing file is left out. */
  readonly outputs: readonly FileStamp[];
}

/** The children whose folders (or outputs) changed, when nothing else did; undefined when the whole root must be loaded. */
export function localChange(last: Snapshot, now: StampsNow, manifest: ManifestText): ReadonlySet<string> | undefined {
  if (last.settings !== now.settings || changedPaths(last.templates, now.templates, last.listedAt).length > 0) return undefined;
  const children = new Set<string>();
  const outputsNow = new Map(now.outputs.map((stamp) => [stamp[0], stamp]));
  for (const [path, size, mtime] of last.outputs) {
    const stamp = outputsNow.get(path);
    if (stamp && stamp[1] === size && stamp[2] === mtime) continue;
    // The manifest itself, or an output that is not a child's: the whole root.
    const owner = childOf(path);
    if (!owner) return undefined;
    children.add(owner.id);
  }
  /** Input names (files and listings) another document may have recorded, by the child they belong to. */
  const read: [name: string, owner: string][] = [];
  for (const { path, how } of changedPaths(last.root, now.root, last.listedAt)) {
    const owner = childOf(path);
    if (!owner || owner.rest === 'case.yaml') return undefined;
    const { id } = owner;
    children.add(id);
    read.push([path, id]);
    if (how !== 'changed') read.push([path.slice(0, path.replace(/\/$/, '').lastIndexOf('/') + 1), id]);
  }
  if (children.size === 0 || idsDifferingByCase(now.root)) return undefined;
  // Each child's folder and case.yaml were there and still are (case.yaml unchanged, as above).
  const kept = new Set([...children].flatMap((id) => [`children/${id}/`, `children/${id}/case.yaml`]));
  for (const stamps of [last.root, now.root]) if (stamps.filter(([path]) => kept.has(path)).length !== kept.size) return undefined;
  for (const [name, id] of read) {
    for (const key of manifest.entriesHolding(`${JSON.stringify(name)}:`)) {
      if (!key.startsWith(`children/${id}/`) && manifest.entry(key)?.type !== 'caseload-stats') return undefined;
    }
  }
  return children;
}

/** `children/<id>/<rest>` (rest not empty) → its child. */
function childOf(path: string): { id: string; rest: string } | undefined {
  const match = /^children\/([^/]+)\/(.+)$/.exec(path);
  return match ? { id: match[1]!, rest: match[2]! } : undefined;
}

/** Two case folders whose names differ only by letter case: their outputs would share a file on Windows and macOS (a full build reports it). */
function idsDifferingByCase(stamps: readonly FileStamp[]): boolean {
  const seen = new Set<string>();
  for (const [path] of stamps) {
    if (!path.startsWith('children/') || !path.endsWith('/') || path.indexOf('/', 9) !== path.length - 1) continue;
    const id = path.slice(9, -1);
    if (seen.has(id.toLowerCase())) return true;
    seen.add(id.toLowerCase());
  }
  return false;
}

/** What a build says, in the order it says it: the data's warnings, the rule set's, then the documents'. */
export interface Said {
  readonly data: readonly string[];
  readonly rules: readonly string[];
  readonly documents: readonly string[];
}

/**
 * The last build's warnings with these children's taken out and their data
 * warnings now put in (the documents' come as they are made): a data warning
 * of a file that did not change is the same as it was, since nothing it is
 * checked against changed. `dataNow`: the warnings of the part loaded now,
 * with their files (the homes' and agency.yaml's are said already).
 */
export function carriedWarnings(
  last: readonly string[],
  said: { readonly data: number; readonly rules: number },
  children: ReadonlySet<string>,
  dataNow: readonly { readonly file: string; readonly line: string }[],
  rules: readonly string[],
): Said {
  const owned = (text: string) => children.has(/^children\/([^/:]+)[/:]/.exec(text)?.[1] ?? '');
  const data = last.slice(0, said.data).filter((line) => !owned(line));
  // The data's warnings are in the order of their files: each child's go where its folder sorts.
  for (const id of [...children].sort().reverse()) {
    const prefix = `children/${id}/`;
    const lines = dataNow.filter(({ file }) => file === `children/${id}` || file.startsWith(prefix)).map(({ line }) => line);
    const at = data.findIndex((line) => line > prefix);
    data.splice(at < 0 ? data.length : at, 0, ...lines);
  }
  return { data, rules, documents: last.slice(said.data + said.rules).filter((line) => !owned(line)) };
}
