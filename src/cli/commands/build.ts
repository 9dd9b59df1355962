/**
 * `casepress build [root]`, and the one-document commands `court-summary` and
 * `relicense`: validate, then make every document that is due (cli.md), write
 * each file atomically, and record them in <out>/manifest.json. Nothing is
 * built from data with errors; one failed document never stops the others.
 *
 * Incremental: a job whose recorded inputs (root-view.ts) all hash as they did,
 * and whose fingerprint and output bytes match the manifest, is skipped without
 * computing its data (unless --force); a full `build` removes the recorded
 * outputs it superseded, and keeps the copies made on request that are still
 * current. The manifest is written last. Each case file's parse and the
 * partials each template uses are kept under <out>/.casepress-cache, keyed by
 * content hashes (load/parse-cache.ts, build/template-uses.ts): after one edit
 * only that file is parsed, and only the templates of the jobs that render are
 * compiled.
 *
 * The document data is computed here, one job at a time; rendering runs on
 * worker threads (--jobs) once there is enough to do, with a bounded number of
 * jobs under way, so memory does not grow with the size of the root.
 */
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pc from 'picocolors';
import { diagnostic, hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import type { Audience } from '../../compute/audience.js';
import { DEFAULT_AUDIENCE, hearingsAhead, type DocType, type Job } from '../../build/jobs.js';
import { inputsUnchanged } from '../../build/inputs.js';
import { canonicalJson, fingerprint, isUpToDate, outputClashes, sha256, staleOutputs } from '../../build/fingerprint.js';
import { parseManifest, serializeManifest, updateManifest, withoutOutputs, type Manifest, type ManifestEntry } from '../../build/manifest.js';
import { parseSnapshot, serializeSnapshot, unchangedSince, type Snapshot } from '../../build/snapshot.js';
import type { Format } from '../../build/render-document.js';
import { createJobEnvironment } from '../../build/job-environment.js';
import { templateUses } from '../../build/template-uses.js';
import { inThreadRenderer, workerRenderer, type RenderedJob, type Renderer, type RendererSetup } from '../../build/renderer.js';
import { jobData, jobHeader, renderInput, withheldFields, type JobData } from '../../build/run-job.js';
import { AGENCY_FILE } from '../../compute/documents/context.js';
import { unverifiedRuleLines } from '../unverified-rules.js';
import type { CaseRoot } from '../../model/case-root.js';
import { today } from '../../io/clock.js';
import { loadFonts } from '../../io/fonts.js';
import { PACKAGE_ROOT, readAssets, readTemplate } from '../../io/package-files.js';
import { statFiles, statTree } from '../../io/stat-tree.js';
import { codeIdentity, readShards, writeShards } from '../../io/cache-shards.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { emptyCounts, summaryTable, type TypeCounts } from '../build-summary.js';
import { lineProgress, startProgress, type Progress } from '../progress.js';
import { readRoot, type ReadRootOptions } from '../read-root.js';
import { formatText } from '../report.js';

export interface BuildOptions {
  readonly out: string;
  readonly asOf?: string;
  readonly format: readonly Format[];
  readonly audience?: Audience;
  /** With the `parent` audience: whose copy (a role or a full name). */
  readonly parent?: string;
  readonly templates?: string;
  readonly draft?: boolean;
  readonly pdfa?: boolean;
  /** Rebuild even the outputs that are up to date. */
  readonly force?: boolean;
  /** Any warning (filing readiness, the data's, the rule set's) makes the exit code 1. */
  readonly strict?: boolean;
  /**
   * This run makes every document of the root (`build` without --case, --home,
   * --doc or --audience), so recorded outputs whose job is gone are removed.
   * `court-summary` and `relicense` never prune.
   */
  readonly prune?: boolean;
  /** Worker threads rendering at once; 1 renders in this thread. */
  readonly jobs?: number;
  /** Where to draw a progress bar (a terminal); plain lines otherwise. */
  readonly terminal?: NodeJS.WriteStream;
  /** No summary table (watch prints one line per rebuild instead). */
  readonly quiet?: boolean;
  /**
   * Only the jobs this says a change may affect are looked at; the others are
   * taken as up to date (watch knows which files changed: watch/affected.ts).
   */
  readonly affects?: (job: Job, recorded: ManifestEntry | undefined) => boolean;
  /** How to read the root (watch keeps a memo and lists only what changed). */
  readonly read?: ReadRootOptions;
  /** Today's date in a time zone (the clock, for tests of a day rolling over). */
  readonly today?: (timeZone?: string) => string;
  /** Where documents are rendered; default: worker threads per `jobs` when there is enough to do (tests pass a failing pool). */
  readonly renderer?: (setup: RendererSetup) => Renderer;
}

/** Which documents to make, once the root is loaded and the as-of date known. */
export type PlanJobs = (root: CaseRoot, asOf: string) => Job[];

export interface FailedDocument {
  /** Output path under --out, without the extension. */
  readonly output: string;
  readonly type: DocType;
  readonly subject: string;
}

/** What a build did, for the command's exit code and for watch's one line. */
export interface BuildOutcome {
  readonly code: ExitCode;
  /** The data had errors: nothing was built. */
  readonly dataErrors: boolean;
  /** Output paths under --out, without the extension, in the order they were written. */
  readonly built: readonly string[];
  readonly failed: readonly FailedDocument[];
  /** Files under --out removed because their document is gone. */
  readonly removed: readonly string[];
  readonly skipped: number;
  /** The largest heap seen on each rendering thread (0: this one), in bytes. */
  readonly peakHeap: Readonly<Record<number, number>>;
  /** The day the documents speak from and the agency's time zone, once known (watch rebuilds when the day changes). */
  readonly day?: { readonly asOf: string; readonly timeZone?: string | undefined };
}

/**
 * The first documents a build renders are rendered in this thread; workers
 * start with the next one. Starting them costs about a second, so a rebuild
 * of one or two documents (a saved note in watch) never pays it.
 */
const IN_THREAD_FIRST = 4;

const { version } = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

export async function build(rootArg: string, options: BuildOptions, plan: PlanJobs, log: (line: string) => void): Promise<BuildOutcome> {
  const started = performance.now();
  const outcome = (code: ExitCode, rest: Partial<BuildOutcome> = {}): BuildOutcome => ({ code, dataErrors: false, built: [], failed: [], removed: [], skipped: 0, peakHeap: {}, ...rest });
  const full = options.prune === true;
  const templatesDir = options.templates ?? join(PACKAGE_ROOT, 'templates');
  const snapshotPath = join(options.out, SNAPSHOT_FILE);
  // A full build stamps the root and templates before reading them: an edit made while it runs is seen next time.
  // (Not watch's rebuilds: they know what changed, and the stamps would cost more than they save.)
  const stamps = full && !options.affects ? { root: statTree(rootArg, options.out), templates: statTree(templatesDir) } : undefined;
  const last = stamps && !options.force ? parseSnapshot(await readFile(snapshotPath, 'utf8').catch(() => undefined)) : undefined;
  if (stamps && !options.force) {
    const asOf = options.asOf ?? (last ? (options.today ?? today)(last.timeZone) : undefined);
    if (last && asOf && stamps.root && stamps.templates) {
      const now = { settings: settingsHash(rootArg, templatesDir, asOf, options), root: stamps.root, templates: stamps.templates, outputs: statFiles(options.out, last.outputs.map(([path]) => path)) };
      if (unchangedSince(last, now)) {
        const skipped = replay(last, asOf, options, log, started);
        if (options.strict && last.warnings.length) log(strictNote(last.warnings.length));
        return outcome(options.strict && last.warnings.length ? EXIT.dataErrors : EXIT.ok, { skipped, day: { asOf, timeZone: last.timeZone } });
      }
    }
  }
  // Each file's parse is kept beside the outputs, so the next build parses only what changed (watch keeps its own memo).
  const { root, diagnostics, report, bytesOf, hashOf } = await readRoot(rootArg, options.read?.memo ? options.read : { ...options.read, parseCache: join(options.out, CACHE_DIR, 'parses') });
  if (hasErrors(diagnostics) || !root.agency) {
    process.stdout.write(formatText(report));
    log(pc.red('Nothing was built: fix the errors above first.'));
    return outcome(EXIT.dataErrors, { dataErrors: true });
  }
  const agency = root.agency.data;
  const asOf = options.asOf ?? (options.today ?? today)(agency.time_zone ?? undefined);
  const day = { asOf, timeZone: agency.time_zone ?? undefined };
  const jobs = plan(root, asOf);
  if (jobs.length === 0 && !full) {
    log(`Nothing to build as of ${asOf}.`);
    return outcome(EXIT.ok, { day });
  }
  const clashes = outputClashes(jobs.map((j) => j.output));
  if (clashes.length > 0) {
    const found = clashes.map(({ output, count }) =>
      diagnostic('CP3003', { file: join(options.out, output), message: `${count} documents would be written to this one path; nothing was built` }),
    );
    process.stdout.write(formatText({ diagnostics: found, displayPath: (f) => f, sourceOf: () => undefined, filesChecked: jobs.length }));
    return outcome(EXIT.dataErrors, { day });
  }

  const images = await readAssets(rootArg);
  const fonts = options.format.includes('pdf') ? await loadFonts() : undefined;
  const usesDir = join(options.out, CACHE_DIR, 'templates');
  const usesCode = codeIdentity(TEMPLATE_CODE.folders, TEMPLATE_CODE.packages);
  const uses = templateUses(readShards(usesDir, ['uses'], usesCode).get('uses'));
  const env = await createJobEnvironment({
    root,
    agency,
    asOf,
    templatesDir,
    readTemplate: (path) =>
      readTemplate(path).catch(() => {
        throw new UsageError(`the template "${path}" cannot be read`);
      }),
    formats: options.format,
    ...(fonts ? { fonts } : {}),
    images,
    bytesOf,
    hashOf,
    templates: jobs.map((j) => j.template),
    templateUses: uses,
    ...(options.draft ? { draft: true } : {}),
    ...(options.pdfa ? { pdfa: true } : {}),
  });
  if (uses.changed()) await writeShards(usesDir, new Map([['uses', uses.stored()]]), new Set(['uses']), usesCode).catch(() => undefined);
  const setup: RendererSetup = {
    templates: env.templateFiles,
    agency,
    asOf,
    images,
    fonts: env.fonts,
    formats: options.format,
    ...(options.draft ? { draft: true } : {}),
    ...(options.pdfa ? { pdfa: true } : {}),
  };

  // What every job shares, hashed once.
  const shared = {
    tool: version,
    asOf,
    formats: options.format,
    draft: options.draft === true,
    pdfa: options.pdfa === true,
    agency: hashOf(AGENCY_FILE) ?? sha256(''),
    fonts: fonts ? sha256(canonicalJson(Object.entries(fonts).map(([key, bytes]) => [key, sha256(bytes)]))) : '',
    rules: sha256(canonicalJson(env.context.rules)),
    assets: Object.fromEntries(Object.entries(images).map(([path, bytes]) => [path, sha256(bytes)])),
  };
  const manifestPath = join(options.out, 'manifest.json');
  // An output with the size and modification time the last clean full build stamped has the bytes the manifest records: it need not be read.
  const stamped = new Map(last?.outputs.map(([path, size, mtime]) => [path, `${size} ${mtime}`]));
  const previous = parseManifest(await readFile(manifestPath, 'utf8').catch(() => undefined), version);

  const entries: Record<string, ManifestEntry> = {};
  const failures: Diagnostic[] = [];
  const built: string[] = [];
  const failed: FailedDocument[] = [];
  const counts = emptyCounts();
  /** Every warning of this build, to be said again by a build that finds nothing changed. */
  const warningLines: string[] = [];
  /** Templates whose compile errors were reported already. */
  const brokenTemplates = new Set<string>();
  const warn = (job: Job, warning: string) => {
    if (warningLines.length < WARNINGS_SHOWN) progress.log(warningLine(`${job.output}: ${warning}`));
    warningLines.push(`${job.output}: ${warning}`);
  };
  const progress: Progress = options.quiet
    ? lineProgress(log)
    : startProgress({ total: jobs.length, log, ...(options.terminal ? { terminal: options.terminal } : {}) });
  // The data's own warnings (what `validate` prints) come first, one line each, then the rule set's.
  const dataWarnings = diagnostics.map((d) => `${d.span ? `${d.file}:${d.span.start.line}:${d.span.start.column}` : d.file}: ${d.code} ${d.message}`);
  for (const line of [...dataWarnings, ...unverifiedRuleLines(agency, new Set(jobs.map((j) => j.type)))]) {
    if (warningLines.length < WARNINGS_SHOWN) progress.log(warningLine(line));
    warningLines.push(line);
  }

  const fail = (job: Job, why: string, found: readonly Diagnostic[]) => {
    failures.push(...found);
    failed.push({ output: job.output, type: job.type, subject: job.subject });
    counts[job.type].failed++;
    progress.done(`${pc.red('failed')} ${job.output} (${job.type}, ${job.subject})${why}`);
  };

  /** Writes a rendered job's files and records them; a failed render or write is reported. */
  const peakHeap: Record<number, number> = {};
  const finish = async (job: Job, prepared: JobData, print: string, result: RenderedJob) => {
    peakHeap[result.thread] = Math.max(peakHeap[result.thread] ?? 0, result.heapBytes);
    if (Object.keys(result.files).length === 0) return fail(job, '', result.diagnostics);
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
        asOf: job.asOf ?? asOf,
        date: job.date,
        ...(full ? {} : { requested: true }),
        inputs: prepared.inputs,
        withheld: withheldFields(prepared.data.withheld, result.caught),
        warnings: result.warnings,
        fingerprint: print,
        sha256: sha256(bytes),
      };
    }
    if (written.length < Object.keys(result.files).length) return fail(job, ': not written', []);
    built.push(job.output);
    counts[job.type].built++;
    progress.done(`${pc.green('built')} ${join(options.out, job.output)}.{${written.join(',')}}`);
    for (const warning of result.warnings) warn(job, warning);
  };

  let inThread: Renderer | undefined;
  let pool: Renderer | undefined;
  let toRender = 0;
  const rendererFor = (): Renderer => {
    if (options.renderer) return (pool ??= options.renderer(setup));
    toRender++;
    if (!pool && (options.jobs ?? 1) > 1 && toRender > IN_THREAD_FIRST) pool = workerRenderer(setup, { threads: options.jobs! });
    return pool ?? (inThread ??= inThreadRenderer(setup));
  };
  const underWay = new Set<Promise<void>>();
  try {
    for (const job of jobs) {
      const recorded = recordedEntry(previous, job.output, options.format);
      if (options.affects && !options.affects(job, recorded)) {
        counts[job.type].skipped++;
        progress.done();
        continue;
      }
      const printOf = (inputs: JobData['inputs']) =>
        fingerprint({ ...shared, asOf: job.asOf ?? asOf, type: job.type, subject: job.subject, output: job.output, audience: job.audience, inputs, template: env.templateHashes.get(job.template)! });
      const paths = options.format.map((format) => `${job.output}.${format}`);
      // What the job read last time still hashes the same: its data would come out the same, so it is not computed.
      if (!options.force && recorded && inputsUnchanged(recorded.inputs, env.inputHash) && (await upToDate(previous, options.out, paths, printOf(recorded.inputs), stamped))) {
        counts[job.type].skipped++;
        progress.done();
        // A shortfall is still a shortfall when its packet is up to date: say it again.
        for (const warning of recorded.warnings ?? []) warn(job, warning);
        // A copy made on request that a full build makes too is now the full build's.
        if (full) for (const path of paths) if (previous.outputs[path]!.requested) entries[path] = madeByFullBuild(previous.outputs[path]!);
        continue;
      }
      const prepared = jobData(job, env);
      const print = printOf(prepared.inputs);
      // A template that does not compile fails its jobs without rendering; its errors are reported once.
      const compiled = env.template(job.template);
      if (!compiled.template) {
        // (Its errors may stand in its partials, so it is the template that is remembered, not the files.)
        fail(job, '', brokenTemplates.has(job.template) ? [] : compiled.diagnostics);
        brokenTemplates.add(job.template);
        continue;
      }
      const renderer = rendererFor();
      const running = renderer
        .render({ job: jobHeader(job), input: renderInput(prepared) })
        .then(
          (result) => finish(job, prepared, print, result),
          (error: unknown) => fail(job, ': rendering stopped unexpectedly', [crashed(job, error)]),
        )
        .finally(() => underWay.delete(running));
      underWay.add(running);
      if (underWay.size >= renderer.capacity) await Promise.race(underWay);
    }
    await Promise.all(underWay);
  } finally {
    progress.stop();
    await Promise.all([inThread?.close(), pool?.close()]);
  }

  const removed = full ? await removeStale(previous, options.out, root, jobs, asOf, log) : [];
  const manifest = updateManifest(withoutOutputs(previous, removed), entries);
  await writeFileAtomic(manifestPath, serializeManifest(manifest));
  if (stamps?.root && stamps.templates && failures.length === 0) {
    const snapshot: Snapshot = {
      version: 1,
      settings: settingsHash(rootArg, templatesDir, asOf, options),
      root: stamps.root,
      templates: stamps.templates,
      outputs: statFiles(options.out, [...Object.keys(manifest.outputs), 'manifest.json']),
      warnings: warningLines,
      documents: Object.fromEntries(Object.entries(counts).map(([type, c]) => [type, c.built + c.skipped])),
      ...(agency.time_zone ? { timeZone: agency.time_zone } : {}),
    };
    await writeFileAtomic(snapshotPath, serializeSnapshot(snapshot));
  } else {
    await rm(snapshotPath, { force: true });
  }
  // A full build keeps every warning in one file: a big agency has more than a terminal can show.
  const warningsPath = join(options.out, WARNINGS_FILE);
  if (full) await (warningLines.length ? writeFileAtomic(warningsPath, `${[...warningLines].sort().join('\n')}\n`) : rm(warningsPath, { force: true }));

  if (failures.length > 0) {
    process.stdout.write(formatText({ diagnostics: failures, displayPath: (f) => f, sourceOf: (f) => env.templateSources.get(f), filesChecked: jobs.length }));
  }
  const skipped = jobs.length - built.length - failed.length;
  const ran = jobs.length - skipped;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const code = failed.length || (options.strict && warningLines.length) ? EXIT.dataErrors : EXIT.ok;
  if (!options.quiet && jobs.length > 0) log(summaryTable(counts));
  if (ran === 0) {
    log(`${pc.green('✔')} ${jobs.length === 0 ? `Nothing to build as of ${asOf}` : `${jobs.length === 1 ? 'The document was' : `All ${jobs.length} documents were`} up to date as of ${asOf}; none rebuilt`} (${seconds} s); manifest: ${manifestPath}`);
  } else {
    const upToDateNote = skipped ? `; ${skipped} up to date, skipped` : '';
    const failedNote = failed.length ? `; failed: ${failed.map((f) => f.output).slice(0, 5).join(', ')}${failed.length > 5 ? ` and ${failed.length - 5} more` : ''}` : '';
    log(`${failed.length ? pc.red('✖') : pc.green('✔')} ${built.length} of ${ran} documents built as of ${asOf} in ${seconds} s${warningsNote(warningLines.length, full ? warningsPath : undefined)}${upToDateNote}${failedNote}; manifest: ${manifestPath}`);
  }
  if (options.strict && warningLines.length && !failed.length) log(strictNote(warningLines.length));
  return outcome(code, { built, failed, removed, skipped, peakHeap, day });
}

