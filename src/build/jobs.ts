/**
 * What `build` makes (cli.md, "What `build` makes, and where"): one job per
 * document that is due, with its output path, its template and its audience.
 * Pure: the case root in, the list of jobs out.
 */
import type { Audience } from '../compute/audience.js';
import { courtCalendar } from '../compute/case/index.js';
import type { DocumentContext, DocumentData } from '../compute/documents/context.js';
import { courtReportData } from '../compute/documents/court-report.js';
import { homeStudyData } from '../compute/documents/home-study.js';
import { relicensingPacketData } from '../compute/documents/relicensing-packet.js';
import { servicePlanData } from '../compute/documents/service-plan.js';
import { transitionPlanData } from '../compute/documents/transition-plan.js';
import type { CaseRoot, ChildFolder, HomeFolder } from '../load/case-root.js';

export const DOC_TYPES = ['court-report', 'service-plan', 'transition-plan', 'home-study', 'relicensing-packet'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** The audience a document is written for unless `--audience` says otherwise (cli.md). */
export const DEFAULT_AUDIENCE: Readonly<Record<DocType, Audience>> = {
  'court-report': 'court',
  'service-plan': 'internal',
  'transition-plan': 'internal',
  'home-study': 'internal',
  'relicensing-packet': 'internal',
};

const TITLES: Readonly<Record<DocType, string>> = {
  'court-report': 'Court Report',
  'service-plan': 'Individualized Service Plan',
  'transition-plan': 'Transition Plan',
  'home-study': 'Home Study',
  'relicensing-packet': 'Annual Re-licensing Packet',
};

export interface Job {
  readonly type: DocType;
  /** Case or home id. */
  readonly subject: string;
  readonly audience: Audience;
  /** Path under --out without the extension, with `/` separators. */
  readonly output: string;
  /** File name under templates/. */
  readonly template: string;
  readonly title: string;
  /** The date the document is for (hearing, plan, study or license expiry). */
  readonly date: string;
  /** The document's data, read from the case root through `ctx.view` (which records the job's inputs). */
  readonly build: (ctx: DocumentContext) => DocumentData;
}

export interface JobFilter {
  readonly audience?: Audience;
  readonly cases?: readonly string[];
  readonly homes?: readonly string[];
  readonly docs?: readonly DocType[];
}

function job(type: DocType, subject: string, folder: string, date: string, audience: Audience | undefined, build: Job['build']): Job {
  const chosen = audience ?? DEFAULT_AUDIENCE[type];
  const suffix = chosen === DEFAULT_AUDIENCE[type] ? '' : `-${chosen}`;
  return { type, subject, audience: chosen, output: `${folder}/${subject}/${type}-${date}${suffix}`, template: `${type}.md.hbs`, title: TITLES[type], date, build };
}

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

export function courtReportJob(child: ChildFolder, hearing: string, audience?: Audience): Job {
  return job('court-report', child.id, 'children', hearing, audience, (ctx) => courtReportData(ctx, ctx.view.child(child), hearing));
}

export function relicensingJob(home: HomeFolder, audience?: Audience): Job | undefined {
  const data = home.home?.data;
  if (!data) return undefined;
  return job('relicensing-packet', home.id, 'homes', data.license.expires, audience, (ctx) => relicensingPacketData(ctx, ctx.view.home(home), ctx.view.placedIn(home.id)));
}

export function planJobs(root: CaseRoot, asOf: string, filter: JobFilter = {}): Job[] {
  const wanted = (type: DocType) => !filter.docs?.length || filter.docs.includes(type);
  const children = root.children.filter((c) => c.case);
  const jobs: Job[] = [];
  for (const child of children) {
    if (filter.cases?.length && !filter.cases.includes(child.id)) continue;
    if (filter.homes?.length && !filter.cases?.length) continue;
    const hearing = nextHearing(child, asOf);
    if (hearing && wanted('court-report')) jobs.push(courtReportJob(child, hearing, filter.audience));
    if (child.plan && wanted('service-plan')) {
      jobs.push(job('service-plan', child.id, 'children', child.plan.data.plan_date, filter.audience, (ctx) => servicePlanData(ctx, ctx.view.child(child))));
    }
    if (child.transition && wanted('transition-plan')) {
      jobs.push(job('transition-plan', child.id, 'children', child.transition.data.plan_date, filter.audience, (ctx) => transitionPlanData(ctx, ctx.view.child(child))));
    }
  }
  for (const home of root.homes) {
    if (!home.home) continue;
    if (filter.homes?.length && !filter.homes.includes(home.id)) continue;
    if (filter.cases?.length && !filter.homes?.length) continue;
    if (home.study && wanted('home-study')) {
      jobs.push(job('home-study', home.id, 'homes', home.study.data.date, filter.audience, (ctx) => homeStudyData(ctx, ctx.view.home(home), ctx.view.placedIn(home.id))));
    }
    const packet = wanted('relicensing-packet') ? relicensingJob(home, filter.audience) : undefined;
    if (packet) jobs.push(packet);
  }
  return jobs;
}
