import { describe, expect, it } from 'vitest';
import type { CourtSection } from '../../model/notes.js';
import { COURT_REQUIRED, courtReadiness, missingFlags, missingSections, packetReadiness, planReadiness, type CourtReadinessInput } from './readiness.js';

const base: CourtReadinessInput = {
  folder: 'children/C-1',
  caseFile: 'children/C-1/case.yaml',
  hearing: '2026-12-01',
  written: new Set<CourtSection>(['assessment', 'recommendations', 'child_wishes', 'safety']),
  age: 10,
  appla: false,
  lastOrders: 0,
  qrtp: null,
};
const sections = (input: Partial<CourtReadinessInput>) => courtReadiness({ ...base, ...input }).map((m) => m.section);

describe('courtReadiness (issue 11, point 4)', () => {
  it('asks for the assessment, recommendations, wishes and safety always, and says where each belongs', () => {
    expect(sections({})).toEqual([]);
    expect(courtReadiness({ ...base, written: new Set() })).toEqual(
      ['assessment', 'recommendations', 'child_wishes', 'safety'].map((section) => ({ section, file: 'children/C-1/court/', write: { kind: 'court_note', hearing: '2026-12-01', section } })),
    );
  });

  it("asks for the child's wishes from age 4 (a younger child's report says why not)", () => {
    const noWishes = new Set<CourtSection>(['assessment', 'recommendations', 'safety']);
    expect(sections({ written: noWishes, age: 3 })).toEqual([]);
    expect(sections({ written: noWishes, age: 4 })).toEqual(['child_wishes']);
  });

  it('asks for the status of the last orders only when the last hearing made some', () => {
    expect(sections({ lastOrders: 0 })).toEqual([]);
    expect(sections({ lastOrders: 3 })).toEqual(['orders']);
    expect(sections({ lastOrders: 3, written: new Set([...base.written, 'orders']) })).toEqual([]);
  });

  it('asks for intensive efforts and the consultation of an APPLA youth from 16', () => {
    expect(sections({ appla: true, age: 15 })).toEqual([]);
    expect(sections({ appla: true, age: 16 })).toEqual(['appla_efforts', 'youth_consultation']);
    expect(sections({ appla: false, age: 17 })).toEqual([]);
  });

  it("asks for the qualified individual's assessment once 30 days of a QRTP placement have passed by the hearing", () => {
    // Placed 2026-11-01: the assessment is due 2026-12-01, the hearing's day.
    const qrtp = { index: 2, start: '2026-11-01', assessment: null };
    expect(courtReadiness({ ...base, qrtp })).toEqual([{ section: 'qrtp_assessment', file: 'children/C-1/case.yaml', write: { kind: 'field', path: 'placements[2].qrtp.assessment' } }]);
    expect(sections({ qrtp, hearing: '2026-11-30' })).toEqual([]);
    expect(sections({ qrtp: { ...qrtp, assessment: '2026-11-20' } })).toEqual([]);
  });

  it('gives a template one flag per part', () => {
    const flags = missingFlags(COURT_REQUIRED, courtReadiness({ ...base, written: new Set(['assessment']) }));
    expect(Object.entries(flags).filter(([, missing]) => missing).map(([s]) => s)).toEqual(['recommendations', 'child_wishes', 'safety']);
    expect(Object.keys(flags)).toEqual([...COURT_REQUIRED]);
  });
});

describe('planReadiness (issue 11, point 4)', () => {
  const signer = { signs: true, signed: '2026-09-24', comment: null };
  const input = { planFile: 'children/C-1/plan.yaml', participants: [signer], youth: false, goalAreas: ['housing'] };
  it('asks each signer for a signature or the reason it is missing', () => {
    expect(planReadiness(input)).toEqual([]);
    expect(planReadiness({ ...input, participants: [signer, { signs: true, signed: null, comment: 'Mailed for signature.' }, { signs: false, signed: null, comment: null }] })).toEqual([]);
    expect(planReadiness({ ...input, participants: [signer, { signs: true, signed: null, comment: null }] })).toEqual([
      { section: 'signatures', file: 'children/C-1/plan.yaml', write: { kind: 'signature', participant: 1 } },
    ]);
  });
  it('asks a plan for a youth 14 or older for transition services', () => {
    expect(planReadiness({ ...input, youth: true }).map((m) => m.section)).toEqual(['transition_services']);
    expect(planReadiness({ ...input, youth: true, goalAreas: ['housing', 'independent_living'] })).toEqual([]);
  });
  it('lists each missing part once for the first page', () => {
    const twice = planReadiness({ ...input, youth: true, participants: [{ signs: true, signed: null, comment: null }, { signs: true, signed: null, comment: null }] });
    expect(missingSections(twice)).toEqual(['signatures', 'transition_services']);
  });
});

describe('packetReadiness (issue 11, point 4)', () => {
  const year = { start: '2026-03-01', end: '2027-02-28' };
  const studyFile = 'homes/H-1/study.md';
  it('asks for an annual re-evaluation dated within the license year it renews', () => {
    expect(packetReadiness({ studyFile, year, study: { type: 'annual_reevaluation', date: '2026-03-01' } })).toEqual([]);
    expect(packetReadiness({ studyFile, year, study: { type: 'annual_reevaluation', date: '2027-02-28' } })).toEqual([]);
    const missing = [{ section: 'reevaluation', file: studyFile, write: { kind: 'reevaluation', from: '2026-03-01', to: '2027-02-28' } }];
    expect(packetReadiness({ studyFile, year, study: { type: 'annual_reevaluation', date: '2026-02-28' } })).toEqual(missing);
    expect(packetReadiness({ studyFile, year, study: { type: 'initial', date: '2026-06-01' } })).toEqual(missing);
    expect(packetReadiness({ studyFile, year, study: null })).toEqual(missing);
  });
});
