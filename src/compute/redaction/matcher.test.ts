import { describe, expect, it } from 'vitest';
import type { WithheldValue } from '../audience.js';
import { findIdentifiers } from './identifiers.js';
import { markSpans, WITHHELD_MARKER as M } from './marker.js';
import { holdersOf, withheldMatcher } from './matcher.js';

const value = (v: string, field = v, except?: string[]): WithheldValue => ({ kind: 'foster_family_identity', field, value: v, guard: true, ...(except ? { except } : {}) });
const replace = (text: string, values: WithheldValue[], kept: string[] = []) => markSpans(text, withheldMatcher(values, kept)(text).spans);

const family = [value('Hartwell'), value('Peñaloza'), value('Dana Hartwell'), value('418 Keene Crossing Drive'), value('(859) 555-0199')];

describe('withheldMatcher', () => {
  it.each([
    ['plain', 'Ask Hartwell now', `Ask ${M} now`],
    ['UPPER', 'ASK HARTWELL NOW', `ASK ${M} NOW`],
    ['NFD accents', 'Mrs. Pen\u0303aloza came', `Mrs. ${M} came`],
    ['accent left out', 'Mrs. Penaloza came', `Mrs. ${M} came`],
    ['full-width and compatibility letters', 'Ｈａｒｔｗｅｌｌ came', `${M} came`],
    ['zero-width space inside', 'Hart\u200Bwell came', `${M} came`],
    ['zero-width joiner, non-joiner, word joiner, BOM', 'H\u200Dar\u200Ct\u2060we\uFEFFll came', `${M} came`],
    ['soft hyphen inside', 'Hart\u00ADwell came', `${M} came`],
    ['plural', 'the Hartwells came', `the ${M} came`],
    ['plural in -es', 'the Peñalozaes came', `the ${M} came`],
    ["possessive 's", "Hartwell's dog", `${M} dog`],
    ['possessive ’s', 'Hartwell\u2019s dog', `${M} dog`],
    ["plural possessive s'", "the Hartwells' dog", `the ${M} dog`],
    ['plural possessive s’', 'the Hartwells\u2019 dog', `the ${M} dog`],
    ['full name, runs of spaces and NBSP', 'Dana \u00A0  Hartwell came', `${M} came`],
    ['full name across a line break', 'Dana\nHartwell came', `${M} came`],
    ['street with the suffix abbreviated', 'at 418 Keene Crossing Dr. today', `at ${M}. today`],
    ['street with a doubled space', 'at 418  Keene Crossing Drive', `at ${M}`],
    ['phone 859-555-0199', 'call 859-555-0199.', `call ${M}.`],
    ['phone 859.555.0199', 'call 859.555.0199', `call ${M}`],
    ['phone (859) 555-0199', 'call (859) 555-0199', `call ${M}`],
    ['phone +1 859 555 0199', 'call +1 859 555 0199', `call ${M}`],
    ['phone 1-859-555-0199', 'call 1-859-555-0199', `call ${M}`],
  ])('finds the value %s', (_, text, expected) => {
    expect(replace(text, family)).toBe(expected);
  });

  it.each([
    ['a longer word', 'Hartwellson and Hartwellian stay'],
    ['a word inside', 'Elmwood stays'],
    ['another number', 'call 859-555-0198 or 859-555-0190'],
    ['the street with another number', 'at 1418 Keene Crossing Drive'],
    ['a first name alone', 'Dana came'],
  ])('never matches part of a word or of another value: %s', (_, text) => {
    expect(replace(text, [...family, value('Elm')])).toBe(text);
  });

  it('replaces the longest value at the leftmost word: the full name whole', () => {
    const found = withheldMatcher(family)('Dana Hartwell and the Hartwells');
    expect(found.spans).toEqual([[0, 13], [22, 31]]);
    expect(found.values.map((v) => v.value)).toEqual(['Hartwell', 'Dana Hartwell']);
  });

  it('equates street suffixes and directions in either spelling, with or without a period', () => {
    const street = [value('12 N. Elm Street Apt 4'), value('7 Oak Blvd')];
    expect(replace('12 North Elm St., Apartment 4 and 7 Oak Boulevard', street)).toBe(`${M} and ${M}`);
    expect(replace('at 12 n elm st apt 4', street)).toBe(`at ${M}`);
    // A name is no street: "Drive" in a name is not "Dr".
    expect(replace('Dr Hartwell', [value('Drive Hartwell')])).toBe('Dr Hartwell');
  });

  it('never replaces part of an unrelated longer value: a guard inside a phrase the copy prints (the starter case)', () => {
    const sample = value('Sample', 'homes/H-0001/home.yaml household[0].name (surname)', ['12 Sample St']);
    expect(replace('Mother at 12 Sample St, Frankfort, KY 40601; Ms. Sample drives her.', [sample])).toBe(`Mother at 12 Sample St, Frankfort, KY 40601; Ms. ${M} drives her.`);
    // The kept phrase in its other spelling is still that phrase.
    expect(replace('12 Sample Street', [sample])).toBe('12 Sample Street');
    // A withheld value as long as the phrase still wins.
    expect(replace('12 Sample St', [sample, value('12 Sample St', 'confidential')])).toBe(M);
    expect(replace('Sample County', [value('Sample')], ['Sample County'])).toBe('Sample County');
  });

  it('reports each value once, in the order it was given', () => {
    const found = withheldMatcher(family)('859.555.0199, Hartwell, Hartwell, Penaloza');
    expect(found.values.map((v) => v.value)).toEqual(['Hartwell', 'Peñaloza', '(859) 555-0199']);
  });

  it('looks for no value shorter than three letters', () => {
    expect(replace('Li and Ng', [value('Li'), value('Ng')])).toBe('Li and Ng');
  });

  it('stays fast with 1,600 values: the texts that hold none of their words are skipped word by word', () => {
    const values = Array.from({ length: 1600 }, (_, i) => value(i % 2 ? `Family${i} Name${i}` : `${i} Road${i} Drive`));
    const find = withheldMatcher(values);
    const text = 'Joey attended school every day this month and met his therapist twice; no concerns were raised. '.repeat(20);
    // 2,000 texts of 2,000 characters against 1,600 values: a linear scan, not a pattern per value.
    for (let i = 0; i < 2000; i++) expect(find(text).spans.length).toBe(0);
    expect(find(`${text} Family3 Name3`).values).toEqual([values[3]]);
  });
});

