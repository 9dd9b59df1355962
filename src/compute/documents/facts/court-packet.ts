/**
 * The court packet's facts: its cover (templates/court-packet.md.hbs) and its
 * CANS summary part (templates/court-packet-cans.md.hbs). The other parts are
 * the court report, service plan and transition plan, with their own facts.
 */
import { z } from '../../../model/zod.js';
import { audience, date, text } from './common.js';
import { courtReportFacts } from './court-report.js';

/** The parts of a packet, in the order it assembles them. */
export const PACKET_PARTS = ['court_report', 'service_plan', 'cans_summary', 'transition_plan'] as const;
export type PacketPart = (typeof PACKET_PARTS)[number];

/** Why a part that belongs in the packet is not in it. */
export const PACKET_OMISSIONS = ['no_service_plan', 'no_assessment', 'no_transition_plan'] as const;
export type PacketOmission = (typeof PACKET_OMISSIONS)[number];

const part = z.enum(PACKET_PARTS).describe('label: packet_part');

const report = courtReportFacts.shape;

export const courtPacketFacts = z.object({
  // The cover's caption: the court report's own fields.
  ...courtReportFacts.pick({ audience: true, reader: true, as_of: true, agency: true, jurisdiction: true, case_id: true }).shape,
  hearing: report.hearing.omit({ continued_from: true }),
  court: report.court,
  child: report.child.pick({ name: true, called: true }),
  /** The parts in the packet, in order: the contents table has one row for each, and the writers put each part's first page in its last column. */
  parts: z.array(z.object({ part, /** The part's own date: the hearing's, the plan's or the assessment's. */ date: date() })),
  /** Parts that belong in the packet and are missing, with why. */
  not_included: z.array(z.object({ part, reason: z.enum(PACKET_OMISSIONS).describe('label: packet_omission') })),
  /** What any part of this copy withheld, by kind (the court report's notice words them). */
  withheld: report.notices.shape.withheld,
});
export type CourtPacketFacts = z.infer<typeof courtPacketFacts>;

export const courtPacketCansFacts = z.object({
  audience,
  case_id: text(),
  child: report.child.pick({ name: true, called: true }),
  court: report.court.pick({ docket: true }),
  /** The latest CANS as the court report summarizes it (needs, strengths, changes, notes). */
  cans: report.cans.unwrap(),
  /** Every rating of the latest CANS, domain by domain in the assessment's order. */
  domains: z.array(z.object({ domain: text(), ratings: z.array(z.object({ item: text(), rating: text() })) })),
  /** Who assessed: the staff member's name (an id agency.yaml does not list prints as itself). */
  assessor: text(),
});
export type CourtPacketCansFacts = z.infer<typeof courtPacketCansFacts>;
