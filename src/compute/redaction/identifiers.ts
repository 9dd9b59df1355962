/**
 * Full identifiers in free text (case-format.md, Audiences: "full identifiers;
 * only last 4 digits ever print"), withheld from every copy, internal included.
 *
 * The rule, on folded text (so full-width digits and a zero-width space inside
 * a number change nothing). A digit run is one or more groups of digits joined
 * by one repeated separator (hyphen, period or a single space), with no letter
 * or digit either side and no "+" before it (an international phone). It is a
 * full identifier when it is
 * - one group of 9 or more digits (an SSN, a Medicaid number, any long id), or
 *   of exactly 8 unless it reads as a date (YYYYMMDD or MMDDYYYY, 1900-2099):
 *   8-digit ids exist, and so do compact dates in exported notes;
 * - three groups of 3, 2 and 4 digits, whatever the separator (the SSN shape);
 * - hyphen-joined groups of 9 or more digits in all, unless they are a phone
 *   (3-3-4, or 1-3-3-4) or a ZIP+4 (5-4).
 * Phones in their usual forms (859-555-0199, 859.555.0199, 859 555 0199,
 * (859) 555-0199, +1 859 555 0199) and dates (2026-12-04, 12/04/2026) are not.
 * The price: a phone written as ten bare digits reads as an identifier and is
 * withheld (it cannot be told from a 10-digit Medicaid number), and an id
 * written in space-separated groups of four is not caught.
 */

const DIGIT_RUN = /(?<![\p{L}\p{N}+])[0-9]+(?:([-. ])[0-9]+(?:\1[0-9]+)*)?(?![\p{L}\p{N}])/gu;

/** The spans [start, end) of `folded` that are full identifiers. */
export function findIdentifiers(folded: string): [number, number][] {
  const spans: [number, number][] = [];
  if (!/[0-9]{2}/.test(folded)) return spans;
  for (const match of folded.matchAll(DIGIT_RUN)) {
    if (isIdentifier(match[0], match[1])) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

function isIdentifier(run: string, separator: string | undefined): boolean {
  if (separator === undefined) return run.length >= 9 || (run.length === 8 && !isCompactDate(run));
  const shape = run.split(separator).map((g) => g.length).join('-');
  if (shape === '3-2-4') return true;
  if (separator !== '-') return false;
  const digits = run.length - (run.split('-').length - 1);
  return digits >= 9 && shape !== '3-3-4' && shape !== '1-3-3-4' && shape !== '5-4';
}

function isCompactDate(run: string): boolean {
  const date = (y: string, m: string, d: string) => {
    const year = Number(y);
    const month = Number(m);
    const day = Number(d);
    return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  };
  return date(run.slice(0, 4), run.slice(4, 6), run.slice(6)) || date(run.slice(4), run.slice(0, 2), run.slice(2, 4));
}
