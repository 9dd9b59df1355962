/**
 * output/manifest.json (cli.md): every output with the job that made it — its
 * inputs and their hashes, the template, the audience, the fields withheld —
 * and its own hash. Withheld values themselves never enter the manifest: it
 * names the field, not the address.
 */
import type { Audience, WithheldValue } from '../compute/audience.js';
import type { DocType } from './jobs.js';

export interface ManifestEntry {
  readonly type: DocType;
  readonly subject: string;
  readonly audience: Audience;
  readonly template: string;
  readonly asOf: string;
  /** The date the document is for (hearing, plan, study, license expiry); absent in entries written before it was kept. */
  readonly date?: string;
  /**
   * Made on request (`court-summary`, `build` with --case, --home, --doc or
   * --audience), not by a full build: a full build keeps it while its case or
   * home exists and its date is still the current one.
   */
  readonly requested?: true;
  /** What the document read (root-view.ts: files, listings, agency-wide values) → its sha256 then. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly withheld: readonly { readonly kind: WithheldValue['kind']; readonly field: string }[];
  /** What the build said about the document, said again when a later build skips it. */
  readonly warnings?: readonly string[];
  /** The job's fingerprint (fingerprint.ts): unchanged, and the bytes unchanged, means up to date. */
  readonly fingerprint: string;
  readonly sha256: string;
}

export interface Manifest {
  readonly version: 1;
  readonly tool: string;
  /** Output path under --out → its entry. */
  readonly outputs: Readonly<Record<string, ManifestEntry>>;
}

/**
 * A manifest as a build reads it: its output paths, sorted, and the entry of
 * each (a manifest file is read entry by entry: manifest-text.ts).
 */
export interface RecordedOutputs {
  readonly keys: readonly string[];
  entry(path: string): ManifestEntry | undefined;
}

/** A parsed manifest read as RecordedOutputs. */
export function recordedOutputs(manifest: Manifest): RecordedOutputs {
  return { keys: Object.keys(manifest.outputs).sort(), entry: (path) => (Object.hasOwn(manifest.outputs, path) ? manifest.outputs[path] : undefined) };
}

export function emptyManifest(tool: string): Manifest {
  return { version: 1, tool, outputs: {} };
}

/** Reads a manifest written before; anything unreadable starts afresh (it is rebuilt from the outputs). */
export function parseManifest(text: string | undefined, tool: string): Manifest {
  if (!text) return emptyManifest(tool);
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    return parsed.version === 1 && parsed.outputs && typeof parsed.outputs === 'object' ? { version: 1, tool, outputs: parsed.outputs } : emptyManifest(tool);
  } catch {
    return emptyManifest(tool);
  }
}

/** The manifest with these outputs added or replaced; keys sorted so the file is stable. */
export function updateManifest(manifest: Manifest, entries: Readonly<Record<string, ManifestEntry>>): Manifest {
  const outputs = { ...manifest.outputs, ...entries };
  const sorted = Object.fromEntries(Object.keys(outputs).sort().map((key) => [key, outputs[key]!]));
  return { ...manifest, outputs: sorted };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
