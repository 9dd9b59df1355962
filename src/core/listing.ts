/**
 * What the file system holds under a case root, as the io layer found it.
 * The loader reads only this (no file system access of its own).
 */
export type ListedEntry =
  | {
      readonly type: 'file';
      readonly path: string;
      readonly size: number;
      /** Modification time in ms, for the stamps of a full build (build/snapshot.ts). */
      readonly mtimeMs?: number;
      /**
       * The bytes of a case text file (none when it is too large). With `sha256`
       * they are read only when first asked for, and must still hash to it.
       */
      readonly bytes?: Uint8Array;
      /** The sha256 the bytes had when this stamp was last read (a stamp the snapshot vouches for); the file was not read. */
      readonly sha256?: string;
      /**
       * Lets the bytes go once the loader has read them (io/list-root.ts ListedFile):
       * asked for again, they are read from disk and must hash as they did.
       */
      readonly release?: () => void;
    }
  | { readonly type: 'dir'; readonly path: string }
  | {
      readonly type: 'problem';
      readonly path: string;
      /** `outside`: a symbolic link whose target is not inside the case root. */
      readonly problem: 'loop' | 'broken_link' | 'unreadable' | 'special' | 'outside';
      readonly detail: string;
    };

/** Paths are relative to the case root, with `/` separators, sorted. */
export interface RootListing {
  readonly entries: readonly ListedEntry[];
  /** Wall-clock ms when the listing began: a stamp this recent may hide a later edit (snapshot.ts). */
  readonly listedAt?: number;
}

/** Files the loader reads: the io layer loads bytes only for these. */
export function isCaseTextFile(path: string): boolean {
  return /\.(ya?ml|md)$/i.test(path);
}

/** Images under assets/, as the build reads them: the loader checks their bytes (load/checks/images.ts). */
export function isAssetImage(path: string): boolean {
  return path.startsWith('assets/') && /\.(png|jpe?g)$/i.test(path);
}

/** Files whose bytes the io layer loads: case text files, and the images the loader checks. */
export function readsBytes(path: string): boolean {
  return isCaseTextFile(path) || isAssetImage(path);
}

/**
 * A file as a no-change check sees it: [path relative to its folder with `/`
 * separators, size in bytes, mtime in ms, and for a case text file of the root
 * the sha256 of its bytes].
 */
export type FileStamp = readonly [path: string, size: number, mtimeMs: number, sha256?: string];

/** The sha256 a file had when last read, if its stamp says it is unchanged since (build/snapshot.ts decides). */
export type KnownHash = (path: string, size: number, mtimeMs: number) => string | undefined;
