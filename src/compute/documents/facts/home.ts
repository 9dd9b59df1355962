/**
 * The facts of a home's documents: the home study (templates/home-study.md.hbs)
 * and the annual re-licensing packet (templates/relicensing-packet.md.hbs) share
 * the home, its license, household, inspections and the study on file. See
 * common.ts for the conventions.
 */
import { z } from 'zod';
import { base, date, signer, text, count } from './common.js';

/** The home as both documents name it; address and phone are the marker outside the internal copy. */
export const home = z.object({
  id: text(),
  type: text(),
  address: text(),
  phone: text().nullable(),
  licensing_worker: text().nullable(),
});

export const license = z.object({
  number: text(),
  status: text(),
  issued: date(),
  expires: date(),
  capacity: text(),
  year: text(),
});

/** study.md: its front matter and its narrative, one section per `##` heading in the SAFE order. */
export const study = z.object({
  present: z.boolean(),
  file: text().nullable(),
  date: date().nullable(),
  type: text().nullable(),
  type_lower: text().nullable(),
  reevaluation: z.boolean(),
  author: text().nullable(),
  recommendation: text().nullable(),
  conditions: z.array(text()),
  sections: z.array(z.object({ title: text(), body: text().describe('Markdown; empty when the study lacks the section') })),
});

export const householdMember = z.object({
  name: text(),
  role: text(),
  dob: date(),
  age: count(),
  medical_statement: date().nullable(),
});

export const inspectionRow = z.object({
  date: date(),
  type: text(),
  result: text(),
  passed: z.boolean(),
  notes: text().nullable(),
  resolved: date().nullable(),
  resolution: text(),
});

const certifications = <R extends z.ZodType>(row: R) => z.object({ required: z.boolean(), rule: text(), rows: z.array(row) });

export const homeStudyFacts = z.object({
  ...base,
  home,
  license,
  study,
  household: z.array(householdMember),
  checks: z.array(z.object({ person: text(), check: text(), date: date().nullable(), result: text() })),
  checks_not_current: z.array(text()),
  check_rule: text(),
  training: z.array(
    z.object({
      person: text(),
      role: text(),
      sessions_on_file: count(),
      hours_on_file: text(),
      last_session: date().nullable(),
      counted: text(),
      required: text(),
      met: z.boolean(),
      shortfall: text(),
    }),
  ),
  training_rule: text(),
  certifications: certifications(z.object({ holder: text(), certificate: text(), expires: date().nullable(), status: text() })),
  inspections: z.array(inspectionRow),
  inspection: z.object({ met: z.boolean(), summary: text() }),
  references: z.array(z.object({ name: text(), relationship: text(), contacted: date().nullable(), summary: text().nullable() })),
  placed: z.array(z.object({ name: text(), case_id: text(), dob: date(), age: count(), since: date(), setting: text() })),
  signers: z.array(signer),
});

export type HomeStudyFacts = z.infer<typeof homeStudyFacts>;

export const relicensingPacketFacts = z.object({
  ...base,
  home: home.extend({ caregivers: z.array(text()) }),
  license: license.extend({ year_start: date(), year_end: date(), multi_year: z.boolean() }),
  rule_set: text(),
  summary: z.object({ total: count(), met: count(), not_met: count(), compliant: z.boolean() }),
  not_met: z.array(z.object({ requirement: text(), evidence: text() })),
  checklist: z.array(z.object({ n: count(), requirement: text(), evidence: text(), met: z.boolean(), citation: text() })),
  training: z.array(
    z.object({
      person: text(),
      role: text(),
      required: text(),
      counted: text(),
      uncounted: text(),
      has_uncounted: z.boolean(),
      shortfall: text(),
      met: z.boolean(),
      sessions: z.array(z.object({ date: date(), title: text(), topic: text(), format: text(), hours: text(), counts: z.boolean() })),
      outside: z.array(z.object({ date: date(), title: text(), hours: text(), later: z.boolean() })),
    }),
  ),
  training_rule: z.object({ hours: text(), citation: text(), uncounted_topics: z.array(text()) }),
  checks: z.object({
    rows: z.array(
      z.object({
        person: text(),
        age: count().nullable(),
        check: text(),
        last: date().nullable(),
        result: text(),
        due: date().nullable(),
        at_eighteen: z.boolean(),
        why: text().nullable(),
        status: text(),
        flagged: z.boolean(),
      }),
    ),
    out_of_state: z.array(z.object({ person: text(), check: text(), date: date(), result: text(), flagged: z.boolean() })),
    upcoming: z.array(text()),
  }),
  check_rule: text(),
  certifications: certifications(
    z.object({ holder: text(), certificate: text(), expires: date().nullable(), status: text(), flagged: z.boolean(), not_met: z.boolean() }),
  ),
  inspections: z.array(inspectionRow),
  inspection: z.object({ met: z.boolean(), summary: text(), citation: text() }),
  household: z.array(householdMember),
  changes: z.array(
    z.object({
      date: date(),
      person: text(),
      change: text(),
      requires: text(),
      met: z.boolean().nullable(),
      evidence: text().optional(),
      status: text(),
    }),
  ),
  placements: z.array(
    z.object({ name: text(), case_id: text(), dob: date(), age: count(), start: date(), end: date().nullable(), setting: text(), notes: text() }),
  ),
  capacity: z.object({ placed: count(), licensed: count(), within: z.boolean(), names: z.array(text()) }),
  incidents: z.array(z.object({ date: date(), type: text(), summary: text(), resolved: date().nullable() })),
  study,
  signers: z.array(signer),
});

export type RelicensingPacketFacts = z.infer<typeof relicensingPacketFacts>;
