/**
 * What the build engine needs from the world, passed in: the engine
 * (run.ts) never touches node:fs, the process or the clock itself
 * (architecture.md). io/ provides the real file system and clock, cli/ the
 * reporting and the reading of the root and the templates; tests pass fakes
 * (an in-memory file system, a fixed clock, a report that records).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { FileStamp, KnownHash, RootListing } from '../core/listing.js';
import type { EntryCodec } from '../core/parted-listing.js';
import type { ImageSet } from '../document/ast.js';
import type { LoadMemo } from '../load/load-root.js';
import type { SkippableKind } from '../load/classify.js';
import type { CaseRoot } from '../model/case-root.js';
import type { FontSet } from '../render/pdf/index.js';
import type { DocType, Job } from './jobs.js';
import type { TemplateFiles } from './render-document.js';

/** The file system as a build uses it: its outputs, the manifest, the snapshot, the warnings file. */
export interface FileSystem {
  /** A file's bytes; undefined when it cannot be read. */
  read(path: string): Promise<Uint8Array | undefined>;
  /**
   * Every file under a folder (the templates) with its size, modification time
   * and sha256 (`known`'s, or read now), sorted by path. Undefined when the
   * folder cannot be read or holds something that is not a file.
   */
  list(folder: string, known: KnownHash): FileStamp[] | undefined;
  /** The stamps of these files under `folder`; a missing one is left out. */
  stat(folder: string, paths: readonly string[]): FileStamp[];
  /** Readers see the old content or the new, never half of one. Rejects with the system's error (its `code`). */
  /** Text may come in pieces (a large manifest: build/manifest.ts manifestChunks). */
  writeAtomic(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void>;
  /** Removes a file; a missing one is no error. Rejects with the system's error. */
  remove(path: string): Promise<void>;
  /** A new, empty scratch file at this path (its folder made); throws the system's error when it cannot be made. */
  scratch(path: string): ScratchFile;
  /** A file opened to be read by offset (the last manifest); undefined when it cannot be opened. */
  openRead(path: string): ReadableFile | undefined;
}

/**
 * A file read by offset as it was when opened: a file replaced by a rename
 * (writeAtomic) is still read as it was until closed.
 */
export interface ReadableFile {
  readonly size: number;
  /** The bytes from `offset`, `length` of them (fewer when the file ends before). */
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

/** A file written piece by piece and read back by offset while a build runs (the new manifest's entries), removed when closed. */
export interface ScratchFile {
  /** Appends the bytes; returns the offset they start at. */
  append(bytes: Uint8Array): number;
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

export interface Clock {
  /** Today's date (YYYY-MM-DD) in a time zone. */
  today(timeZone?: string): string;
  /** Milliseconds from some fixed point, for how long a build took. */
  now(): number;
}

/** Diagnostics with what a reporter needs to print them (cli/report.ts). */
export interface DiagnosticReport {
  readonly diagnostics: readonly Diagnostic[];
  /** How a diagnostic's root-relative path is shown (e.g. prefixed with the root the user typed). */
  readonly displayPath: (file: string) => string;
  /** The text of a file, for code frames (read again from disk). */
  readonly sourceOf: (file: string) => string | undefined;
  readonly filesChecked: number;
}

/** A case root read and loaded (cli/read-root.ts reads it from disk). */
export interface ReadRoot {
  readonly root: CaseRoot;
  readonly diagnostics: Diagnostic[];
  /** Everything a reporter needs to print the diagnostics. */
  readonly report: DiagnosticReport;
  /**
   * The bytes of a case file as read (case-root-relative path): read from disk
   * again, and refused when they no longer hash as they did (the process keeps
   * no file's bytes once it is loaded).
   */
  readonly bytesOf: (path: string) => Uint8Array | undefined;
  /** The sha256 of a case file's bytes as read, hashed once (undefined when it was not read). */
  readonly hashOf: (path: string) => string | undefined;
}

export interface ReadRootOptions {
  /** Reuse the records of files unchanged since the last read (a long-lived process such as watch keeps one per root). */
  readonly memo?: LoadMemo;
  /**
   * How to list the root; default: list every file (watch lists again only the
   * folders that changed). Given `children`, it may leave out the entries of
   * the other children's folders (a build in parts: core/parted-listing.ts).
   */
  readonly list?: (children: ReadonlySet<string> | undefined) => Promise<RootListing>;
  /**
   * A folder in which to keep each file's parse between runs (load/parse-cache.ts),
   * so only the files whose bytes changed are parsed. Not with `memo`.
   */
  readonly parseCache?: string;
  /**
   * Load only agency.yaml, the assets, every home and these children (load/root-part.ts):
   * a full build that knows nothing else changed since its last clean run (local-change.ts),
   * one part of a large root (parts.ts), or a command that makes one child's documents
   * (`court-summary`), which reads and checks that child and what its documents read, and
   * not the other children's files.
   */
  readonly children?: ReadonlySet<string>;
  /**
   * Load only these homes' folders (with `children`): a part of a build in parts
   * whose documents read no other home (parts.ts). The checks still know every home's id.
   */
  readonly homes?: ReadonlySet<string>;
  /**
   * Of each child's folder, load only the entries of these names (with `children`): a part
   * of a build in parts whose documents read only its children's case records and plans (parts.ts).
   */
  readonly childFiles?: ReadonlySet<string>;
  /**
   * Leave the files of these kinds unread, unparsed and unchecked (load/root-part.ts):
   * a command whose documents never read them (`stats`: build/jobs.ts NOT_READ_BY_STATS).
   */
  readonly skip?: ReadonlySet<SkippableKind>;
  /**
   * Parse a large root the parse cache does not hold on a second thread
   * (cli/parse-ahead.ts): a first run's load takes about a third less time
   * and about 175 MB more memory at 2,000 children. `stats`, whose load is
   * most of its time, asks for it; a build, whose load is a few percent of
   * its time and whose rendering threads need the memory, does not.
   */
  readonly parseAhead?: boolean;
}

/** What a cached value depends on besides its key: source folders of casepress and packages (io/cache-shards.ts codeIdentity). */
export interface CodeParts {
  readonly folders: readonly string[];
  readonly packages: readonly string[];
}

/** What a build reads besides its outputs: the case root, the templates, the assets and fonts, a cache beside the outputs. */
export interface Sources {
  /** casepress's version, in every fingerprint. */
  readonly version: string;
  /** The bundled templates folder, used unless --templates names another. */
  readonly templatesDir: string;
  /**
   * The case root's files, stamped and hashed (a full build's snapshot.ts):
   * those whose stamps `known` vouches for are read only when their bytes are
   * asked for. Give the listing to `readRoot` as `list`.
   */
  listRoot(root: string, known: KnownHash): Promise<RootListing>;
  /** How the listing's entries are written to a scratch file while a root is built in parts (core/parted-listing.ts); without it, the listing stays in memory. */
  readonly listingCodec?: EntryCodec;
  readRoot(root: string, options: ReadRootOptions): Promise<ReadRoot>;
  /** A template and its partials; rejects with the error the user sees when it cannot be read. */
  readTemplate(path: string): Promise<TemplateFiles>;
  /** Every image under <root>/assets, keyed as templates write them ("assets/logo.png"). */
  readAssets(root: string): Promise<ImageSet>;
  loadFonts(): Promise<FontSet>;
  /** Caches made when casepress itself was built (its templates prepared), read when the output folder's have no entry. */
  readonly bundledCache?: string;
  /** A value stored under `dir` by code of this identity, or undefined. */
  readCache(dir: string, shard: string, code: CodeParts): unknown;
  /** Stores the value; the folder then holds only it. A failure costs the next build time, never correctness. */
  writeCache(dir: string, shard: string, value: unknown, code: CodeParts): Promise<void>;
}

export interface TypeCounts {
  built: number;
  skipped: number;
  failed: number;
}

export interface FailedDocument {
  /** Output path under --out, without the extension. */
  readonly output: string;
  readonly type: DocType;
  readonly subject: string;
}

/** A document done: built (with the formats written), up to date, or failed (`why`: what follows its name). */
export type DocumentDone =
  | { readonly kind: 'built'; readonly job: Job; readonly path: string; readonly formats: readonly string[] }
  | { readonly kind: 'skipped'; readonly job: Job }
  | { readonly kind: 'failed'; readonly job: Job; readonly why: string };

/** A recorded output a full build no longer makes: removed, dropped from the manifest (already gone), kept (changed by someone), or not removable. */
export interface Pruned {
  readonly kind: 'removed' | 'dropped' | 'kept' | 'unremovable';
  /** The file under --out. */
  readonly file: string;
  readonly reason: string;
  /** Why it could not be removed (an error code). */
  readonly error?: string;
}

/** How a build ended, for its last lines. */
export interface BuildSummary {
  readonly asOf: string;
  readonly elapsedMs: number;
  readonly counts: Readonly<Record<DocType, TypeCounts>>;
  /** Documents looked at (built, up to date, failed). */
  readonly documents: number;
  readonly built: number;
  readonly failed: readonly FailedDocument[];
  readonly warnings: number;
  /** Where every warning is kept (a full build). */
  readonly warningsFile?: string;
  readonly manifest: string;
  /** Nothing was read: the stamps of the last build matched (snapshot.ts). */
  readonly replayed: boolean;
  readonly strict: boolean;
}

/**
 * What a build says, as it happens. The command line words it (cli/build-report.ts);
 * watch keeps most of it back and says one line per rebuild.
 */
export interface Report {
  /** Diagnostics to print: the data's errors, output paths that clash, documents that failed. */
  diagnostics(report: DiagnosticReport): void;
  /** The data had errors (printed just before): nothing was built. */
  dataErrors(): void;
  /** No document is due as of this day. */
  nothingDue(asOf: string): void;
  /** Documents are looked at: this many. */
  start(total: number): void;
  /** A warning (filing readiness, the data's, the rule set's), every one, in order. */
  warning(line: string): void;
  done(document: DocumentDone): void;
  /** No more documents. */
  stop(): void;
  pruned(event: Pruned): void;
  finished(summary: BuildSummary): void;
}

/** All the build needs from outside. */
export interface BuildPorts {
  readonly files: FileSystem;
  readonly clock: Clock;
  readonly report: Report;
  readonly sources: Sources;
}
