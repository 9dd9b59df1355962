/**
 * The synthetic agency generator (tools/gen): the roots it writes load without a
 * single diagnostic, are the same for the same options and differ between
 * seeds, and give every child in care a court report.
 */
import { addDays } from '../src/core/calendar-date.js';
import { describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import type { ListedEntry, RootListing } from '../src/core/listing.js';
import { generateAgency, type GenerateOptions, type GeneratedFile } from '../tools/gen/index.js';
import { surnameWords } from '../tools/gen/names.js';
import { Random } from '../tools/gen/random.js';
import { loadCaseRoot } from '../src/load/load-root.js';

const AS_OF = '2026-11-23';
const SEEDS = [1, 7, 2026];

function generate(options: Partial<GenerateOptions> = {}): GeneratedFile[] {
  return [...generateAgency({ children: 12, homes: 4, seed: 7, asOf: AS_OF, ...options })];
}

/** What the io layer would list for these files: every folder and file, sorted, with bytes. */
function listing(files: readonly GeneratedFile[]): RootListing {
  const encoder = new TextEncoder();
  const entries = new Map<string, ListedEntry>();
  for (const file of files) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      entries.set(dir, { type: 'dir', path: dir });
    }
    const bytes = encoder.encode(file.text);
    entries.set(file.path, { type: 'file', path: file.path, size: bytes.length, bytes });
  }
  return { entries: [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

describe('generateAgency', () => {
  it.each(SEEDS)('seed %i: the root loads with no errors and no warnings', (seed) => {
    const { root, diagnostics } = loadCaseRoot(listing(generate({ seed })));
    expect(diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([]);
    expect(root.children).toHaveLength(12);
    expect(root.homes).toHaveLength(4);
    expect(root.agency).toBeDefined();
  });

  it.each(SEEDS)('seed %i: every child gets a court report, most a service plan, each home whose license expires within 90 days a re-licensing packet', (seed) => {
    const { root } = loadCaseRoot(listing(generate({ seed })));
    const jobs = planJobs(root, AS_OF);
    const of = (type: string) => jobs.filter((j) => j.type === type);
    expect(of('court-report').map((j) => j.subject).sort()).toEqual(root.children.map((c) => c.id).sort());
    for (const job of of('court-report')) expect(job.date > AS_OF && job.date <= '2027-01-22').toBe(true);
    expect(of('service-plan').length).toBeGreaterThanOrEqual(8);
    const due = root.homes.filter((h) => h.home!.data.license.expires <= addDays(AS_OF, 90)).map((h) => h.id);
    expect(of('relicensing-packet').map((j) => j.subject).sort()).toEqual(due.sort());
    const youth = root.children.filter((c) => c.transition).length;
    expect(of('transition-plan')).toHaveLength(youth);
  });

  it('places children only in homes that exist, within license capacity', () => {
    const { root } = loadCaseRoot(listing(generate({ children: 60, homes: 15 })));
    const homes = new Map(root.homes.map((h) => [h.id, h.home!.data] as const));
    const current = new Map<string, number>();
    for (const child of root.children) {
      const placements = child.case!.data.placements;
      for (const p of placements) if (p.home) expect(homes.has(p.home)).toBe(true);
      const now = placements[placements.length - 1]!;
      if (now.home) current.set(now.home, (current.get(now.home) ?? 0) + 1);
      for (const sibling of child.case!.data.siblings ?? []) {
        if (sibling.case_id) expect(root.children.find((c) => c.id === sibling.case_id)?.case?.data.siblings?.some((s) => s.case_id === child.id)).toBe(true);
      }
    }
    for (const [id, placed] of current) expect(placed).toBeLessThanOrEqual(homes.get(id)!.license.capacity);
    expect(current.size).toBeGreaterThan(0);
  });

  it('is deterministic: the same options give the same files', () => {
    expect(generate({ seed: 11 })).toEqual(generate({ seed: 11 }));
  });

  it('different seeds and dates give different agencies', () => {
    const text = (files: GeneratedFile[]) => files.map((f) => `${f.path}\n${f.text}`).join('\n');
    expect(text(generate({ seed: 1 }))).not.toEqual(text(generate({ seed: 2 })));
    expect(text(generate({ asOf: '2026-06-01' }))).not.toEqual(text(generate()));
  });

  it('keeps foster-family surnames apart from every other name, so court copies never redact a stranger', () => {
    const foster = new Set(surnameWords('foster').map((w) => w.toLowerCase()));
    const others = [...surnameWords('family'), ...surnameWords('professional')].map((w) => w.toLowerCase());
    expect(others.filter((w) => foster.has(w))).toEqual([]);
  });
});

describe('Random', () => {
  it('repeats its sequence for a seed and forks independent streams', () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(draws);
    expect(new Random(42).fork('x').next()).not.toEqual(new Random(42).fork('y').next());
    for (const d of draws) expect(d >= 0 && d < 1).toBe(true);
  });
});
