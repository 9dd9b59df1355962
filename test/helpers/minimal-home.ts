/** A home whose home.yaml holds only the required fields: no study.md, no training, no checks, no inspections. */
export const MINIMAL_HOME: Readonly<Record<string, string>> = {
  'homes/H-0900/home.yaml': [
    'id: H-0900',
    'type: foster',
    'licensing_worker: robin',
    'address: { street: 9 Spare Rd, city: Frankfort, state: KY, zip: "40601" }',
    'license: { number: KY-FH-00900, issued: 2026-06-01, expires: 2027-05-31, status: active, capacity: 1 }',
    'household:',
    '  - { name: Robin Minimal, role: applicant, dob: 1990-01-15 }',
    '',
  ].join('\n'),
};
