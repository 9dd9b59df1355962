/**
 * Each document type's facts, by the template that prints them: what
 * `casepress data` shows, what the template check reads fields against, and
 * what the templates guide lists (templates/FIELDS.md, kept current by a test).
 */
import { z } from '../../../model/zod.js';
import type { JsonSchema } from '../../../core/json-schema.js';
import { courtPacketCansFacts, courtPacketFacts } from './court-packet.js';
import { courtReportFacts } from './court-report.js';
import { homeStudyFacts, relicensingPacketFacts } from './home.js';
import { servicePlanFacts } from './service-plan.js';
import { transitionPlanFacts } from './transition-plan.js';
import { caseloadStatsFacts } from '../../stats/facts.js';
import { matchingWorksheetFacts } from '../../match/facts.js';

export const DOCUMENT_FACTS: Readonly<Record<string, z.ZodType>> = {
  'court-report': courtReportFacts,
  'court-packet': courtPacketFacts,
  'court-packet-cans': courtPacketCansFacts,
  'service-plan': servicePlanFacts,
  'transition-plan': transitionPlanFacts,
  'home-study': homeStudyFacts,
  'relicensing-packet': relicensingPacketFacts,
  'caseload-stats': caseloadStatsFacts,
  'matching-worksheet': matchingWorksheetFacts,
};

const json = new Map<string, JsonSchema>();

/** A document's facts as JSON Schema, by document type (`court-report`). */
export function factsSchema(type: string): JsonSchema | undefined {
  const schema = DOCUMENT_FACTS[type];
  if (!schema) return undefined;
  let known = json.get(type);
  if (!known) {
    known = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as JsonSchema;
    json.set(type, known);
  }
  return known;
}

/** The facts a template file (`templates/court-report.md.hbs`) is checked against, with how messages name them. */
export function factsOfTemplate(file: string): { schema: JsonSchema; what: string } | undefined {
  const type = /([^/\\]+)\.md\.hbs$/.exec(file)?.[1];
  const schema = type === undefined ? undefined : factsSchema(type);
  return schema && { schema, what: `the ${type} facts` };
}
