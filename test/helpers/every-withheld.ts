/**
 * Everything a copy withholds or guards, its foster-family guards by reference
 * (compute/documents/family-guards.ts) spelled out as if listed: what the
 * scans look for.
 */
import type { SharedGuards, WithheldValue } from '../../src/compute/audience.js';

export function everyWithheld(data: { readonly withheld: readonly WithheldValue[]; readonly families?: SharedGuards | undefined }): WithheldValue[] {
  const { families } = data;
  return [...data.withheld, ...(families ? families.guards.entries.filter((g) => !families.skip.includes(g.home)) : [])];
}
