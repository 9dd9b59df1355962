/** The one content hash casepress uses: fingerprints, traced inputs, the parse cache. */
import { hash } from 'node:crypto';

/** One-shot `hash` costs half of createHash's for the small files a case root holds. */
export const sha256 = (bytes: Uint8Array | string): string => hash('sha256', bytes, 'hex');
