/**
 * The leak fixture (issue 10): the example agency with H-0042's foster family
 * renamed Hartwell / Peñaloza and given a phone, and every sensitive value
 * written by a caseworker into every free-text place of C-2025-0142 and
 * C-2024-0087, in the forms people and editors produce: plain, UPPER, NFD,
 * split by a zero-width space, soft-hyphenated, plural and possessive.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './fixture-root.js';

const ZWSP = '\u200B';
const SHY = '\u00AD';

/** One sensitive value, the ways it is written into the data, and which class of protection covers it. */
export interface Needle {
  readonly kind: 'foster_family_identity' | 'confidential_address' | 'full_identifier' | 'child_location';
  /** What must never be readable in a copy that withholds the kind (compared after normalizing: see `readable`). */
  readonly value: string;
  /** Texts a caseworker could type for it. */
  readonly written: readonly string[];
}

export const NEEDLES: readonly Needle[] = [
  {
    kind: 'foster_family_identity',
    value: 'Hartwell',
    written: ['the Hartwells', "the HARTWELLS' car", `Hart${ZWSP}well`, `Hart${SHY}well`, "Ms. Hartwell's", 'Hart**well**'],
  },
  {
    kind: 'foster_family_identity',
    value: 'Peñaloza',
    written: ['Mr. Peñaloza', 'Pen\u0303aloza'.normalize('NFD'), 'PENALOZA', `Peña${ZWSP}loza`, "the Peñalozas'"],
  },
  { kind: 'foster_family_identity', value: '418 Keene Crossing', written: ['418 Keene Crossing Drive', '418 Keene  Crossing Dr.', '418 KEENE CROSSING DR'] },
  { kind: 'foster_family_identity', value: '8595550199', written: ['859-555-0199', '859.555.0199', '(859) 555-0199'] },
  { kind: 'full_identifier', value: '401551234', written: ['SSN 401-55-1234'] },
  { kind: 'full_identifier', value: '7712004821', written: ['Medicaid number 7712004821'] },
];

/** For C-2024-0087, whose mother's address is confidential (a domestic-violence shelter address). */
export const CONFIDENTIAL_NEEDLES: readonly Needle[] = [
  { kind: 'confidential_address', value: '214 Delmont', written: ['214 Delmont Court', '214 DELMONT CT', '(859) 555-0417'] },
];

/** For C-2024-0087, whose father is under a no-contact order: her school reaches no parent and no court copy. */
export const LOCATION_NEEDLES: readonly Needle[] = [
  { kind: 'child_location', value: 'East Jessamine High School', written: ['East Jessamine High School', 'EAST JESSAMINE HIGH SCHOOL', `East Jessamine High${SHY} School`] },
];

/** A text that merely contains a withheld word: it must print intact. */
export const INNOCENT = 'Hartwellsburg Pike';

/** What a reader can read in a text: NFC, without soft hyphens and zero-width characters, spaces joined, case folded, accents folded. */
export function readable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Digits only, for phone numbers and identifiers. */
export const digits = (text: string) => text.replace(/\D/g, '');

/** Each replacement made once; a pattern that is not in the text is the fixture's error, not a pass. */
function swap(text: string, pairs: readonly (readonly [string | RegExp, string])[]): string {
  return pairs.reduce((t, [from, to]) => {
    if (typeof from === 'string' ? !t.includes(from) : !from.test(t)) throw new Error(`the leak fixture expected ${String(from)} in the example data`);
    return t.replace(from, to);
  }, text);
}

const sentence = (needles: readonly Needle[]) => `${needles.flatMap((n) => n.written).join('; ')}; ${INNOCENT}.`;

/**
 * Copies cases/ to `root` under a new temporary folder (returned as `work`, for
 * outputs beside it) and writes the needles everywhere a caseworker could.
 */
export async function leakRoot(): Promise<{ work: string; root: string }> {
  const work = await mkdtemp(join(tmpdir(), 'casepress-leak-'));
  const root = join(work, 'root');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  const edit = async (path: string, change: (text: string) => string) => {
    const file = join(root, path);
    await writeFile(file, change(await readFile(file, 'utf8')));
  };
  const foster = sentence(NEEDLES);
  const yamlText = JSON.stringify(foster);

  await edit('homes/H-0042/home.yaml', (t) =>
    swap(t.replaceAll('Marcus Whitfield', 'Marcus Peñaloza').replaceAll('Whitfield', 'Hartwell'), [
      [/^(address: .*)$/m, '$1\nphone: "(859) 555-0199"'],
    ]),
  );
  for (const child of ['C-2025-0142', 'C-2024-0087']) {
    await edit(`children/${child}/case.yaml`, (t) => t.replaceAll('Marcus Whitfield', 'Marcus Peñaloza').replaceAll('Whitfield', 'Hartwell'));
    await edit(`children/${child}/plan.yaml`, (t) => t.replaceAll('Marcus Whitfield', 'Marcus Peñaloza').replaceAll('Whitfield', 'Hartwell'));
  }
  const j = 'children/C-2025-0142';
  // Notes and narratives (Markdown bodies).
  await edit(`${j}/contacts/2026-11-05-home.md`, (t) => `${t}\n${foster}\n`);
  await edit(`${j}/visits/2026-11-13.md`, (t) => `${t}\n${foster}\n`);
  await edit(`${j}/court/2026-12-10-recommendations.md`, (t) => `${t}\n8. Note: ${foster}\n`);
  await edit(`${j}/court/2026-12-10-child-wishes.md`, (t) => `${t}\n${foster}\n`);
  // Structured free text (YAML): a hearing outcome and order, a sibling's placement, education notes, a plan task, a provider, CANS notes.
  await edit(`${j}/case.yaml`, (t) =>
    swap(t, [
      ['        Mother in stable housing. Court approved', `        ${foster} Mother in stable housing. Court approved`],
      ['        - Visits may progress to unsupervised day visits', `        - ${yamlText}\n        - Visits may progress to unsupervised day visits`],
      ['placement: Foster home H-0017, Fayette County', `placement: ${yamlText}`],
      ['  notes: >-\n    IEP', `  notes: >-\n    ${foster}\n    IEP`],
    ]),
  );
  await edit(`${j}/plan.yaml`, (t) =>
    swap(t, [
      ['task: Keep a daily behavior log and bring it to therapy weekly', `task: ${foster.replace(/[{},:]/g, ' ')}`],
      ['provider: New Vista', `provider: ${yamlText}`],
    ]),
  );
  await edit(`${j}/assessments/cans-2026-09.yaml`, (t) => swap(t, [['notes: >-\n', `notes: >-\n  ${foster}\n`]]));
  // The confidential address, in C-2024-0087's notes.
  const z = 'children/C-2024-0087';
  await edit(`${z}/contacts/2026-11-05-home.md`, (t) => `${t}\n${sentence([...CONFIDENTIAL_NEEDLES, ...LOCATION_NEEDLES])}\n`);
  await edit(`${z}/court/2026-12-03-child-wishes.md`, (t) => `${t}\n${sentence(CONFIDENTIAL_NEEDLES)}\n`);
  // Her transition plan's own words: the foster family, her mother's shelter and her school in the housing plan.
  const all = JSON.stringify(sentence([...NEEDLES, ...CONFIDENTIAL_NEEDLES, ...LOCATION_NEEDLES]));
  await edit(`${z}/transition.yaml`, (t) => swap(t, [['housing:\n  plan: >-\n', `housing:\n  plan: ${all}\n  was: >-\n`]]).replace(/^  was: >-\n(    .*\n)+/m, ''));
  return { work, root };
}
