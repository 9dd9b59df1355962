/**
 * Incremental builds (architecture.md, "Incremental by fingerprint"): a job's
 * fingerprint hashes everything its output depends on; the manifest keeps it
 * beside the output's own hash. Pure decisions: is an output up to date, which
 * recorded outputs no longer have a job, do two jobs claim one path.
 */
import { posix } from 'node:path';
import { sha256 } from '../core/hash.js';

/** Everything one job's bytes depend on. Hashes are sha256 hex. */
export interface FingerprintParts {
  readonly tool: string;
  readonly type: string;
  readonly subject: string;
  readonly output: string;
  readonly asOf: string;
  readonly audience: string;
  readonly formats: readonly string[];
  readonly draft: boolean;
  readonly pdfa: boolean;
  /** Each input the job's data read (root-view.ts names them) → its hash. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Hash of agency.yaml as read. */
  readonly agency: string;
  /** Hash of the template and the partials it uses. */
  readonly template: string;
  /** Hash of the font files (empty when no PDF is written). */
  readonly fonts: string;
  /** Hash of the rule set the documents apply. */
  readonly rules: string;
  /** assets/ path → hash (the logo). */
  readonly assets: Readonly<Record<string, string>>;
  /** The e-filing profile a court copy was checked against (`--preflight`); absent when it was not. */
  readonly preflight?: string;
}

export { sha256 };

/**
 * JSON with object keys sorted at every level, so equal values give equal
 * text. A copy with sorted keys is stringified without a replacer: a build
 * fingerprints every job, and a replacer called on every value cost four times
 * as much. (A value with toJSON, such as a Date, is left to it.)
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array || typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (Array.isArray(value)) return value.map(sortedKeys);
  // No prototype: a key "__proto__" is then a key like any other.
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * How inputs are named and hashed (2: traced by root-view.ts, listings and
 * agency-wide values included). A manifest written under another scheme
 * matches no fingerprint, so its outputs are all made again once.
 */
const INPUTS_SCHEME = 2;

export function fingerprint(parts: FingerprintParts): string {
  return sha256(canonicalJson({ ...parts, formats: [...parts.formats].sort(), scheme: INPUTS_SCHEME }));
}

/** What the manifest recorded for an output (undefined: never built here). */
export interface Recorded {
  readonly fingerprint?: string;
  readonly sha256: string;
}

/**
 * An output may be skipped when the manifest records the same fingerprint and
 * the file on disk still has the recorded bytes (`onDisk`: its hash, undefined when missing).
 */
export function isUpToDate(entry: Recorded | undefined, print: string, onDisk: string | undefined): boolean {
  return entry !== undefined && entry.fingerprint === print && onDisk !== undefined && onDisk === entry.sha256;
}

/** A manifest key casepress could have written: relative, inside --out, a PDF or DOCX. */
export function isOutputPath(path: string): boolean {
  return /\.(pdf|docx)$/.test(path) && !path.includes('\\') && !posix.isAbsolute(path) && posix.normalize(path) === path && !path.split('/').includes('..');
}

/**
 * Recorded outputs whose job is gone: manifest keys (only those, never other
 * files) whose path without the extension is no current job's output.
 */
export function staleOutputs(recorded: readonly string[], jobOutputs: readonly string[]): string[] {
  const current = new Set(jobOutputs);
  return recorded.filter((path) => isOutputPath(path) && !current.has(path.replace(/\.(pdf|docx)$/, ''))).sort();
}

/**
 * Output paths claimed by more than one job, with how many claim each. Paths
 * that differ only by letter case clash too: Windows and macOS keep one file
 * for both; `spellings` then lists each way the path is written.
 */
export function outputClashes(jobOutputs: readonly string[]): { output: string; count: number; spellings?: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const output of jobOutputs) {
    const key = output.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(output);
    else groups.set(key, [output]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const spellings = [...new Set(group)].sort();
      return { output: group[0]!, count: group.length, ...(spellings.length > 1 ? { spellings } : {}) };
    });
}
