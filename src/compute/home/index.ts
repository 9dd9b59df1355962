/** The foster home facts (rules.md, "The foster home"): pure functions of (home, children, as-of date, rule set). */
export { licenseYear, yearContaining, inYear, birthdayAt, type LicenseYear } from './license-year.js';
export { trainingSummaries, trainingPace, type TrainingStatus, type TrainingPace, type TrainingSummary, type TrainingLine, type TrainingSession } from './training.js';
export { certificationFacts, certificationsRequired, CERTIFICATES, type Certificate, type CertificationFact } from './certifications.js';
export { backgroundCheckFacts, outOfStateChecks, type CheckBasis, type CheckFact, type OutOfStateCheck } from './background-checks.js';
export { inspectionFact, type Inspection, type InspectionFact } from './inspections.js';
export { capacityFact, type CapacityFact } from './capacity.js';
export {
  staysInHome, placementsDuring, currentPlacements, incidentsDuring, runawaysDuring,
  type HomeStay, type Interruption, type CurrentPlacement, type Incident,
} from './placements.js';
export { homeFacts, type HomeFacts } from './facts.js';
export { homeDueItems } from './due-items.js';
export { compliance, complianceLines, itemOf, OPEN_STATUSES, type Compliance, type ComplianceLine, type ComplianceRequirement, type ComplianceStatus, type MissingHomeFile } from './compliance.js';
export { caseRecords, type HomeSource, type ChildSource } from './sources.js';