/** A build prints its first warnings as they come; a full build writes them all to <out>/warnings.txt. */
const WARNINGS_SHOWN = 20;
const WARNINGS_FILE = 'warnings.txt';

const strictNote = (count: number) => pc.red(`✖ --strict: ${count} warning${count === 1 ? '' : 's'}, so the exit code is 1`);

const warningLine = (text: string) => `  ${pc.yellow('warning')} ${text}`;

/** ", 7 warnings", or ", 1276 warnings (the first 20 above; all in output/warnings.txt)". */
function warningsNote(count: number, file: string | undefined): string {
  if (count === 0) return '';
  if (count <= WARNINGS_SHOWN) return `, ${count} warning${count === 1 ? '' : 's'}`;
  return `, ${count} warnings (the first ${WARNINGS_SHOWN} above${file ? `; all in ${file}` : ''})`;
}

/** Beside the manifest: each case file's parse (load/parse-cache.ts) and the partials each template uses (build/template-uses.ts). */
const CACHE_DIR = '.casepress-cache';
/** What the partials a template uses depend on besides its sources. */
const TEMPLATE_CODE = { folders: ['templates', 'document', 'core'], packages: ['handlebars', 'markdown-it'] } as const;

/** Beside the manifest: the stamps of the last clean full build (snapshot.ts). */
const SNAPSHOT_FILE = '.casepress-snapshot.json';

