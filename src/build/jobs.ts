/**
 * What `build` makes (cli.md, "What `build` makes, and where"): one job per
 * document that is due, with its output path, its template and its audience.
 * Pure: the case root in, the list of jobs out.
 */
import { addDays } from '../core/calendar-date.js';
import type { Audience } from '../compute/audience.js';
import { courtCalendar } from '../compute/case/index.js';
import type { DocumentContext, DocumentData } from '../compute/documents/context.js';
import { courtPacketData } from '../compute/documents/court-packet.js';
import { courtReportData } from '../compute/documents/court-report.js';
import type { PacketPart } from '../compute/documents/facts/court-packet.js';
import { homeStudyData } from '../compute/documents/home-study.js';
import { relicensingPacketData } from '../compute/documents/relicensing-packet.js';
import { servicePlanData } from '../compute/documents/service-plan.js';
import { transitionPlanData } from '../compute/documents/transition-plan.js';
import { statsCsv, statsJson } from '../compute/stats/export.js';
import { parsePeriod, type Period } from '../compute/stats/period.js';
import { caseloadStats } from '../compute/stats/stats.js';
import { matchChild } from '../compute/match/match.js';
import type { SkippableKind } from '../load/classify.js';
import type { CaseRoot, ChildFolder, HomeFolder } from '../model/case-root.js';
import type { CaseRecord } from '../model/case.js';
import type { Format } from './render-document.js';

