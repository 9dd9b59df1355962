/** Filing readiness on the command line: one warning per missing part, naming the file where it belongs. */
import type { Readiness } from '../compute/documents/readiness.js';

export function readinessWarnings(missing: Readiness = []): string[] {
  return missing.map((m) => `${m.file}: required before filing and not provided: ${m.section} (write ${m.write}); this copy is marked DRAFT`);
}
