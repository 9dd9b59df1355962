/** Page furniture of the agency's documents: the letterhead and the metadata, from agency.yaml. */
import type { DocumentMeta, Letterhead } from '../document/ast.js';
import { DEFAULT_CONFIDENTIALITY_NOTICE, type Agency } from '../model/agency.js';

export interface FurnitureInput {
  readonly title: string;
  /** The document's name as a file: the PDF's title. */
  readonly subject: string;
  /** The header of every page after the first (the title's when not given). */
  readonly runningHeader?: string;
  /** Case or home id, in every footer. */
  readonly reference: string;
  readonly asOf: string;
  readonly keywords?: readonly string[];
  readonly draft?: boolean;
  /** The internal copy (its audience is `internal`): marked on every page. */
  readonly internal?: boolean;
  /** A copy for the public (aggregate figures, no names): it carries no confidentiality notice. */
  readonly public?: boolean;
}

export function agencyLetterhead(agency: Agency): Letterhead {
  const { street, city, state, zip } = agency.address;
  return {
    name: agency.name,
    addressLines: [street, `${city}, ${state} ${zip}`],
    ...(agency.phone ? { phone: agency.phone } : {}),
    ...(agency.logo ? { logo: agency.logo.replace(/^\.\//, '') } : {}),
  };
}

export function documentMeta(agency: Agency, input: FurnitureInput): DocumentMeta {
  return {
    title: input.title,
    author: agency.name,
    subject: input.subject,
    ...(input.runningHeader !== undefined ? { runningHeader: input.runningHeader } : {}),
    keywords: ['casepress', input.reference, ...(input.keywords ?? [])],
    reference: input.reference,
    confidentiality: input.public ? '' : (agency.confidentiality_notice ?? DEFAULT_CONFIDENTIALITY_NOTICE),
    date: input.asOf,
    ...(input.draft ? { draft: true } : {}),
    ...(input.internal ? { internal: true } : {}),
    ...(agency.language ? { language: agency.language } : {}),
  };
}
