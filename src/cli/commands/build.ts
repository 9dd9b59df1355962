/**
 * `casepress build [root]`, and the one-document commands `court-summary` and
 * `relicense`: the build engine (build/run.ts) on the disk, with the system
 * clock, saying what it does on stdout; the exit code from what it did. It
 * holds --out for as long as it writes (out-folder.ts).
 */
import { runBuild, type BuildOptions as EngineOptions, type BuildResult, type PlanJobs } from '../../build/run.js';
import { systemClock } from '../../io/clock.js';
import { nodeFileSystem } from '../../io/file-system.js';
import { nodeSources } from '../build-ports.js';
import { textReport } from '../build-report.js';
import { EXIT, type ExitCode } from '../exit.js';
import { claimOutFolder } from '../out-folder.js';
import { readReferenceDocx } from '../reference-docx.js';

export interface BuildOptions extends Omit<EngineOptions, 'referenceDocx'> {
  /** `--reference-docx`: a Word file whose styles the DOCX takes (read and checked before the build). */
  readonly referenceDocx?: string;
  /** Where to draw a progress bar (a terminal); plain lines otherwise. */
  readonly terminal?: NodeJS.WriteStream;
  /** No summary table (watch prints one line per rebuild instead). */
  readonly quiet?: boolean;
  /** Today's date in a time zone (the clock, for tests of a day rolling over). */
  readonly today?: (timeZone?: string) => string;
  /** Neither templates' code nor shaped words made when casepress was built (write-bundled-shapes.ts makes the words). */
  readonly withoutShippedCaches?: boolean;
}

/** What a build did, with the command's exit code. */
export interface BuildOutcome extends BuildResult {
  readonly code: ExitCode;
}

/** Runs the engine; `log` takes the lines it says, `print` the diagnostics (stdout). */
export async function build(rootArg: string, options: BuildOptions, plan: PlanJobs, log: (line: string) => void, print: (text: string) => void = (text) => void process.stdout.write(text)): Promise<BuildOutcome> {
  const { terminal, quiet, today, referenceDocx, withoutShippedCaches, ...engine } = options;
  const reference = referenceDocx && options.format.includes('docx') ? await readReferenceDocx(referenceDocx) : undefined;
  const release = await claimOutFolder(options.out, { root: rootArg, force: options.force === true }, log);
  // `--preflight NAME`: a profile agency.yaml lacks is refused once the root is read, before anything is built.
  // (The PDF checks are loaded only for a build that files.)
  const chooseProfile = engine.preflight ? (await import('./preflight.js')).chooseProfile : undefined;
  const planned: PlanJobs = chooseProfile
    ? (root, asOf) => {
        chooseProfile(root.agency?.data.efiling, engine.preflight!.profile);
        return plan(root, asOf);
      }
    : plan;
  try {
    const result = await runBuild(rootArg, reference ? { ...engine, referenceDocx: reference } : engine, planned, {
      files: nodeFileSystem,
      clock: today ? { ...systemClock, today } : systemClock,
      report: textReport({ log, print, ...(quiet ? { quiet } : {}), ...(terminal ? { terminal } : {}) }),
      sources: withoutShippedCaches ? { ...nodeSources, bundledCache: undefined } : nodeSources,
    });
    return { ...result, code: result.ok ? EXIT.ok : EXIT.dataErrors };
  } finally {
    await release();
  }
}
