/**
 * The builders' last line of defence (case-format.md, Audiences): a value
 * withheld from this copy that still stands in text the staff wrote (a goal
 * statement, a comment, a court note, the home study's narrative), and any full
 * identifier, is replaced by the marker, and each replacement is reported
 * naming the file it came from. Values are found as the build's final scan
 * finds them (`withheldMatcher`).
 */
import { markSpans } from '../redaction/marker.js';
import { withheldMatcher } from '../redaction/matcher.js';
import type { DocumentContext } from './context.js';

/** `sourceOf` names the file the text at a path of `data` ("goals[0].statement") comes from. */
export function scrubWithheld<T>(data: T, ctx: DocumentContext, sourceOf: (path: string) => string, warnings: string[]): T {
  const find = withheldMatcher(ctx.redact.withheld);
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const found = find(value);
      if (found.spans.length === 0) return value;
      ctx.redact.caught(found.values);
      if (found.values.length > 0) warnings.push(`${sourceOf(path)}: a value withheld from the ${ctx.redact.audience} copy appeared in free text (${path}) and was replaced by the marker`);
      if (found.identifiers > 0) warnings.push(`${sourceOf(path)}: a full identifier (an SSN, Medicaid or other id number) appeared in free text (${path}) and was replaced by the marker; only its last four digits may print`);
      return markSpans(value, found.spans);
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
    }
    return value;
  };
  return walk(data, '') as T;
}
