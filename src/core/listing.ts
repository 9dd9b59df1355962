/**
 * What the file system holds under a case root, as the io layer found it.
 * The loader reads only this (no file system access of its own).
 */
export type ListedEntry =
  | { readonly type: 'file'; readonly path: string; readonly size: number; readonly bytes?: Uint8Array }
  | { readonly type: 'dir'; readonly path: string }
  | {
      readonly type: 'problem';
      readonly path: string;
      readonly problem: 'loop' | 'broken_link' | 'unreadable' | 'special';
      readonly detail: string;
    };

/** Paths are relative to the case root, with `/` separators, sorted. */
export interface RootListing {
  readonly entries: readonly ListedEntry[];
}

/** Files the loader reads: the io layer loads bytes only for these. */
export function isCaseTextFile(path: string): boolean {
  return /\.(ya?ml|md)$/i.test(path);
}

/** Images under assets/, as the build reads them: the loader checks their bytes (load/checks/images.ts). */
export function isAssetImage(path: string): boolean {
  return path.startsWith('assets/') && /\.(png|jpe?g)$/i.test(path);
}

/** A file as a no-change check sees it: [path relative to its folder with `/` separators, size in bytes, mtime in ms]. */
export type FileStamp = readonly [path: string, size: number, mtimeMs: number];
