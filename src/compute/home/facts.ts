/** Every fact about one foster home as of a date: what the re-licensing packet and `due` read. */
import type { CaseRecord } from '../../model/case.js';
import type { Home } from '../../model/home.js';
import type { RuleSet } from '../rule-sets.js';
import { backgroundCheckFacts, outOfStateChecks, type CheckFact, type OutOfStateCheck } from './background-checks.js';
import { capacityFact, type CapacityFact } from './capacity.js';
import { certificationFacts, certificationsRequired, type CertificationFact } from './certifications.js';
import { inspectionFact, type InspectionFact } from './inspections.js';
import { licenseYear, type LicenseYear } from './license-year.js';
import { incidentsDuring, placementsDuring, runawaysDuring, type HomeStay, type Incident, type RunawayIncident } from './placements.js';
import { trainingSummaries, type TrainingSummary } from './training.js';

export interface HomeFacts {
  readonly homeId: string;
  readonly asOf: string;
  readonly license: Home['license'];
  readonly year: LicenseYear;
  readonly training: readonly TrainingSummary[];
  readonly certificationsRequired: boolean;
  readonly certifications: readonly CertificationFact[];
  readonly checks: readonly CheckFact[];
  readonly outOfState: readonly OutOfStateCheck[];
  readonly inspection: InspectionFact;
  readonly capacity: CapacityFact;
  readonly placements: readonly HomeStay[];
  readonly incidents: readonly Incident[];
  /** Runaways from the home during the year that no recorded incident covers. */
  readonly runaways: readonly RunawayIncident[];
}

/** rules.md, "The foster home": each fact from its own module, for one home, as of `asOf`. */
export function homeFacts(home: Home, records: readonly CaseRecord[], asOf: string, rules: RuleSet): HomeFacts {
  const year = licenseYear(home.license, asOf);
  const placements = placementsDuring(home.id, records, year);
  const incidents = incidentsDuring(home, year);
  return {
    homeId: home.id,
    asOf,
    license: home.license,
    year,
    training: trainingSummaries(home, year, asOf, rules),
    certificationsRequired: certificationsRequired(home, rules),
    certifications: certificationFacts(home, asOf, rules),
    checks: backgroundCheckFacts(home, asOf, rules),
    outOfState: outOfStateChecks(home),
    inspection: inspectionFact(home, asOf, rules),
    capacity: capacityFact(home, records, asOf, rules),
    placements,
    incidents,
    runaways: runawaysDuring(placements, incidents, year),
  };
}
