/**
 * The command line as a user meets it: bin/casepress in a child process, its
 * output and exit codes (cli.md). Runs the built CLI (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRoot, REPO, STARTER, writeFiles } from './helpers/fixture-root.js';

const BIN = join(REPO, 'bin/casepress');
const made: string[] = [];
afterAll(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

function run(args: string[], cwd = REPO) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casepress-cli-'));
  made.push(dir);
  return dir;
}

describe('casepress --help and the command line', () => {
  it('prints help with every command and exits 0', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    for (const command of ['validate', 'schema', 'init']) expect(stdout).toContain(command);
    expect(stdout).toContain('Exit codes');
  });

  it('describes each command with an example', () => {
    for (const command of ['validate', 'schema', 'init']) {
      const { code, stdout } = run([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Example');
    }
  });

  it('exits 2 for an unknown command or option, with a suggestion', () => {
    const typo = run(['validat']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('validate');
    expect(run(['validate', '--jsn']).code).toBe(2);
  });

  it('exits 2 when the case root does not exist', () => {
    const { code, stderr } = run(['validate', 'no/such/folder']);
    expect(code).toBe(2);
    expect(stderr).toContain('no case root at "no/such/folder"');
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });
});

describe('the caseload statistics on the command line', () => {
  it('build --doc caseload-stats exits 2 and names the stats command; data caseload-stats takes the root after the type', () => {
    const refused = run(['build', 'cases', '--doc', 'caseload-stats', '--as-of', '2026-12-01']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('caseload statistics are made by `casepress stats` for a month or a quarter');
    const shown = run(['data', 'caseload-stats', 'cases', '--quarter', '2026-Q3', '--as-of', '2026-12-01', '--audience', 'public']);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^document:\n  type: caseload-stats\n  subject: 2026-Q3\n/);
    expect(shown.stdout).toContain('audience: public');
    const id = run(['data', 'caseload-stats', 'C-2025-0142', 'cases']);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('caseload-stats takes no case or home id');
  });
});

describe('casepress validate', () => {
  it('passes the starter root and exits 0', () => {
    const { code, stdout } = run(['validate', STARTER]);
    expect(code).toBe(0);
    expect(stdout).toContain('no problems');
  });

  it('reports five errors spread over four files in one run, each at its line', async () => {
    const root = await buildRoot(undefined);
    made.push(root);
    const read = (path: string) => readFile(join(root, path), 'utf8');
    await writeFiles(root, {
      'children/C-0001/case.yaml': (await read('children/C-0001/case.yaml'))
        .replace('dob: 2015-06-01', 'dob: 2015-06-31')
        .replace('manner: court_ordered', 'manner: court-ordered'),
      'children/C-0001/plan.yaml': (await read('children/C-0001/plan.yaml')).replace('status: met', 'status: done'),
      'children/C-0001/contacts/2026-03-10.md': (await read('children/C-0001/contacts/2026-03-10.md')).replace('author: casey', 'author: cassey'),
      'homes/H-0001/home.yaml': (await read('homes/H-0001/home.yaml')).replace('capacity: 2', 'capacty: 2'),
    });
    const { code, stdout } = run(['validate', root]);
    expect(code).toBe(1);
    const located = stdout.split('\n').filter((line) => / error CP\d{4} /.test(line)).map((line) => line.replace(root, '<root>'));
    expect(located).toEqual([
      expect.stringMatching(/^<root>\/children\/C-0001\/case\.yaml:7:8 error CP1203 `child\.dob`: found "2015-06-31"/),
      expect.stringMatching(/^<root>\/children\/C-0001\/case\.yaml:18:11 error CP1204 `removal\.manner`: found "court-ordered"/),
      expect.stringMatching(/^<root>\/children\/C-0001\/contacts\/2026-03-10\.md:9:9 error CP1302 `author`: "cassey" is not known/),
      expect.stringMatching(/^<root>\/children\/C-0001\/plan\.yaml:13:17 error CP1204 `goals\[0\]\.objectives\[0\]\.status`/),
      expect.stringMatching(/^<root>\/homes\/H-0001\/home\.yaml:11:3 error CP1205 "capacty" is not a field of `license`/),
    ]);
    expect(stdout).toContain('hint: did you mean "court_ordered"?');
    expect(stdout).toContain('hint: did you mean "capacity"?');
    expect(stdout).toContain('June 2015 has 30 days');
    expect(stdout).toMatch(/✖ 5 errors in 4 files/);
    // A code frame points at the value.
    expect(stdout).toContain('> 7 |   dob: 2015-06-31\n    |        ~~~~~~~~~~');
  });

  it('prints one JSON object with --json', async () => {
    const root = await buildRoot(undefined);
    made.push(root);
    await writeFile(join(root, 'children/C-0001/visits/2026-04-01.md'), '---\ndate: 2026-04-01\nparticipants: [mother]\nlevel: supervised\nattended: maybe\n---\n');
    const { code, stdout } = run(['validate', root, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(report.diagnostics[0]).toMatchObject({
      code: 'CP1204',
      severity: 'error',
      line: 5,
      column: 11,
      field: 'attended',
    });
    expect(report.diagnostics[0].file).toMatch(/children\/C-0001\/visits\/2026-04-01\.md$/);
  });

  it('keeps warnings at exit 0 unless --strict', async () => {
    const root = await buildRoot(undefined);
    made.push(root);
    const plan = join(root, 'children/C-0001/plan.yaml');
    await writeFile(plan, (await readFile(plan, 'utf8')).replace('review_date: 2027-03-15', 'review_date: 2027-06-15'));
    const lenient = run(['validate', root]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('warning CP1308');
    expect(run(['validate', root, '--strict']).code).toBe(1);
  });
});

describe('casepress schema and init', () => {
  it('writes one JSON Schema per file kind', async () => {
    const out = await tempDir();
    const { code } = run(['schema', '--out', out]);
    expect(code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toEqual([
      'agency.schema.json', 'assessment.schema.json', 'case.schema.json', 'contact.schema.json', 'court-note.schema.json',
      'home.schema.json', 'plan.schema.json', 'study.schema.json', 'transition.schema.json', 'visit.schema.json',
    ]);
    const schema = JSON.parse(await readFile(join(out, 'case.schema.json'), 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('child');
  });

  it('init writes a root that validates clean, and refuses to overwrite it', async () => {
    const dir = join(await tempDir(), 'agency');
    const first = run(['init', dir]);
    expect(first.code).toBe(0);
    expect(run(['validate', dir]).code).toBe(0);
    expect((await readdir(join(dir, 'schema'))).length).toBe(10);
    const again = run(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists and is not empty');
  });
});
