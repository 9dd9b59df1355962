/**
 * `casepress preflight <file|folder> [root]` (cli.md; issue 16): every PDF
 * named, or under the folder, checked as an e-filing portal would
 * (src/preflight) against a profile of the root's agency.yaml. Wiring only:
 * it reads the files and agency.yaml, and prints.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pc from 'picocolors';
import { closest } from '../../core/did-you-mean.js';
import { hasErrors } from '../../core/diagnostic.js';
import { parseCaseFile } from '../../load/parse-file.js';
import type { Efiling } from '../../model/efiling.js';
import { failureLine, preflightPdf, preflightProfile, profileNames, type Failure, type PreflightProfile } from '../../preflight/index.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { formatText } from '../report.js';

export interface PreflightOptions {
  readonly profile?: string;
  readonly json?: boolean;
  /** The root was typed (not the default ./cases): it must hold agency.yaml. */
  readonly rootGiven?: boolean;
}

/** One file's result, as `--json` prints it (README, "Checking PDFs for e-filing"). */
export interface FileResult {
  readonly file: string;
  readonly ok: boolean;
  readonly pages: number;
  readonly bytes: number;
  readonly failures: readonly Failure[];
}

export async function preflight(target: string, rootArg: string, options: PreflightOptions, log: (line: string) => void): Promise<ExitCode> {
  const config = await readEfiling(rootArg, options.rootGiven === true);
  if (typeof config === 'number') return config;
  const profile = chooseProfile(config, options.profile);
  const files = await pdfsAt(target);
  const results: FileResult[] = [];
  for (const file of files) {
    const result = await preflightPdf(new Uint8Array(await readFile(file)), profile);
    results.push({ file, ok: result.failures.length === 0, ...result });
  }
  const failed = results.filter((r) => !r.ok).length;
  if (options.json) {
    // Every failure has a page: null when it is the file's.
    const files = results.map((r) => ({ ...r, failures: r.failures.map((f) => ({ check: f.check, page: f.page ?? null, message: f.message })) }));
    log(JSON.stringify({ profile: profile.name, ok: failed === 0, passed: results.length - failed, failed, files }, null, 2));
  } else {
    for (const result of results) for (const failure of result.failures) log(`${pc.cyan(result.file)}: ${failureLine(failure)}`);
    log(summary(results.length, failed, results.reduce((n, r) => n + r.failures.length, 0), profile.name));
  }
  return failed ? EXIT.dataErrors : EXIT.ok;
}

function summary(files: number, failed: number, problems: number, profile: string): string {
  const pdfs = `${files} PDF${files === 1 ? '' : 's'}`;
  if (!failed) return pc.green(`✔ ${files === 1 ? 'the PDF passes' : `all ${pdfs} pass`} e-filing profile "${profile}"`);
  return pc.red(`✖ ${failed} of ${pdfs} fail${failed === 1 ? 's' : ''} e-filing profile "${profile}" (${problems} problem${problems === 1 ? '' : 's'})`);
}

/** agency.yaml's `efiling`; without a root (the default ./cases absent), none: the built-in profile. Exit 1 when agency.yaml has errors. */
async function readEfiling(rootArg: string, rootGiven: boolean): Promise<Efiling | undefined | ExitCode> {
  const file = join(rootArg, 'agency.yaml');
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' && !rootGiven) return undefined;
    throw new UsageError(`cannot read ${file} (${e.code ?? e.message}): the case root's agency.yaml holds the e-filing profiles`);
  });
  if (text === undefined) return undefined;
  const parsed = parseCaseFile('agency.yaml', 'agency', text);
  if (hasErrors(parsed.diagnostics) || !parsed.loaded) {
    process.stdout.write(formatText({ diagnostics: parsed.diagnostics, displayPath: (f) => join(rootArg, f), sourceOf: () => text, filesChecked: 1 }));
    return EXIT.dataErrors;
  }
  return parsed.loaded.data.efiling ?? undefined;
}

/** The profile asked for; one agency.yaml lacks is a wrong command line (exit 2). */
export function chooseProfile(config: Efiling | null | undefined, name: string | undefined): PreflightProfile {
  const profile = preflightProfile(config, name);
  if (profile) return profile;
  const names = profileNames(config);
  const suggestion = closest(name!, names);
  throw new UsageError(`there is no e-filing profile "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (profiles: ${names.join(', ')}; agency.yaml efiling.profiles names them)`);
}

/** The file, or every .pdf under the folder, sorted; a path that is neither, or a folder without a PDF, is a wrong command line. */
async function pdfsAt(target: string): Promise<string[]> {
  const found = await stat(target).catch(() => undefined);
  if (!found) throw new UsageError(`there is no file or folder "${target}"`);
  if (found.isFile()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const pdfs = entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.pdf')).map((e) => join(e.parentPath, e.name));
  if (pdfs.length === 0) throw new UsageError(`there is no PDF under "${target}"`);
  return pdfs.sort();
}
