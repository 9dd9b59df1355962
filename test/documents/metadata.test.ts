/**
 * A document's file metadata as `build` writes it (issue 12, point 5): the
 * PDF's title names the document, whom it is about and its date, and the XMP
 * packet (PDF/A) stays valid XML when the agency's name holds `&` and `<`,
 * which pdfkit would paste into it unescaped.
 */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { planJobs } from '../../src/build/jobs.js';
import { jobData, jobHeader, renderInput, renderJob } from '../../src/build/run-job.js';
import { exampleEnvironment } from '../helpers/example-environment.js';
import { withPdfFile } from '../helpers/pdf-text.js';

const AS_OF = '2026-12-01';
const AGENCY = 'Smith & Jones <Family> Services';

it('escapes an agency named "Smith & Jones <Family> Services" in the XMP, and names the document in the title', async () => {
  const { root, env } = await exampleEnvironment(AS_OF, ['pdf'], ['court-report.md.hbs']);
  const job = planJobs(root, AS_OF, { cases: ['C-2025-0142'], docs: ['court-report'] })[0]!;
  const agency = { ...env.context.agency, name: AGENCY };
  const output = await renderJob(jobHeader(job), renderInput(jobData(job, env), jobHeader(job)), { ...env, context: { ...env.context, agency }, pdfa: true });
  expect(output.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const [info, xmp] = withPdfFile(output.files.pdf!, (path) => [execFileSync('pdfinfo', [path], { encoding: 'utf8' }), execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' })]);
  expect(info).toMatch(/^Author:\s+Smith & Jones <Family> Services$/m);
  expect(info).toMatch(/^Title:\s+Court Report — J\.N\. — Review hearing, December 10, 2026$/m);
  expect(xmp).toContain('Smith &amp; Jones &lt;Family&gt; Services');
  // Every & in the packet starts an entity, and no < opens anything but a tag.
  expect(xmp.match(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/g)).toBeNull();
  expect(xmp.match(/<(?![/?!]?[A-Za-z])/g)).toBeNull();
});
