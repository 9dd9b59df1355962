/**
 * The no-change shortcut of a full build. A full build that ends clean records
 * a snapshot: its settings, and the size and modification time of every file
 * of the case root, of the templates and of every output. The next full build
 * with the same settings stamps the same files (without reading them) and,
 * when every stamp matches, knows that every document is up to date without
 * loading the root: on a 2,000-child root that is the difference between
 * seconds and a minute. Any difference at all, or --force, takes the full
 * path, where fingerprints decide document by document (fingerprint.ts).
 *
 * Like make, this trusts modification times: a file rewritten with the same
 * size and the same mtime (to the sub-millisecond) would go unseen; --force
 * rebuilds regardless.
 */
import { resolve } from 'node:path';
import type { FileStamp } from '../core/listing.js';
import { canonicalJson, sha256 } from './fingerprint.js';
import type { DocType } from './jobs.js';

/** Beside the manifest: the stamps of the last clean full build. */
export const SNAPSHOT_FILE = '.casepress-snapshot.json';

/** Everything a full build's outputs depend on besides the files it stamps. */
export interface Settings {
  readonly tool: string;
  readonly asOf: string;
  readonly formats: readonly string[];
  readonly audience?: string;
  readonly parent?: string;
  readonly draft?: boolean;
  readonly pdfa?: boolean;
  readonly root: string;
  readonly templates: string;
  readonly out: string;
}

export function settingsHash(settings: Settings): string {
  return sha256(
    canonicalJson({
      tool: settings.tool,
      asOf: settings.asOf,
      formats: [...settings.formats].sort(),
      audience: settings.audience ?? null,
      parent: settings.parent ?? null,
      draft: settings.draft === true,
      pdfa: settings.pdfa === true,
      folders: [resolve(settings.root), resolve(settings.templates), resolve(settings.out)],
    }),
  );
}

export interface Snapshot {
  readonly version: 1;
  /** Hash of everything else the outputs depend on: tool version, as-of date, formats, audience, draft, pdfa, the folders used. */
  readonly settings: string;
  readonly root: readonly FileStamp[];
  readonly templates: readonly FileStamp[];
  /** Every output recorded in the manifest, and the manifest itself. */
  readonly outputs: readonly FileStamp[];
  /** What to say again: the build's warnings and its documents by type. */
  readonly warnings: readonly string[];
  readonly documents: Readonly<Partial<Record<DocType, number>>>;
  /** The agency's time zone, for today's date when --as-of is not given. */
  readonly timeZone?: string;
}

export function parseSnapshot(text: string | undefined): Snapshot | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Snapshot>;
    return parsed.version === 1 && Array.isArray(parsed.root) && Array.isArray(parsed.outputs) && Array.isArray(parsed.templates) ? (parsed as Snapshot) : undefined;
  } catch {
    return undefined;
  }
}

export function serializeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify(snapshot);
}

/** Same settings and the same stamps, file for file. */
export function unchangedSince(snapshot: Snapshot, now: Pick<Snapshot, 'settings' | 'root' | 'templates' | 'outputs'>): boolean {
  return snapshot.settings === now.settings && sameStamps(snapshot.root, now.root) && sameStamps(snapshot.templates, now.templates) && sameStamps(snapshot.outputs, now.outputs);
}

function sameStamps(a: readonly FileStamp[], b: readonly FileStamp[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2]) return false;
  }
  return true;
}