/** Everything a full build's outputs depend on besides the files it stamps. */
function settingsHash(rootArg: string, templatesDir: string, asOf: string, options: BuildOptions): string {
  return sha256(
    canonicalJson({
      tool: version,
      asOf,
      formats: [...options.format].sort(),
      audience: options.audience ?? null,
      parent: options.parent ?? null,
      draft: options.draft === true,
      pdfa: options.pdfa === true,
      folders: [resolve(rootArg), resolve(templatesDir), resolve(options.out)],
    }),
  );
}

/** Says what the last build said, for a build that found nothing changed; returns the number of documents. */
function replay(last: Snapshot, asOf: string, options: BuildOptions, log: (line: string) => void, started: number): number {
  const counts = emptyCounts();
  let total = 0;
  for (const [type, count] of Object.entries(last.documents) as [DocType, number][]) {
    (counts[type] as TypeCounts).skipped = count;
    total += count;
  }
  for (const warning of last.warnings.slice(0, WARNINGS_SHOWN)) log(warningLine(warning));
  if (!options.quiet && total > 0) log(summaryTable(counts));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`${pc.green('✔')} ${total === 0 ? `Nothing to build as of ${asOf}` : `All ${total} documents were up to date as of ${asOf}; none rebuilt`} (${seconds} s, no file changed since the last build)${warningsNote(last.warnings.length, join(options.out, WARNINGS_FILE))}; manifest: ${join(options.out, 'manifest.json')}`);
  return total;
}

