/**
 * Fuzz (issue 13): generated narratives, court notes, home studies and logos go
 * through `validate` (the loader, its checks and the narrative check) and,
 * when validate finds no error, through the build of the document that prints
 * them (PDF and DOCX, in this process). Nothing may throw, a build may not
 * fail what validate passed, and each document stays within BOUNDS.
 *
 * FUZZ_RUNS=n runs n cases of each kind (default a few, to keep CI to seconds);
 * FUZZ_REPORT=1 prints the figures: cases, documents built, worst time and memory.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { narrativeDiagnostics } from '../src/build/narrative-check.js';
import { courtReportJob, planJobs } from '../src/build/jobs.js';
import type { PreparedJobEnvironment } from '../src/build/job-environment.js';
import { runJob } from '../src/build/run-job.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { runChecks } from '../src/load/checks/index.js';
import { imageProblem } from '../src/load/checks/images.js';
import { parseCaseFile } from '../src/load/parse-file.js';
import type { CaseRoot, ChildFolder, HomeFolder, LoadedFile } from '../src/model/case-root.js';
import { AS_OF } from './helpers/document-context.js';
import { exampleEnvironment } from './helpers/example-environment.js';
import { jpegHeaderOnly, png } from './helpers/make-image.js';

/** Per document built: CPU-bound wall time on this shared 2-core machine, and the process's resident memory after it. */
const BOUNDS = { ms: 15_000, rssBytes: 1.5 * 1024 ** 3 } as const;
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 4);
const CASE = 'C-2025-0142';
const HEARING = '2026-12-10';
const HOME = 'H-0042';

let root: CaseRoot;
let env: PreparedJobEnvironment;
const figures = { cases: 0, refused: 0, built: 0, worstMs: 0, worstRss: 0, worstCase: '' };

beforeAll(async () => {
  ({ root, env } = await exampleEnvironment(AS_OF, ['pdf', 'docx'], ['court-report.md.hbs', 'home-study.md.hbs']));
}, 60_000);

afterAll(() => {
  if (process.env['FUZZ_REPORT']) console.log(`fuzz: ${JSON.stringify(figures)}`);
});

/** What Markdown and casepress make something of, and text around it. */
const FRAGMENTS = [
  'word', ' ', ' ', '\n', '\n\n', '    ', '\t', 'Nguyễn Thị Lan', 'e\u0301', '2026-10-03', '&amp;', '&#0;', '\\', '*', '**', '_', '`', '``', '~~', '~',
  '<b>', '</i>', '<!-- c -->', '<https://a.example>', '> ', '> > ', '# ', '## ', '### ', '#### ', '- ', '* ', '1. ', '2) ', '- [ ] ', '[x] ', '|', '| a | b |\n|---|:-:|\n| c | d |\n',
  '[link](https://a.example "t")', '[ref][x]', '[x]: https://b.example', '![alt](assets/logo.png)', '[^1]', '\n[^1]: note\n', ':', '::', ':::notice', '::pagebreak', ':note[x]',
  '\n:::treatment{parent=mother}\n', '\n:::\n', '```', '~~~', '---', '***', '{{x}}', '\u0000', '\r\n', '\u2028',
];

const deep = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((n) => `${'*'.repeat(n)}x${'*'.repeat(n)}`),
  fc.integer({ min: 1, max: 200 }).map((n) => `${'[_'.repeat(n)}x${'_](https://a.example)'.repeat(n)}`),
  fc.integer({ min: 1, max: 120 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')),
  fc.integer({ min: 1, max: 200 }).map((n) => `${'> '.repeat(n)}quote`),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'paragraph\n\n'.repeat(n)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'x'.repeat(n)),
);

const narrative = fc.oneof(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join('')), deep, fc.string({ unit: 'grapheme', maxLength: 200 }));

const SECTIONS = ['child_wishes', 'assessment', 'recommendations', 'safety', 'orders', 'other'] as const;

/** `validate` on one file in place of its like in the example root: its own diagnostics, the checks, the narrative check. */
function validate(file: string, kind: 'court-note' | 'study', text: string, place: (loaded: LoadedFile) => CaseRoot): { errors: Diagnostic[]; root?: CaseRoot } {
  const { loaded, diagnostics } = parseCaseFile(file, kind, text);
  if (!loaded) return { errors: diagnostics.filter((d) => d.severity === 'error') };
  const changed = place(loaded);
  const all = [...diagnostics, ...runChecks(changed), ...narrativeDiagnostics(changed, () => text)];
  return { errors: all.filter((d) => d.severity === 'error' && d.file === file), root: changed };
}

