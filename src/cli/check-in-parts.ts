/**
 * `validate` of a root of any size in memory that does not grow with it: the
 * root is checked in parts of a few hundred children. agency.yaml, the assets
 * and the homes are read and parsed once, and kept (each part's load finds
 * them in a memo); each part's children are read, parsed, checked and let go
 * before the next part is read. The cross-file checks of a part see every
 * case id and every home (load/root-part.ts, as `court-summary`'s part does),
 * so each child's diagnostics are those a load of the whole root gives it, and
 * the rest (agency, assets, homes) are taken from the part with no children.
 */
import { join, normalize } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { ListedEntry } from '../core/listing.js';
import type { DiagnosticReport } from '../build/ports.js';
import { narrativeDiagnostics } from '../build/narrative-check.js';
import { listCaseRoot, releaseBytes } from '../io/list-root.js';
import { MAX_FILE_BYTES } from '../load/decode.js';
import { loadCaseRoot, type LoadMemo, type MemoizedFile } from '../load/load-root.js';
import { leavesOut, rootPart } from '../load/root-part.js';
import { checkRoot, textOf } from './read-root.js';

/** Children per part: a part's files and records are what is held at once (about 25 MB of bytes for 500 generated children). */
const CHILDREN_PER_PART = 500;

const CHILDREN = 'children/';

export async function checkRootInParts(rootArg: string, childrenPerPart = CHILDREN_PER_PART): Promise<{ diagnostics: Diagnostic[]; report: DiagnosticReport }> {
  await checkRoot(rootArg);
  // Everything but what the children's folders hold: those folders are listed, not walked into.
  const none = { children: new Set<string>() };
  const outer = await listCaseRoot(rootArg, { maxFileBytes: MAX_FILE_BYTES, leavesOut: leavesOut(none) });
  const { caseIds } = rootPart(outer, none);
  const inParts = new Set(caseIds);
  const memo = new OuterMemo();
  const sources = new Map<string, Extract<ListedEntry, { type: 'file' }>>();
  const diagnostics: Diagnostic[] = [];

  /** Loads and checks the outer files with these children; keeps the diagnostics `keep` takes. */
  const check = (children: readonly string[], inner: readonly ListedEntry[], keep: (d: Diagnostic) => boolean) => {
    const ids = new Set(children);
    // The outer listing without the other children's folders (each part holds only its own), then the part's files.
    const entries = [...outer.entries.filter(({ path }) => !isCaseFolder(path, inParts) || ids.has(path.slice(CHILDREN.length))), ...inner];
    const { root, diagnostics: loaded } = loadCaseRoot({ entries }, { memo, caseIds });
    const files = new Map(entries.flatMap((e) => (e.type === 'file' ? [[e.path, e] as const] : [])));
    const found = [...loaded, ...narrativeDiagnostics(root, (file) => textOf(files.get(file)?.bytes))].filter(keep);
    for (const d of found) {
      const file = files.get(d.file);
      if (file) sources.set(d.file, file);
    }
    diagnostics.push(...found);
    return root.fileCount;
  };

  const outerFiles = check([], [], () => true);
  let filesChecked = outerFiles;
  for (let at = 0; at < caseIds.length; at += childrenPerPart) {
    const part = caseIds.slice(at, at + childrenPerPart);
    const ids = new Set(part);
    const within = (path: string) => path.startsWith(CHILDREN) && ids.has(caseIdOf(path));
    // What these children's folders hold (the folders themselves are in the outer listing; a problem reading one is not).
    const listed = await listCaseRoot(rootArg, { maxFileBytes: MAX_FILE_BYTES, leavesOut: (path) => !(path === 'children' || within(path)) });
    const inner = listed.entries.filter((e) => within(e.path) && !(e.type === 'dir' && isCaseFolder(e.path, ids)));
    filesChecked += check(part, inner, (d) => within(d.file)) - outerFiles;
    releaseBytes(inner);
  }

  const sorted = sortDiagnostics(diagnostics);
  const shownRoot = normalize(rootArg);
  return {
    diagnostics: sorted,
    report: {
      diagnostics: sorted,
      displayPath: (file) => join(shownRoot, file),
      sourceOf: (file) => textOf(sources.get(file)?.bytes),
      filesChecked,
    },
  };
}

/** The <id> of `children/<id>` or of a path inside it. */
function caseIdOf(path: string): string {
  const end = path.indexOf('/', CHILDREN.length);
  return path.slice(CHILDREN.length, end < 0 ? undefined : end);
}

/** `children/<id>` of a child checked in a part. */
function isCaseFolder(path: string, ids: ReadonlySet<string>): boolean {
  return path.startsWith(CHILDREN) && path.indexOf('/', CHILDREN.length) < 0 && ids.has(path.slice(CHILDREN.length));
}

/** A memo that keeps the outer files (agency.yaml, the homes) between the parts, and none of a child's. */
class OuterMemo implements LoadMemo {
  private readonly files = new Map<string, MemoizedFile>();
  get(path: string) {
    return this.files.get(path);
  }
  set(path: string, file: MemoizedFile) {
    if (!path.startsWith(CHILDREN)) this.files.set(path, file);
  }
  delete(path: string) {
    this.files.delete(path);
  }
  keys() {
    return this.files.keys();
  }
}
