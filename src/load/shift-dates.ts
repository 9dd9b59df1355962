/**
 * Moves the dates of case files by whole calendar months, leaving every other
 * byte as written (comments, quotes, `$schema` lines, prose): how `casepress
 * init` brings the starter root, written for one month, to the month it runs in.
 *
 * Whole months keep what the rules judge per calendar month (caseworker visits,
 * family time) and ages (a birthday stays in its month); a day past the end of
 * the new month is clamped (rules.md, "+N months"). Only values that are dates
 * move: a YAML scalar, or a front-matter scalar of a Markdown note, whose whole
 * value is a real `YYYY-MM-DD` day. Dates written in a note's prose stay as
 * written, so the starter's prose names none.
 */
import { isScalar, parseDocument, visit } from 'yaml';
import { addMonths, isRealDate, parseDate } from '../core/calendar-date.js';
import { splitFrontMatter } from './front-matter.js';

/** Whole calendar months from a month (`YYYY-MM`) to the month of a day (`YYYY-MM-DD`). */
export function monthsBetween(fromMonth: string, to: string): number {
  const from = parseDate(`${fromMonth}-01`);
  const day = parseDate(to);
  if (!from || !day) throw new RangeError(`not a month and a day: ${fromMonth}, ${to}`);
  return (day.year - from.year) * 12 + (day.month - from.month);
}

/** A YAML text with each date value moved by `months`. */
export function shiftYamlDates(yaml: string, months: number): string {
  if (months === 0) return yaml;
  const spans: [number, number, string][] = [];
  visit(parseDocument(yaml, { version: '1.2' }), {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && node.range && isRealDate(node.value)) spans.push([node.range[0], node.range[1], node.value]);
    },
  });
  // From the end, so earlier offsets stay good; the source of a date scalar holds its value once (quoted or not).
  let out = yaml;
  for (const [start, end, date] of spans.sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, start) + out.slice(start, end).replace(date, addMonths(date, months)) + out.slice(end);
  }
  return out;
}

/** A case-root file's text with its dates moved: a YAML file's values, a Markdown note's front matter; any other file as it is. */
export function shiftFileDates(path: string, text: string, months: number): string {
  if (/\.ya?ml$/i.test(path)) return shiftYamlDates(text, months);
  if (!/\.md$/i.test(path)) return text;
  const split = splitFrontMatter(text);
  if (!split.ok) return text;
  const { yaml, yamlOffset } = split.value;
  return text.slice(0, yamlOffset) + shiftYamlDates(yaml, months) + text.slice(yamlOffset + yaml.length);
}

/** A file name's day (`2026-03-10.md`) or month (`cans-2026-02.yaml`) moved likewise, so a note's name still says when it was. */
export function shiftNameDate(name: string, months: number): string {
  return name.replace(/(?<!\d)(\d{4}-\d{2})(-\d{2})?(?!\d)/, (whole: string, month: string, day: string | undefined) => {
    if (day) return isRealDate(whole) ? addMonths(whole, months) : whole;
    return isRealDate(`${month}-01`) ? addMonths(`${month}-01`, months).slice(0, 7) : whole;
  });
}
