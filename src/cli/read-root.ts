/** Reads a case root from disk and loads it: the glue between io and load. */
import { stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { RootListing } from '../core/listing.js';
import { whileLoading } from '../io/heap.js';
import { listCaseRoot } from '../io/list-root.js';
import { MAX_FILE_BYTES } from '../load/decode.js';
import { loadCaseRoot, type LoadMemo } from '../load/load-root.js';
import type { CaseRoot } from '../model/case-root.js';
import { UsageError } from './exit.js';
import type { ReportInput } from './report.js';

export interface ReadRoot {
  readonly root: CaseRoot;
  readonly diagnostics: Diagnostic[];
  /** Everything a reporter needs to print the diagnostics. */
  readonly report: ReportInput;
  /** The bytes of a case file as read (case-root-relative path). */
  readonly bytesOf: (path: string) => Uint8Array | undefined;
}

export interface ReadRootOptions {
  /** Reuse the records of files unchanged since the last read (a long-lived process such as watch keeps one per root). */
  readonly memo?: LoadMemo;
  /** How to list the root; default: list every file (watch lists again only the folders that changed). */
  readonly list?: () => Promise<RootListing>;
}

export async function readRoot(rootArg: string, options: ReadRootOptions = {}): Promise<ReadRoot> {
  const info = await stat(rootArg).catch(() => undefined);
  if (!info) throw new UsageError(`there is no case root at "${rootArg}": the folder does not exist`);
  if (!info.isDirectory()) throw new UsageError(`"${rootArg}" is a file; give the folder that holds agency.yaml`);
  const { listing, root, diagnostics } = await whileLoading(async () => {
    const listing = await (options.list ?? (() => listCaseRoot(rootArg, { maxFileBytes: MAX_FILE_BYTES })))();
    return { listing, ...loadCaseRoot(listing, { memo: options.memo }) };
  });
  const bytes = new Map(listing.entries.flatMap((e) => (e.type === 'file' && e.bytes ? [[e.path, e.bytes] as const] : [])));
  // Paths are shown under the root as the user typed it, so they can be pasted back.
  const shownRoot = normalize(rootArg);
  return {
    root,
    diagnostics,
    bytesOf: (path) => bytes.get(path),
    report: {
      diagnostics,
      displayPath: (file) => join(shownRoot, file),
      // Lossy decoding, so even a file that is not UTF-8 gets a code frame.
      sourceOf: (file) => {
        const content = bytes.get(file);
        return content && !content.includes(0) ? new TextDecoder().decode(content) : undefined;
      },
      filesChecked: root.fileCount,
    },
  };
}
