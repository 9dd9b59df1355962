/** The one content hash casepress uses: fingerprints, traced inputs, the parse cache. */
import { createHash } from 'node:crypto';

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
