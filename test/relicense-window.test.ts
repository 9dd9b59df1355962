/** Re-licensing packets are built when due (cli.md): the license expires within relicense_window_days of the as-of date. */
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