describe('the folded values kept between documents', () => {
  it('start over past their bound and are folded again as before', () => {
    const before = replace('Dana Hartwell at 418 Keene Crossing Dr.', family);
    // Each document brings values of its own: more than the cache keeps.
    for (let n = 0; n < 45_000; n++) withheldMatcher([value(`Parent${n} Surname${n}`)], [`${n} Main Street`]);
    expect(replace('Dana Hartwell at 418 Keene Crossing Dr.', family)).toBe(before);
    expect(before).toBe(`${M} at ${M}.`);
  });
});

describe('holdersOf', () => {
  it('gives the longer phrases that hold a value as whole words', () => {
    const holding = holdersOf(['12 Sample St', 'Ann Sampleton', 'Pat Sample', 'Sample']);
    expect(holding('Sample')).toEqual(['12 Sample St', 'Pat Sample']);
    expect(holding('Pat Sample')).toEqual([]);
  });
});

describe('findIdentifiers', () => {
  const ids = (text: string) => findIdentifiers(text).map(([s, e]) => text.slice(s, e));
  it.each([
    ['SSN with hyphens', 'ssn 123-45-6789', ['123-45-6789']],
    ['SSN with spaces', 'ssn 123 45 6789', ['123 45 6789']],
    ['SSN with periods', 'ssn 123.45.6789', ['123.45.6789']],
    ['nine digits', 'ssn 123456789', ['123456789']],
    ['a 10-digit Medicaid number', 'medicaid 1234567890.', ['1234567890']],
    ['an 8-digit id', 'id 12345679', ['12345679']],
    ['a long hyphenated id', 'id 1234-5678-90', ['1234-5678-90']],
    ['a phone written as bare digits (cannot be told from an id)', 'call 8595550199', ['8595550199']],
  ])('withholds %s', (_, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    ['a phone 859-555-0199', 'call 859-555-0199'],
    ['a phone 859.555.0199', 'call 859.555.0199'],
    ['a phone 859 555 0199', 'call 859 555 0199'],
    ['a phone (859) 555-0199', 'call (859) 555-0199'],
    ['a phone +1 859 555 0199', 'call +1 859 555 0199'],
    ['a phone 1-859-555-0199', 'call 1-859-555-0199'],
    ['an international phone +18595550199', 'call +18595550199'],
    ['an ISO date', 'on 2026-12-04'],
    ['a US date', 'on 12/04/2026'],
    ['a compact date', 'on 20261204 and 12042026'],
    ['a ZIP+4', 'KY 40601-1234'],
    ['a last four', 'SSN ending 6789, xxx-xx-6789'],
    ['a case number', 'C-2025-0142, KY-FH-00001, H-0042'],
    ['seven digits', 'ref 1234567'],
    ['numbers in a sentence', 'in 2025 and 2026, 12 of 15 visits'],
    ['a number inside a word', 'ab123456789'],
  ])('keeps %s', (_, text) => {
    expect(ids(text)).toEqual([]);
  });
});
