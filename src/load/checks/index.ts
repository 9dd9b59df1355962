/** Checks across fields and files, run after every file has loaded. */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { CaseRoot } from '../../model/case-root.js';
import type { Check, CheckContext } from './context.js';
import { noContactKeepsLocationConfidential } from './confidentiality.js';
import { caseDatesInOrder, homeDatesInOrder } from './dates.js';
import { planReviewWithinSixMonths, youthTakesPart } from './planning.js';
import { imagesArePrintable } from './images.js';
import { preferencesWithinLicense } from './preferences.js';
import { treatmentFencesAreBalanced } from './treatment-fences.js';
import { assetsExist, folderNamesMatchIds, homeAndCaseReferencesExist, idsAreUnique, staffReferencesExist } from './references.js';

const CHECKS: readonly Check[] = [
  folderNamesMatchIds,
  staffReferencesExist,
  homeAndCaseReferencesExist,
  preferencesWithinLicense,
  idsAreUnique,
  assetsExist,
  imagesArePrintable,
  caseDatesInOrder,
  homeDatesInOrder,
  planReviewWithinSixMonths,
  youthTakesPart,
  noContactKeepsLocationConfidential,
  treatmentFencesAreBalanced,
];

/** `caseIds`, `homeIds`: every case and home folder's id when `root` holds only some children or homes (load/root-part.ts). */
export function runChecks(root: CaseRoot, caseIds: readonly string[] = root.children.map((c) => c.id), homeIds: readonly string[] = root.homes.map((h) => h.id)): Diagnostic[] {
  const ctx: CheckContext = {
    root,
    staffIds: root.agency?.data.staff.map((s) => s.id),
    homeIds,
    caseIds,
  };
  return CHECKS.flatMap((check) => check(ctx));
}
