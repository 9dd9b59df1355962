/**
 * zod issues → located diagnostics. zod knows paths, not files or lines; the
 * locator turns each path into the place it was written, and the issue into a
 * sentence saying what was found and what was expected, with a "did you mean".
 */
import type { z } from 'zod';
import type { Code } from '../core/codes.js';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { closest } from '../core/did-you-mean.js';
import { parseDate, isDateShaped, daysInMonth } from '../core/calendar-date.js';
import { formatFieldPath, type FieldPath } from '../core/field-path.js';
import { EXPECTATIONS } from '../model/primitives.js';
import { knownKeysAt } from './schema-walk.js';
import type { Locator } from '../model/case-root.js';

const CODE_OF_EXPECTATION = new Map<string, Code>(Object.values(EXPECTATIONS).map((e) => [e.text, e.code]));

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields (key: value lines)',
  null: 'nothing',
};

export interface IssueContext {
  readonly file: string;
  readonly schema: z.ZodType;
  readonly locate: Locator;
  /** Field paths are shown from here (a front matter's fields have no prefix). */
  readonly data: unknown;
}

export function issuesToDiagnostics(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): Diagnostic[] {
  const misspelled = misspelledFields(issues, ctx.schema);
  return issues
    .filter((issue) => !(issue.code === 'invalid_type' && misspelled.has(formatFieldPath(issue.path as FieldPath))))
    .flatMap((issue) => issueToDiagnostics(issue, ctx));
}

/**
 * Required fields that are "missing" only because they were misspelled: the
 * unknown key's diagnostic already says "did you mean …?", so one mistake
 * gives one message.
 */
function misspelledFields(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): Set<string> {
  const out = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path as FieldPath;
    const known = knownKeysAt(schema, path);
    for (const key of issue.keys) {
      const suggestion = closest(key, known);
      if (suggestion) out.add(formatFieldPath([...path, suggestion]));
    }
  }
  return out;
}

function issueToDiagnostics(issue: z.core.$ZodIssue, ctx: IssueContext): Diagnostic[] {
  const { file, locate } = ctx;
  const path = issue.path as FieldPath;
  const field = formatFieldPath(path);
  const input = valueAt(ctx.data, path);
  const present = input !== undefined;

  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(ctx.schema, path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      const where = field ? `\`${field}\`` : 'this file';
      const split = locate.splitByComma([...path, key]);
      return diagnostic('CP1205', {
        file,
        span: locate.key([...path, key]),
        field: formatFieldPath([...path, key]),
        message: `"${key}" is not a field of ${where}`,
        hint: split
          ? `a comma ends a value inside { … }; if "${key}" belongs to ${split.key}, put the whole value in quotes: ${split.key}: "${split.value}, ${key}"`
          : suggestion ? `did you mean "${suggestion}"?` : `the fields here are: ${known.join(', ')}`,
      });
    });
  }

  if (!present) {
    const name = path[path.length - 1];
    const parent = formatFieldPath(path.slice(0, -1));
    return [
      diagnostic('CP1201', {
        file,
        span: locate.value(path),
        field,
        message: `${parent ? `\`${parent}\`` : 'the file'} is missing the required field "${String(name)}"`,
        hint: `add "${String(name)}:" with ${expected(issue)}`,
      }),
    ];
  }

  const custom = CODE_OF_EXPECTATION.get(issue.message);
  // A full identifier is never echoed back: the output may be pasted anywhere.
  const found = issue.message === EXPECTATIONS.last4.text && typeof input === 'string'
    ? `${input.length} characters`
    : describeValue(input, locate.source(path));
  const base = { file, span: locate.value(path), field };
  if (custom) {
    return [
      diagnostic(custom, {
        ...base,
        message: `\`${field}\`: found ${found}, expected ${issue.message}`,
        hint: custom === 'CP1203' ? dateHint(input) : undefined,
      }),
    ];
  }

  switch (issue.code) {
    case 'invalid_value': {
      const values = issue.values.map(String);
      const suggestion = typeof input === 'string' ? closest(input.replace(/[\s-]+/g, '_'), values) : undefined;
      return [
        diagnostic('CP1204', {
          ...base,
          message: `\`${field}\`: found ${found}, expected one of: ${values.join(', ')}`,
          hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
        }),
      ];
    }
    case 'invalid_type':
      return [
        diagnostic('CP1202', {
          ...base,
          message: `\`${field}\`: found ${found}, expected ${expected(issue)}`,
          hint: issue.expected === 'boolean' && typeof input === 'string' ? booleanHint(String(path[path.length - 1]), input) : undefined,
        }),
      ];
    case 'too_small':
    case 'too_big':
      return [diagnostic('CP1207', { ...base, message: `\`${field}\`: found ${found}, expected ${rangeWords(issue)}` })];
    default:
      return [diagnostic('CP1208', { ...base, message: `\`${field}\`: found ${found}, which is not valid here (${issue.message})` })];
  }
}

/** What belongs in the field, in words. */
function expected(issue: z.core.$ZodIssue): string {
  if (CODE_OF_EXPECTATION.has(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return TYPE_WORDS[issue.expected] ?? issue.expected;
  if (issue.code === 'invalid_value') return `one of: ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

/** YAML 1.2 reads `yes`, `no`, `on`, `off` as words (case-format.md, Conventions). */
function booleanHint(key: string, input: string): string | undefined {
  const word = input.trim().toLowerCase();
  if (['yes', 'y', 'on', 'true'].includes(word)) return `"${input}" is a word in YAML 1.2; write ${key}: true`;
  if (['no', 'n', 'off', 'false'].includes(word)) return `"${input}" is a word in YAML 1.2; write ${key}: false`;
  return `write ${key}: true or ${key}: false`;
}

function rangeWords(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const isSmall = issue.code === 'too_small';
  const limit = Number(isSmall ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'array':
    case 'set':
      return isSmall ? `a list of at least ${limit} ${limit === 1 ? 'entry' : 'entries'}` : `a list of at most ${limit} entries`;
    case 'string':
      return isSmall ? (limit === 1 ? 'text that is not empty' : `at least ${limit} characters`) : `at most ${limit} characters`;
    default:
      if (isSmall) return inclusive ? `a number of at least ${limit}` : `a number greater than ${limit}`;
      return inclusive ? `a number of at most ${limit}` : `a number less than ${limit}`;
  }
}

/** What the user wrote, in words: `"2024-13-02"`, `the number 12`, `a list`. */
export function describeValue(value: unknown, written?: string): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return `the number ${written ?? String(value)}`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

function dateHint(value: unknown): string {
  const example = 'write dates as YYYY-MM-DD, e.g. 2026-03-14';
  if (typeof value === 'number' && /^\d{8}$/.test(String(value))) {
    const digits = String(value);
    const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
    return parseDate(date) ? `${digits} without dashes is a number; write ${date}` : example;
  }
  if (typeof value !== 'string') return example;
  if (isDateShaped(value) && !parseDate(value)) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    if (m < 1 || m > 12) return `there is no month ${m}; write YYYY-MM-DD`;
    const monthName = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    return `${monthName} ${y} has ${daysInMonth(y, m)} days`;
  }
  const us = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  if (us) {
    const date = `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
    if (parseDate(date)) return `write dates as YYYY-MM-DD: ${value} is ${date}`;
  }
  return example;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}
