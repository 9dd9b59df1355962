/** Re-licensing packets: built when due (cli.md), and what the license year held (issue 11). */
import { describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { loadExample } from './helpers/document-context.js';

const packets = (root: Parameters<typeof planJobs>[0], asOf: string) =>
  planJobs(root, asOf).filter((j) => j.type === 'relicensing-packet').map((j) => `${j.subject} ${j.date}`);

describe('re-licensing packets when due', () => {
  it('only for homes whose license expires within 90 days (default), or the agency window', async () => {
    const { root } = await loadExample();
    // Licenses expire 2026-12-31 (H-0042), 2027-02-28 (H-0063), 2027-03-31 (H-0017).
    expect(packets(root, '2026-11-23')).toEqual(['H-0042 2026-12-31']);
    expect(packets(root, '2026-12-01')).toEqual(['H-0042 2026-12-31', 'H-0063 2027-02-28']);
    const wide = { ...root, agency: { ...root.agency!, data: { ...root.agency!.data, relicense_window_days: 130 } } };
    expect(packets(wide, '2026-11-23')).toEqual(['H-0017 2027-03-31', 'H-0042 2026-12-31', 'H-0063 2027-02-28']);
  });
});

describe("a runaway from the home is an incident of the home", () => {
  it('shows in the packet when no incident records it, and once when one does', async () => {
    const { loadExample, documentContext } = await import('./helpers/document-context.js');
    const { relicensingPacketData } = await import('../src/compute/documents/relicensing-packet.js');
    const { root } = await loadExample();
    const home = root.homes.find((h) => h.id === 'H-0042')!;
    const placed = root.children.filter((c) => c.case?.data.placements.some((p) => p.home === 'H-0042'));
    const ctx = documentContext(root, 'internal', { asOf: '2026-12-01' });
    const recorded = relicensingPacketData(ctx, home, placed).data.incidents;
    expect(recorded.filter((i) => i.date === '2026-07-18').map((i) => i.kind)).toEqual(['recorded']);
    // The same home with the runaway report left out of home.yaml: the placement record still shows it.
    const data = home.home!.data;
    const unreported = { ...home, home: { ...home.home!, data: { ...data, incidents: data.incidents!.filter((i) => i.type !== 'runaway') } } };
    const derived = relicensingPacketData(documentContext(root, 'internal', { asOf: '2026-12-01' }), unreported, placed).data.incidents;
    expect(derived.filter((i) => i.date === '2026-07-18')).toEqual([{ kind: 'runaway', date: '2026-07-18', child: "Zoë O'Brien", returned: '2026-07-22' }]);
  });
});
