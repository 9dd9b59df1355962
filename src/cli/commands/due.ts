/**
 * `casepress due [root] [--within DAYS] [--json] [--check]`: every deadline and
 * compliance item of every case and home, overdue first (cli.md). What a
 * supervisor checks each Monday. Nothing is computed from data with errors.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pc from 'picocolors';
import { addDays, formatLongDate } from '../../core/calendar-date.js';
import { diagnostic, hasErrors } from '../../core/diagnostic.js';
import { caseDueItems, courtDueItems, standingOrderItems, wellbeingItems, youthDueItems } from '../../compute/case/index.js';
import type { DueItem } from '../../compute/due-item.js';
import { courtReportReadiness } from '../../compute/documents/readiness.js';
import { dueReport } from '../../compute/due-report.js';
import { homeDueItems } from '../../compute/home/index.js';
import { ruleSetFor } from '../../compute/rule-sets.js';
import type { Agency } from '../../model/agency.js';
import type { CaseRoot } from '../../model/case-root.js';
import { today } from '../../io/clock.js';
import { PACKAGE_ROOT } from '../../io/package-files.js';
import { parseLabels } from '../../load/labels.js';
import { DUE_PHRASES, dueDetailWords, duePhraseProblems, dueRuleWords, labelsOf, type Labels } from '../../templates/index.js';
import { EXIT, type ExitCode } from '../exit.js';
import { readRoot } from '../read-root.js';
import { unverifiedRuleLines } from '../../build/unverified-rules.js';
import { formatText } from '../report.js';

export interface DueOptions {
  readonly within: number;
  readonly asOf?: string;
  readonly json?: boolean;
  readonly check?: boolean;
}

export async function due(rootArg: string, options: DueOptions): Promise<ExitCode> {
  const read = await readForClocks(rootArg, 'due', options.asOf);
  if (typeof read === 'number') return read;
  const { root, agency, asOf } = read;
  const phrases = await readDuePhrases();
  if (typeof phrases === 'number') return phrases;
  const shown = wordDetails(dueReport(allDueItems(root, agency, asOf), asOf, options.within), phrases);
  for (const line of unverifiedRuleLines(agency, ['due'])) process.stderr.write(`${pc.yellow('warning')} ${line}\n`);
  process.stdout.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : dueTable(shown, asOf, options.within));
  return options.check && shown.some((item) => item.status === 'overdue') ? EXIT.dataErrors : EXIT.ok;
}

/**
 * The root, its agency and the day, for a command that computes the clocks
 * (`due`, `check`); data with errors is reported and gives exit 1.
 */
export async function readForClocks(rootArg: string, command: string, asOf?: string): Promise<{ root: CaseRoot; agency: Agency; asOf: string } | ExitCode> {
  const { root, diagnostics, report } = await readRoot(rootArg);
  if (hasErrors(diagnostics) || !root.agency) {
    process.stderr.write(formatText(report));
    process.stderr.write(`casepress ${command}: fix the errors above first; nothing is computed from data with errors.\n`);
    return EXIT.dataErrors;
  }
  const agency = root.agency.data;
  return { root, agency, asOf: asOf ?? today(agency.time_zone ?? undefined) };
}

/** An item as `due` and `check` print it: its detail and rule in words (cli.md, "What `due` reports"). */
export type WordedItem = Omit<DueItem, 'detail' | 'rule'> & { readonly detail: string; readonly rule: string };

/** The bundled labels.yaml, with `problemsOf` what a command needs of it; a problem is reported and gives exit 1, never a blank word. */
export async function readBundledLabels(problemsOf: (labels: Labels) => string[]): Promise<Labels | ExitCode> {
  const file = join(PACKAGE_ROOT, 'templates', 'labels.yaml');
  const parsed = parseLabels(file, await readFile(file, 'utf8'));
  const labels = parsed.labels ? labelsOf(file, parsed.labels) : undefined;
  const problems = labels ? problemsOf(labels) : [];
  if (!labels || problems.length) {
    const diagnostics = parsed.diagnostics.length ? parsed.diagnostics : problems.map((message) => diagnostic('CP2006', { file, message }));
    process.stderr.write(formatText({ diagnostics, displayPath: (f) => f, sourceOf: () => undefined, filesChecked: 1 }));
    return EXIT.dataErrors;
  }
  return labels;
}

/** labels.yaml's `due_detail` phrases, checked. */
export async function readDuePhrases(): Promise<ReadonlyMap<string, string> | ExitCode> {
  const labels = await readBundledLabels(duePhraseProblems);
  return typeof labels === 'number' ? labels : labels.vocabularies.get(DUE_PHRASES)!;
}

/** The items with their details and rules worded (the key order stays the item's). */
export function wordDetails(items: readonly DueItem[], phrases: ReadonlyMap<string, string>): WordedItem[] {
  return items.map((item) => ({ ...item, detail: dueDetailWords(item.detail, phrases), rule: dueRuleWords(item.rule, phrases) }));
}

/** Every clock of every case and home, as of a day (what `due` and `check` report). */
export function allDueItems(root: CaseRoot, agency: Agency, asOf: string): DueItem[] {
  const rules = ruleSetFor(agency);
  const children = root.children.filter((child) => child.case);
  return [
    ...children.flatMap((child) => [
      ...caseDueItems(child, asOf, rules),
      ...courtDueItems(child.case!.data, asOf, agency, rules, (hearing) => courtReportReadiness(child, hearing, asOf).length === 0),
      ...wellbeingItems(child, asOf, rules),
      ...standingOrderItems(child, asOf),
      ...youthDueItems(child.case!.data, asOf),
    ]),
    ...root.homes.filter((home) => home.home).flatMap((home) => homeDueItems(home, children, asOf, rules)),
  ];
}

const STATUS_WORDS = { overdue: 'OVERDUE', due_soon: 'due soon', ok: 'ok' } as const;
const STATUS_COLORS = { overdue: pc.red, due_soon: pc.yellow, ok: pc.green } as const;

export function dueTable(items: readonly WordedItem[], asOf: string, within: number): string {
  const count = (status: DueItem['status']) => items.filter((i) => i.status === status).length;
  const head = `Due through ${formatLongDate(addDays(asOf, within))}, as of ${formatLongDate(asOf)}: ${count('overdue')} overdue, ${count('due_soon')} due soon, ${count('ok')} ok\n`;
  if (items.length === 0) return `${head}Nothing is due in the next ${within} days.\n`;
  const rows = items.map((i) => [
    STATUS_WORDS[i.status],
    i.due,
    i.subject,
    i.kind,
    [i.person, i.item].filter(Boolean).join(' · '),
    `${i.detail} [${i.rule}]`,
  ]);
  const header = ['STATUS', 'DUE', 'SUBJECT', 'KIND', 'PERSON · ITEM', 'DETAIL [RULE]'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[], paint: (s: string) => string = (s) => s) =>
    cells.map((cell, c) => (c === 0 ? paint(cell.padEnd(widths[c]!)) : c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  return [head, pc.bold(line(header)), ...rows.map((r, n) => line(r, STATUS_COLORS[items[n]!.status]))].join('\n') + '\n';
}
