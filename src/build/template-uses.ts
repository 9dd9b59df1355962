/**
 * Which partials each template uses, for its part of a job's fingerprint
 * (job-environment.ts), kept between runs by the hash of the template's and
 * every partial's sources, so a build whose documents are up to date compiles
 * no template at all. Finding out means checking and compiling the template.
 */
import { canonicalJson, sha256 } from './fingerprint.js';
import type { TemplateFiles } from './render-document.js';

export interface TemplateUses {
  /** The partials a template with these sources uses, when known. */
  get(key: string): readonly string[] | undefined;
  set(key: string, partials: readonly string[]): void;
}

/** The key of a template's sources: its file name as shown, its source, every partial beside it. */
export function templateKey(files: TemplateFiles): string {
  return sha256(canonicalJson({ file: files.file, source: files.source, partials: files.partials }));
}

/**
 * Template uses from what was stored (a value that is not a record of key →
 * list of partial names is ignored); `stored()` gives back what to store now:
 * the entries used by this build, so the store never grows.
 */
export function templateUses(stored: unknown): TemplateUses & { stored(): Readonly<Record<string, readonly string[]>>; changed(): boolean } {
  const known = new Map<string, readonly string[]>();
  if (stored && typeof stored === 'object') {
    for (const [key, partials] of Object.entries(stored)) if (Array.isArray(partials) && partials.every((p) => typeof p === 'string')) known.set(key, partials);
  }
  const used = new Map<string, readonly string[]>();
  return {
    get(key) {
      const partials = known.get(key);
      if (partials) used.set(key, partials);
      return partials;
    },
    set(key, partials) {
      used.set(key, partials);
    },
    stored: () => Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : 1))),
    changed: () => used.size !== known.size || [...used.keys()].some((key) => !known.has(key)),
  };
}
