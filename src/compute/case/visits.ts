/**
 * Monthly caseworker visits (rules.md, "Monthly caseworker visit"; domain.md §1.8).
 */
import { addMonths, compareDates, daysInMonth } from '../../core/calendar-date.js';
import type { Contact } from '../../model/notes.js';

export const VISIT_CITATION = '42 U.S.C. 622(b)(17), 624(e)';

/** Contact types that are a visit in person (case-format.md, contacts). */
export const IN_PERSON_CONTACT_TYPES = ['home_visit', 'school_visit', 'office', 'community', 'court'] as const satisfies readonly Contact['type'][];

/** 42 U.S.C. 622(b)(17): an in-person contact in which the caseworker saw the child. */
export function isFaceToFace(contact: Contact): boolean {
  return contact.child_seen && (IN_PERSON_CONTACT_TYPES as readonly string[]).includes(contact.type);
}

/** "YYYY-MM" → its first and last day. */
export function monthBounds(month: string): { first: string; last: string } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}` };
}

export interface MonthOfVisits {
  /** "YYYY-MM". */
  readonly month: string;
  /** The child was in care every day of the month (and the month ended by the as-of date). */
  readonly full: boolean;
  /** At least one face-to-face visit with the child. */
  readonly met: boolean;
  /** The face-to-face visits with the child, in date order. */
  readonly visits: readonly Contact[];
}

export interface VisitCompliance {
  /** Every month of the period in care, full or partial, in order. */
  readonly months: readonly MonthOfVisits[];
  /** Full months in care: the denominator. */
  readonly fullMonths: number;
  /** Full months with a face-to-face visit. */
  readonly monthsMet: number;
  /** monthsMet / fullMonths; undefined without a full month. */
  readonly rate?: number;
  /** Face-to-face visits in the full months. */
  readonly inPersonVisits: number;
  /** Of those, with `location: residence`. */
  readonly inResidence: number;
  /** inResidence / inPersonVisits; undefined without a visit. */
  readonly residenceShare?: number;
  /** Of those, with `seen_privately: true`. */
  readonly seenPrivately: number;
}

/**
 * 42 U.S.C. 622(b)(17), 624(e): for the period [from, to] (inclusive), the full
 * calendar months the child was in care (from `inCareSince`, the current
 * removal, to the as-of date) and whether each had a face-to-face visit; the
 * in-residence share and private visits over the full months' visits. Partial
 * months are listed but left out of every figure (domain.md §1.8, §11.20).
 */
export function visitCompliance(
  contacts: readonly Contact[],
  period: { readonly from: string; readonly to: string },
  inCareSince: string,
  asOf: string,
): VisitCompliance {
  const start = [period.from, inCareSince].sort(compareDates)[1]!;
  const end = [period.to, asOf].sort(compareDates)[0]!;
  const faceToFace = contacts.filter(isFaceToFace).sort((a, b) => compareDates(a.date, b.date));
  const months: MonthOfVisits[] = [];
  for (let first = `${start.slice(0, 7)}-01`; start <= end && first <= end; first = addMonths(first, 1)) {
    const month = first.slice(0, 7);
    const { last } = monthBounds(month);
    const full = first >= start && last <= end;
    const visits = faceToFace.filter((c) => c.date >= start && c.date <= end && c.date.startsWith(month));
    months.push({ month, full, met: visits.length > 0, visits });
  }
  const counted = months.filter((m) => m.full);
  const visits = counted.flatMap((m) => m.visits);
  const fullMonths = counted.length;
  const monthsMet = counted.filter((m) => m.met).length;
  const inResidence = visits.filter((c) => c.location === 'residence').length;
  return {
    months,
    fullMonths,
    monthsMet,
    ...(fullMonths > 0 && { rate: monthsMet / fullMonths }),
    inPersonVisits: visits.length,
    inResidence,
    ...(visits.length > 0 && { residenceShare: inResidence / visits.length }),
    seenPrivately: visits.filter((c) => c.seen_privately === true).length,
  };
}

export interface CurrentMonthVisit {
  readonly month: string;
  /** The month's last day. */
  readonly due: string;
  /** The first face-to-face visit this month on or before the as-of date. */
  readonly visit?: Contact;
}

/** 42 U.S.C. 622(b)(17): this month's visit is due by the month's end, met by a face-to-face visit in it. */
export function currentMonthVisit(contacts: readonly Contact[], asOf: string): CurrentMonthVisit {
  const month = asOf.slice(0, 7);
  const { first, last } = monthBounds(month);
  const visit = contacts
    .filter((c) => isFaceToFace(c) && c.date >= first && c.date <= asOf)
    .sort((a, b) => compareDates(a.date, b.date))[0];
  return { month, due: last, ...(visit && { visit }) };
}

