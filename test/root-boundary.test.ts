/**
 * The case root is a boundary (issue 13): a link that leads out of it is a
 * located error (CP1011) and its target is never read; pipes are refused,
 * never opened; a link inside the root is read, and the no-change shortcut
 * and the fingerprints look at what it points to. Each reproduction of the
 * issue is made here, in a copy of the example agency.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { build as runBuild } from '../src/cli/commands/build.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

const AS_OF = '2026-11-23';
const SECRET = 'Nothing outside the case root may print: 7c1f-secret';
let work: string;
let root: string;
let out: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-boundary-'));
  root = join(work, 'cases');
  out = join(work, 'output');
  await cp(join(REPO, 'cases'), root, { recursive: true });
});
afterEach(async () => rm(work, { recursive: true, force: true }));

async function build(templates?: string) {
  const lines: string[] = [];
  const say = (text: string) => void lines.push(text.replace(/\x1b\[[0-9;]*m/g, ''));
  const { code } = await runBuild(root, { out, asOf: AS_OF, format: ['pdf'], prune: true, renderer: jsonRenderer, ...(templates ? { templates } : {}) }, (r, asOf) => planJobs(r, asOf), say, say);
  return { code, output: `${lines.join('\n')}\n` };
}

describe('the case root is a boundary', () => {
  it('refuses a court narrative linked to a file outside the root with CP1011, at the link, and prints nothing of it', async () => {
    const outside = join(work, 'elsewhere.md');
    const note = 'children/C-2025-0142/court/2026-12-10-safety.md';
    await writeFile(outside, `${await readFile(join(root, note), 'utf8')}\n${SECRET}\n`);
    await rm(join(root, note));
    await symlink(outside, join(root, note));
    const { code, output } = await build();
    expect(code).toBe(1);
    expect(output).toContain(`${note} error CP1011 a symbolic link that leads out of the case root`);
    expect(output).not.toContain('7c1f-secret');
  });

  it('refuses a contact linked to /etc/passwd without a code frame of its first line', async () => {
    const note = 'children/C-2025-0142/contacts/2026-11-05-home.md';
    await rm(join(root, note));
    await symlink('/etc/passwd', join(root, note));
    const { code, output } = await build();
    expect(code).toBe(1);
    expect(output).toContain(`${note} error CP1011`);
    expect(output).not.toMatch(/root:x?:0:0/);
  });

  it('refuses a case folder linked to a folder elsewhere', async () => {
    const elsewhere = join(work, 'C-2025-0143');
    await rename(join(root, 'children/C-2025-0143'), elsewhere);
    await symlink(elsewhere, join(root, 'children/C-2025-0143'));
    const { code, output } = await build();
    expect(code).toBe(1);
    expect(output).toContain('children/C-2025-0143 error CP1011');
  });

  it('reads a case folder linked inside the root, and sees an edit made through the link target', async () => {
    // The folder lives under assets/ (casepress reads only images there) and is linked where it belongs.
    const kept = join(root, 'assets/kept/C-2025-0143');
    await mkdir(join(root, 'assets/kept'), { recursive: true });
    await rename(join(root, 'children/C-2025-0143'), kept);
    await symlink('../assets/kept/C-2025-0143', join(root, 'children/C-2025-0143'));
    const first = await build();
    expect(first.code, first.output).toBe(0);
    const report = (await readFile(join(out, 'children/C-2025-0143/court-report-2026-12-10.pdf'), 'utf8'));
    expect(report).toContain('Hon. Maria Chen');
    const caseFile = join(kept, 'case.yaml');
    await writeFile(caseFile, (await readFile(caseFile, 'utf8')).replace('judge: Hon. Maria Chen', 'judge: Hon. Maria Cheng'));
    const again = await build();
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain('no file changed since the last build');
    expect(again.output).toMatch(/built .*children\/C-2025-0143\/court-report-2026-12-10/);
    expect(await readFile(join(out, 'children/C-2025-0143/court-report-2026-12-10.pdf'), 'utf8')).toContain('Hon. Maria Cheng');
  });

  it('refuses a pipe among the notes without opening it', async () => {
    execFileSync('mkfifo', [join(root, 'children/C-2025-0142/contacts/2026-11-30-home.md')]);
    const { code, output } = await build();
    expect(code).toBe(1);
    expect(output).toContain('children/C-2025-0142/contacts/2026-11-30-home.md error CP1001 not a regular file or folder (a device, socket or pipe)');
  });

  it('refuses a pipe named like a partial, and a partial linked out of the templates folder, with a message', async () => {
    const templates = join(work, 'templates');
    await cp(join(REPO, 'templates'), templates, { recursive: true });
    execFileSync('mkfifo', [join(templates, 'partials/stray.md.hbs')]);
    await expect(build(templates)).rejects.toThrow(/stray\.md\.hbs is not a regular file/);
    await rm(join(templates, 'partials/stray.md.hbs'));
    await writeFile(join(work, 'outside.md.hbs'), SECRET);
    await symlink(join(work, 'outside.md.hbs'), join(templates, 'partials/outside.md.hbs'));
    await expect(build(templates)).rejects.toThrow(/outside\.md\.hbs leads out of the templates folder/);
  });
});
