/**
 * `casepress match <case-id> [root]` and `casepress match --home <home-id> [root]`
 * (cli.md; issue 15): the agency's homes ranked for a child, or the children in
 * care a home could take, every exclusion with its reason. `--json` prints the
 * facts; `--format` builds the matching worksheet through the build engine.
 */
import pc from 'picocolors';
import { matchChild, matchHome, type MatchSource } from '../../compute/match/match.js';
import type { HomeMatchFacts, MatchingWorksheetFacts } from '../../compute/match/facts.js';
import { ruleSetFor } from '../../compute/rule-sets.js';
import type { CaseRoot } from '../../model/case-root.js';
import type { Agency } from '../../model/agency.js';
import { unverifiedRuleLines } from '../../build/unverified-rules.js';
import { EXIT, unknownId, UsageError, type ExitCode } from '../exit.js';
import type { Labels } from '../../templates/index.js';
import { readBundledLabels, readForClocks } from './due.js';

export interface MatchOptions {
  readonly home?: string;
  readonly asOf?: string;
  readonly json?: boolean;
  /** The worksheet's formats (`--format`): built through the engine into `--out`. */
  readonly format?: readonly ('pdf' | 'docx')[];
  readonly out?: string;
  readonly templates?: string;
  readonly force?: boolean;
  readonly quiet?: boolean;
}

/** The whole root as matching reads it. */
export function matchSource(root: CaseRoot, agency: Agency, asOf: string): MatchSource {
  return { agency, rules: ruleSetFor(agency), asOf, children: root.children, homes: root.homes };
}

/** The facts for the case or the home asked for; an id the root does not hold is a wrong command line. */
export function matchFacts(root: CaseRoot, agency: Agency, asOf: string, caseId: string | undefined, homeId: string | undefined): MatchingWorksheetFacts | HomeMatchFacts {
  const source = matchSource(root, agency, asOf);
  if (homeId !== undefined && caseId !== undefined) throw new UsageError(`name a case or --home, not both (${caseId} and --home ${homeId})`);
  if (homeId !== undefined) {
    return matchHome(source, homeId) ?? fail(unknownId('home', homeId, root.homes.filter((h) => h.home).map((h) => h.id)));
  }
  if (caseId === undefined) throw new UsageError('name a case (casepress match C-2025-0142) or a home (casepress match --home H-0042)');
  return matchChild(source, caseId) ?? fail(unknownId('case', caseId, root.children.filter((c) => c.case).map((c) => c.id)));
}

function fail(message: string): never {
  throw new UsageError(message);
}

export async function match(caseId: string | undefined, rootArg: string, options: MatchOptions, log: (line: string) => void = () => {}): Promise<ExitCode> {
  if (options.format?.length) return worksheet(caseId, rootArg, options, log);
  const read = await readForClocks(rootArg, 'match', options.asOf);
  if (typeof read === 'number') return read;
  const facts = matchFacts(read.root, read.agency, read.asOf, caseId, options.home);
  for (const line of unverifiedRuleLines(read.agency, ['match'])) process.stderr.write(`${pc.yellow('warning')} ${line}\n`);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
    return EXIT.ok;
  }
  const labels = await readBundledLabels(summaryWordProblems);
  if (typeof labels === 'number') return labels;
  process.stdout.write(summary(facts, labels));
  return EXIT.ok;
}

/** The vocabularies of labels.yaml the terminal summary words factors, ratings and exclusions with. */
const SUMMARY_WORDS = ['match_factor', 'match_level', 'match_exclusion'] as const;

function summaryWordProblems(labels: Labels): string[] {
  return SUMMARY_WORDS.filter((name) => !labels.vocabularies.has(name)).map((name) => `labels.yaml has no \`${name}\` vocabulary, which \`casepress match\` words its summary with`);
}

/** A few lines for the terminal: the ranking with each factor's rating, and why each excluded one is (the worksheet and --json give the evidence). */
function summary(facts: MatchingWorksheetFacts | HomeMatchFacts, labels: Labels): string {
  const word = (vocabulary: (typeof SUMMARY_WORDS)[number], code: string) => labels.vocabularies.get(vocabulary)!.get(code) ?? code;
  const levels = (factors: readonly { factor: string; level: string }[]) =>
    factors.filter((f) => f.level !== 'not_applicable').map((f) => `${word('match_factor', f.factor)} ${word('match_level', f.level).toLowerCase()}`).join('; ');
  const why = (reasons: readonly { reason: string }[]) => reasons.map((r) => word('match_exclusion', r.reason)).join('; ');
  const lines: string[] = [];
  if ('child' in facts) {
    lines.push(`${facts.child.case_id} ${facts.child.name}, as of ${facts.as_of}${facts.icwa_order ? ' (ICWA placement preferences first)' : ''}`);
    if (facts.shortlist.length === 0) lines.push('  no home can take this child now: see the excluded homes');
    for (const s of facts.shortlist) lines.push(`  ${s.rank}. ${s.home_id} (${s.points} points${s.tie_break ? `, tie broken by ${s.tie_break}` : ''}): ${levels(s.factors)}`);
    for (const e of facts.excluded) lines.push(`  excluded ${e.home_id}: ${why(e.reasons)}`);
  } else {
    lines.push(`${facts.home.home_id}, as of ${facts.as_of}: ${facts.candidates.length} of ${facts.candidates.length + facts.excluded.length} children in care it could take`);
    for (const c of facts.candidates) lines.push(`  ${c.rank}. ${c.case_id} ${c.name} (${c.points} points): ${levels(c.factors)}`);
    for (const e of facts.excluded) lines.push(`  excluded ${e.case_id}: ${why(e.reasons)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `--format`: the worksheet through the build engine (the manifest, up to date on a second run); a home's list has no worksheet. */
async function worksheet(caseId: string | undefined, rootArg: string, options: MatchOptions, log: (line: string) => void): Promise<ExitCode> {
  if (options.home !== undefined) throw new UsageError('the worksheet is for one child: --format goes with a case id, not --home');
  if (caseId === undefined) throw new UsageError('name a case for the worksheet: casepress match C-2025-0142 --format pdf,docx');
  const [{ build }, { matchingWorksheetJob }] = await Promise.all([import('./build.js'), import('../../build/jobs.js')]);
  const outcome = await build(rootArg, {
    out: options.out ?? 'output', format: options.format!, jobs: 1,
    ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.templates ? { templates: options.templates } : {}),
    ...(options.force ? { force: true } : {}), ...(options.quiet ? { quiet: true } : {}),
  }, (root, asOf) => {
    const child = root.children.find((c) => c.id === caseId && c.case);
    if (!child) throw new UsageError(unknownId('case', caseId, root.children.filter((c) => c.case).map((c) => c.id)));
    return [matchingWorksheetJob(child, asOf)];
  }, log);
  return outcome.code;
}
