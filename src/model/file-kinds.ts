/**
 * Every kind of file in a case root, its schema and where it lives. The
 * loader, the JSON Schema export and the docs all read this one table.
 */
import type { z } from 'zod';
import { agency } from './agency.js';
import { assessment } from './assessment.js';
import { caseRecord } from './case.js';
import { home, study } from './home.js';
import { contact, courtNote, visit } from './notes.js';
import { plan } from './plan.js';
import { transition } from './transition.js';

export interface FileKind {
  readonly schema: z.ZodType;
  /** How the file is written: plain YAML, or Markdown with YAML front matter. */
  readonly syntax: 'yaml' | 'markdown';
  /** Where it lives, for messages. */
  readonly where: string;
}

export const FILE_KINDS = {
  agency: { schema: agency, syntax: 'yaml', where: 'agency.yaml' },
  case: { schema: caseRecord, syntax: 'yaml', where: 'children/<case-id>/case.yaml' },
  plan: { schema: plan, syntax: 'yaml', where: 'children/<case-id>/plan.yaml' },
  transition: { schema: transition, syntax: 'yaml', where: 'children/<case-id>/transition.yaml' },
  contact: { schema: contact, syntax: 'markdown', where: 'children/<case-id>/contacts/*.md' },
  visit: { schema: visit, syntax: 'markdown', where: 'children/<case-id>/visits/*.md' },
  assessment: { schema: assessment, syntax: 'yaml', where: 'children/<case-id>/assessments/*.yaml' },
  'court-note': { schema: courtNote, syntax: 'markdown', where: 'children/<case-id>/court/*.md' },
  home: { schema: home, syntax: 'yaml', where: 'homes/<home-id>/home.yaml' },
  study: { schema: study, syntax: 'markdown', where: 'homes/<home-id>/study.md' },
} as const satisfies Record<string, FileKind>;

export type FileKindName = keyof typeof FILE_KINDS;
export type RecordOf<K extends FileKindName> = z.infer<(typeof FILE_KINDS)[K]['schema']>;
