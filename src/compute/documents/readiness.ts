/**
 * Filing readiness (issue 11, point 4): the parts a document must have before
 * it is filed or signed, and where each missing one belongs. A document with a
 * missing part is built as a DRAFT that says "Not provided — required before
 * filing" where the part would stand; `build` warns, and `build --strict` and
 * `casepress check` exit 1.
 */
import { addDays, ageOn, compareDates } from '../../core/calendar-date.js';
import type { ChildFolder } from '../../model/case-root.js';
import type { CourtSection } from '../../model/notes.js';
import { courtCalendar, currentPlacement } from '../case/index.js';

/**
 * What to write where a part belongs, as facts (build/readiness-warnings.ts
 * words it for `check` and the build's warnings): a court note's front matter,
 * a field path, a plan participant's signature or reason, a goal's area, the
 * annual re-evaluation's dates.
 */
export type WriteHint =
  | { readonly kind: 'court_note'; readonly hearing: string; readonly section: CourtSection }
  | { readonly kind: 'field'; readonly path: string }
  | { readonly kind: 'signature'; readonly participant: number }
  | { readonly kind: 'goal_area'; readonly area: 'independent_living' }
  | { readonly kind: 'reevaluation'; readonly from: string; readonly to: string };

/** One part a document lacks. */
export interface MissingPart<S extends string = string> {
  /** The part, as a code (labels.yaml `required_section`). */
  readonly section: S;
  /** Where it belongs: a file relative to the case root, or a folder ending in `/`. */
  readonly file: string;
  /** What to write there. */
  readonly write: WriteHint;
}

/** What a data builder says about its document's readiness (DocumentData.missing). */
export type Readiness<S extends string = string> = readonly MissingPart<S>[];

/** Every part's flag, true when it is missing: what a template tests section by section. */
export function missingFlags<S extends string>(sections: readonly S[], missing: Readiness<S>): Record<S, boolean> {
  const absent = new Set(missing.map((m) => m.section));
  return Object.fromEntries(sections.map((s) => [s, absent.has(s)])) as Record<S, boolean>;
}

// ---------------------------------------------------------------------------
// The court report

/**
 * What a court report must say before it is filed (domain.md §2.3; the federal
 * periodic review and permanency hearing questions): the agency's assessment
 * and recommendations, the child's wishes, the child's safety and whether the
 * placement is still necessary and appropriate, the status of the last
 * hearing's orders (when it made any), for APPLA youth 16+ the intensive
 * efforts and the youth's consultation (42 U.S.C. 675(5)(C)(i); IC
 * 31-34-21-7(c)), and for a QRTP placement the qualified individual's
 * assessment (42 U.S.C. 675a(c)).
 */
export const COURT_REQUIRED = ['assessment', 'recommendations', 'child_wishes', 'safety', 'orders', 'appla_efforts', 'youth_consultation', 'qrtp_assessment'] as const;
export type CourtRequired = (typeof COURT_REQUIRED)[number];

/**
 * Below this age at the hearing a child's wishes are not asked for: the report
 * says why instead. A court hears a verbal child (IN's and the federal
 * consultation rules speak of age-appropriate means); 4 is where staff can
 * usually record a preference in the child's own words.
 */
export const WISHES_FROM_AGE = 4;
/** APPLA's intensive-efforts and consultation findings apply from 16 (42 U.S.C. 675(5)(C)(i)). */
const APPLA_FROM_AGE = 16;
/** The qualified individual's assessment is due 30 days after a QRTP placement (42 U.S.C. 675a(c)(1)). */
const QRTP_ASSESSMENT_DAYS = 30;

export interface CourtReadinessInput {
  /** The case folder, relative to the case root (`children/C-2025-0142`). */
  readonly folder: string;
  /** case.yaml, relative to the case root. */
  readonly caseFile: string;
  readonly hearing: string;
  /** The sections staff wrote a court note for, for this hearing. */
  readonly written: ReadonlySet<CourtSection>;
  /** The child's age on the day of the hearing. */
  readonly age: number;
  readonly appla: boolean;
  /** How many orders the last hearing held recorded. */
  readonly lastOrders: number;
  /** The current placement when it is a QRTP: its index in `placements`, start and assessment. */
  readonly qrtp: { readonly index: number; readonly start: string; readonly assessment: string | null } | null;
}

/**
 * The court report's readiness for `hearing`, read from the child's folder as of
 * `asOf` (the builder prints it; `due` says a report is ready by it).
 */
