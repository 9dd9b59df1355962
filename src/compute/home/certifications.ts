/** CPR and first aid certificates (rules.md, The foster home, "CPR and first aid"). */
import type { Home } from '../../model/home.js';
import type { DueStatus } from '../due-item.js';
import { openStatus } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';
import { caregivers, sameName } from './sources.js';

export const CERTIFICATES = ['cpr', 'first_aid'] as const;
export type Certificate = (typeof CERTIFICATES)[number];

export interface CertificationFact {
  readonly person: string;
  readonly item: Certificate;
  /** The latest `expires` among the person's certificates of this type; absent when none is on file. */
  readonly expires?: string;
  /** `expires`, or the as-of date for a missing certificate. */
  readonly due: string;
  readonly status: DueStatus;
  /** Current on the as-of date (expires on or after it). */
  readonly current: boolean;
}

/** Whether the rule set requires CPR and first aid for the home's type (rules.cprFirstAidRequired). */
export function certificationsRequired(home: Home, rules: RuleSet): boolean {
  return rules.cprFirstAidRequired.value.includes(home.type);
}

/**
 * rules.md, "CPR and first aid": where the rule set requires them for the
 * home's type, each applicant's and co-applicant's certificate is due on its
 * `expires`; a missing certificate is due on the as-of date and overdue (cli.md).
 * Empty when the home's type does not require them.
 */
export function certificationFacts(home: Home, asOf: string, rules: RuleSet): CertificationFact[] {
  if (!certificationsRequired(home, rules)) return [];
  return caregivers(home).flatMap((member) =>
    CERTIFICATES.map((item): CertificationFact => {
      const expires = (home.certifications ?? [])
        .filter((c) => c.type === item && sameName(c.holder, member.name))
        .map((c) => c.expires)
        .sort()
        .at(-1);
      if (expires === undefined) return { person: member.name, item, due: asOf, status: 'overdue', current: false };
      return { person: member.name, item, expires, due: expires, status: openStatus(expires, asOf), current: expires >= asOf };
    }),
  );
}
