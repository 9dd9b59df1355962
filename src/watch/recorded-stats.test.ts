import { describe, expect, it } from 'vitest';
import { recordedOutputs, type ManifestEntry } from '../build/manifest.js';
import { recordedStats } from './recorded-stats.js';

const entry = (subject: string, audience: ManifestEntry['audience'] = 'internal'): ManifestEntry => ({
  type: 'caseload-stats', subject, audience, template: 'caseload-stats.md.hbs', asOf: '2026-12-01', inputs: {}, withheld: [], fingerprint: 'f', sha256: 's',
});
const manifest = (outputs: Record<string, ManifestEntry>) => recordedOutputs({ version: 1, tool: 't', outputs });

describe('recordedStats', () => {
  it('gives one job per statistics output the manifest records, for its period, copy and caseworker, in the formats recorded', () => {
    const jobs = recordedStats(
      manifest({
        'stats/caseload-2026-Q3.csv': entry('2026-Q3'),
        'stats/caseload-2026-Q3.pdf': entry('2026-Q3'),
        'stats/caseload-2026-10-mrivera-public.json': entry('2026-10 mrivera', 'public'),
        'children/C-1/court-report-2026-12-10.pdf': { ...entry('C-1', 'court'), type: 'court-report' },
      }),
      '2026-12-01',
    );
    expect(jobs.map((j) => [j.output, j.subject, j.audience, j.formats])).toEqual([
      ['stats/caseload-2026-10-mrivera-public', '2026-10 mrivera', 'public', ['json']],
      ['stats/caseload-2026-Q3', '2026-Q3', 'internal', ['csv', 'pdf']],
    ]);
  });

  it('leaves alone a period that has not ended by the day, and an entry that does not read as statistics', () => {
    const jobs = recordedStats(
      manifest({
        'stats/caseload-2026-11.pdf': entry('2026-11'),
        'stats/caseload-2026-Q3.pdf': entry('2026-Q5'),
        'stats/caseload-2026-Q2.pdf': entry('2026-Q2', 'court'),
        'stats/renamed.pdf': entry('2026-Q1'),
        'stats/caseload-2026-Q1.txt': entry('2026-Q1'),
      }),
      '2026-11-30',
    );
    expect(jobs).toEqual([]);
  });
});
