/**
 * The build engine behind `build`, `court-summary`, `relicense` and `watch`:
 * validate, then make every document planned (cli.md), write each file
 * atomically, and record them in <out>/manifest.json. Nothing is built from
 * data with errors; one failed document never stops the others. The file
 * system, the clock and what is said come in as ports (ports.ts).
 *
 * Incremental: a job whose recorded inputs (root-view.ts) all hash as they did,
 * and whose fingerprint and output bytes match the manifest, is skipped without
 * computing its data (unless `force`); a full build removes the recorded
 * outputs it superseded (prune.ts), and keeps the copies made on request that
 * are still current. The manifest is written last. Each case file's parse and
 * the partials each template uses are kept under <out>/.casepress-cache, keyed
 * by content hashes (load/parse-cache.ts, template-uses.ts): after one edit
 * only that file is parsed, and only the templates of the jobs that render are
 * prepared, from the code an earlier run kept when it can (prepared-store.ts).
 * A full build reads only the files whose stamps changed since its last clean
 * run (the others' hashes are the snapshot's), and when none did, says what
 * that run said without loading the root (snapshot.ts).
 *
 * A full build of a root with more children than a part holds checks every
 * part, then loads and builds one part at a time (parts.ts, check-parts.ts),
 * so what it holds does not grow with the root; the entries it makes wait in
 * a scratch file until the manifest is written (made-entries.ts), as do its
 * warnings (warning-lines.ts) and, once checked, the entries of the listing
 * inside the children's folders (core/parted-listing.ts).
 *
 * The document data is computed here, one job at a time; rendering runs in
 * this thread or on worker threads (pool.ts).
 */
import { join } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Audience } from '../compute/audience.js';
import { AGENCY_FILE } from '../compute/documents/context.js';
import { familyGuards } from '../compute/documents/family-guards.js';
import type { CaseRoot } from '../model/case-root.js';
import type { FileStamp } from '../core/listing.js';
import { heldInMemory, PartedListing, type HeldListing } from '../core/parted-listing.js';
import { canonicalJson, fingerprint, outputClashes, sha256 } from './fingerprint.js';
import type { ShapedRuns } from '../render/pdf/index.js';
import { changedInput, inputsUnchanged } from './inputs.js';
import { sharedEnvironment, withRoot, type PreparedJobEnvironment } from './job-environment.js';
import { DOC_TYPES, isDataFormat, isRenderedFormat, type DocType, type Job, type OutputFormat } from './jobs.js';
import { parseManifest, recordedOutputs, type Manifest, type ManifestEntry, type RecordedOutputs } from './manifest.js';
import { MadeEntries } from './made-entries.js';
import { linesInPieces, WarningLines } from './warning-lines.js';
import { recordedEntry, stampsByPath, upToDate } from './plan.js';
import { renderPool, type RenderPoolOptions } from './pool.js';
import type { BuildPorts, FailedDocument, ReadRoot, ReadRootOptions, ScratchFile, TypeCounts } from './ports.js';
import { isRequested, madeByFullBuild, removeStale, staleOutputsOf, type StaleOutput } from './prune.js';
import { checkParts, type CheckedParts, type PlannedOutput } from './check-parts.js';
import { checkedWithoutHomes, childrenNames, childrenPart, childrenParts, CHILDREN_PER_PART, homeParts, readBeyond, WHOLE_ROOT, withTheirHomes, withTheRest, type BuildPart } from './parts.js';
import { carriedWarnings, localChange, MANIFEST_FILE } from './local-change.js';
import { entryText, indexManifest, manifestPieces, type ManifestText } from './manifest-text.js';
import type { Format } from './render-document.js';
import type { RenderedJob } from './renderer.js';
import { byReference, jobData, jobHeader, renderInput, withheldFields, type JobData } from './run-job.js';
import { knownHashes, parseSnapshot, sameOutputs, snapshotText, settingsHash, SNAPSHOT_FILE, unchangedSince, type Snapshot, type SnapshotToWrite } from './snapshot.js';
import { preparedStore } from './prepared-store.js';
import { templateUses } from './template-uses.js';
import { unverifiedRuleLines } from './unverified-rules.js';

