/**
 * A build removes only what it superseded (issue 10): copies made on request
 * for another audience (`court-summary --audience foster_parent`, `build --case
 * … --audience …`) are recorded as requested in the manifest, and a later full
 * `build` keeps them while their case exists, their hearing or date is
 * current and what they were made from is unchanged; when it removes one, it
 * says truthfully why. Builds run in this
 * process (the commands' own plans, a stand-in renderer).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtPacketJob, courtReportJob, nextHearing, planJobs, type JobFilter } from '../src/build/jobs.js';
import type { Manifest } from '../src/build/manifest.js';
import type { PlanJobs } from '../src/build/run.js';
import { build } from '../src/cli/commands/build.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

const AS_OF = '2026-11-23';
const ID = 'C-2025-0142';
const FOSTER_COPY = `children/${ID}/court-report-2026-12-10-foster_parent.pdf`;
const COURT_PLAN = `children/${ID}/service-plan-2026-09-24-court.pdf`;
let work: string;
let root: string;
let out: string;

/** Runs a build and returns the lines it printed. */
async function run(plan: PlanJobs, { prune = false, asOf = AS_OF }: { prune?: boolean; asOf?: string } = {}): Promise<string[]> {
  const lines: string[] = [];
  const outcome = await build(root, { out, asOf, format: ['pdf', 'docx'], prune, quiet: true, renderer: jsonRenderer }, plan, (line) => lines.push(line));
  expect(outcome.code, lines.join('\n')).toBe(0);
  return lines;
}
const fullBuild = (asOf = AS_OF) => run((r, a) => planJobs(r, a), { prune: true, asOf });
/** What `build --case … --doc … --audience …` plans. */
const filtered = (filter: JobFilter) => run((r, a) => planJobs(r, a, filter));
/** What `court-summary <id> --audience foster_parent` plans. */
const courtSummary = () =>
  run((r, asOf) => {
    const child = r.children.find((c) => c.id === ID)!;
    return [courtReportJob(child, nextHearing(child, asOf)!, 'foster_parent')];
  });
/** What `court-summary <id> --packet` plans. */
const packet = () =>
  run((r, asOf) => {
    const child = r.children.find((c) => c.id === ID)!;
    return [courtPacketJob(child, nextHearing(child, asOf)!)];
  });
