/**
 * The court packet's facts: its cover (templates/court-packet.md.hbs) and its
 * CANS summary part (templates/court-packet-cans.md.hbs). The other parts are
 * the court report, service plan and transition plan, with their own facts.
 */
import { z } from 'zod';
import { RULE_SETS } from '../../../model/agency.js';
import { HEARING_TYPES } from '../../../model/case.js';
import { agency, audience, called, date, reader, text } from './common.js';
import { courtReportFacts } from './court-report.js';

/** The parts of a packet, in the order it assembles them. */
export const PACKET_PARTS = ['court_report', 'service_plan', 'cans_summary', 'transition_plan'] as const;
export type PacketPart = (typeof PACKET_PARTS)[number];

/** Why a part that belongs in the packet is not in it. */
export const PACKET_OMISSIONS = ['no_service_plan', 'no_assessment', 'no_transition_plan'] as const;
export type PacketOmission = (typeof PACKET_OMISSIONS)[number];

const part = z.enum(PACKET_PARTS).describe('label: packet_part');

export const courtPacketFacts = z.object({
  audience,
  reader,
  as_of: date(),
  agency,
  jurisdiction: z.enum(RULE_SETS.filter((s) => s !== 'generic') as ['KY', 'PA', 'IN']).nullable().describe('label: jurisdiction'),
  case_id: text(),
  hearing: z.object({ date: date(), type: z.enum(HEARING_TYPES).describe('label: hearing_type').nullable(), title: text().nullable().describe('what a hearing of type other is') }),
  court: z.object({ name: text(), county: text(), docket: text(), judge: text().nullable() }),
  child: z.object({ name: text(), called: called() }),
  /** The parts in the packet, in order: the contents table has one row for each, and the writers put each part's first page in its last column. */
  parts: z.array(z.object({ part, /** The part's own date: the hearing's, the plan's or the assessment's. */ date: date() })),
  /** Parts that belong in the packet and are missing, with why. */
  not_included: z.array(z.object({ part, reason: z.enum(PACKET_OMISSIONS).describe('label: packet_omission') })),
  /** What any part of this copy withheld, by kind (the court report's notice words them). */
  withheld: courtReportFacts.shape.notices.shape.withheld,
});
export type CourtPacketFacts = z.infer<typeof courtPacketFacts>;

export const courtPacketCansFacts = z.object({
  audience,
  case_id: text(),
  child: z.object({ name: text(), called: called() }),
  court: z.object({ docket: text() }),
  /** The latest CANS as the court report summarizes it (needs, strengths, changes, notes). */
  cans: courtReportFacts.shape.cans.unwrap(),
  /** Every rating of the latest CANS, domain by domain in the assessment's order. */
  domains: z.array(z.object({ domain: text(), ratings: z.array(z.object({ item: text(), rating: text() })) })),
  /** Who assessed: the staff member's name (an id agency.yaml does not list prints as itself). */
  assessor: text(),
});
export type CourtPacketCansFacts = z.infer<typeof courtPacketCansFacts>;