export interface BuildOptions extends RenderPoolOptions {
  readonly out: string;
  readonly asOf?: string;
  readonly format: readonly Format[];
  readonly audience?: Audience;
  /** With the `parent` audience: whose copy (a role or a full name). */
  readonly parent?: string;
  readonly templates?: string;
  readonly draft?: boolean;
  readonly pdfa?: boolean;
  /** `--reference-docx`: the bytes of a Word file whose styles the DOCX takes (checked by the caller). */
  readonly referenceDocx?: Uint8Array;
  /** Rebuild even the outputs that are up to date. */
  readonly force?: boolean;
  /** Any warning (filing readiness, the data's, the rule set's) makes the build fail. */
  readonly strict?: boolean;
  /**
   * This run makes every document of the root (`build` without --case, --home,
   * --doc or --audience), so recorded outputs whose job is gone are removed.
   * `court-summary` and `relicense` never prune.
   */
  readonly prune?: boolean;
  /**
   * Only the jobs this says a change may affect are looked at; the others are
   * taken as up to date (watch knows which files changed: watch/affected.ts).
   */
  readonly affects?: (job: Job, recorded: ManifestEntry | undefined) => boolean;
  /** How to read the root (watch keeps a memo and lists only what changed). */
  readonly read?: ReadRootOptions;
  /** Jobs to make besides the plan's, from the outputs the manifest records (watch keeps the statistics current: watch/recorded-stats.ts). */
  readonly recordedJobs?: (recorded: RecordedOutputs, asOf: string) => Job[];
  /**
   * `--preflight [profile]`: every court copy's PDF is checked against this
   * e-filing profile of agency.yaml (default: its `efiling.default`) before it
   * is written; one that fails is a failed document, neither of its files
   * written. The caller's plan refuses a profile agency.yaml lacks.
   */
  readonly preflight?: { readonly profile?: string } | undefined;
  /** A full build of a root with more children than this works in parts (parts.ts; tests make them small). */
  readonly childrenPerPart?: number;
}

/** Which documents to make, once the root is loaded and the as-of date known. */
export type PlanJobs = (root: CaseRoot, asOf: string) => Job[];

