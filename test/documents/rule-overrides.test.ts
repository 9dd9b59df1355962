/**
 * An agency's `rules:` in agency.yaml change the clocks, and the documents say
 * whose rule it is: the agency's citation beside the overridden value (issue 4, point 2).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { courtReportData } from '../../src/compute/documents/court-report.js';
import { ruleSetFor } from '../../src/compute/rule-sets.js';
import type { LoadResult } from '../../src/load/load-root.js';
import { AS_OF, childFolder, documentContext, loadExample } from '../helpers/document-context.js';
import { renderDocument } from '../helpers/render-document.js';

let loaded: LoadResult;
beforeAll(async () => {
  loaded = await loadExample();
});

describe('rule overrides in documents', () => {
  it('moves the permanency hearing clock and prints the agency citation in the court report', async () => {
    const agency = { ...loaded.root.agency!.data, rules: { permanency_hearing_months: 6, citation: 'Agency policy 4.2 (stricter than state rule)' } };
    const base = documentContext(loaded.root, 'court', { agency });
    const ctx = { ...base, rules: ruleSetFor(agency) };
    const built = courtReportData(ctx, childFolder(loaded.root, 'C-2025-0142'), '2026-12-10');
    const rendered = await renderDocument('court-report.md.hbs', built.data, agency, { title: 'Court Report', subject: 'Court Report', reference: 'C-2025-0142', asOf: AS_OF });
    const text = rendered.pdfText.replace(/\s+/g, ' ');
    // Permanency hearing held 2026-03-19 + 6 months (the agency's rule) = 2026-09-19, before the as-of date.
    expect(text).toContain('September 19, 2026 (6 months after the permanency hearing held on March 19, 2026)');
    expect(text).toContain('(Agency policy 4.2 (stricter than state rule))');
  });
});
