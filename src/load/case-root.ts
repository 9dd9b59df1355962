/** The loaded case root: every valid record, grouped by child and home. */
import type { LoadedFile } from './parse-file.js';

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
  /** Paths of the files under assets/, for checking references to them. */
  readonly assets: ReadonlySet<string>;
  /** How many case files were read. */
  fileCount: number;
}
