/**
 * Filing readiness through the whole engine (issue 11, point 4): a court report
 * lacking a required part is a DRAFT that says "Not provided — required before
 * filing" where each part belongs, and a warning names the file; the same report
 * with every part written is clean. `casepress check` and `build --strict` exit 1
 * on the incomplete one.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { courtReportJob } from '../../src/build/jobs.js';
import { runJob } from '../../src/build/run-job.js';
import type { PreparedJobEnvironment } from '../../src/build/job-environment.js';
import type { CaseRoot, ChildFolder } from '../../src/model/case-root.js';
import { AS_OF, EXAMPLE_ROOT } from '../helpers/document-context.js';
import { exampleEnvironment } from '../helpers/example-environment.js';
import { withPdfFile } from '../helpers/pdf-text.js';

const CASE = 'C-2025-0142';
const HEARING = '2026-12-10';
const NOT_PROVIDED = 'Not provided — required before filing';

let root: CaseRoot;
let env: PreparedJobEnvironment;

beforeAll(async () => {
  ({ root, env } = await exampleEnvironment(AS_OF, ['pdf'], ['court-report.md.hbs']));
}, 60_000);

const child = (): ChildFolder => root.children.find((c) => c.id === CASE)!;

async function report(folder: ChildFolder) {
  const result = await runJob(courtReportJob(folder, HEARING), env);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const text = withPdfFile(result.files.pdf!, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC'));
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  return { text: text.replace(/\s+/g, ' '), pages, warnings: result.warnings };
}

describe("the court report's filing readiness", () => {
  it('is a draft marking every missing part when the notes for the hearing are not written', async () => {
    const { text, pages, warnings } = await report({ ...child(), courtNotes: [] });
    const missing = ['assessment', 'recommendations', 'child_wishes', 'safety', 'orders'];
    expect(text).toContain("Draft: not ready for filing Required before filing and not provided: the agency's assessment; the agency's recommendations; the child's wishes; the child's safety and whether the placement is still necessary and appropriate and the status of the last hearing's orders.");
    // Once in the first page's notice, then once where each part belongs.
    expect(text.split(NOT_PROVIDED).length - 1).toBe(1 + missing.length);
    // Where each belongs: right under its own heading (a page's footer and header may come between).
    const under = text.split(NOT_PROVIDED).slice(1, -1).map((before) => before.slice(-300));
    expect(under).toHaveLength(missing.length);
    ['Status of the last hearing\'s orders', 'Safety and the need for placement', "The child's wishes", 'Assessment', 'Recommendations'].forEach((heading, i) => {
      expect(under[i]).toMatch(new RegExp(`${heading}( CONFIDENTIAL.*Page \\d+ of \\d+ Court Report)?( DRAFT)? $`));
    });
    expect(pages.every((page) => page.includes('DRAFT'))).toBe(true);
    expect(warnings.filter((w) => w.includes('required before filing'))).toEqual(
      missing.map((s) => `children/${CASE}/court/: required before filing and not provided: ${s} (write a note with hearing: ${HEARING} and section: ${s})`),
    );
  });

  it('counts a note with nothing under its front matter as not written', async () => {
    const emptied = { ...child(), courtNotes: child().courtNotes.map((n) => (n.data.section === 'safety' ? { ...n, body: '\n  \n' } : n)) };
    const { text, warnings } = await report(emptied);
    expect(text).toContain(`Safety and the need for placement ${NOT_PROVIDED}`);
    expect(warnings.filter((w) => w.includes('required before filing'))).toEqual([
      `children/${CASE}/court/: required before filing and not provided: safety (write a note with hearing: ${HEARING} and section: safety)`,
    ]);
  });

  it('is clean once every part is written (the example agency writes them all)', async () => {
    const { text, pages, warnings } = await report(child());
    expect(text).not.toContain(NOT_PROVIDED);
    expect(text).not.toContain('Draft: not ready for filing');
    expect(pages.some((page) => page.includes('DRAFT'))).toBe(false);
    expect(warnings.filter((w) => w.includes('required before filing'))).toEqual([]);
    expect(text).toContain('Safety and the need for placement');
    expect(text).toContain("Status of the last hearing's orders");
  });
});

describe('casepress check', () => {
  it('exits 1 and names the missing parts; 0 when the documents are ready and nothing is overdue', async () => {
    const { check } = await import('../../src/cli/commands/check.js');
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    try {
      // As of 2026-11-23 the example agency has overdue items (H-0017's checks): exit 1 either way.
      expect(await check(EXAMPLE_ROOT, { within: 60, asOf: AS_OF, json: true })).toBe(1);
    } finally {
      write.mockRestore();
    }
    const result = JSON.parse(out.join('')) as { overdue: { subject: string }[]; not_ready: { output: string }[] };
    expect(result.overdue.map((o) => o.subject)).toContain('H-0017');
    expect(result.not_ready).toEqual([]);
  });
});
