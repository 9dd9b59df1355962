/**
 * `casepress preflight` and `build --preflight`: a PDF's bytes checked the way
 * an e-filing portal would (checks.ts) against a profile (profile.ts). The
 * caller reads the file; this stage only parses bytes.
 */
import { checkPdf, type Failure } from './checks.js';
import type { PreflightProfile } from './profile.js';
import { readPdf } from './read-pdf.js';

export { CHECKS, type CheckName, type Failure } from './checks.js';
export { preflightProfile, profileNames, type PreflightProfile } from './profile.js';

export interface PreflightResult {
  readonly pages: number;
  readonly bytes: number;
  readonly failures: readonly Failure[];
}

export async function preflightPdf(bytes: Uint8Array, profile: PreflightProfile): Promise<PreflightResult> {
  const facts = await readPdf(bytes);
  return { pages: facts.pages.length, bytes: facts.bytes, failures: checkPdf(facts, profile) };
}

/** One failure as a line: `page 3: font Helvetica is not embedded`. */
export function failureLine(failure: Failure): string {
  return failure.page === undefined ? failure.message : `page ${failure.page}: ${failure.message}`;
}
