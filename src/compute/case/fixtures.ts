/**
 * Small builders of case data for the case-clock specs: a valid record with
 * only what a test is about spelled out. Pure; used by the `*.test.ts` beside it.
 */
import type { Assessment } from '../../model/assessment.js';
import type { CaseRecord, Hearing, Placement } from '../../model/case.js';
import type { Contact, Visit } from '../../model/notes.js';

type Removal = CaseRecord['removal'];

export interface CaseFixture {
  readonly id?: string;
  readonly dob?: string;
  readonly removal?: Partial<Removal> & { readonly date: string };
  readonly placements?: Placement[];
  readonly hearings?: Hearing[];
  readonly permanency?: Partial<CaseRecord['permanency']>;
  readonly parents?: CaseRecord['parents'];
}

/** A case.yaml record: removal on `removal.date` (default 2025-01-06) into one open foster placement. */
export function caseRecord(fixture: CaseFixture = {}): CaseRecord {
  const removal: Removal = { manner: 'court_ordered', reasons: ['neglect'], ...(fixture.removal ?? { date: '2025-01-06' }) };
  return {
    id: fixture.id ?? 'C-TEST',
    caseworker: 'jdoe',
    supervisor: 'kpatel',
    child: {
      name: 'Test Child',
      dob: fixture.dob ?? '2015-05-05',
      sex: 'female',
      race: ['white'],
      hispanic: false,
      icwa: { inquiry_dates: [removal.date], reason_to_know: false },
    },
    removal,
    court: { name: 'Test Family Court', county: 'Fayette', docket: '25-J-1', hearings: fixture.hearings ?? [] },
    permanency: { goal: 'reunification', goal_established: removal.date, ...fixture.permanency },
    parents: fixture.parents ?? [{ name: 'Pat Parent', role: 'mother', rights: 'intact' }],
    placements: fixture.placements ?? [placement(removal.date)],
  };
}

export function placement(start: string, end?: string, setting: Placement['setting'] = 'foster_family_nonrelative', extra: Partial<Placement> = {}): Placement {
  return { start, ...(end && { end }), setting, county: 'Fayette', ...extra };
}

export function hearing(date: string, type: Hearing['type'], extra: Partial<Hearing> = {}): Hearing {
  return { date, type, ...extra };
}

export function contact(date: string, type: Contact['type'], extra: Partial<Contact> = {}): Contact {
  return { date, type, with: ['child'], location: 'residence', child_seen: true, author: 'jdoe', ...extra };
}

export function visit(date: string, attended: Visit['attended'], cancelled_by: Visit['cancelled_by'] = null, participants = ['mother']): Visit {
  return { date, participants, level: 'supervised', attended, cancelled_by };
}

export function cans(date: string, ratings: [domain: string, item: string, rating: Assessment['ratings'][number]['rating']][]): Assessment {
  return { tool: 'CANS', date, assessor: 'jdoe', reason: 'reassessment', ratings: ratings.map(([domain, item, rating]) => ({ domain, item, rating })) };
}