export function courtReportReadiness(child: ChildFolder, hearing: string, asOf: string): Readiness<CourtRequired> {
  const record = child.case!.data;
  const lastHeld = courtCalendar(record.court.hearings, asOf).held.filter((d) => d.date < hearing).at(-1);
  const current = currentPlacement([...record.placements].sort((a, b) => compareDates(a.start, b.start)), asOf);
  return courtReadiness({
    folder: child.path,
    caseFile: child.case!.file,
    hearing,
    // A note with nothing under its front matter provides nothing.
    written: new Set(child.courtNotes.filter((n) => n.data.hearing === hearing && n.body.trim() !== '').map((n) => n.data.section)),
    age: ageOn(record.child.dob, hearing),
    appla: record.permanency.goal === 'appla',
    lastOrders: lastHeld?.hearing?.orders?.length ?? 0,
    qrtp: current?.qrtp ? { index: record.placements.indexOf(current), start: current.start, assessment: current.qrtp.assessment ?? null } : null,
  });
}

export function courtReadiness(input: CourtReadinessInput): Readiness<CourtRequired> {
  const { folder, hearing, written, age } = input;
  const note = (section: CourtSection): MissingPart<CourtRequired>[] =>
    written.has(section) ? [] : [{ section: section as CourtRequired, file: `${folder}/court/`, write: { kind: 'court_note', hearing, section } }];
  const appla = input.appla && age >= APPLA_FROM_AGE;
  const qrtp = input.qrtp;
  return [
    ...note('assessment'),
    ...note('recommendations'),
    ...(age >= WISHES_FROM_AGE ? note('child_wishes') : []),
    ...note('safety'),
    ...(input.lastOrders > 0 ? note('orders') : []),
    ...(appla ? [...note('appla_efforts'), ...note('youth_consultation')] : []),
    ...(qrtp && qrtp.assessment === null && addDays(qrtp.start, QRTP_ASSESSMENT_DAYS) <= hearing
      ? [{ section: 'qrtp_assessment' as const, file: input.caseFile, write: { kind: 'field' as const, path: `placements[${qrtp.index}].qrtp.assessment` } }]
      : []),
  ];
}

// ---------------------------------------------------------------------------
// The service plan

/**
 * What a service plan must have before it is filed: each family member or
 * youth who signs has signed, or the reason they did not is recorded; and a
 * youth 14 or older has transition services in the plan (a goal in the area of
 * independent living; 42 U.S.C. 675(1)(D), 675(5)(C)(iv)).
 */
export const PLAN_REQUIRED = ['signatures', 'transition_services'] as const;
export type PlanRequired = (typeof PLAN_REQUIRED)[number];

export interface PlanReadinessInput {
  /** plan.yaml, relative to the case root. */
  readonly planFile: string;
  /** Each participant of plan.yaml, in order: whether they sign, and what is recorded. */
  readonly participants: readonly { readonly signs: boolean; readonly signed: string | null; readonly comment: string | null }[];
  /** The youth is 14 or older on the plan date. */
  readonly youth: boolean;
  readonly goalAreas: readonly string[];
}

export function planReadiness(input: PlanReadinessInput): Readiness<PlanRequired> {
  const { planFile } = input;
  return [
    ...input.participants.flatMap((p, i) =>
      p.signs && p.signed === null && p.comment === null ? [{ section: 'signatures' as const, file: planFile, write: { kind: 'signature' as const, participant: i } }] : [],
    ),
    ...(input.youth && !input.goalAreas.includes('independent_living') ? [{ section: 'transition_services' as const, file: planFile, write: { kind: 'goal_area' as const, area: 'independent_living' as const } }] : []),
  ];
}

/** The codes of the missing parts, each once, in order: what a draft's first-page notice lists. */
export function missingSections<S extends string>(missing: Readiness<S>): S[] {
  return [...new Set(missing.map((m) => m.section))];
}

// ---------------------------------------------------------------------------
// The re-licensing packet

/**
 * What a re-licensing packet must have before it goes to the licensing
 * supervisor: the annual re-evaluation of the home (study.md of type
 * `annual_reevaluation`) dated within the license year it renews (domain.md §5.1).
 */
export const PACKET_REQUIRED = ['reevaluation'] as const;
export type PacketRequired = (typeof PACKET_REQUIRED)[number];

export interface PacketReadinessInput {
  /** study.md, relative to the case root (where it is, or would be). */
  readonly studyFile: string;
  readonly study: { readonly type: string; readonly date: string } | null;
  readonly year: { readonly start: string; readonly end: string };
}

export function packetReadiness({ studyFile, study, year }: PacketReadinessInput): Readiness<PacketRequired> {
  const current = study?.type === 'annual_reevaluation' && study.date >= year.start && study.date <= year.end;
  return current ? [] : [{ section: 'reevaluation', file: studyFile, write: { kind: 'reevaluation', from: year.start, to: year.end } }];
}