const PACKET = `children/${ID}/court-packet-2026-12-10.pdf`;
const manifest = async () => JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
const removals = (lines: readonly string[]) =>
  lines
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').replaceAll(`${out}/`, ''))
    .filter((l) => /^(removed|dropped|kept) /.test(l))
    .sort();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-requested-'));
  root = join(work, 'cases');
  out = join(work, 'output');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  await fullBuild();
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('copies made on request', () => {
  it('are recorded as requested, and a full build keeps them while they are current', async () => {
    await courtSummary();
    await filtered({ cases: [ID], docs: ['service-plan'], audience: 'court' });
    const recorded = (await manifest()).outputs;
    expect(recorded[FOSTER_COPY]).toMatchObject({ requested: true, audience: 'foster_parent', date: '2026-12-10' });
    expect(recorded[COURT_PLAN]).toMatchObject({ requested: true, audience: 'court', date: '2026-09-24' });
    // The full build's own documents are not requested copies.
    expect(recorded[`children/${ID}/court-report-2026-12-10.pdf`]!.requested).toBeUndefined();

    const again = await fullBuild();
    expect(removals(again)).toEqual([]);
    expect(existsSync(join(out, FOSTER_COPY))).toBe(true);
    expect((await manifest()).outputs[FOSTER_COPY]).toMatchObject({ requested: true });
  });

  it('include the court packet: recorded with its parts\' inputs, up to date when made again, kept by a full build', async () => {
    await packet();
    const recorded = (await manifest()).outputs[PACKET]!;
    expect(recorded).toMatchObject({ type: 'court-packet', requested: true, audience: 'court', date: '2026-12-10', template: 'court-packet.md.hbs' });
    // The court report's, the service plan's and the assessments' files, and transition.yaml (a part it would include).
    expect(Object.keys(recorded.inputs)).toEqual(expect.arrayContaining([`children/${ID}/case.yaml`, `children/${ID}/plan.yaml`, `children/${ID}/assessments/cans-2026-09.yaml`, `children/${ID}/transition.yaml`]));
    expect(recorded.withheld.length).toBeGreaterThan(0);
    const again = await packet();
    expect(again.join('\n')).toMatch(/The document was up to date as of 2026-11-23; none rebuilt/);
    expect((await manifest()).outputs[PACKET]!.sha256).toBe(recorded.sha256);
    expect(removals(await fullBuild())).toEqual([]);
    expect(existsSync(join(out, PACKET))).toBe(true);
    // `build --case … --doc court-packet` makes the same packet, on request too (a full build makes none).
    expect((await filtered({ cases: [ID], docs: ['court-packet'] })).join('\n')).toMatch(/none rebuilt|up to date/);
    expect((await manifest()).outputs[PACKET]).toMatchObject({ requested: true, sha256: recorded.sha256 });
    expect(planJobs((await import('../src/cli/read-root.js').then((m) => m.readRoot(root))).root, AS_OF).some((j) => j.type === 'court-packet')).toBe(false);
  });

  it('goes when its hearing is past, and the line says so', async () => {
    const lines = await fullBuild('2026-12-11');
    const next = nextHearingAfter(await manifest());
    expect(removals(lines)).toEqual([
      `removed ${FOSTER_COPY.replace('.pdf', '.docx')}: the hearing of 2026-12-10 is past; ${next}`,
      `removed ${FOSTER_COPY}: the hearing of 2026-12-10 is past; ${next}`,
      `removed children/${ID}/court-report-2026-12-10.docx: the hearing of 2026-12-10 is past; ${next}`,
      `removed children/${ID}/court-report-2026-12-10.pdf: the hearing of 2026-12-10 is past; ${next}`,
      `removed ${PACKET.replace('.pdf', '.docx')}: the hearing of 2026-12-10 is past; ${next}`,
      `removed ${PACKET}: the hearing of 2026-12-10 is past; ${next}`,
      // Other cases' hearings between the two as-of dates are past too.
      ...removals(lines).filter((l) => !l.includes(ID)),
    ].sort());
    expect(existsSync(join(out, FOSTER_COPY))).toBe(false);
    // The service plan's court copy is still the current plan's.
    expect(existsSync(join(out, COURT_PLAN))).toBe(true);
  });

  it('goes when its plan is superseded or its case is gone, and the line says which', async () => {
    const planFile = join(root, 'children', ID, 'plan.yaml');
    const plan = await readFile(planFile, 'utf8');
    await writeFile(planFile, plan.replace('plan_date: 2026-09-24', 'plan_date: 2026-11-20'));
    const superseded = await fullBuild();
    expect(removals(superseded).filter((l) => l.includes('-court.'))).toEqual([
      `removed ${COURT_PLAN.replace('.pdf', '.docx')}: superseded: the case's service plan is now dated 2026-11-20`,
      `removed ${COURT_PLAN}: superseded: the case's service plan is now dated 2026-11-20`,
    ]);

    // C-2026-0058: a case no other case names as a sibling.
    await filtered({ cases: ['C-2026-0058'], docs: ['service-plan'], audience: 'court' });
    await rm(join(root, 'children', 'C-2026-0058'), { recursive: true });
    const gone = await fullBuild();
    expect(removals(gone).filter((l) => l.includes('-court.'))).toEqual([
      'removed children/C-2026-0058/service-plan-2026-11-09-court.docx: its case C-2026-0058 no longer exists',
      'removed children/C-2026-0058/service-plan-2026-11-09-court.pdf: its case C-2026-0058 no longer exists',
    ]);
  });

  it('goes when what it was made from changes, never to be served as it was, and the line says how to make it again', async () => {
    await courtSummary();
    await packet();
    expect(removals(await fullBuild())).toEqual([]);
    // A caseworker adds to a note the court report reads: the foster family's copy and the packet would still say what it said before.
    const note = `children/${ID}/contacts/2026-11-17-office.md`;
    await writeFile(join(root, note), `${await readFile(join(root, note), 'utf8')}\nThe caseworker called the school again.\n`);
    const lines = await fullBuild();
    const because = `it was made on request, and ${note} has changed since; make it again with`;
    expect(removals(lines)).toEqual([
      `removed ${PACKET.replace('.pdf', '.docx')}: ${because} \`casepress court-summary ${ID} --hearing 2026-12-10 --packet\``,
      `removed ${PACKET}: ${because} \`casepress court-summary ${ID} --hearing 2026-12-10 --packet\``,
      `removed ${FOSTER_COPY.replace('.pdf', '.docx')}: ${because} \`casepress court-summary ${ID} --hearing 2026-12-10 --audience foster_parent\``,
      `removed ${FOSTER_COPY}: ${because} \`casepress court-summary ${ID} --hearing 2026-12-10 --audience foster_parent\``,
    ]);
    expect(existsSync(join(out, FOSTER_COPY))).toBe(false);
    expect(existsSync(join(out, PACKET))).toBe(false);
    // The full build's own court report is made again from the note as it is now.
    expect(existsSync(join(out, `children/${ID}/court-report-2026-12-10.pdf`))).toBe(true);
    expect(Object.keys((await manifest()).outputs).filter((p) => p.includes('foster_parent') || p.includes('court-packet'))).toEqual([]);
  });
});

/** "the case's next hearing is …" as the removal line words it, from the report the full build made instead. */
function nextHearingAfter(m: Manifest): string {
  const report = Object.keys(m.outputs).find((p) => p.startsWith(`children/${ID}/court-report-`) && p.endsWith('.pdf'));
  return report ? `the case's next hearing is ${/court-report-([\d-]+)\.pdf$/.exec(report)![1]}` : 'the case has no hearing ahead as of 2026-12-11';
}
