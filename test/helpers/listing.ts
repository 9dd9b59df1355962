/** A case root's listing with one file's text changed (new bytes, as a fresh read gives), for loader tests. */
import type { ListedEntry, RootListing } from '../../src/core/listing.js';

export function withText(listing: RootListing, path: string, edit: (text: string) => string): RootListing {
  return {
    entries: listing.entries.map((entry): ListedEntry => {
      if (entry.path !== path || entry.type !== 'file' || !entry.bytes) return entry;
      const bytes = new TextEncoder().encode(edit(new TextDecoder().decode(entry.bytes)));
      return { ...entry, size: bytes.length, bytes };
    }),
  };
}
