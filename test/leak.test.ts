/**
 * No copy leaks (issue 10, "Done when"): the leak fixture writes each sensitive
 * value into every free-text place of two cases, in every form a caseworker or
 * an editor produces; no court, parent or foster-parent copy shows any of them
 * in its PDF text, PDF metadata or DOCX XML, and a value that merely contains a
 * withheld word prints intact. Built through the whole engine, final scan included.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { build } from '../src/cli/commands/build.js';
import { paragraphs, parts } from './helpers/docx-parts.js';
import { CONFIDENTIAL_NEEDLES, digits, INNOCENT, leakRoot, LOCATION_NEEDLES, NEEDLES, readable, type Needle } from './helpers/leak-root.js';
import { withPdfFile } from './helpers/pdf-text.js';

const AS_OF = '2026-12-01'; // before both children's hearings (12-03, 12-10): every court report is built
const CASES = ['C-2025-0142', 'C-2024-0087'];

type Copy = { readonly file: string; readonly text: string };
let work: string;
let root: string;
const copies = new Map<string, Copy[]>();

async function buildCopies(audience: string, extra: Record<string, unknown> = {}): Promise<Copy[]> {
  const out = join(work, `out-${audience}`);
  const lines: string[] = [];
  const outcome = await build(
    root,
    { out, asOf: AS_OF, format: ['pdf', 'docx'], jobs: 1, quiet: true, ...extra },
    (caseRoot, asOf) => planJobs(caseRoot, asOf, { cases: CASES, audience: audience as never, docs: ['court-report', 'service-plan', 'transition-plan'], ...(audience === 'parent' ? { parent: 'father' } : {}) }),
    (line) => lines.push(line),
  );
  expect(outcome.code, lines.join('\n')).toBe(0);
  const found: Copy[] = [];
  for (const id of CASES) {
    const dir = join(out, 'children', id);
    for (const name of await readdir(dir)) {
      const bytes = await readFile(join(dir, name));
      const text = name.endsWith('.pdf')
        ? withPdfFile(bytes, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })) + bytes.toString('latin1')
        : docxText(parts(bytes));
      found.push({ file: `${id}/${name}`, text });
    }
  }
  return found;
}

/** Every part's XML, and the paragraphs' text (a value split across runs reads whole there). */
function docxText(xml: Record<string, string>): string {
  const text = Object.entries(xml).flatMap(([name, part]) => (/^word\/(document|header\d+|footer\d+)\.xml$/.test(name) ? paragraphs(part).map((p) => p.text) : []));
  return `${Object.values(xml).join('\n')}\n${text.join('\n')}`;
}

/**
 * The needles' values a copy shows: a name or street as a whole word (plural and
 * possessive forms too; "Hartwellsburg" is another word), a number by its digits.
 */
function shown(copy: Copy, needles: readonly Needle[]): string[] {
  const text = readable(copy.text);
  const numbers = (copy.text.match(/\d[\d\s().-]*\d/g) ?? []).map(digits);
  const asWord = (value: string) => new RegExp(`(?<![\\p{L}\\p{N}])${readable(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:e?s)?(?![\\p{L}\\p{N}])`, 'u');
  return needles.filter((n) => (/^\d+$/.test(n.value) ? numbers.some((run) => run.includes(n.value)) : asWord(n.value).test(text))).map((n) => n.value);
}

beforeAll(async () => {
  ({ work, root } = await leakRoot());
  for (const audience of ['court', 'parent', 'foster_parent', 'internal']) copies.set(audience, await buildCopies(audience));
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the leak fixture', () => {
  it('is written where the documents read it: the internal copy shows every needle', () => {
    const internal = copies.get('internal')!;
    const all = internal.filter((c) => c.file.startsWith('C-2025-0142/court-report') && c.file.endsWith('.pdf'));
    expect(all.length).toBe(1);
    expect(shown(all[0]!, NEEDLES.filter((n) => n.kind === 'foster_family_identity'))).toHaveLength(4);
  });

  it('court copies show no foster family identity, confidential address or full identifier', () => {
    for (const copy of copies.get('court')!) {
      expect(shown(copy, [...NEEDLES, ...CONFIDENTIAL_NEEDLES]), copy.file).toEqual([]);
    }
  });

  it("a father's copies show no foster family identity, no mother's confidential address, no full identifier", () => {
    expect(copies.get('parent')!.filter((c) => /^C-2024-0087\/.*-parent-father\.pdf$/.test(c.file))).not.toEqual([]);
    for (const copy of copies.get('parent')!) {
      expect(shown(copy, [...NEEDLES, ...CONFIDENTIAL_NEEDLES]), copy.file).toEqual([]);
    }
  });

  it("Zoë's school, written in her notes, reaches no court or parent copy (her father is under a no-contact order); her foster parents' copy has it", () => {
    const zoe = (audience: string) => copies.get(audience)!.filter((c) => c.file.startsWith('C-2024-0087/'));
    for (const copy of [...zoe('court'), ...zoe('parent')]) expect(shown(copy, LOCATION_NEEDLES), copy.file).toEqual([]);
    expect(zoe('foster_parent').some((c) => shown(c, LOCATION_NEEDLES).length > 0)).toBe(true);
  });

  it('foster-parent copies show no confidential address or full identifier', () => {
    for (const copy of copies.get('foster_parent')!) {
      expect(shown(copy, [...NEEDLES, ...CONFIDENTIAL_NEEDLES].filter((n) => n.kind !== 'foster_family_identity')), copy.file).toEqual([]);
    }
  });

  it('internal copies show no full identifier', () => {
    for (const copy of copies.get('internal')!) {
      expect(shown(copy, NEEDLES.filter((n) => n.kind === 'full_identifier')), copy.file).toEqual([]);
    }
  });

  it('a value that merely contains a withheld word prints intact', () => {
    const court = copies.get('court')!.filter((c) => c.file.startsWith('C-2025-0142/court-report') && c.file.endsWith('.pdf'));
    expect(readable(court[0]!.text)).toContain(readable(INNOCENT));
  });
});
