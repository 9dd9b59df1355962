/**
 * `casepress init` writes the starter with its dates moved to the month it runs
 * in, and the first build of it warns exactly about what starter/README.md says
 * it demonstrates (issue 11, point 7): init and build run in-process with a
 * fake today on several days (the 1st, the 15th, month ends, a year end, a leap
 * day), each with hand-worked dates.
 */
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { build } from '../src/cli/commands/build.js';
import { init, STARTER_MONTH } from '../src/cli/commands/init.js';
import { validate } from '../src/cli/commands/validate.js';
import { planJobs } from '../src/build/jobs.js';
import { splitFrontMatter } from '../src/load/front-matter.js';
import { REPO, STARTER } from './helpers/fixture-root.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** The backticked opening of each bullet under "What the first build warns about" in starter/README.md. */
function documentedWarnings(): string[] {
  const readme = readFileSync(join(STARTER, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('What the first build warns about'))!;
  return [...section.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]!);
}

/** Every date value of the starter (YAML files and note front matter), with the file it is in. */
function starterDates(): { file: string; date: string }[] {
  const found: { file: string; date: string }[] = [];
  const walk = (file: string, value: unknown): void => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) found.push({ file, date: value });
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(file, v);
  };
  for (const file of readdirSync(STARTER, { recursive: true }) as string[]) {
    const text = file.endsWith('.yaml') || file.endsWith('.md') ? readFileSync(join(STARTER, file), 'utf8') : '';
    if (file.endsWith('.yaml')) walk(file, parse(text));
    const split = splitFrontMatter(text);
    if (file.endsWith('.md') && split.ok) walk(file, parse(split.value.yaml));
  }
  return found;
}

describe('the starter, as written', () => {
  it(`every date is on or before the 28th, and the only ones in ${STARTER_MONTH} (the month it is written for) are the 1st: moved by whole months, none changes its order or lands after today`, () => {
    const dates = starterDates();
    expect(dates.length).toBeGreaterThan(40);
    expect(dates.filter(({ date }) => Number(date.slice(8)) > 28)).toEqual([]);
    expect(dates.filter(({ date }) => date.startsWith(STARTER_MONTH) && !date.endsWith('-01'))).toEqual([]);
  });

  it("no note's prose names a date (init moves only the dates that are values)", () => {
    for (const file of readdirSync(STARTER, { recursive: true }) as string[]) {
      if (!file.endsWith('.md') || file === 'README.md') continue;
      const split = splitFrontMatter(readFileSync(join(STARTER, file), 'utf8'));
      expect(split.ok && split.value.body, file).not.toMatch(/\d{4}-\d{2}|(January|February|March|April|May|June|July|August|September|October|November|December) \d/);
    }
  });
});

describe('casepress init, then the first build', () => {
  // today → the permanency hearing and the month with no caseworker visit, worked by hand
  // (the starter, written for 2026-11: hearing 2027-01-12; no contact in 2026-09).
  it.each([
    ['2026-11-01', '2027-01-12', '2026-09'],
    ['2026-11-30', '2027-01-12', '2026-09'],
    ['2026-12-31', '2027-02-12', '2026-10'],
    ['2027-01-01', '2027-03-12', '2026-11'],
    ['2027-02-28', '2027-04-12', '2026-12'],
    ['2027-06-15', '2027-08-12', '2027-04'],
    ['2028-02-29', '2028-04-12', '2027-12'],
  ])('on %s: a court report for the hearing of %s, and exactly the warnings the README lists (no visit in %s)', async (today, hearing, missed) => {
    const work = await mkdtemp(join(tmpdir(), 'casepress-init-'));
    dirs.push(work);
    const root = join(work, 'agency');
    expect(await init(root, () => {}, { today })).toBe(0);

    // Notes are named by their dates, moved with them.
    const contacts = (await readdir(join(root, 'children/C-0001/contacts'))).sort();
    for (const name of contacts) expect(await readFile(join(root, 'children/C-0001/contacts', name), 'utf8')).toContain(`date: ${name.replace('.md', '')}\n`);
    expect(contacts.every((name) => name.replace('.md', '') <= today)).toBe(true);
    expect(await readFile(join(root, 'children/C-0001/case.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/case\.schema\.json\n/);

    // validate --strict finds nothing, as the README says.
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const validated = await validate(root, { strict: true }).finally(() => quiet.mockRestore());
    expect(validated).toBe(0);

    const lines: string[] = [];
    const outcome = await build(root, { out: join(work, 'output'), format: ['docx'], prune: true, quiet: true, today: () => today }, planJobs, (line) => lines.push(line.replace(/\x1b\[[0-9;]*m/g, '')));
    expect(outcome.code).toBe(0);
    expect(outcome.built).toContain(`children/C-0001/court-report-${hearing}`);
    expect(outcome.built).toHaveLength(3);
    const warnings = lines.filter((l) => l.startsWith('  warning ')).map((l) => l.slice('  warning '.length));
    expect(warnings).toEqual([
      ...['health_exam_months', 'dental_exam_months', 'cans_months', 'annual_training_hours'].map((rule) => expect.stringMatching(new RegExp(`^agency\\.yaml: the KY rule set's ${rule} \\(`))),
      `children/C-0001/court-report-${hearing}: C-0001: no face-to-face caseworker visit in ${missed}`,
    ]);
    // Each warning is one the README lists, and the README lists no other.
    const documented = documentedWarnings();
    expect(documented).toHaveLength(warnings.length);
    for (const warning of warnings) expect(documented.filter((d) => warning.includes(d)), warning).toHaveLength(1);
  }, 30_000);
});

describe('doing what the starter README says', () => {
  it('a contact note in the missed month and the rule value confirmed: the next build warns about nothing', async () => {
    const work = await mkdtemp(join(tmpdir(), 'casepress-init-'));
    dirs.push(work);
    const root = join(work, 'agency');
    await init(root, () => {}, { today: '2027-06-15' });
    const contacts = join(root, 'children/C-0001/contacts');
    const note = await readFile(join(contacts, '2027-06-01.md'), 'utf8');
    await writeFile(join(contacts, '2027-04-20.md'), note.replace('date: 2027-06-01', 'date: 2027-04-20'));
    await appendFile(join(root, 'agency.yaml'), 'rules:\n  confirmed: [annual_training_hours, health_exam_months, dental_exam_months, cans_months]\n');
    const lines: string[] = [];
    const outcome = await build(root, { out: join(work, 'output'), format: ['docx'], prune: true, quiet: true, today: () => '2027-06-15' }, planJobs, (line) => lines.push(line));
    expect(outcome.code).toBe(0);
    expect(outcome.built).toHaveLength(3);
    expect(lines.filter((l) => l.includes('warning'))).toEqual([]);
  }, 30_000);
});

describe("the project's README", () => {
  it('says what init writes', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toMatch(/`casepress init \[dir\]` \| [^\n]*dates moved to the month it runs in[^\n]*README/);
  });
});
