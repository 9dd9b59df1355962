/**
 * Which documents a batch of saved files can change, so that watch computes
 * and checks only those (a 200-case root has some 450 documents; one contact
 * note matters to one or two). Decided from the last build's manifest: the
 * files each document read. Pure.
 *
 * A document may be affected when it has no manifest entry yet, when a file
 * changed in its own case or home folder, or in a folder it read a file from
 * (a sibling's case, the home a child lives in). A changed case.yaml, or a case
 * folder added or removed, may move a child into any home: every home's
 * documents are looked at, and every document that read which children a home
 * has. A change in any home folder may rename a foster family member: every
 * document that read the foster families is looked at. Anything else — agency.yaml, assets, templates, a
 * new day — may change every document, and all are looked at (undefined).
 */
import type { Job } from '../build/jobs.js';
import { ALL_CHILDREN_INPUT, ALL_HOMES_INPUT, FOSTER_FAMILIES_INPUT, PLACED_IN_INPUT } from '../build/inputs.js';
import type { ManifestEntry } from '../build/manifest.js';

/** A changed path relative to the case root (`/` separators), with what happened to it. */
export interface RootChange {
  readonly path: string;
  readonly kind: 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';
}

export type AffectsJob = (job: Pick<Job, 'output'>, recorded: Pick<ManifestEntry, 'inputs'> | undefined) => boolean;

/** `children/C-1/contacts/x.md` → `children/C-1`; undefined outside the case and home folders. */
function folderOf(path: string): string | undefined {
  const [top, id] = path.split('/');
  return (top === 'children' || top === 'homes') && id ? `${top}/${id}` : undefined;
}

/** The test for this batch, or undefined when every document may be affected. */
export function affectedBy(changes: readonly RootChange[]): AffectsJob | undefined {
  const folders = new Set<string>();
  let homesToo = false;
  let familiesToo = false;
  for (const change of changes) {
    const folder = folderOf(change.path);
    if (!folder) return undefined;
    folders.add(folder);
    const isCase = folder.startsWith('children/');
    if (isCase && (change.path === `${folder}/case.yaml` || change.path === folder)) homesToo = true;
    if (!isCase) familiesToo = true;
  }
  return (job, recorded) => {
    if (!recorded) return true;
    const own = folderOf(job.output);
    if (own && folders.has(own)) return true;
    if (homesToo && own?.startsWith('homes/')) return true;
    return Object.keys(recorded.inputs).some((input) => {
      if (input === FOSTER_FAMILIES_INPUT) return familiesToo;
      // The caseload statistics read every child and home: any change in them counts.
      if (input === ALL_CHILDREN_INPUT || input === ALL_HOMES_INPUT) return true;
      if (input.startsWith(PLACED_IN_INPUT)) return homesToo;
      const folder = folderOf(input);
      return folder !== undefined && folders.has(folder);
    });
  };
}