/** Builds one document; fails the test on a throw, an error diagnostic or a bound exceeded. */
async function buildWithin(label: string, build: () => ReturnType<typeof runJob>): Promise<void> {
  const started = performance.now();
  const result = await build();
  const ms = performance.now() - started;
  const rss = process.memoryUsage().rss;
  figures.built++;
  if (ms > figures.worstMs) Object.assign(figures, { worstMs: Math.round(ms), worstCase: label });
  figures.worstRss = Math.max(figures.worstRss, rss);
  expect(result.diagnostics.filter((d) => d.severity === 'error'), `${label}: validate passed it, build refused it`).toEqual([]);
  expect(result.files.pdf?.length, label).toBeGreaterThan(0);
  expect(result.files.docx?.length, label).toBeGreaterThan(0);
  expect(ms, `${label}: time`).toBeLessThan(BOUNDS.ms);
  expect(rss, `${label}: memory`).toBeLessThan(BOUNDS.rssBytes);
}

const child = (): ChildFolder => root.children.find((c) => c.id === CASE)!;
const home = (): HomeFolder => root.homes.find((h) => h.id === HOME)!;

describe('fuzz: what validate passes, build builds, within bounds', () => {
  it('court notes', async () => {
    await fc.assert(
      fc.asyncProperty(narrative, fc.constantFrom(...SECTIONS), async (body, section) => {
        figures.cases++;
        const file = `children/${CASE}/court/fuzz.md`;
        const text = `---\nhearing: ${HEARING}\nsection: ${section}\n---\n${body}`;
        let folder: ChildFolder | undefined;
        const { errors } = validate(file, 'court-note', text, (note) => {
          folder = { ...child(), courtNotes: [note as LoadedFile<'court-note'>] };
          return { ...root, children: root.children.map((c) => (c.id === CASE ? folder! : c)) };
        });
        if (errors.length > 0 || !folder) return void figures.refused++;
        await buildWithin(`court note ${JSON.stringify(body.slice(0, 60))}`, () => runJob(courtReportJob(folder!, HEARING), env));
      }),
      { numRuns: RUNS, seed: Number(process.env['FUZZ_SEED'] ?? 13) },
    );
  }, 600_000);

  it('home studies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(narrative, { minLength: 1, maxLength: 3 }), async (sections) => {
        figures.cases++;
        const file = `homes/${HOME}/study.md`;
        const text = `---\ndate: 2026-04-20\ntype: annual_reevaluation\nauthor: lhensley\nrecommendation: approve\n---\n${sections.map((s, i) => `## Section ${i}\n\n${s}`).join('\n\n')}`;
        let changed: CaseRoot | undefined;
        const { errors } = validate(file, 'study', text, (study) => {
          changed = { ...root, homes: root.homes.map((h) => (h.id === HOME ? { ...home(), study: study as LoadedFile<'study'> } : h)) };
          return changed;
        });
        if (errors.length > 0 || !changed) return void figures.refused++;
        const [job] = planJobs(changed, AS_OF, { homes: [HOME], docs: ['home-study'] });
        await buildWithin(`home study ${JSON.stringify(sections.join('|').slice(0, 60))}`, () => runJob(job!, env));
      }),
      { numRuns: RUNS, seed: Number(process.env['FUZZ_SEED'] ?? 13) },
    );
  }, 600_000);

  it('logos', async () => {
    const image = fc.oneof(
      fc.record({ w: fc.integer({ min: 1, max: 3200 }), h: fc.integer({ min: 1, max: 2200 }), colour: fc.constantFrom(0, 2, 4, 6) as fc.Arbitrary<0 | 2 | 4 | 6>, depth: fc.constantFrom(8, 16) as fc.Arbitrary<8 | 16> }).map(({ w, h, colour, depth }) => png(w, h, { colour, depth })),
      fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }), fc.constantFrom(0xc0, 0xc2, 0xc3, 0xc9)).map(([w, h, m]) => jpegHeaderOnly(w, h, m)),
      // Damage: a valid small PNG cut, flipped or padded.
      fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 255 }), fc.nat()).map(([cut, byte, at]) => {
        const bytes = Buffer.from(png(40, 30));
        bytes[at % bytes.length] = byte;
        return bytes.subarray(0, Math.max(8, bytes.length - cut));
      }),
      fc.uint8Array({ maxLength: 64 }),
    );
    await fc.assert(
      fc.asyncProperty(image, async (bytes) => {
        figures.cases++;
        if (imageProblem({ size: bytes.length, bytes })) return void figures.refused++;
        const images = { ...env.images, 'assets/logo.png': bytes };
        await buildWithin(`logo of ${bytes.length} bytes`, () => runJob(courtReportJob(child(), HEARING), { ...env, images }));
      }),
      { numRuns: RUNS * 2, seed: Number(process.env['FUZZ_SEED'] ?? 13) },
    );
  }, 600_000);
});
