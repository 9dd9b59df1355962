/**
 * The agency's people: caseworkers (about one for every fifteen children),
 * supervisors (one for every six caseworkers) and licensing workers (one for
 * every forty homes). Ids are first initial + surname, made unique.
 */
import type { StaffMember } from '../../src/model/agency.js';
import { professionalName } from './names.js';
import type { Directory } from './places.js';
import type { Random } from './random.js';

export interface Staff {
  readonly members: readonly StaffMember[];
  readonly caseworkers: readonly StaffMember[];
  readonly supervisors: readonly StaffMember[];
  readonly licensing: readonly StaffMember[];
  /** The supervisor of a caseworker. */
  readonly supervisorOf: (caseworkerId: string) => StaffMember;
}

const CASEWORKER_TITLES = ['Foster Care Case Manager', 'Foster Care Case Manager', 'Bilingual Foster Care Case Manager', 'Foster Care Case Manager and Independent Living Specialist', 'Senior Foster Care Case Manager'];

export function makeStaff(rng: Random, dir: Directory, domain: string, counts: { children: number; homes: number }): Staff {
  const used = new Set<string>();
  const member = (title: string): StaffMember => {
    const name = professionalName(rng);
    const words = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z ]/g, '').split(' ');
    const base = `${words[0]![0]}${words[words.length - 1]}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}${n}`;
    used.add(id);
    return { id, name, title, phone: dir.phone(), email: `${id}@${domain}` };
  };
  const caseworkers = Array.from({ length: Math.max(2, Math.ceil(counts.children / 15)) }, () => member(rng.pick(CASEWORKER_TITLES)));
  const supervisors = Array.from({ length: Math.max(1, Math.ceil(caseworkers.length / 6)) }, () => member('Foster Care Supervisor'));
  const licensing = Array.from({ length: Math.max(1, Math.ceil(counts.homes / 40)) }, () => member('Licensing and Resource Family Specialist'));
  const team = new Map(caseworkers.map((c, i) => [c.id, supervisors[i % supervisors.length]!] as const));
  return {
    members: [...caseworkers, ...supervisors, ...licensing],
    caseworkers,
    supervisors,
    licensing,
    supervisorOf: (id) => team.get(id) ?? supervisors[0]!,
  };
}
