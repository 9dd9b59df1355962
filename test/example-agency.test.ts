/**
 * The bundled example agency (cases/) loads with no diagnostic at all and
 * covers the situations a real Kentucky caseload holds (issue 2, point 7).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../src/core/calendar-date.js';
import type { LoadResult } from '../src/load/load-root.js';
import { loadRoot, REPO } from './helpers/fixture-root.js';

const AS_OF = '2026-11-23';
let result: LoadResult;
beforeAll(async () => {
  result = await loadRoot(join(REPO, 'cases'));
});

const cases = () => result.root.children.flatMap((c) => (c.case ? [c.case.data] : []));
const homes = () => result.root.homes.flatMap((h) => (h.home ? [h.home.data] : []));

describe('the example agency', () => {
  it('validates clean: no errors and no warnings', () => {
    expect(result.diagnostics.map((d) => `${d.file}:${d.span?.start.line} ${d.code} ${d.message}`)).toEqual([]);
  });

  it('has at least 6 children and 3 homes, every file loaded', () => {
    expect(cases().length).toBeGreaterThanOrEqual(6);
    expect(homes().length).toBeGreaterThanOrEqual(3);
    for (const child of result.root.children) {
      expect(child.case, child.id).toBeDefined();
      expect(child.plan, `${child.id} plan`).toBeDefined();
      expect(child.assessments.filter((a) => a.data.tool === 'CANS').length, `${child.id} CANS`).toBeGreaterThanOrEqual(1);
      expect(child.visits.length, `${child.id} family time`).toBeGreaterThanOrEqual(3);
      const months = new Set(child.contacts.map((c) => c.data.date.slice(0, 7)));
      expect(months.size, `${child.id} months of contacts`).toBeGreaterThanOrEqual(4);
    }
    for (const home of result.root.homes) {
      expect(home.home, home.id).toBeDefined();
      expect(home.study, `${home.id} study`).toBeDefined();
    }
  });

  it('holds a sibling group split across two homes', () => {
    const byId = new Map(cases().map((c) => [c.id, c]));
    const currentHome = (id: string) => byId.get(id)?.placements.at(-1)?.home;
    const split = cases().some((c) =>
      (c.siblings ?? []).some((s) => s.case_id && byId.has(s.case_id) && !s.placed_together && currentHome(s.case_id) !== currentHome(c.id)),
    );
    expect(split).toBe(true);
  });

  it('holds a 17-year-old with a transition plan', () => {
    const youth = result.root.children.filter((c) => c.case && ageOn(c.case.data.child.dob, AS_OF) === 17 && c.transition);
    expect(youth.length).toBeGreaterThanOrEqual(1);
  });

  it('holds a re-entry, a trial home visit, a runaway episode and a kinship placement', () => {
    expect(cases().some((c) => (c.removal.prior_episodes ?? []).length > 0)).toBe(true);
    const settings = new Set(cases().flatMap((c) => c.placements.map((p) => p.setting)));
    expect(settings).toContain('trial_home_visit');
    expect(settings).toContain('runaway');
    const kinship = homes().filter((h) => h.type === 'kinship').map((h) => h.id);
    expect(cases().some((c) => c.placements.some((p) => p.setting === 'foster_family_relative' && p.home && kinship.includes(p.home)))).toBe(true);
  });

  it('holds ICWA reason to know with a tribe noticed, and a documented TPR exception', () => {
    expect(cases().some((c) => c.child.icwa.reason_to_know && (c.child.icwa.tribes ?? []).some((t) => t.notice_sent))).toBe(true);
    expect(cases().some((c) => c.permanency.tpr_exception)).toBe(true);
  });

  it('keeps names with diacritics, apostrophes and hyphens exactly', () => {
    const names = [
      ...cases().flatMap((c) => [c.child.name, ...c.parents.map((p) => p.name), ...(c.siblings ?? []).map((s) => s.name)]),
      ...homes().flatMap((h) => h.household.map((m) => m.name)),
    ];
    for (const name of ['José Luis Núñez-García', "Zoë O'Brien", 'Nguyễn Thị Lan']) {
      expect(names.some((n) => n.includes(name)), name).toBe(true);
    }
  });

  it('holds a Spanish-speaking parent, confidential addresses, and treatment with and without consent', () => {
    const parents = cases().flatMap((c) => c.parents);
    expect(parents.some((p) => p.language === 'Spanish' && p.interpreter)).toBe(true);
    expect(parents.some((p) => p.confidential || p.address?.confidential)).toBe(true);
    const services = result.root.children.flatMap((c) => c.plan?.data.goals.flatMap((g) => g.services ?? []) ?? []);
    const treatment = services.filter((s) => s.substance_use_treatment);
    expect(treatment.some((s) => s.consent_on_file === true)).toBe(true);
    expect(treatment.some((s) => s.consent_on_file !== true)).toBe(true);
  });
});
