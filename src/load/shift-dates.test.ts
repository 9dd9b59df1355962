import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { addMonths, isRealDate } from '../core/calendar-date.js';
import { splitFrontMatter } from './front-matter.js';
import { monthsBetween, shiftFileDates, shiftNameDate, shiftYamlDates } from './shift-dates.js';

const STARTER = join(import.meta.dirname, '../../starter');
const starterFiles = (readdirSync(STARTER, { recursive: true }) as string[]).filter((f) => /\.(ya?ml|md)$/.test(f)).map((f) => relative(STARTER, join(STARTER, f)));
const starterText = new Map(starterFiles.map((f) => [f, readFileSync(join(STARTER, f), 'utf8')]));

/** The data of a file: a YAML file's, or a Markdown note's front matter and body. */
function dataOf(path: string, text: string): unknown {
  if (path.endsWith('.yaml')) return parse(text, { version: '1.2' });
  const split = splitFrontMatter(text);
  return split.ok ? { front: parse(split.value.yaml, { version: '1.2' }), body: split.value.body } : { text };
}

/** Every string value that is a real day, moved; everything else as it was. */
function shiftedData(value: unknown, months: number): unknown {
  if (typeof value === 'string') return isRealDate(value) ? addMonths(value, months) : value;
  if (Array.isArray(value)) return value.map((v) => shiftedData(v, months));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'body' || k === 'text' ? v : shiftedData(v, months)]));
  return value;
}

describe('monthsBetween', () => {
  it.each([
    ['2026-11', '2026-11-01', 0],
    ['2026-11', '2026-11-30', 0],
    ['2026-11', '2026-12-31', 1],
    ['2026-11', '2027-01-01', 2],
    ['2026-11', '2027-06-15', 7],
    ['2026-11', '2028-02-29', 15],
    ['2026-11', '2026-10-31', -1],
    ['2026-11', '2025-11-15', -12],
  ])('from %s to %s is %i', (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });
});

describe('shiftYamlDates', () => {
  it('moves plain, quoted and flow dates and leaves comments, the $schema line, numbers and non-days as written', () => {
    const yaml = [
      '# yaml-language-server: $schema=../../schema/case.schema.json',
      'removal: { date: 2026-02-16, manner: court_ordered }   # removed 2026-02-16',
      'quoted: "2026-03-19"',
      "single: '2026-04-16'",
      'list: [2026-08-11, 2027-01-12]',
      'zip: "40601"',
      'docket: 26-J-00001',
      'not_a_day: 2026-02-30',
      'month: 2026-02',
      'stamp: 2026-02-16T10:00:00-05:00',
      'count: 20260216',
      '',
    ].join('\n');
    expect(shiftYamlDates(yaml, 7)).toBe(
      [
        '# yaml-language-server: $schema=../../schema/case.schema.json',
        'removal: { date: 2026-09-16, manner: court_ordered }   # removed 2026-02-16',
        'quoted: "2026-10-19"',
        "single: '2026-11-16'",
        'list: [2027-03-11, 2027-08-12]',
        'zip: "40601"',
        'docket: 26-J-00001',
        'not_a_day: 2026-02-30',
        'month: 2026-02',
        'stamp: 2026-02-16T10:00:00-05:00',
        'count: 20260216',
        '',
      ].join('\n'),
    );
  });

  it.each([
    // The day of the month is kept, clamped to the new month's last day (rules.md, "+N months").
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-01-31', 13, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-11-28', 2, '2027-01-28'],
    ['2026-12-15', -12, '2025-12-15'],
    ['2026-11-01', 0, '2026-11-01'],
  ])('%s moved %i months is %s', (from, months, to) => {
    expect(shiftYamlDates(`date: ${from}\n`, months)).toBe(`date: ${to}\n`);
  });

  it('keeps CRLF line ends and block scalars', () => {
    expect(shiftYamlDates('a: 2026-01-05\r\nnote: |\r\n  seen 2026-01-05\r\nb: 2026-01-06\r\n', 1)).toBe('a: 2026-02-05\r\nnote: |\r\n  seen 2026-01-05\r\nb: 2026-02-06\r\n');
  });
});

describe('shiftFileDates', () => {
  it("moves a note's front matter and leaves its prose, even a date in it", () => {
    const note = '---\ndate: 2026-10-13\nhearing: "2027-01-12"\n---\nSeen on 2026-10-13 before the hearing of 2027-01-12.\n';
    expect(shiftFileDates('contacts/x.md', note, 2)).toBe('---\ndate: 2026-12-13\nhearing: "2027-03-12"\n---\nSeen on 2026-10-13 before the hearing of 2027-01-12.\n');
  });

  it('leaves a Markdown file without front matter, and any other file, as it is', () => {
    expect(shiftFileDates('README.md', '# Dates\n\ndate: 2026-10-13\n', 2)).toBe('# Dates\n\ndate: 2026-10-13\n');
    expect(shiftFileDates('notes.txt', 'date: 2026-10-13\n', 2)).toBe('date: 2026-10-13\n');
  });

  it('on every starter file: the data read back is the data with each day moved, and nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...starterFiles), fc.integer({ min: -30, max: 60 }), (file, months) => {
        const text = starterText.get(file)!;
        const shifted = shiftFileDates(file, text, months);
        expect(dataOf(file, shifted)).toEqual(shiftedData(dataOf(file, text), months));
        // The `$schema` line and the comments stay.
        expect(shifted.split('\n').filter((l) => l.startsWith('#'))).toEqual(text.split('\n').filter((l) => l.startsWith('#')));
      }),
      { numRuns: 100 },
    );
  });
});

describe('shiftNameDate', () => {
  it.each([
    ['2026-03-10.md', 7, '2026-10-10.md'],
    ['cans-2026-02.yaml', 11, 'cans-2027-01.yaml'],
    ['2026-01-31.md', 1, '2026-02-28.md'],
    ['assessment.md', 5, 'assessment.md'],
    ['case.yaml', 5, 'case.yaml'],
    ['2026-13-01.md', 1, '2026-13-01.md'],
    ['logo.png', 3, 'logo.png'],
  ])('%s moved %i months is %s', (name, months, to) => {
    expect(shiftNameDate(name, months)).toBe(to);
  });
});
