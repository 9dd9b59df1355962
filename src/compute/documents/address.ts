/** A postal address as a copy may print it: its parts (the template joins them), or the marker alone. */
import { canSee, type Protected, type Redactor } from '../audience.js';
import { WITHHELD_MARKER } from '../redaction/marker.js';
import type { PostalAddress } from './facts/common.js';

interface Address {
  readonly street: string;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly county?: string | null | undefined;
}

/**
 * The parts, or for an audience that may not see `what` the marker as the street
 * and nothing else. The value recorded for the scans is the address as staff
 * would write it in a note (a search needle, not printed), so a note that
 * copies it is withheld whole.
 */
export function shownAddress(redact: Redactor, what: Protected, field: string, address: Address): PostalAddress {
  if (!canSee(redact.audience, what)) {
    redact.record(what, field, `${address.street}, ${address.city}, ${address.state} ${address.zip}`);
    return { street: WITHHELD_MARKER, city: '', state: '', zip: '', county: null, withheld: true };
  }
  return { street: address.street, city: address.city, state: address.state, zip: address.zip, county: address.county ?? null, withheld: false };
}
