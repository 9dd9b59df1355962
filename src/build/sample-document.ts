/**
 * The sample document's page furniture, taken from its data
 * (test/fixtures/sample/sample-data.yaml): what `render-sample` and the bench build.
 */
import type { DocumentMeta, Letterhead } from '../document/ast.js';
import { DEFAULT_CONFIDENTIALITY_NOTICE } from '../model/agency.js';

interface SampleData {
  readonly case_id: string;
  readonly as_of: string;
  readonly agency: { readonly name: string; readonly address_lines: readonly string[]; readonly phone?: string; readonly logo?: string };
}

function isSampleData(data: unknown): data is SampleData {
  const d = data as Partial<SampleData> | null;
  return typeof d?.case_id === 'string' && typeof d.as_of === 'string' && typeof d.agency?.name === 'string';
}

export function sampleFurniture(data: unknown, draft: boolean): { meta: DocumentMeta; letterhead: Letterhead } | undefined {
  if (!isSampleData(data)) return undefined;
  const { agency } = data;
  return {
    meta: {
      title: 'Sample Document',
      author: agency.name,
      subject: 'Every element a casepress document can hold',
      keywords: ['casepress', 'sample', data.case_id],
      reference: data.case_id,
      confidentiality: DEFAULT_CONFIDENTIALITY_NOTICE,
      date: data.as_of,
      draft,
    },
    letterhead: {
      name: agency.name,
      addressLines: agency.address_lines,
      ...(agency.phone ? { phone: agency.phone } : {}),
      ...(agency.logo ? { logo: agency.logo } : {}),
    },
  };
}
