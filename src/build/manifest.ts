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

/** The manifest without these outputs (their job is gone and the files removed). */
export function withoutOutputs(manifest: Manifest, paths: readonly string[]): Manifest {
  const gone = new Set(paths);
  return { ...manifest, outputs: Object.fromEntries(Object.entries(manifest.outputs).filter(([path]) => !gone.has(path))) };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** About how long a piece of `manifestChunks` is (characters). */
const CHUNK = 1 << 20;

/**
 * `serializeManifest`'s text in pieces of about a megabyte, entry by entry: a
 * state agency's manifest is hundreds of megabytes, and as one string (then
 * its bytes) it was the build's peak of memory.
 */
export function* manifestChunks(manifest: Manifest): Generator<string> {
  const keys = Object.keys(manifest.outputs).filter((key) => manifest.outputs[key] !== undefined);
  if (keys.length === 0) {
    yield serializeManifest(manifest);
    return;
  }
  let chunk = `{\n  "version": ${JSON.stringify(manifest.version)},\n  "tool": ${JSON.stringify(manifest.tool)},\n  "outputs": {\n`;
  for (const [i, key] of keys.entries()) {
    // An entry as JSON.stringify indents it two levels down (a string's line breaks are escaped: every break is the layout's).
    const entry = JSON.stringify(manifest.outputs[key], null, 2).replace(/\n/g, '\n    ');
    chunk += `    ${JSON.stringify(key)}: ${entry}${i < keys.length - 1 ? ',' : ''}\n`;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}  }\n}\n`;
}
