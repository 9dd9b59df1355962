/** The case clocks: pure functions of (case data, as-of date, rule set). */
export * from './entered-care.js';
export * from './time-in-care.js';
export * from './fifteen-of-twenty-two.js';
export * from './hearings.js';
export * from './placements.js';
export * from './visits.js';
export * from './family-time.js';
export * from './plan-progress.js';
export * from './cans.js';
export * from './youth.js';
export * from './due-items.js';
export * from './court-calendar-items.js';
export * from './care-cadence-items.js';
export * from './youth-items.js';