function crashed(job: Job, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic('CP3004', { file: job.output, message: `rendering the ${job.type} of ${job.subject} stopped: ${message}; the other documents were built (please report this)` });
}

/** The manifest's entry for a job when every format of it is recorded (they share inputs). */
function recordedEntry(previous: Manifest, output: string, formats: readonly Format[]): ManifestEntry | undefined {
  const entries = formats.map((format) => previous.outputs[`${output}.${format}`]);
  return entries.every((e) => e !== undefined) ? entries[0] : undefined;
}

/**
 * Every output of the job is recorded with this fingerprint and still has its
 * recorded bytes: read and hashed, unless its stamp is the one `stamped` holds.
 */
async function upToDate(previous: Manifest, out: string, paths: readonly string[], print: string, stamped: ReadonlyMap<string, string>): Promise<boolean> {
  for (const path of paths) {
    const entry = previous.outputs[path];
    if (entry?.fingerprint !== print) return false;
    const stamp = stamped.get(path) === undefined ? undefined : statFiles(out, [path]).map(([, size, mtime]) => `${size} ${mtime}`)[0];
    const onDisk = stamp !== undefined && stamp === stamped.get(path) ? entry.sha256 : await readFile(join(out, path)).then(sha256, () => undefined);
    if (!isUpToDate(entry, print, onDisk)) return false;
  }
  return true;
}