/** What a build did, for the command's exit code and for watch's one line. */
export interface BuildResult {
  /** False when the data had errors, a document failed, or (`strict`) there was a warning. */
  readonly ok: boolean;
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

/** What a data file (CSV, JSON) does not depend on: it is written from the job's data, not rendered. */
const NOT_READ_BY_DATA = { template: '', fonts: '', assets: {}, draft: false, pdfa: false, referenceDocx: '' } as const;
const encoder = new TextEncoder();
/** Beside the manifest: each case file's parse (load/parse-cache.ts) and the partials each template uses (template-uses.ts). */
const CACHE_DIR = '.casepress-cache';
/** Shaped words depend on the font files (the shard's name), the PDF writer and the shaper. */
const SHAPING_CODE = { folders: ['render/pdf'], packages: ['fontkit', 'pdfkit'] } as const;
/**
 * The shaped words this process last kept, by folder and shard: `watch` builds
 * again and again, and would otherwise read back megabytes it just wrote. A
 * stale entry costs only shaping time: a run is the same whoever made it.
 */
const keptShapes = new Map<string, ShapedRuns>();
/** What the partials a template uses depend on besides its sources. */
const TEMPLATE_CODE = { folders: ['templates', 'document', 'core'], packages: ['handlebars', 'markdown-it'] } as const;
/** A prepared template (prepared-store.ts) depends on the checks and the compiler, the facts it is checked against and how labels.yaml is read. */
export const PREPARED_CODE = { folders: ['templates', 'document', 'core', 'build', 'compute/documents/facts', 'load', 'model'], packages: ['handlebars', 'markdown-it', 'yaml', 'zod'] } as const;
/** In CACHE_DIR: the entries of the manifest being made (made-entries.ts). */
const ENTRIES_FILE = 'manifest-entries';
/** In CACHE_DIR: the warnings said so far (warning-lines.ts). */
const WARNINGS_SCRATCH = 'warnings';
/** In CACHE_DIR: the entries of a root in parts (core/parted-listing.ts). */
const LISTING_FILE = 'listing';
/** A full build keeps every warning in this file beside the manifest: a big agency has more than a terminal can show. */
const WARNINGS_FILE = 'warnings.txt';

function emptyCounts(): Record<DocType, TypeCounts> {
  return Object.fromEntries(DOC_TYPES.map((type) => [type, { built: 0, skipped: 0, failed: 0 }])) as Record<DocType, TypeCounts>;
}

export async function runBuild(rootArg: string, options: BuildOptions, plan: PlanJobs, ports: BuildPorts): Promise<BuildResult> {
  /** The files the build opens: closed (a scratch file, so removed) however it ends. */
  const opened: Pick<ScratchFile, 'close'>[] = [];
  try {
    return await build(rootArg, options, plan, ports, opened);
  } finally {
    for (const file of opened) file.close();
  }
}

async function build(rootArg: string, options: BuildOptions, plan: PlanJobs, ports: BuildPorts, opened: Pick<ScratchFile, 'close'>[]): Promise<BuildResult> {
  const { files, clock, report, sources } = ports;
  const started = clock.now();
  const result = (ok: boolean, rest: Partial<BuildResult> = {}): BuildResult => ({ ok, dataErrors: false, built: [], failed: [], removed: [], skipped: 0, peakHeap: {}, ...rest });
  const full = options.prune === true;
  const templatesDir = options.templates ?? sources.templatesDir;
  const snapshotPath = join(options.out, SNAPSHOT_FILE);
  const manifestPath = join(options.out, MANIFEST_FILE);
  const warningsPath = join(options.out, WARNINGS_FILE);
  const settings = (asOf: string) =>
    settingsHash({ tool: sources.version, asOf, formats: options.format, audience: options.audience, parent: options.parent, draft: options.draft, pdfa: options.pdfa, root: rootArg, templates: templatesDir, out: options.out, preflight: options.preflight });
  // A full build stamps the root and templates as it lists them: an edit made while it runs is seen next time.
  // (Not watch's rebuilds: they know what changed, and the stamps would cost more than they save.)
  const stamping = full && !options.affects;
  let last = stamping && !options.force ? parseSnapshot(await readText(files, snapshotPath)) : undefined;
  // The files whose stamps the last snapshot vouches for are not read unless needed (snapshot.ts).
  let listing = stamping ? await sources.listRoot(rootArg, last ? knownHashes(last.root, last.listedAt) : () => undefined) : undefined;
  /** The listing as the build holds it: in memory, or (a root in parts) mostly in a scratch file. */
  let held: HeldListing | undefined = listing && heldInMemory(listing);
  // The root's stamps are made from the listing when asked for, at the start and at the end: kept, they would double what it holds.
  const stamps = listing && { root: () => held!.stamps(), templates: files.list(templatesDir, last ? knownHashes(last.templates, last.listedAt) : () => undefined), listedAt: listing.listedAt ?? 0 };
  /**
   * The last manifest, read entry by entry from the file (manifest-text.ts): parsed whole, or even held
   * as bytes, a state agency's would take more memory than its root. Kept open to the end of the build,
   * so the new manifest, written by a rename, copies from the old.
   */
  let recordedText: ManifestText | undefined;
  let manifestRead = false;
  const readManifest = () => {
    const file = files.openRead(manifestPath);
    if (file) opened.push(file);
    recordedText = file && indexManifest(file);
    manifestRead = true;
  };
  /** A change confined to these children's folders (local-change.ts): only they are loaded, and the manifest is read entry by entry. */
  let local:
    | {
        readonly children: ReadonlySet<string>;
        readonly manifest: ManifestText;
        readonly said: NonNullable<Snapshot['said']>;
        /** The outputs' stamps as found (the other children's are carried over, and stay as they were). */
        readonly outputs: readonly FileStamp[];
      }
    | undefined;
  /**
   * With the last build's snapshot: when it vouches for every file, says what that build said and
   * returns its result; else finds the children a change is confined to (`local`). The root's stamps
   * are its argument, so they are let go when it returns.
   */
  const sinceLast = async (last: Snapshot, stamped: Iterable<FileStamp> | undefined, templates: readonly FileStamp[]): Promise<BuildResult | undefined> => {
    if (!stamped) return undefined;
    const root = [...stamped];
    const asOf = options.asOf ?? clock.today(last.timeZone);
    const outputs = files.stat(options.out, last.outputs.map(([path]) => path));
    const now = { settings: settings(asOf), root, templates, outputs };
    if (unchangedSince(last, now) && sameOutputs(last, outputs)) {
      // Say what the last build said.
      const counts = emptyCounts();
      let total = 0;
      for (const [type, count] of Object.entries(last.documents) as [DocType, number][]) {
        counts[type].skipped = count;
        total += count;
      }
      for (const warning of last.warnings) report.warning(warning);
      const ok = !(options.strict && last.warnings.length);
      report.finished({ asOf, elapsedMs: clock.now() - started, counts, documents: total, built: 0, failed: [], warnings: last.warnings.length, warningsFile: warningsPath, manifest: manifestPath, replayed: true, strict: options.strict === true });
      return result(ok, { skipped: total, day: { asOf, timeZone: last.timeZone } });
    }
    readManifest();
    const children = last.said && recordedText && localChange(last, now, recordedText);
    // Watch's rebuilds keep recorded statistics current, and those read every child: they take the whole root.
    if (children && !options.recordedJobs) local = { children, manifest: recordedText!, said: last.said!, outputs };
    return undefined;
  };
  const replayed = last && stamps?.templates ? await sinceLast(last, stamps.root(), stamps.templates) : undefined;
  if (replayed) return replayed;
  // Compared, the last root's stamps are let go (the root's listing holds this build's).
  if (last) last = { ...last, root: [] };
  // Each file's parse is kept beside the outputs, so the next build parses only what changed (watch keeps its own memo).
  const read: ReadRootOptions = {
    ...(options.read?.memo ? options.read : { ...options.read, parseCache: join(options.out, CACHE_DIR, 'parses') }),
    ...(held ? { list: async (children: ReadonlySet<string> | undefined) => held!.part(children) } : {}),
  };
  const loadPart = (part: BuildPart) =>
    sources.readRoot(rootArg, part.children ? { ...read, children: part.children, ...(part.homes ? { homes: part.homes } : {}), ...(part.childFiles ? { childFiles: part.childFiles } : {}) } : read);
  const asOfFor = (root: CaseRoot) => options.asOf ?? clock.today(root.agency?.data.time_zone ?? undefined);
  /**
   * What the build loads at once (parts.ts): some changed children; a large root's children, then
   * its homes, a few hundred children at a time (each part checked first: check-parts.ts); or all.
   */
  let parts: readonly BuildPart[] = [local ? childrenPart(local.children) : WHOLE_ROOT];
  /** What the check of a root in parts found (it holds no part's files): the whole build's messages and jobs. */
  let checked: Pick<CheckedParts, 'diagnostics' | 'planned'> | undefined;
  const perPart = options.childrenPerPart ?? CHILDREN_PER_PART;
  const names = listing && !local && !options.read?.memo && !options.recordedJobs ? childrenNames(listing) : undefined;
  if (names && names.caseIds.length > perPart) {
    const childrenOnly = childrenParts(names.caseIds, names.others, perPart);
    const check = await checkParts(checkedWithoutHomes(childrenOnly), loadPart, (root) => plan(root, asOfFor(root)));
    if (!check.clean) {
      report.diagnostics(check.report);
      report.dataErrors();
      return result(false, { dataErrors: true });
    }
    parts = withTheRest([...withTheirHomes(childrenOnly, check.placedIn), ...homeParts(check.homes, check.placedIn, perPart)]);
    checked = { diagnostics: check.diagnostics, planned: check.planned };
    // Checked clean, so the build makes its folder: the entries inside the children's folders wait in a scratch file there, each part reading back its own.
    const store = sources.listingCodec && openScratch(files, join(options.out, CACHE_DIR, LISTING_FILE));
    if (store) {
      opened.push(store);
      held = new PartedListing(listing!, store, sources.listingCodec!);
      listing = undefined;
    }
  }
  /** The part loaded now (only one at a time is held). */
  let current: ReadRoot | undefined = await loadPart(parts[0]!);
  if (!checked && (hasErrors(current.diagnostics) || !current.root.agency)) {
    report.diagnostics(current.report);
    report.dataErrors();
    return result(false, { dataErrors: true });
  }
  const agency = current.root.agency!.data;
  const asOf = asOfFor(current.root);
  const day = { asOf, timeZone: agency.time_zone ?? undefined };
  if (!manifestRead) readManifest();
  // A manifest laid out otherwise (edited by hand, or unreadable: then empty) is parsed whole.
  const parsed: Manifest | undefined = recordedText ? undefined : parseManifest(await readText(files, manifestPath), sources.version);
  const whole: RecordedOutputs = recordedText ?? recordedOutputs(parsed!);
  /** The recorded outputs a part makes or supersedes (of some changed children, only theirs are looked at). */
  const ownedBy = (part: BuildPart): RecordedOutputs => (part === WHOLE_ROOT ? whole : { keys: whole.keys.filter(part.owns), entry: (path) => (part.owns(path) ? whole.entry(path) : undefined) });
  const previous = local ? ownedBy(parts[0]!) : whole;
  // Of a part of the root, only its documents are made (a home's read the children placed in it).
  const jobsOf = (part: BuildPart, root: CaseRoot) => (part === WHOLE_ROOT ? [...plan(root, asOf), ...(options.recordedJobs?.(previous, asOf) ?? [])] : plan(root, asOf).filter(part.makes));
  let partJobs = jobsOf(parts[0]!, current.root);
  /** Every job of the build, as far as the whole build needs to know them before their part is loaded. */
  const jobs: readonly PlannedOutput[] = checked?.planned ?? partJobs;
  // A job writes the build's formats unless it names its own (the statistics): PDF and DOCX are rendered, CSV and JSON written from the data.
  // The PDF checks (and the parsers they bring) are loaded only for a build that files.
  const preflight = options.preflight ? await import('../preflight/index.js') : undefined;
  const filing = options.preflight && preflight?.preflightProfile(agency.efiling, options.preflight.profile);
  if (options.preflight && !filing) throw new Error(`agency.yaml has no e-filing profile "${options.preflight.profile}" (the plan checks it)`);
  /** A court copy is filed: checked against the profile, which its fingerprint then names (turning --preflight on checks copies made without it). */
  const filed = (job: Job) => filing !== undefined && job.audience === 'court';
  const rendersOf = (job: Pick<Job, 'formats'>): readonly Format[] => job.formats?.filter(isRenderedFormat) ?? options.format;
  const tablesOf = (job: Job) => job.formats?.filter(isDataFormat) ?? [];
  const rendered = [...new Set(jobs.flatMap(rendersOf))];
  if (jobs.length === 0 && !full) {
    report.nothingDue(asOf);
    return result(true, { day });
  }
  const clashes = outputClashes(jobs.map((j) => j.output));
  if (clashes.length > 0) {
    const found = clashes.map(({ output, count, spellings }) =>
      diagnostic('CP3003', {
        file: join(options.out, output),
        message: spellings
          ? `${count} documents would be written to paths that differ only by letter case (${spellings.join(', ')}), one file on Windows and macOS; nothing was built`
          : `${count} documents would be written to this one path; nothing was built`,
      }),
    );
    report.diagnostics({ diagnostics: found, displayPath: (f) => f, sourceOf: () => undefined, filesChecked: jobs.length });
    return result(false, { day });
  }

  const images = await sources.readAssets(rootArg);
  // The DOCX embeds the PDF's fonts too.
  const fonts = await sources.loadFonts();
  const referenceDocx = rendered.includes('docx') ? options.referenceDocx : undefined;
  const usesDir = join(options.out, CACHE_DIR, 'templates');
  const uses = templateUses(sources.readCache(usesDir, 'uses', TEMPLATE_CODE));
  const preparedDir = join(options.out, CACHE_DIR, 'prepared');
  const bundledDir = sources.bundledCache;
  const prepared = preparedStore(
    () => sources.readCache(preparedDir, 'prepared', PREPARED_CODE),
    bundledDir ? (name) => sources.readCache(join(bundledDir, 'prepared'), name, PREPARED_CODE) : undefined,
  );
  /** What every part's environment shares (the templates, fonts, images): no part's root. */
  const everyPart = await sharedEnvironment({
    agency,
    asOf,
    templatesDir,
    readTemplate: (path) => sources.readTemplate(path),
    formats: rendered,
    ...(fonts ? { fonts } : {}),
    images,
    templates: jobs.flatMap((j) => [j.template, ...(j.partTemplates ?? [])]),
    templateUses: uses,
    preparedStore: prepared,
    ...(options.draft ? { draft: true } : {}),
    ...(options.pdfa ? { pdfa: true } : {}),
    ...(referenceDocx ? { referenceDocx } : {}),
  });
  if (uses.changed()) await sources.writeCache(usesDir, 'uses', uses.stored(), TEMPLATE_CODE).catch(() => undefined);
  const fontsHash = sha256(canonicalJson(Object.entries(fonts).map(([key, bytes]) => [key, sha256(bytes)])));
  const shapesDir = join(options.out, CACHE_DIR, 'shapes');
  const shapesShard = `shapes ${fontsHash}`;
  /** The environment of the part loaded now. */
  let env: PreparedJobEnvironment | undefined = withRoot(everyPart, current.root, current.hashOf);
  /** The homes' families, as every part has them. */
  const fosterFamilies = env.index.fosterFamilies;
  // Every court copy guards every foster family: sent to each rendering thread once, named by reference in each job.
  const families = familyGuards(fosterFamilies);
  const pool = renderPool(
    {
      templates: everyPart.templateFiles,
      agency,
      asOf,
      familyGuards: families,
      images,
      fonts: everyPart.fonts,
      formats: rendered,
      ...(options.draft ? { draft: true } : {}),
      ...(options.pdfa ? { pdfa: true } : {}),
      ...(referenceDocx ? { referenceDocx } : {}),
    },
    options,
    {
      read: () => ({
        kept: keptShapes.get(`${shapesDir}\n${shapesShard}`) ?? (sources.readCache(shapesDir, shapesShard, SHAPING_CODE) as ShapedRuns | undefined),
        // The words shaped when casepress was built (write-bundled-shapes.ts).
        shipped: bundledDir ? (sources.readCache(join(bundledDir, 'shapes'), shapesShard, SHAPING_CODE) as ShapedRuns | undefined) : undefined,
      }),
      write: async (runs) => {
        keptShapes.set(`${shapesDir}\n${shapesShard}`, runs);
        await sources.writeCache(shapesDir, shapesShard, runs, SHAPING_CODE).catch(() => undefined);
      },
    },
    () => prepared.codesFor(Object.values(everyPart.templateFiles)),
  );

  /** A job's template and its partials, with a packet's part templates. */
  const templateHash = (job: Job): string => {
    const own = everyPart.templateHashes.get(job.template)!;
    return job.partTemplates ? sha256(canonicalJson([own, ...job.partTemplates.map((t) => everyPart.templateHashes.get(t)!)])) : own;
  };
  // What every job shares, hashed once.
  const shared = {
    tool: sources.version,
    asOf,
    draft: options.draft === true,
    pdfa: options.pdfa === true,
    referenceDocx: referenceDocx ? sha256(referenceDocx) : '',
    agency: current.hashOf(AGENCY_FILE) ?? sha256(''),
    fonts: fontsHash,
    rules: sha256(canonicalJson(everyPart.context.rules)),
    assets: Object.fromEntries(Object.entries(images).map(([path, bytes]) => [path, sha256(bytes)])),
  };
  // An output with the size and modification time the last clean full build stamped has the bytes the manifest records: it need not be read.
  const stamped = stampsByPath(last?.outputs);
  /** The documents of the last build a part of the root carries over, by type: all but those of its children. */
  const carried = emptyCounts();
  if (local) {
    for (const [type, count] of Object.entries(last!.documents) as [DocType, number][]) carried[type].skipped = count;
    const rebuilt = new Set<string>();
    for (const path of previous.keys) {
      const entry = previous.entry(path)!;
      if (!isRequested(entry)) rebuilt.add(`${entry.type} ${path.replace(/\.(pdf|docx)$/, '')}`);
    }
    for (const output of rebuilt) carried[output.split(' ', 1)[0] as DocType].skipped--;
  }

  /** The entries this build makes, in a scratch file until the manifest is written. */
  const entries = new MadeEntries(() => files.scratch(join(options.out, CACHE_DIR, ENTRIES_FILE)));
  const failures: Diagnostic[] = [];
  const built: string[] = [];
  const failed: FailedDocument[] = [];
  const counts = emptyCounts();
  /** Every warning of this build, to be said again by a build that finds nothing changed. */
  const warningLines = new WarningLines(() => files.scratch(join(options.out, CACHE_DIR, WARNINGS_SCRATCH)));
  opened.push(warningLines);
  /** Templates whose compile errors were reported already. */
  const brokenTemplates = new Set<string>();
  const warn = (line: string) => {
    report.warning(line);
    warningLines.push(line);
  };
  report.start(jobs.length);
  // The data's own warnings (what `validate` prints) come first, one line each, then the rule set's.
  const dataLine = (d: Diagnostic) => `${d.span ? `${d.file}:${d.span.start.line}:${d.span.start.column}` : d.file}: ${d.code} ${d.message}`;
  const types = new Set([...jobs.map((j) => j.type), ...DOC_TYPES.filter((type) => carried[type].skipped > 0)]);
  /** Says the data's and the rule set's warnings; returns how many of each (the lines are kept once, as warnings: a state's data can have tens of thousands). */
  const sayWarnings = (diagnostics: readonly Diagnostic[]): { readonly data: number; readonly rules: number } => {
    const said = local
      ? carriedWarnings(last!.warnings, local.said, local.children, diagnostics.map((d) => ({ file: d.file, line: dataLine(d) })), unverifiedRuleLines(agency, types))
      : { data: diagnostics.map(dataLine), rules: unverifiedRuleLines(agency, types), documents: [] };
    for (const line of [...said.data, ...said.rules, ...said.documents]) warn(line);
    return { data: said.data.length, rules: said.rules.length };
  };
  const saidCount = sayWarnings(checked?.diagnostics ?? current.diagnostics);
  checked = undefined;

  const fail = (job: Job, why: string, found: readonly Diagnostic[]) => {
    failures.push(...found);
    failed.push({ output: job.output, type: job.type, subject: job.subject });
    counts[job.type].failed++;
    report.done({ kind: 'failed', job, why });
  };

  /** Writes a job's files (rendered, and data) and records them; a failed render or write is reported. */
  const peakHeap: Record<number, number> = {};
  const finish = async (job: Job, prepared: JobData, printFor: (format: OutputFormat) => string, made: Pick<RenderedJob, 'files' | 'written' | 'diagnostics' | 'warnings' | 'caught'>) => {
    // A queue worker wrote its files itself (`written`: their hashes); the others are written here.
    const madeFiles = [...Object.entries(made.files), ...Object.entries(made.written ?? {})] as [OutputFormat, Uint8Array | string][];
    if (madeFiles.length === 0) return fail(job, '', made.diagnostics);
    // (The command line refuses --preflight with --queue: a worker's files are written before this could check them.)
    const pdf = filed(job) ? made.files.pdf : undefined;
    if (pdf) {
      const { failures } = await preflight!.preflightPdf(pdf, filing!);
      const why = `fails e-filing profile "${filing!.name}"`;
      if (failures.length) return fail(job, `: ${why}`, [diagnostic('CP3005', { file: join(options.out, `${job.output}.pdf`), message: `${why}, so it was not written: ${failures.map(preflight!.failureLine).join('; ')}` })]);
    }
    const written: string[] = [];
    for (const [format, bytes] of madeFiles) {
      const path = `${job.output}.${format}`;
      const error = typeof bytes === 'string' ? undefined : await files.writeAtomic(join(options.out, path), bytes).then(() => undefined, (e: NodeJS.ErrnoException) => e);
      if (error) {
        failures.push(diagnostic('CP3001', { file: join(options.out, path), message: `the file could not be written (${error.code ?? error.message}); any earlier copy is left as it was` }));
        continue;
      }
      written.push(format);
      entries.set(path, {
        type: job.type,
        subject: job.subject,
        audience: job.audience,
        template: job.template,
        asOf: job.asOf ?? asOf,
        date: job.date,
        ...(full ? {} : { requested: true }),
        inputs: prepared.inputs,
        withheld: withheldFields(prepared.data.withheld, made.caught),
        warnings: made.warnings,
        fingerprint: printFor(format),
        sha256: typeof bytes === 'string' ? bytes : sha256(bytes),
      });
    }
    if (written.length < madeFiles.length) return fail(job, ': not written', []);
    built.push(job.output);
    counts[job.type].built++;
    report.done({ kind: 'built', job, path: join(options.out, job.output), formats: written });
    for (const warning of made.warnings) warn(`${job.output}: ${warning}`);
  };

  let outputKeys: string[];
  let removed: string[];
  try {
    /** The recorded outputs this build supersedes, found part by part and removed once all is built. */
    const stale: StaleOutput[] = [];
    try {
      for (const [at, part] of parts.entries()) {
        if (at > 0) {
          // (The part before is let go: its jobs under way keep only their data.)
          current = undefined;
          env = undefined;
          partJobs = [];
          current = await loadPart(part);
          env = withRoot(everyPart, current.root, current.hashOf, fosterFamilies);
          partJobs = jobsOf(part, current.root);
        }
        for (const job of partJobs) {
          const renders = rendersOf(job);
          const tables = tablesOf(job);
          const recorded = recordedEntry(previous, job.output, [...renders, ...tables]);
          if (options.affects && !options.affects(job, recorded)) {
            counts[job.type].skipped++;
            report.done({ kind: 'skipped', job });
            continue;
          }
          // The rendered files share a fingerprint; a data file's leaves out what only rendering reads.
          const printOf = (inputs: JobData['inputs'], formats: readonly OutputFormat[]) =>
            fingerprint({
              ...shared, asOf: job.asOf ?? asOf, type: job.type, subject: job.subject, output: job.output, audience: job.audience, inputs, formats, template: templateHash(job),
              ...(filed(job) ? { preflight: filing!.name } : {}),
              ...(formats.some(isDataFormat) ? NOT_READ_BY_DATA : {}),
            });
          const pathsOf = (formats: readonly OutputFormat[]) => formats.map((format) => `${job.output}.${format}`);
          // The rendered files are made together, from one tree; each data file stands alone.
          const groups = [...(renders.length ? [renders] : []), ...tables.map((format) => [format])];
          const stale: OutputFormat[] = [];
          for (const group of groups) {
            const entry = recordedEntry(previous, job.output, group);
            // What the job read last time still hashes the same: its data would come out the same, so it is not computed.
            const current = !options.force && entry && inputsUnchanged(entry.inputs, env!.inputHash) && (await upToDate(previous, options.out, pathsOf(group), printOf(entry.inputs, group), stamped, files));
            if (current) {
              // A copy made on request that a full build makes too is now the full build's.
              if (full) {
                for (const path of pathsOf(group)) {
                  const entry = previous.entry(path)!;
                  if (entry.requested) entries.set(path, madeByFullBuild(entry));
                }
              }
            } else {
              stale.push(...group);
            }
          }
          if (stale.length === 0) {
            counts[job.type].skipped++;
            report.done({ kind: 'skipped', job });
            // A shortfall is still a shortfall when its packet is up to date: say it again.
            for (const warning of recorded?.warnings ?? []) warn(`${job.output}: ${warning}`);
            continue;
          }
          // The data is computed once, for every file of the job that is out of date.
          const prepared = jobData(job, env!);
          // A homes' part loads only some of its children's files (parts.ts): a document that read another would be wrong, so it fails.
          const beyond = part.childFiles && readBeyond(Object.keys(prepared.inputs), part.childFiles);
          if (beyond) {
            fail(job, ': it read a file its part did not load', [diagnostic('CP3004', { file: job.output, message: `the ${job.type} of ${job.subject} read ${beyond}, which a build in parts does not load for it; the other documents were built (please report this)` })]);
            continue;
          }
          // (Once per group: the PDF and DOCX share theirs, and hashing a statistics job's 30,000 inputs is not free.)
          const prints = new Map<string, string>();
          const printFor = (format: OutputFormat) => {
            const group = isDataFormat(format) ? format : 'rendered';
            let print = prints.get(group);
            if (print === undefined) prints.set(group, (print = printOf(prepared.inputs, isDataFormat(format) ? [format] : renders)));
            return print;
          };
          const data = Object.fromEntries(stale.filter(isDataFormat).map((format) => [format, encoder.encode(prepared.data.tables!(format))]));
          if (!stale.some(isRenderedFormat)) {
            await finish(job, prepared, printFor, { files: data, diagnostics: [], warnings: [...prepared.data.warnings], caught: [] });
            continue;
          }
          // A template that does not compile fails its jobs without rendering; its errors are reported once.
          const compiled = await everyPart.template(job.template);
          if (!compiled.template) {
            // (Its errors may stand in its partials, so it is the template that is remembered, not the files.)
            fail(job, '', brokenTemplates.has(job.template) ? [] : compiled.diagnostics);
            brokenTemplates.add(job.template);
            continue;
          }
          await pool.submit(
            { id: printFor(renders[0]!), job: jobHeader(job), input: byReference(renderInput(prepared, jobHeader(job)), families), formats: renders },
            (made) => {
              peakHeap[made.thread] = Math.max(peakHeap[made.thread] ?? 0, made.heapBytes);
              // A job that failed to render writes none of its files.
              return finish(job, prepared, printFor, Object.keys({ ...made.files, ...made.written }).length ? { ...made, files: { ...made.files, ...data } } : made);
            },
            (error) => fail(job, ': rendering stopped unexpectedly', [crashed(job, error)]),
          );
        }
        // (No local keeps the part's index: the async function's frame would keep it until the next part's end.)
        if (full) stale.push(...staleOutputsOf(ownedBy(part), current!.root, partJobs, asOf, (entry) => changedInput(entry.inputs, env!.inputHash)));
      }
      current = undefined;
      partJobs = [];
      await pool.drain();
    } finally {
      report.stop();
      await pool.close();
    }

    if (prepared.changed()) await sources.writeCache(preparedDir, 'prepared', prepared.stored(), PREPARED_CODE).catch(() => undefined);
    removed = full ? await removeStale(stale.sort((a, b) => (a.path < b.path ? -1 : 1)), options.out, files, report) : [];
    // The last manifest's entries replaced, added and removed: an entry of its text left as it was is copied, not parsed.
    const gone = new Set(removed);
    const recorded = recordedText ? (key: string) => recordedText!.textOf(key) : (key: string) => (Object.hasOwn(parsed!.outputs, key) ? entryText(key, parsed!.outputs[key]!) : undefined);
    outputKeys = [...new Set([...whole.keys, ...entries.keys()])].filter((path) => !gone.has(path)).sort();
    await files.writeAtomic(manifestPath, manifestPieces(sources.version, outputKeys, (key) => entries.textOf(key) ?? recorded(key)));
  } finally {
    entries.close();
  }
  for (const type of DOC_TYPES) counts[type].skipped += carried[type].skipped;
  const carriedTotal = DOC_TYPES.reduce((sum, type) => sum + carried[type].skipped, 0);
  if (full) await (warningLines.length ? files.writeAtomic(warningsPath, linesInPieces(warningLines.sorted())) : files.remove(warningsPath));
  // The snapshot says the folder is as this run left it, so it is written last: a build stopped before it is never replayed.
  const rootStamped = stamps?.templates && failures.length === 0 ? stamps.root() : undefined;
  if (rootStamped && stamps?.templates) {
    const snapshot: SnapshotToWrite = {
      version: 2,
      listedAt: stamps.listedAt,
      settings: settings(asOf),
      root: rootStamped,
      templates: stamps.templates,
      outputs: local ? carriedStamps(local.outputs, outputKeys, (paths) => files.stat(options.out, paths), (path) => local!.children.has(path.split('/', 2)[1]!) && path.startsWith('children/')) : files.stat(options.out, [...outputKeys, MANIFEST_FILE]),
      warnings: warningLines.said(),
      said: saidCount,
      documents: Object.fromEntries(Object.entries(counts).map(([type, c]) => [type, c.built + c.skipped])),
      ...(agency.time_zone ? { timeZone: agency.time_zone } : {}),
    };
    await files.writeAtomic(snapshotPath, snapshotText(snapshot));
  } else {
    await files.remove(snapshotPath);
  }

  if (failures.length > 0) {
    report.diagnostics({ diagnostics: failures, displayPath: (f) => f, sourceOf: (f) => everyPart.templateSources.get(f), filesChecked: jobs.length });
  }
  const skipped = jobs.length + carriedTotal - built.length - failed.length;
  const ok = !(failed.length || (options.strict && warningLines.length));
  report.finished({
    asOf,
    elapsedMs: clock.now() - started,
    counts,
    documents: jobs.length + carriedTotal,
    built: built.length,
    failed,
    warnings: warningLines.length,
    ...(full ? { warningsFile: warningsPath } : {}),
    manifest: manifestPath,
    replayed: false,
    strict: options.strict === true,
  });
  return result(ok, { built, failed, removed, skipped, peakHeap, day });
}

/**
 * The stamps of these outputs and of the manifest, as `stat` gives them: those
 * this build may have written (`rebuilt`) and the manifest stamped now, the
 * others as they were found when it began.
 */
function carriedStamps(found: readonly FileStamp[], outputs: readonly string[], stat: (paths: readonly string[]) => FileStamp[], rebuilt: (path: string) => boolean): FileStamp[] {
  const now = [...outputs.filter(rebuilt), MANIFEST_FILE];
  const byPath = new Map(found.map((stamp) => [stamp[0], stamp]));
  for (const path of now) byPath.delete(path);
  for (const stamp of stat(now)) byPath.set(stamp[0], stamp);
  return [...outputs, MANIFEST_FILE].flatMap((path) => {
    const stamp = byPath.get(path);
    return stamp ? [stamp] : [];
  });
}

/** A scratch file, or undefined when it cannot be made (then what it would hold stays in memory). */
function openScratch(files: BuildPorts['files'], path: string): ScratchFile | undefined {
  try {
    return files.scratch(path);
  } catch {
    return undefined;
  }
}

async function readText(files: BuildPorts['files'], path: string): Promise<string | undefined> {
  const bytes = await files.read(path);
  return bytes && new TextDecoder().decode(bytes);
}

function crashed(job: Job, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic('CP3004', { file: job.output, message: `rendering the ${job.type} of ${job.subject} stopped: ${message}; the other documents were built (please report this)` });
}
