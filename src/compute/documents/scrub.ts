/**
 * The builders' last line of defence (case-format.md, Audiences): a value
 * withheld from this copy that still stands in text the staff wrote (a goal
 * statement, a comment, a court note, the home study's narrative) is replaced
 * by the marker, and each replacement is reported naming the file it came from.
 * Values are found as the build's final scan finds them (`withheldReplacer`).
 */
import { withheldReplacer } from '../audience.js';
import type { DocumentContext } from './context.js';

/** `sourceOf` names the file the text at a path of `data` ("goals[0].statement") comes from. */
export function scrubWithheld<T>(data: T, ctx: DocumentContext, sourceOf: (path: string) => string, warnings: string[]): T {
  const replace = withheldReplacer(ctx.redact.withheld);
  if (!replace) return data;
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const replaced = replace(value);
      if (replaced.found.length === 0) return value;
      ctx.redact.caught(replaced.found);
      warnings.push(`${sourceOf(path)}: a value withheld from the ${ctx.redact.audience} copy appeared in free text (${path}) and was replaced by the marker`);
      return replaced.text;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
    }
    return value;
  };
  return walk(data, '') as T;
}
