/** A YAML data file that is not a case record (e.g. the sample's data), with located syntax errors. */
import type { Diagnostic } from '../core/diagnostic.js';
import { LineIndex } from '../core/source.js';
import { decode } from './decode.js';
import { parseYaml } from './yaml-document.js';

export function readDataFile(file: string, bytes: Uint8Array): { data?: unknown; diagnostics: Diagnostic[] } {
  const decoded = decode(file, bytes);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const parsed = parseYaml({ file, index: new LineIndex(decoded.text), yaml: decoded.text, offset: 0 });
  return { ...(parsed.data !== undefined ? { data: parsed.data } : {}), diagnostics: [...decoded.diagnostics, ...parsed.diagnostics] };
}
