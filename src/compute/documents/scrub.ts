/**
 * The builders' last line of defence (case-format.md, Audiences): a value
 * withheld from this copy that still stands in text the staff wrote (a goal
 * statement, a comment, a court note, the home study's narrative), and any full
 * identifier, is replaced by the marker, and each replacement is reported
 * naming the file and line it came from. Values are found as the build's final scan
 * finds them (`withheldMatcher`).
 */
import { markSpans } from '../redaction/marker.js';
import { withheldMatcher } from '../redaction/matcher.js';
import type { DocumentContext } from './context.js';

/** `sourceOf` names the file the text at a path of `data` ("goals[0].statement") comes from. */
export function scrubWithheld<T>(data: T, ctx: DocumentContext, sourceOf: (path: string) => string, warnings: string[]): T {
  const find = withheldMatcher(ctx.redact.withheld, [], ctx.redact.families);
  /** Keys and indexes down to the value being walked: a path is spelled only for a warning. */
  const at: (string | number)[] = [];
  const pathNow = () => at.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const found = find(value);
      if (found.spans.length === 0) return value;
      const path = pathNow();
      ctx.redact.caught(found.values);
      // file:line of the first replaced text, where the file still says it (else the file alone).
      const file = sourceOf(path);
      const [start, end] = found.spans[0]!;
      const line = ctx.view.locate(file)?.lineOf?.(value.slice(start, end), value);
      const where = line === undefined ? file : `${file}:${line}`;
      if (found.values.length > 0) warnings.push(`${where}: a value withheld from the ${ctx.redact.audience} copy appeared in free text (${path}) and was replaced by the marker`);
      if (found.identifiers > 0) warnings.push(`${where}: a full identifier (an SSN, Medicaid or other id number) appeared in free text (${path}) and was replaced by the marker; only its last four digits may print`);
      return markSpans(value, found.spans);
    }
    // Data with nothing to replace is returned as it is, not copied (most copies of most documents).
    if (Array.isArray(value)) {
      const out = value.map((v, i) => {
        at.push(i);
        const w = walk(v);
        at.pop();
        return w;
      });
      return out.some((v, i) => v !== value[i]) ? out : value;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      const out = entries.map(([k, v]) => {
        at.push(k);
        const w = walk(v);
        at.pop();
        return [k, w] as const;
      });
      return out.some(([, v], i) => v !== entries[i]![1]) ? Object.fromEntries(out) : value;
    }
    return value;
  };
  return walk(data) as T;
}
