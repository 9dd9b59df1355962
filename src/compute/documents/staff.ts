/** The agency's staff as the documents print them (agency.yaml `staff:`). */
import type { Agency, StaffMember } from '../../model/agency.js';

export function staffMember(agency: Agency, id: string | null | undefined): StaffMember | undefined {
  return id ? agency.staff.find((s) => s.id === id) : undefined;
}

export interface StaffData {
  readonly id: string;
  readonly name: string;
  readonly title: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** A staff member for the template; an id agency.yaml does not list prints as itself, with a warning. */
export function staffData(agency: Agency, id: string, what: string, warnings: string[]): StaffData {
  const member = staffMember(agency, id);
  if (!member) {
    warnings.push(`the ${what} "${id}" is not listed under staff: in agency.yaml; the document shows the id`);
    return { id, name: id, title: null, phone: null, email: null };
  }
  return asData(member);
}

/** A staff member by id for a home's documents; an id agency.yaml does not list is the name, with no title. */
export function staffOf(agency: Agency, id: string | null | undefined): StaffData | null {
  if (!id) return null;
  const member = staffMember(agency, id);
  return member ? asData(member) : { id, name: id, title: null, phone: null, email: null };
}

function asData(member: StaffMember): StaffData {
  return { id: member.id, name: member.name, title: member.title, phone: member.phone ?? null, email: member.email ?? null };
}

/**
 * The supervisor who signs beside a worker: the first staff member whose title
 * says supervisor (agency.yaml has no field naming the licensing supervisor),
 * other than the worker.
 */
export function supervisorOf(agency: Agency, workerId: string | null | undefined): StaffData | null {
  const member = agency.staff.find((s) => s.id !== workerId && /supervisor/i.test(s.title));
  return member ? asData(member) : null;
}