/** The entry without its mark of a copy made on request. */
function madeByFullBuild({ requested: _requested, ...entry }: ManifestEntry): ManifestEntry {
  return entry;
}

/** What a full build makes nothing of for a case or home that still exists, by document type (a court report: see staleBecause). */
const NOTHING_TO_MAKE: Readonly<Record<Exclude<DocType, 'court-report'>, string>> = {
  'service-plan': 'its case has no plan.yaml',
  'transition-plan': 'its case has no transition.yaml',
  'home-study': 'its home has no study.md',
  'relicensing-packet': 'its home has no license to renew',
};

/** Made on request (`court-summary`, `build --case/--home/--doc/--audience`), or, in a manifest written before that was recorded, for an audience a full build does not make. */
const isRequested = (entry: ManifestEntry) => entry.requested === true || entry.audience !== DEFAULT_AUDIENCE[entry.type];

/**
 * Why a full build removes a recorded output that none of its jobs writes, or
 * undefined when it keeps it: a copy made on request (another audience, a
 * hearing further ahead) of a document that is still current.
 */
function staleBecause(entry: ManifestEntry, path: string, root: CaseRoot, jobs: readonly Job[], asOf: string): string | undefined {
  const isCase = path.startsWith('children/');
  const what = isCase ? 'case' : 'home';
  const child = isCase ? root.children.find((c) => c.id === entry.subject && c.case) : undefined;
  const exists = isCase ? child !== undefined : root.homes.some((h) => h.id === entry.subject && h.home);
  if (!exists) return `its ${what} ${entry.subject} no longer exists`;
  // Entries written before the date was recorded carry it in their file name.
  const date = entry.date ?? /-(\d{4}-\d{2}-\d{2})(?:-[a-z_]+)?\.(?:pdf|docx)$/.exec(path)?.[1] ?? '';
  if (entry.type === 'court-report') {
    const ahead = hearingsAhead(child!, asOf);
    const next = ahead[0] ? `the case's next hearing is ${ahead[0]}` : `the case has no hearing ahead as of ${asOf}`;
    if (!ahead.includes(date)) return `${date < asOf ? `the hearing of ${date} is past` : `the case has no hearing on ${date} any more`}; ${next}`;
    return isRequested(entry) ? undefined : `superseded: ${next}`;
  }
  const current = jobs.find((j) => j.type === entry.type && j.subject === entry.subject);
  if (!current) return NOTHING_TO_MAKE[entry.type];
  if (date !== current.date) return `superseded: the ${what}'s ${entry.type.replace(/-/g, ' ')} is now dated ${current.date}`;
  // The same document and date, so another audience: a copy made on request.
  return undefined;
}

