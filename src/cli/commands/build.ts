/**
 * `casepress build [root]`, and the one-document commands `court-summary` and
 * `relicense`: validate, then make every document that is due (cli.md), write
 * each file atomically, and record them in <out>/manifest.json. Nothing is
 * built from data with errors; one failed document never stops the others.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pc from 'picocolors';
import { diagnostic, hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import type { Audience } from '../../compute/audience.js';
import type { Sourced } from '../../compute/documents/context.js';
import { ruleSetFor } from '../../compute/rule-sets.js';
import type { Job } from '../../build/jobs.js';
import { parseManifest, serializeManifest, updateManifest, type ManifestEntry } from '../../build/manifest.js';
import { prepareTemplate, type Format } from '../../build/render-document.js';
import { runJob, sha256 } from '../../build/run-job.js';
import type { CaseRoot } from '../../load/case-root.js';
import type { Home } from '../../model/home.js';
import { today } from '../../io/clock.js';
import { loadFonts } from '../../io/fonts.js';
import { PACKAGE_ROOT, readAssets, readTemplate } from '../../io/package-files.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { readRoot } from '../read-root.js';
import { formatText } from '../report.js';

export interface BuildOptions {
  readonly out: string;
  readonly asOf?: string;
  readonly format: readonly Format[];
  readonly audience?: Audience;
  readonly templates?: string;
  readonly draft?: boolean;
  readonly pdfa?: boolean;
}

/** Which documents to make, once the root is loaded and the as-of date known. */
export type PlanJobs = (root: CaseRoot, asOf: string) => Job[];

const { version } = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

export async function build(rootArg: string, options: BuildOptions, plan: PlanJobs, log: (line: string) => void): Promise<ExitCode> {
  const started = performance.now();
  const { root, diagnostics, report, bytesOf } = await readRoot(rootArg);
  if (hasErrors(diagnostics) || !root.agency) {
    process.stdout.write(formatText(report));
    log(pc.red('Nothing was built: fix the errors above first.'));
    return EXIT.dataErrors;
  }
  const agency = root.agency.data;
  const asOf = options.asOf ?? today(agency.time_zone ?? undefined);
  const jobs = plan(root, asOf);
  if (jobs.length === 0) {
    log(`Nothing to build as of ${asOf}.`);
    return EXIT.ok;
  }

  const templatesDir = options.templates ?? join(PACKAGE_ROOT, 'templates');
  const compiled = new Map<string, ReturnType<typeof prepareTemplate>>();
  const templateSources = new Map<string, string>();
  for (const file of new Set(jobs.map((j) => j.template))) {
    const sources = await readTemplate(join(templatesDir, file)).catch(() => {
      throw new UsageError(`the template "${join(templatesDir, file)}" cannot be read`);
    });
    templateSources.set(sources.file, sources.source);
    compiled.set(file, prepareTemplate(sources));
  }
  const homes = new Map<string, Sourced<Home>>(root.homes.flatMap((h) => (h.home ? [[h.id, { file: h.home.file, data: h.home.data, body: '' }] as const] : [])));
  const env = {
    context: { agency, asOf, rules: ruleSetFor(agency), homes },
    template: (file: string) => compiled.get(file)!,
    images: await readAssets(rootArg),
    fonts: options.format.includes('pdf') ? await loadFonts() : (undefined as never),
    formats: options.format,
    fileBytes: bytesOf,
    ...(options.draft ? { draft: true } : {}),
    ...(options.pdfa ? { pdfa: true } : {}),
  };

  const entries: Record<string, ManifestEntry> = {};
  const failures: Diagnostic[] = [];
  let failed = 0;
  let warnings = 0;
  for (const job of jobs) {
    const result = await runJob(job, env);
    if (Object.keys(result.files).length === 0) {
      failures.push(...result.diagnostics);
      failed++;
      log(`${pc.red('failed')} ${job.output} (${job.type}, ${job.subject})`);
      continue;
    }
    const written: string[] = [];
    for (const [format, bytes] of Object.entries(result.files) as [Format, Uint8Array][]) {
      const path = `${job.output}.${format}`;
      const error = await writeFileAtomic(join(options.out, path), bytes).then(() => undefined, (e: NodeJS.ErrnoException) => e);
      if (error) {
        failures.push(diagnostic('CP3001', { file: join(options.out, path), message: `the file could not be written (${error.code ?? error.message}); any earlier copy is left as it was` }));
        continue;
      }
      written.push(format);
      entries[path] = {
        type: job.type,
        subject: job.subject,
        audience: job.audience,
        template: job.template,
        asOf,
        inputs: result.inputs,
        withheld: result.withheld.map(({ kind, field }) => ({ kind, field })),
        sha256: sha256(bytes),
      };
    }
    if (written.length < Object.keys(result.files).length) {
      failed++;
      log(`${pc.red('failed')} ${job.output} (${job.type}, ${job.subject}): not written`);
      continue;
    }
    log(`${pc.green('built')} ${join(options.out, job.output)}.{${written.join(',')}}`);
    for (const warning of result.warnings) log(`  ${pc.yellow('warning')} ${warning}`);
    warnings += result.warnings.length;
  }
  const manifestPath = join(options.out, 'manifest.json');
  const previous = await readFile(manifestPath, 'utf8').catch(() => undefined);
  await writeFileAtomic(manifestPath, serializeManifest(updateManifest(parseManifest(previous, version), entries)));

  if (failures.length > 0) {
    process.stdout.write(formatText({ diagnostics: failures, displayPath: (f) => f, sourceOf: (f) => templateSources.get(f), filesChecked: jobs.length }));
  }
  const built = jobs.length - failed;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`${failed ? pc.red('✖') : pc.green('✔')} ${built} of ${jobs.length} documents built as of ${asOf} in ${seconds} s${warnings ? `, ${warnings} warnings` : ''}; manifest: ${manifestPath}`);
  return failed ? EXIT.dataErrors : EXIT.ok;
}
