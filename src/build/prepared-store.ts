/**
 * Prepared templates kept between runs (render-document.ts PreparedCode): one
 * entry per template file name, under the hash of everything it was made from, so
 * a one-off `court-summary` in a fresh process renders without checking or
 * compiling its template. What the code depends on besides its sources is the
 * cache's code identity (run.ts PREPARED_CODE). The stored value is read only
 * when a template is first prepared: a build whose documents are up to date
 * never reads it. Code made when casepress was built (its own templates,
 * write-prepared-templates.ts) is found there when the output folder has none,
 * so even a first run into a new folder compiles no bundled template.
 */
import { sha256 } from '../core/hash.js';
import type { PreparedCode, PreparedStore, TemplateFiles } from './render-document.js';

/** Prepared code under the key of the sources it was made from. */
export interface KeptCode {
  readonly key: string;
  readonly code: PreparedCode;
}
type Entry = KeptCode;

export const sortedPartials = (files: TemplateFiles) => Object.entries(files.partials).sort(([a], [b]) => (a < b ? -1 : 1));
/** A template's file name, without the folder it is shown in. */
export const nameOf = (file: string) => /[^/\\]*$/.exec(file)![0];

/** The key of a template's prepared code in a PreparedStore: its file name, its source, every partial beside it, labels.yaml. */
export const preparedKey = (files: TemplateFiles): string => sha256(JSON.stringify([nameOf(files.file), files.source, sortedPartials(files), files.labels?.text ?? null]));

export interface KeptPreparedStore extends PreparedStore {
  /** What to store now: what was read, with this run's templates in place of their older entries. */
  stored(): Readonly<Record<string, Entry>>;
  /** A template was prepared anew. */
  changed(): boolean;
  /** The code at hand for these templates, by name (for worker threads: they then compile none). */
  codesFor(templates: Iterable<TemplateFiles>): Record<string, KeptCode>;
}

/**
 * `read` gives what the output folder keeps (every template it prepared, one
 * value); `readBundled` what casepress was built with, a template at a time
 * (a one-off command reads only its own template's code, not all of them).
 */
export function preparedStore(read: () => unknown, readBundled?: (name: string) => unknown): KeptPreparedStore {
  let entries: Map<string, Entry> | undefined;
  const bundled = new Map<string, Entry | undefined>();
  let changed = false;
  const all = () => (entries ??= entriesOf(read()));
  const bundledEntry = (name: string) => {
    if (!bundled.has(name)) bundled.set(name, entriesOf({ [name]: readBundled!(name) }).get(name));
    return bundled.get(name);
  };
  return {
    get: (name, key) => {
      const entry = all().get(name);
      if (entry?.key === key) return entry.code;
      const made = readBundled && bundledEntry(name);
      return made?.key === key ? made.code : undefined;
    },
    set: (name, key, code) => {
      all().set(name, { key, code });
      changed = true;
    },
    stored: () => Object.fromEntries([...all()].sort(([a], [b]) => (a < b ? -1 : 1))),
    changed: () => changed,
    codesFor(templates) {
      const found: Record<string, KeptCode> = {};
      for (const files of templates) {
        const key = preparedKey(files);
        const code = this.get(nameOf(files.file), key);
        if (code) found[nameOf(files.file)] = { key, code };
      }
      return found;
    },
  };
}

/** The entries of a stored value; one that is not shaped as written is left out (it is compiled again). */
function entriesOf(stored: unknown): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  if (!isRecord(stored)) return entries;
  for (const [name, entry] of Object.entries(stored)) {
    if (isRecord(entry) && typeof entry.key === 'string' && isPreparedCode(entry.code)) entries.set(name, { key: entry.key, code: entry.code });
  }
  return entries;
}

function isPreparedCode(value: unknown): value is PreparedCode {
  return (
    isRecord(value) &&
    isTemplateCode(value.template) &&
    (value.furniture === undefined || isTemplateCode(value.furniture)) &&
    (value.labels === undefined || isRecord(value.labels))
  );
}

function isTemplateCode(value: unknown): boolean {
  if (!isRecord(value) || typeof value.file !== 'string' || !Array.isArray(value.partials) || !Array.isArray(value.specs) || !Array.isArray(value.sites)) return false;
  return value.specs.length === value.partials.length + 1 && value.specs.every((spec) => typeof spec === 'string') && value.partials.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string'));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
