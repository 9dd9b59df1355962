/**
 * The hash of a job's input as the case root stands now (root-view.ts names
 * the inputs): a file by its bytes, a listing or an agency-wide value by the
 * canonical JSON of what it stands for. Each name is hashed once per build: a
 * build checks every recorded input of every job before computing any.
 */
import { derivedInput, type RootIndex } from '../compute/documents/root-view.js';
import { canonicalJson, sha256 } from './fingerprint.js';

// Watch matches them against the saves that can change them (watch/affected.ts).
export { ALL_CHILDREN_INPUT, ALL_HOMES_INPUT, FOSTER_FAMILIES_INPUT, PLACED_IN_INPUT } from '../compute/documents/root-view.js';

/** The hash of a file that is not there (a plan.yaml a document looked for): no file's sha256 looks like it. */
const ABSENT = 'absent';

/** `fileHash`: a case file's sha256 as read (ReadRoot.hashOf: each file hashed once per build), undefined when absent. */
export function inputHashes(index: RootIndex, fileHash: (path: string) => string | undefined): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let hash = known.get(name);
    if (hash === undefined) {
      const derived = derivedInput(index, name);
      hash = (derived !== undefined ? sha256(canonicalJson(derived)) : fileHash(name)) ?? ABSENT;
      known.set(name, hash);
    }
    return hash;
  };
}

/** Every input a job recorded still hashes as it did (the job's data would come out the same). */
export function inputsUnchanged(recorded: Readonly<Record<string, string>>, hashNow: (name: string) => string): boolean {
  return changedInput(recorded, hashNow) === undefined;
}

/** The first recorded input whose hash differs now, or undefined. */
export function changedInput(recorded: Readonly<Record<string, string>>, hashNow: (name: string) => string): string | undefined {
  for (const [name, hash] of Object.entries(recorded)) if (hashNow(name) !== hash) return name;
  return undefined;
}