/**
 * Removes the outputs the manifest records that a full build superseded (never
 * any other file), and returns the manifest keys to drop. A file changed since
 * casepress wrote it is someone's work: it is left in place, and only its entry
 * dropped. Every line says why, truthfully.
 */
async function removeStale(previous: Manifest, out: string, root: CaseRoot, jobs: readonly Job[], asOf: string, log: (line: string) => void): Promise<string[]> {
  const dropped: string[] = [];
  for (const path of staleOutputs(Object.keys(previous.outputs), jobs.map((j) => j.output))) {
    const entry = previous.outputs[path]!;
    const file = join(out, path);
    const reason = staleBecause(entry, path, root, jobs, asOf);
    if (reason === undefined) continue;
    const onDisk = await readFile(file).then(sha256, () => undefined);
    if (onDisk !== undefined && onDisk !== entry.sha256) {
      log(`${pc.yellow('kept')} ${file}: ${reason}, but the file was changed after casepress wrote it; it is no longer in the manifest`);
      dropped.push(path);
      continue;
    }
    const error = onDisk === undefined ? undefined : await rm(file).then(() => undefined, (e: NodeJS.ErrnoException) => e);
    if (error) {
      log(`${pc.yellow('warning')} ${file} could not be removed (${error.code ?? error.message}); ${reason}`);
      continue;
    }
    log(onDisk === undefined ? `${pc.cyan('dropped')} ${file} from the manifest: ${reason} (the file was already gone)` : `${pc.cyan('removed')} ${file}: ${reason}`);
    dropped.push(path);
  }
  return dropped;
}
