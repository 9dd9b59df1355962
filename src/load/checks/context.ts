/** What the cross-file checks share: the root and the ids it defines. */
import type { CaseRoot } from '../../model/case-root.js';

export interface CheckContext {
  readonly root: CaseRoot;
  /** Staff ids from agency.yaml; undefined when agency.yaml did not load (then staff references go unchecked). */
  readonly staffIds?: readonly string[];
  readonly homeIds: readonly string[];
  readonly caseIds: readonly string[];
}

export type Check = (ctx: CheckContext) => import('../../core/diagnostic.js').Diagnostic[];
