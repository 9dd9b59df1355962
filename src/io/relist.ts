/**
 * A case root's listing brought up to date after some paths changed, reading
 * only the folders they are in: what watch does after each save instead of
 * reading 5,000 files again. A changed file's folder is listed again whole
 * (so adds, deletes and renames within it come out right); a changed folder
 * is listed again with everything under it; a change at the top of the root
 * (agency.yaml) lists the whole root.
 */
import { join } from 'node:path';
import type { ListedEntry, RootListing } from '../core/listing.js';
import { ListedFile, listCaseRoot, type ListOptions } from './list-root.js';

/** A change relative to the root, with `/` separators; `folder` when the path itself is a folder. */
export interface ChangedPath {
  readonly path: string;
  readonly folder: boolean;
}

/** (Without `known`: every entry is read, so a copy of it with its path rebased keeps its bytes.) */
export async function relist(root: string, previous: RootListing, changed: readonly ChangedPath[], options: Omit<ListOptions, 'known'>): Promise<RootListing> {
  const folders = outermost(changed.map((c) => (c.folder ? c.path : c.path.split('/').slice(0, -1).join('/'))));
  if (folders.includes('')) return listCaseRoot(root, options);
  const under = (path: string) => folders.some((f) => path === f || path.startsWith(`${f}/`));
  const entries: ListedEntry[] = previous.entries.filter((e) => !under(e.path));
  for (const folder of folders) {
    // A folder that is gone now (deleted, renamed away) simply has no entries.
    const listing = await listCaseRoot(join(root, folder), { ...options, boundary: root }).catch(() => undefined);
    if (!listing) continue;
    entries.push({ type: 'dir', path: folder });
    for (const entry of listing.entries) {
      const path = entry.path === '.' ? folder : `${folder}/${entry.path}`;
      entries.push(entry instanceof ListedFile ? entry.at(path) : { ...entry, path });
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries };
}

/** The folders without those inside another of them. */
function outermost(folders: readonly string[]): string[] {
  const unique = [...new Set(folders)].sort();
  return unique.filter((f) => !unique.some((g) => g !== f && (g === '' || f.startsWith(`${g}/`))));
}
