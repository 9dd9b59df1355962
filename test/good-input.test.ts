/**
 * Every folder under test/fixtures/good/ is a case root (the starter with the
 * fixture's root/ laid over it, minus fixture.json's `remove`) that must load
 * with no diagnostics at all, not even a warning. A few also check that the
 * loaded model holds exactly what was written. See test/fixtures/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseRoot } from '../src/model/case-root.js';
import { buildRoot, loadRoot, REPO, type FixtureSpec } from './helpers/fixture-root.js';

interface GoodSpec extends FixtureSpec {
  readonly description: string;
}

const GOOD = join(REPO, 'test/fixtures/good');
const fixtures = readdirSync(GOOD)
  .filter((name) => existsSync(join(GOOD, name, 'fixture.json')) || existsSync(join(GOOD, name, 'root')))
  .sort();

async function load(name: string): Promise<{ root: CaseRoot; diagnostics: string[] }> {
  const specFile = join(GOOD, name, 'fixture.json');
  const spec = existsSync(specFile) ? (JSON.parse(readFileSync(specFile, 'utf8')) as GoodSpec) : undefined;
  const overlay = join(GOOD, name, 'root');
  const dir = await buildRoot(existsSync(overlay) ? overlay : undefined, spec);
  try {
    const { root, diagnostics } = await loadRoot(dir);
    // A note's body is read from its file when first asked for: ask while the files are there.
    for (const folder of [...root.children, ...root.homes]) for (const file of Object.values(folder).flat()) if (file && typeof file === 'object' && 'body' in file) void file.body;
    return {
      root,
      // Readable on failure: the whole diagnostic, not just its code.
      diagnostics: diagnostics.map((d) => `${d.file}:${d.span?.start.line ?? '-'}:${d.span?.start.column ?? '-'} ${d.severity} ${d.code} ${d.message}`),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The one child of the starter root, C-0001, with its case.yaml loaded. */
function child(root: CaseRoot) {
  const folder = root.children.find((c) => c.id === 'C-0001');
  expect(folder?.case, 'children/C-0001/case.yaml loaded').toBeDefined();
  return { folder: folder!, record: folder!.case!.data };
}

describe('good input fixtures', () => {
  it('there are at least 8', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtures)('%s loads with no diagnostics', async (name) => {
    const { diagnostics } = await load(name);
    expect(diagnostics).toEqual([]);
  });
});

