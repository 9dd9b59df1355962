/**
 * The case root as the loader hands it on: every valid record with the file it
 * came from, grouped by child and home. Types only (load/ fills them in), so
 * every stage reads the model from here.
 */
import type { FieldPath } from '../core/field-path.js';
import type { Span } from '../core/source.js';
import type { FileKindName, RecordOf } from './file-kinds.js';

/** Positions in a file, found again only when a diagnostic asks (load/yaml-document.ts). */
export interface Locator {
  /** Where the value at `path` was written; for a missing field, its nearest ancestor's key. */
  value(path: FieldPath): Span | undefined;
  /** Where the key at `path` was written. */
  key(path: FieldPath): Span | undefined;
  /** The raw scalar at `path`, as written, for messages. */
  source(path: FieldPath): string | undefined;
  /**
   * When the key at `path` is a bare word inside `{ … }` right after another
   * field, it is most likely the rest of that field's value, cut at a comma:
   * returns that field's key and value as written.
   */
  splitByComma(path: FieldPath): { readonly key: string; readonly value: string } | undefined;
  /**
   * The first line (from 1) of the file on which `text` is written, words
   * apart by any white space (a folded YAML scalar breaks its lines), looked
   * for from where `within` (the whole value it stands in) starts when that is
   * found; undefined when it is not there as written. For warnings about text
   * a document printed from this file.
   */
  lineOf?(text: string, within?: string): number | undefined;
}

/** One loaded case file: its validated record, the Markdown body of a note, and where its values were written. */
export interface LoadedFile<K extends FileKindName = FileKindName> {
  readonly file: string;
  readonly kind: K;
  readonly data: RecordOf<K>;
  /** Markdown body of a note (empty for YAML files). */
  readonly body: string;
  /** 1-based line on which the body starts. */
  readonly bodyLine: number;
  /**
   * False when the file's text holds no ":::" anywhere, so no treatment fence
   * (load/checks/treatment-fences.ts looks into the others only; found while the text is at hand).
   */
  readonly mayHoldFence?: boolean;
  readonly locate: Locator;
}

export interface ChildFolder {
  readonly id: string;
  /** Folder path relative to the case root. */
  readonly path: string;
  case?: LoadedFile<'case'>;
  plan?: LoadedFile<'plan'>;
  transition?: LoadedFile<'transition'>;
  readonly contacts: LoadedFile<'contact'>[];
  readonly visits: LoadedFile<'visit'>[];
  readonly assessments: LoadedFile<'assessment'>[];
  readonly courtNotes: LoadedFile<'court-note'>[];
}

export interface HomeFolder {
  readonly id: string;
  readonly path: string;
  home?: LoadedFile<'home'>;
  study?: LoadedFile<'study'>;
}

export interface CaseRoot {
  agency?: LoadedFile<'agency'>;
  /** Sorted by id. */
  readonly children: ChildFolder[];
  readonly homes: HomeFolder[];
  /** The files under assets/ by path, for checking references to them and the images (bytes: images only, up to the size read). */
  readonly assets: ReadonlyMap<string, { readonly size: number; readonly bytes?: Uint8Array }>;
  /** How many case files were read. */
  fileCount: number;
  /** How many of them lie in children's folders (a root checked in parts counts the others once). */
  childFileCount: number;
  /** Every case folder's id, when only some children were loaded (load/root-part.ts). */
  caseIds?: readonly string[];
}