export const DOC_TYPES = ['court-report', 'service-plan', 'transition-plan', 'home-study', 'relicensing-packet', 'caseload-stats', 'matching-worksheet', 'court-packet'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** The audience a document is written for unless `--audience` says otherwise (cli.md). */
export const DEFAULT_AUDIENCE: Readonly<Record<DocType, Audience>> = {
  'court-report': 'court',
  'service-plan': 'internal',
  'transition-plan': 'internal',
  'home-study': 'internal',
  'relicensing-packet': 'internal',
  'caseload-stats': 'internal',
  'matching-worksheet': 'internal',
  'court-packet': 'court',
};

const TITLES: Readonly<Record<DocType, string>> = {
  'court-report': 'Court Report',
  'service-plan': 'Individualized Service Plan',
  'transition-plan': 'Transition Plan',
  'home-study': 'Home Study',
  'relicensing-packet': 'Annual Re-licensing Packet',
  'caseload-stats': 'Caseload Statistics',
  'matching-worksheet': 'Placement Matching Worksheet',
  'court-packet': 'Court Packet',
};

/** A document type's title, as the page furniture and the PDF's metadata print it. */
export function documentTitle(type: DocType): string {
  return TITLES[type];
}

/** Files written from a document's figures, not rendered (the statistics' CSV and JSON). */
export type DataFormat = 'csv' | 'json';
/** Every kind of file a job may write: rendered (PDF, DOCX) or data. */
export type OutputFormat = Format | DataFormat;

export const isDataFormat = (format: OutputFormat): format is DataFormat => format === 'csv' || format === 'json';
export const isRenderedFormat = (format: OutputFormat): format is Format => !isDataFormat(format);

/** What a job's data builder returns: the document's data, and the text of each data file when the job writes them. */
export interface JobOutput extends DocumentData {
  readonly tables?: (format: DataFormat) => string;
  /** A packet's parts, each rendered by its own template (the job's template is the cover's). */
  readonly parts?: readonly JobPart[];
}

/** One part of a packet: the document it is, and its data as its own builder made it. */
export interface JobPart {
  readonly type: DocType;
  readonly template: string;
  readonly title: string;
  /** The day the part speaks from. */
  readonly asOf: string;
  readonly data: DocumentData;
}

export interface Job {
  readonly type: DocType;
  /** Case or home id. */
  readonly subject: string;
  readonly audience: Audience;
  /** In a `parent` copy, whose it is: the parent's index in the case's `parents`. */
  readonly reader?: number;
  /** Path under --out without the extension, with `/` separators. */
  readonly output: string;
  /** File name under templates/. */
  readonly template: string;
  readonly title: string;
  /** The date the document is for (hearing, plan, study or license expiry). */
  readonly date: string;
  /**
   * The day the document speaks from when it is not the build's: a signed
   * service plan, transition plan or home study is computed as of its own date,
   * so rebuilding it next year gives the same text (issue 11, point 5).
   */
  readonly asOf?: string;
  /**
   * The formats this job writes when not the build's: a statistics output asks
   * for its own (`stats --format`, or those watch finds in the manifest), data
   * formats among them.
   */
  readonly formats?: readonly OutputFormat[];
  /** The document's data, read from the case root through `ctx.view` (which records the job's inputs). */
  readonly build: (ctx: DocumentContext) => JobOutput;
  /** A packet's part templates (every one it may use): prepared with the job's and part of its fingerprint. */
  readonly partTemplates?: readonly string[];
}

export interface JobFilter {
  readonly audience?: Audience;
  /** With the `parent` audience: `--parent`, a role or a full name (matchParent). */
  readonly parent?: string;
  readonly cases?: readonly string[];
  readonly homes?: readonly string[];
  readonly docs?: readonly DocType[];
}

/** A parent's copy: which parent, and the name its files carry. */
export interface ParentReader {
  /** Index in the case's `parents`. */
  readonly index: number;
  /** `father`; `mother-2` for the second of two parents with the role "mother". */
  readonly name: string;
}

/**
 * `--parent <role or name>` against one case's parents: a role (`father`,
 * `putative father`) or a full name, in any letter case. An error (no such
 * parent, or a role two parents share) says so and lists the case's parents.
 */
export function matchParent(record: CaseRecord, wanted: string): ParentReader | { readonly error: string; readonly several: boolean } {
  const key = (text: string) => text.normalize('NFC').trim().toLowerCase().replace(/[\s_]+/g, ' ');
  const matches = record.parents.flatMap((p, i) => (key(p.role) === key(wanted) || key(p.name) === key(wanted) ? [i] : []));
  const listed = `its parents: ${record.parents.map((p) => `${p.role} (${p.name})`).join(', ') || 'none recorded'}`;
  if (matches.length === 0) return { error: `${record.id} has no parent "${wanted}" (${listed}); name one by role or full name`, several: false };
  if (matches.length > 1) return { error: `"${wanted}" names ${matches.length} parents of ${record.id} (${listed}); name one by full name`, several: true };
  const index = matches[0]!;
  const { role } = record.parents[index]!;
  const sameRole = record.parents.flatMap((p, i) => (p.role === role ? [i] : []));
  return { index, name: sameRole.length === 1 ? role : `${role}-${sameRole.indexOf(index) + 1}` };
}

function job(type: DocType, subject: string, folder: string, date: string, audience: Audience | undefined, build: Job['build'], reader?: ParentReader): Job {
  const chosen = audience ?? DEFAULT_AUDIENCE[type];
  if (chosen === 'parent' && !reader) throw new Error(`${subject}: a parent's copy of the ${type} needs its parent (matchParent)`);
  // A parent's copy is named for the parent: -parent-father, -parent-mother-2.
  const suffix = chosen === DEFAULT_AUDIENCE[type] ? '' : chosen === 'parent' ? `-parent-${reader!.name}` : `-${chosen}`;
  const output = `${folder}/${subject}/${type}-${date}${suffix}`;
  const own = SIGNED_AS_OF_OWN_DATE.has(type) ? { asOf: date } : {};
  return { type, subject, audience: chosen, ...(chosen === 'parent' ? { reader: reader!.index } : {}), output, template: TEMPLATE_OF[type], title: TITLES[type], date, ...own, build };
}

/** Each type's template, one string for all its jobs (a build in parts keeps every job's: 44,000 at 20,000 children). */
const TEMPLATE_OF = Object.fromEntries(DOC_TYPES.map((type) => [type, `${type}.md.hbs`])) as Readonly<Record<DocType, string>>;

/**
 * Documents signed on their own date: computed as of it, whatever day they are
 * rebuilt (issue 11, point 5). A home study signed under an earlier license
 * term speaks of that term's year, counted back from the license on file
 * (home-study.ts, studyYear).
 */
const SIGNED_AS_OF_OWN_DATE: ReadonlySet<DocType> = new Set(['service-plan', 'transition-plan', 'home-study']);

/** The hearings on or after the as-of date that will go ahead (continued ones by their new date), in date order. */
export function hearingsAhead(child: ChildFolder, asOf: string): string[] {
  const record = child.case?.data;
  if (!record) return [];
  // A hearing dated on the as-of date is still ahead of the case manager the night before.
  return courtCalendar(record.court.hearings, asOf)
    .dates.filter((h) => h.status !== 'continued' && h.date >= asOf)
    .map((h) => h.date)
    .sort();
}

/** The next hearing on or after the as-of date that will go ahead. */
export function nextHearing(child: ChildFolder, asOf: string): string | undefined {
  return hearingsAhead(child, asOf)[0];
}

export function courtReportJob(child: ChildFolder, hearing: string, audience?: Audience, reader?: ParentReader): Job {
  return job('court-report', child.id, 'children', hearing, audience, (ctx) => courtReportData(ctx, ctx.view.child(child), hearing), reader);
}

/** Each part of a court packet: the document it is, its template and its title. */
const PACKET_PARTS: Readonly<Record<PacketPart, Pick<JobPart, 'type' | 'template' | 'title'>>> = {
  court_report: { type: 'court-report', template: 'court-report.md.hbs', title: TITLES['court-report'] },
  service_plan: { type: 'service-plan', template: 'service-plan.md.hbs', title: TITLES['service-plan'] },
  cans_summary: { type: 'court-packet', template: 'court-packet-cans.md.hbs', title: 'CANS Summary' },
  transition_plan: { type: 'transition-plan', template: 'transition-plan.md.hbs', title: TITLES['transition-plan'] },
};

/** Every bundled template a job renders: each document type's, and the parts a court packet adds (its CANS summary). */
export const TEMPLATE_FILES: readonly string[] = [...new Set([...Object.values(TEMPLATE_OF), ...Object.values(PACKET_PARTS).map((p) => p.template)])];

/**
 * The court packet for one child and one hearing (cli.md:
 * `children/<case-id>/court-packet-<hearing-date>`; `court-summary --packet`):
 * its cover's template is the job's, each part is rendered by its own.
 */
export function courtPacketJob(child: ChildFolder, hearing: string, audience?: Audience, reader?: ParentReader): Job {
  const packet = job(
    'court-packet', child.id, 'children', hearing, audience,
    (ctx) => {
      const { parts, ...cover } = courtPacketData(ctx, ctx.view.child(child), hearing);
      return { ...cover, parts: parts.map((p) => ({ ...PACKET_PARTS[p.part], asOf: p.asOf, data: p.data })) };
    },
    reader,
  );
  return { ...packet, partTemplates: Object.values(PACKET_PARTS).map((p) => p.template) };
}

export function relicensingJob(home: HomeFolder, audience?: Audience): Job | undefined {
  const data = home.home?.data;
  if (!data) return undefined;
  return job('relicensing-packet', home.id, 'homes', data.license.expires, audience, (ctx) => relicensingPacketData(ctx, ctx.view.home(home), ctx.view.placedIn(home.id)));
}

/**
 * The caseload statistics for a period (cli.md: `stats/caseload-<period>`,
 * `-<worker>` for one caseworker's, `-public` for the public copy), in these
 * formats: the document, and the CSV and JSON of its figures beside it. They
 * read every child and home (but not NOT_READ_BY_STATS); the figures are
 * computed once for all formats.
 */
export function caseloadStatsJob(period: Period, audience: 'internal' | 'public', worker: string | undefined, formats: readonly OutputFormat[]): Job {
  const output = `stats/caseload-${period.id}${worker ? `-${worker}` : ''}${audience === 'public' ? '-public' : ''}`;
  return {
    type: 'caseload-stats', subject: statsSubject(period, worker), audience, output, template: 'caseload-stats.md.hbs', title: TITLES['caseload-stats'], date: period.last, formats,
    build: (ctx) => {
      const stats = caseloadStats({
        agency: ctx.agency, rules: ctx.rules, period, asOf: ctx.asOf, audience, ...(worker ? { worker } : {}),
        children: ctx.view.children(), homes: worker ? [] : ctx.view.homes(),
      });
      return { data: stats.facts, withheld: [], warnings: [], tables: (format) => (format === 'csv' ? statsCsv(stats) : statsJson(stats)) };
    },
  };
}

/**
 * The kinds of case file the statistics never read (their view of the root
 * records every read: compute/documents/root-view.ts), so `stats` leaves them
 * unread, unparsed and unchecked (ReadRootOptions.skip): the assessments, the
 * court notes and the home studies — most of a root's bytes.
 */
export const NOT_READ_BY_STATS: ReadonlySet<SkippableKind> = new Set(['assessment', 'court-note', 'study']);

/**
 * What a child's court report or court packet never reads: the homes' studies
 * (study.md). `court-summary` leaves them unread, unparsed and unchecked, as it
 * leaves the other children's folders: a state's root holds thousands.
 */
export const NOT_READ_BY_COURT_SUMMARY: ReadonlySet<SkippableKind> = new Set(['study']);

/** A statistics job's subject: the period, and the caseworker of one caseworker's copy (`2026-Q3 W-12`). */
function statsSubject(period: Period, worker: string | undefined): string {
  return worker ? `${period.id} ${worker}` : period.id;
}

/** The period and caseworker a statistics job's subject names (statsSubject); undefined when it names no period. */
export function statsOfSubject(subject: string): { period: Period; worker?: string } | undefined {
  const [id = '', worker] = subject.split(' ');
  const period = parsePeriod(id);
  return period && { period, ...(worker ? { worker } : {}) };
}

/**
 * The matching worksheet for one child (cli.md: `children/<case-id>/matching-<as-of>`;
 * `match --format`), internal only: it reads every child and home.
 */
export function matchingWorksheetJob(child: ChildFolder, asOf: string): Job {
  return {
    type: 'matching-worksheet', subject: child.id, audience: 'internal', output: `children/${child.id}/matching-${asOf}`, template: 'matching-worksheet.md.hbs',
    title: TITLES['matching-worksheet'], date: asOf,
    build: (ctx) => {
      const data = matchChild({ agency: ctx.agency, rules: ctx.rules, asOf: ctx.asOf, children: ctx.view.children(), homes: ctx.view.homes() }, child.id);
      if (!data) throw new Error(`${child.id}: no case.yaml to match`);
      return { data, withheld: [], warnings: [] };
    },
  };
}

/** Days before a license expires from which its re-licensing packet is built, when agency.yaml does not say (cli.md). */
const RELICENSE_WINDOW_DAYS = 90;

export function planJobs(root: CaseRoot, asOf: string, filter: JobFilter = {}): Job[] {
  const wanted = (type: DocType) => !filter.docs?.length || filter.docs.includes(type);
  const children = root.children.filter((c) => c.case);
  const jobs: Job[] = [];
  const forParent = filter.audience === 'parent';
  for (const child of children) {
    if (filter.cases?.length && !filter.cases.includes(child.id)) continue;
    if (filter.homes?.length && !filter.cases?.length) continue;
    // A parent's copies: only of the cases where `--parent` names one parent (the command line reports the others).
    const match = forParent ? matchParent(child.case!.data, filter.parent ?? '') : undefined;
    if (match && 'error' in match) continue;
    const hearing = nextHearing(child, asOf);
    if (hearing && wanted('court-report')) jobs.push(courtReportJob(child, hearing, filter.audience, match));
    // A court packet only when asked for by name (`build --doc court-packet`): a full build makes none.
    if (hearing && filter.docs?.includes('court-packet')) jobs.push(courtPacketJob(child, hearing, filter.audience, match));
    if (child.plan && wanted('service-plan')) {
      jobs.push(job('service-plan', child.id, 'children', child.plan.data.plan_date, filter.audience, (ctx) => servicePlanData(ctx, ctx.view.child(child)), match));
    }
    if (child.transition && wanted('transition-plan')) {
      jobs.push(job('transition-plan', child.id, 'children', child.transition.data.plan_date, filter.audience, (ctx) => transitionPlanData(ctx, ctx.view.child(child)), match));
    }
  }
  const window = root.agency?.data.relicense_window_days ?? RELICENSE_WINDOW_DAYS;
  // Home studies and re-licensing packets are not served on a parent.
  for (const home of forParent ? [] : root.homes) {
    if (!home.home) continue;
    if (filter.homes?.length && !filter.homes.includes(home.id)) continue;
    if (filter.cases?.length && !filter.homes?.length) continue;
    if (home.study && wanted('home-study')) {
      jobs.push(job('home-study', home.id, 'homes', home.study.data.date, filter.audience, (ctx) => homeStudyData(ctx, ctx.view.home(home), ctx.view.placedIn(home.id))));
    }
    // A packet is due when the license expires within the agency's window (cli.md); `relicense` asks for one any time.
    const packet = wanted('relicensing-packet') && home.home.data.license.expires <= addDays(asOf, window) ? relicensingJob(home, filter.audience) : undefined;
    if (packet) jobs.push(packet);
  }
  return jobs;
}
