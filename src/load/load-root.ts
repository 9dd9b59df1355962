/**
 * A case root listing → the loaded model and every diagnostic, in one pass.
 * One bad file never stops the others. Pure: the io layer did the reading.
 */
import { diagnostic, sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { ListedEntry, RootListing } from '../core/listing.js';
import type { FileKindName } from '../model/file-kinds.js';
import { ID_PATTERN } from '../model/primitives.js';
import type { CaseRoot, ChildFolder, HomeFolder } from '../model/case-root.js';
import { runChecks } from './checks/index.js';
import { classify } from './classify.js';
import { decode, tooLarge, MAX_FILE_BYTES } from './decode.js';
import type { LoadedFile } from '../model/case-root.js';
import type { ParseCache, StoredParse } from './parse-cache.js';
import { parseCaseFile, restoredFile, storedRecord } from './parse-file.js';

export interface LoadResult {
  readonly root: CaseRoot;
  readonly diagnostics: Diagnostic[];
}

/** What the memo keeps for one case file: the bytes it was read from and what reading them gave. */
export interface MemoizedFile {
  readonly kind: FileKindName;
  readonly bytes: Uint8Array;
  readonly loaded: LoadedFile | undefined;
  /** The file's own diagnostics (decoding, YAML, schema); the cross-file checks run on every load. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A per-file memo for a long-lived process (`casepress watch` rebuilds after
 * every save), keyed by case-root-relative path. A `Map` will do:
 *
 *     const memo: LoadMemo = new Map();
 *     loadCaseRoot(await listCaseRoot(dir, options), { memo }); // reads every file
 *     loadCaseRoot(await listCaseRoot(dir, options), { memo }); // reads only files whose bytes changed
 *
 * A file whose bytes are identical to the memo's gives the same `LoadedFile`
 * object and diagnostics as last time, without being decoded, parsed or
 * validated again; a changed file is read again and its entry replaced.
 * Entries of files no longer in the listing are deleted. The memo holds each
 * file's bytes (already held by the listing) and its loaded record. Use one
 * memo per case root.
 */
export interface LoadMemo {
  get(path: string): MemoizedFile | undefined;
  set(path: string, file: MemoizedFile): unknown;
  delete(path: string): unknown;
  keys(): Iterable<string>;
}

/**
 * `memo` for a long-lived process, or `cache`: parses kept from an earlier run
 * (parse-cache.ts), so a file whose bytes match its entry is not parsed again.
 * Not both: the cache must see every file loaded, and a memo hit skips it.
 */
export type LoadOptions = ({ readonly memo?: LoadMemo; readonly cache?: never } | { readonly cache?: ParseCache; readonly memo?: never }) & {
  /**
   * The listing is part of the root (root-part.ts): these are the ids of every
   * case folder of the whole root, and the memo keeps the files of the rest.
   */
  readonly caseIds?: readonly string[];
  /** The listing leaves out some homes' folders: these are the ids of every home folder of the whole root. */
  readonly homeIds?: readonly string[];
};

export function loadCaseRoot(listing: RootListing, options: LoadOptions = {}): LoadResult {
  const { memo, cache, caseIds, homeIds } = options;
  const diagnostics: Diagnostic[] = [];
  const children = new Map<string, ChildFolder>();
  const homes = new Map<string, HomeFolder>();
  const root: CaseRoot = { children: [], homes: [], assets: new Map(), fileCount: 0, childFileCount: 0, ...(caseIds ? { caseIds } : {}) };
  const childFolder = (id: string) => getOrAdd(children, id, () => ({ id, path: `children/${id}`, contacts: [], visits: [], assessments: [], courtNotes: [] }));
  const homeFolder = (id: string) => getOrAdd(homes, id, () => ({ id, path: `homes/${id}` }));

  // A folder standing where a file belongs hides whatever is inside it.
  const shadowed: string[] = [];
  for (const entry of listing.entries) {
    if (shadowed.some((dir) => entry.path.startsWith(`${dir}/`))) continue;
    if (entry.path.startsWith('assets/') && entry.type === 'file') (root.assets as Map<string, typeof entry>).set(entry.path, entry);
    if (entry.type === 'problem') {
      diagnostics.push(problemDiagnostic(entry));
      continue;
    }
    const isDir = entry.type === 'dir';
    const place = classify(entry.path, isDir);
    if (place.is === 'ignored') continue;
    if (place.is === 'unexpected') {
      diagnostics.push(unexpectedDiagnostic(entry.path, isDir, place.expected, place.suggestion));
      continue;
    }
    if (place.owner) {
      const { type, id } = place.owner;
      if (!ID_PATTERN.test(id)) {
        if (entry.path === `${type === 'child' ? 'children' : 'homes'}/${id}`) diagnostics.push(badFolderName(entry.path, id));
        continue;
      }
      if (type === 'child') childFolder(id);
      else homeFolder(id);
    }
    if (place.is === 'folder') continue;
    if (isDir) {
      shadowed.push(entry.path);
      diagnostics.push(
        diagnostic('CP1005', {
          file: entry.path,
          message: `"${entry.path}" is a folder, but casepress expects a file with this name`,
          hint: 'rename or remove the folder and put the file there',
        }),
      );
      continue;
    }
    root.fileCount++;
    if (place.owner?.type === 'child') root.childFileCount++;
    const loaded = memo ? readMemoized(memo, entry, place.kind, diagnostics) : readRecord(entry, place.kind, diagnostics, cache);
    // Parsed: the record keeps what it needs, not the bytes (a check that asks where a value was written reads the file again). The memo keeps them to compare.
    if (!memo) entry.release?.();
    if (!loaded) continue;
    attach(root, loaded, place.owner ? (place.owner.type === 'child' ? childFolder(place.owner.id) : homeFolder(place.owner.id)) : undefined);
  }

  if (memo && !caseIds) {
    const listed = new Set(listing.entries.map((e) => e.path));
    for (const path of [...memo.keys()]) if (!listed.has(path)) memo.delete(path);
  }

  root.children.push(...sortById(children));
  root.homes.push(...sortById(homes));
  for (const child of root.children) {
    for (const notes of [child.contacts, child.visits, child.assessments]) notes.sort(byDateThenFile);
    child.courtNotes.sort((a, b) => compare(a.data.hearing, b.data.hearing) || compare(a.file, b.file));
  }
  diagnostics.push(...missingFiles(root, listing), ...runChecks(root, caseIds, homeIds));
  return { root, diagnostics: sortDiagnostics(diagnostics) };
}

function readRecord(entry: Extract<ListedEntry, { type: 'file' }>, kind: FileKindName, diagnostics: Diagnostic[], cache?: ParseCache): LoadedFile | undefined {
  // A file the listing vouched for (it knows its hash) has its bytes read only when they are asked for: a stored parse may do without them.
  if (entry.size > MAX_FILE_BYTES || (entry.sha256 === undefined && !entry.bytes)) {
    diagnostics.push(tooLarge(entry.path, entry.size));
    return undefined;
  }
  const { path } = entry;
  const text = () => decode(path, entry.bytes!).text ?? '';
  const sha256 = cache?.hashOf(path);
  const stored = sha256 === undefined ? undefined : cache!.get(path, kind, sha256);
  if (stored) {
    cache!.keep(path, stored);
    diagnostics.push(...stored.diagnostics);
    return stored.record && restoredFile(path, kind, stored.record, text);
  }
  const own = parseToStore(path, kind, entry.bytes!);
  diagnostics.push(...own.diagnostics);
  if (sha256 !== undefined) cache!.keep(path, { sha256, kind, ...own });
  // Kept as a stored parse is restored: the body and the positions are read from the file again when asked for, so the record holds none of its text.
  return own.record && restoredFile(path, kind, own.record, text);
}

/**
 * A file's own parse as the parse cache keeps it: its diagnostics (decoding,
 * YAML, schema) and, when it is valid, its record without locator or body.
 */
export function parseToStore(path: string, kind: FileKindName, bytes: Uint8Array): Pick<StoredParse, 'record' | 'diagnostics'> {
  const decoded = decode(path, bytes);
  const diagnostics = [...decoded.diagnostics];
  const parsed = decoded.text === undefined ? undefined : parseCaseFile(path, kind, decoded.text, () => decode(path, bytes).text ?? '');
  diagnostics.push(...(parsed?.diagnostics ?? []));
  const record = parsed?.loaded && storedRecord(parsed.loaded, decoded.text!);
  return record ? { record, diagnostics } : { diagnostics };
}

function readMemoized(memo: LoadMemo, entry: Extract<ListedEntry, { type: 'file' }>, kind: FileKindName, diagnostics: Diagnostic[]): LoadedFile | undefined {
  const { path, bytes } = entry;
  const known = memo.get(path);
  if (known && bytes && known.kind === kind && sameBytes(known.bytes, bytes)) {
    diagnostics.push(...known.diagnostics);
    return known.loaded;
  }
  const own: Diagnostic[] = [];
  const loaded = readRecord(entry, kind, own);
  diagnostics.push(...own);
  if (bytes && entry.size <= MAX_FILE_BYTES) memo.set(path, { kind, bytes, loaded, diagnostics: own });
  else memo.delete(path);
  return loaded;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function attach(root: CaseRoot, loaded: LoadedFile, folder: ChildFolder | HomeFolder | undefined): void {
  const child = folder as ChildFolder;
  const home = folder as HomeFolder;
  switch (loaded.kind) {
    case 'agency': root.agency = loaded as LoadedFile<'agency'>; break;
    case 'case': child.case = loaded as LoadedFile<'case'>; break;
    case 'plan': child.plan = loaded as LoadedFile<'plan'>; break;
    case 'transition': child.transition = loaded as LoadedFile<'transition'>; break;
    case 'contact': child.contacts.push(loaded as LoadedFile<'contact'>); break;
    case 'visit': child.visits.push(loaded as LoadedFile<'visit'>); break;
    case 'assessment': child.assessments.push(loaded as LoadedFile<'assessment'>); break;
    case 'court-note': child.courtNotes.push(loaded as LoadedFile<'court-note'>); break;
    case 'home': home.home = loaded as LoadedFile<'home'>; break;
    case 'study': home.study = loaded as LoadedFile<'study'>; break;
  }
}

/** Required files whose absence is not already explained by a diagnostic on them. */
function missingFiles(root: CaseRoot, listing: RootListing): Diagnostic[] {
  const present = new Set(listing.entries.map((e) => e.path));
  const out: Diagnostic[] = [];
  if (!present.has('agency.yaml')) {
    out.push(
      diagnostic('CP1010', {
        file: 'agency.yaml',
        message: root.children.length || root.homes.length ? 'the case root has no agency.yaml' : 'this folder is not a case root: it has no agency.yaml, children/ or homes/',
        hint: 'run `casepress init DIR` to start a case root, or point casepress at the folder that holds agency.yaml',
      }),
    );
  }
  for (const child of root.children) {
    if (!present.has(`${child.path}/case.yaml`)) {
      out.push(diagnostic('CP1008', { file: child.path, message: `the case folder "${child.id}" has no case.yaml`, hint: 'every folder under children/ holds one child\'s case.yaml' }));
    }
  }
  for (const home of root.homes) {
    if (!present.has(`${home.path}/home.yaml`)) {
      out.push(diagnostic('CP1008', { file: home.path, message: `the home folder "${home.id}" has no home.yaml`, hint: 'every folder under homes/ holds one home\'s home.yaml' }));
    }
  }
  return out;
}

function problemDiagnostic(entry: Extract<ListedEntry, { type: 'problem' }>): Diagnostic {
  switch (entry.problem) {
    case 'loop':
      return diagnostic('CP1006', { file: entry.path, message: `a symbolic link loop: ${entry.detail}; it is skipped`, hint: 'remove the link or point it at a real file' });
    case 'broken_link':
      return diagnostic('CP1006', { file: entry.path, message: `a broken symbolic link: ${entry.detail}; it is skipped`, hint: 'remove the link or point it at a real file' });
    case 'outside':
      return diagnostic('CP1011', { file: entry.path, message: `a symbolic link that leads out of the case root: ${entry.detail}; it is not read`, hint: 'copy the file into the case root instead of linking to it' });
    case 'special':
      return diagnostic('CP1001', { file: entry.path, message: `not a regular file or folder (${entry.detail}); it is skipped` });
    case 'unreadable':
      return diagnostic('CP1001', { file: entry.path, message: `the file could not be read: ${entry.detail}`, hint: 'check that you have permission to read it' });
  }
}

function unexpectedDiagnostic(path: string, isDir: boolean, expected: readonly string[], suggestion?: string): Diagnostic {
  const what = isDir ? 'folder' : 'file';
  return diagnostic('CP1009', {
    file: path,
    message: `casepress does not read the ${what} "${path}"; it is ignored`,
    hint: suggestion ? `did you mean "${suggestion}"?` : expected.length ? `this folder holds ${expected.join(', ')}` : 'see the case folder layout in the README',
  });
}

function badFolderName(path: string, id: string): Diagnostic {
  return diagnostic('CP1312', {
    file: path,
    message: `the folder name "${id}" is not a valid id, so its files are not read`,
    hint: 'ids use letters, digits, ".", "_" and "-", start with a letter or digit, and have at most 64 characters',
  });
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function sortById<T extends { id: string }>(map: Map<string, T>): T[] {
  return [...map.values()].sort((a, b) => compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDateThenFile(a: { data: { date: string }; file: string }, b: { data: { date: string }; file: string }): number {
  return compare(a.data.date, b.data.date) || compare(a.file, b.file);
}