describe('what the good fixtures load', () => {
  it('unicode-names: names round-trip exactly, plain or quoted', async () => {
    const { root } = await load('unicode-names');
    const { folder, record } = child(root);
    expect(record.child.name).toBe('José Luis Núñez-García');
    expect(record.child.preferred_name).toBe('Joey');
    expect(record.child.languages).toEqual(['Español', 'English', 'Tiếng Việt']);
    expect(record.parents.map((p) => p.name)).toEqual(['María Núñez', 'Nguyễn Thị Lan', "Zoë O'Brien"]);
    expect(record.siblings?.[0]?.name).toBe("Ana O'Brien-Núñez");
    expect(root.agency?.data.name).toBe('Servicios Familiares Núñez & Hijos');
    expect(root.agency?.data.staff[0]?.name).toBe("Zoë O'Brien");
    expect(root.homes[0]?.home?.data.household[0]?.name).toBe('Nguyễn Văn An');
    expect(folder.plan?.data.participants[0]?.comment).toBe('Firmó con intérprete — «de acuerdo»');
    expect(folder.contacts[0]?.body).toContain("José dijo: «Estoy bien». Zoë O'Brien (GAL) attended. 😊");
    // Written in NFC; read back without normalisation or mojibake.
    expect(record.child.name.normalize('NFC')).toBe(record.child.name);
  });

  it('leap-day: 29 February and month-end dates are kept as written', async () => {
    const { root } = await load('leap-day');
    const { folder, record } = child(root);
    expect(record.child.dob).toBe('2012-02-29');
    expect(record.removal.date).toBe('2026-01-31');
    expect(record.removal.adjudication_date).toBe('2026-02-28');
    expect(record.court.hearings.map((h) => h.date)).toEqual(['2026-02-02', '2026-02-28', '2028-02-29']);
    expect(folder.plan?.data.plan_date).toBe('2026-02-28');
    expect(folder.plan?.data.review_date).toBe('2026-08-28');
    expect(root.homes[0]?.home?.data.household[0]?.dob).toBe('1980-02-29');
  });

  it('quoted-dates: a quoted date is the same string as an unquoted one', async () => {
    const { root } = await load('quoted-dates');
    const { folder, record } = child(root);
    expect(record.child.dob).toBe('2015-06-01');
    expect(record.child.icwa.inquiry_dates).toEqual(['2026-01-06']);
    expect(record.removal.date).toBe('2026-01-05');
    expect(folder.contacts[0]?.data.date).toBe('2026-03-10');
    expect(folder.plan?.data.review_date).toBe('2026-09-01');
  });

  it('youth-records: the credit report and NYTD survey dates load as written', async () => {
    const { root } = await load('youth-records');
    expect(child(root).record.youth).toEqual({ credit_reports: ['2025-06-03', '2026-06-01'], nytd_surveys: [] });
  });

  it('crlf-everywhere: no carriage return leaks into values, front matter is found', async () => {
    const { root } = await load('crlf-everywhere');
    const { folder, record } = child(root);
    expect(record.child.name).toBe('Avery Example');
    expect(record.health?.last_physical).toBe('2026-01-20');
    expect(folder.contacts[0]?.data.author).toBe('casey');
    expect(folder.contacts[0]?.bodyLine).toBe(11);
    expect(root.homes[0]?.study?.data.recommendation).toBe('approve');
    expect(JSON.stringify(record)).not.toContain('\\r');
  });

  it('flow-and-block-styles: block scalars, multi-line plain scalars and aliases read as written', async () => {
    const { root } = await load('flow-and-block-styles');
    const { record } = child(root);
    expect(record.child.race).toEqual(['white']);
    expect(record.child.languages).toEqual(['English', 'Spanish']);
    expect(record.removal.reasons).toEqual(['neglect', 'inadequate_housing']);
    expect(record.court.hearings[0]?.outcome).toBe('Temporary custody to the Cabinet; the mother may call nightly.');
    expect(record.court.hearings[1]?.outcome).toBe('Neglect found.\nServices ordered: housing, parenting.\n');
    expect(record.court.hearings[1]?.orders).toEqual(['Mother: complete a parenting class', 'Cabinet: refer to "Family Works"']);
    expect(record.parents[1]?.address).toEqual(record.parents[0]?.address);
    expect(record.education?.school).toBe('Example Elementary');
    expect(root.agency?.data.address.zip).toBe('40601');
  });

  it('nulls-for-optional: ~, null and an empty value mean "not given"', async () => {
    const { root } = await load('nulls-for-optional');
    const { folder, record } = child(root);
    expect(record.child.preferred_name ?? undefined).toBeUndefined();
    expect(record.child.gender_identity ?? undefined).toBeUndefined();
    expect(record.removal.adjudication_date ?? undefined).toBeUndefined();
    expect(record.placements[0]?.end ?? undefined).toBeUndefined();
    expect(folder.visits[0]?.data.supervisor ?? undefined).toBeUndefined();
  });

  it('tabs-in-markdown-body: the body keeps its tabs', async () => {
    const { root } = await load('tabs-in-markdown-body');
    const { folder } = child(root);
    expect(folder.contacts[0]?.body).toContain('\tQuote, as said:\t"I like my room."');
    expect(root.homes[0]?.study?.body).toContain('\t- fenced yard\t(checked)');
  });

  it('no-optional-files: the child loads without plan, visits or assessments', async () => {
    const { root } = await load('no-optional-files');
    const { folder } = child(root);
    expect(folder.plan).toBeUndefined();
    expect(folder.visits).toEqual([]);
    expect(folder.assessments).toEqual([]);
    expect(root.homes[0]?.study).toBeUndefined();
    expect(root.homes[0]?.home?.data.id).toBe('H-0001');
  });
});
