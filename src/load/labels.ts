/** templates/labels.yaml → the labels the templates print, or located diagnostics. */
import type { Diagnostic } from '../core/diagnostic.js';
import { LineIndex } from '../core/source.js';
import { labelsFile, type LabelsFile } from '../model/labels.js';
import { issuesToDiagnostics } from './schema-issues.js';
import { parseYaml } from './yaml-document.js';

export function parseLabels(file: string, text: string): { labels?: LabelsFile; diagnostics: Diagnostic[] } {
  const parsed = parseYaml({ file, index: new LineIndex(text), yaml: text, offset: 0 });
  if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics };
  const result = labelsFile.safeParse(parsed.data ?? {});
  if (result.success) return { labels: result.data, diagnostics: [] };
  return { diagnostics: issuesToDiagnostics(result.error.issues, { file, schema: labelsFile, locate: parsed.locate, data: parsed.data }) };
}
