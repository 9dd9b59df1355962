/**
 * Treatment passages (`:::treatment{parent=…}` … `:::`, and `treatment: true`
 * notes) in the example agency's court reports: withheld from a foster
 * parent's copy, printed in the internal copy, and in the court copy only with
 * the parent's consent on file (42 CFR Part 2). And the copy's notice of what
 * it withheld: it names exactly the kinds the copy withheld.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../src/compute/audience.js';
import { WITHHELD_FORMS } from '../../src/build/scan-withheld.js';
import { WITHHELD_MARKER } from '../../src/compute/redaction/marker.js';
import type { DocumentData } from '../../src/compute/documents/context.js';
import { courtReportData } from '../../src/compute/documents/court-report.js';
import { relicensingPacketData } from '../../src/compute/documents/relicensing-packet.js';
import { servicePlanData } from '../../src/compute/documents/service-plan.js';
import type { ChildFolder } from '../../src/model/case-root.js';
import type { LoadResult } from '../../src/load/load-root.js';
import { fieldsOfSchema } from '../../src/load/schema-walk.js';
import { FILE_KINDS } from '../../src/model/file-kinds.js';
import { narrativeText } from '../../src/model/primitives.js';
import { parts } from '../helpers/docx-parts.js';
import { childFolder, documentContext, loadExample } from '../helpers/document-context.js';
import { renderDocument } from '../helpers/render-document.js';
import { squash } from '../helpers/same-content.js';
import { everyWithheld } from '../helpers/every-withheld.js';

const ID = 'C-2025-0142';
const HEARING = '2026-12-10';
/** What the mother's treatment passages of C-2025-0142 say (hearing outcomes and orders, the TPR exception, the recommendations). */
const TREATMENT_WORDS = ['relapse', 'IOP', 'intensive outpatient', 'tested negative', 'positive screen', "mother's screens remaining negative"];

let loaded: LoadResult;
beforeAll(async () => {
  loaded = await loadExample();
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

const folder = (id = ID) => childFolder(loaded.root, id);

/** The mother's substance-use services with `consent_on_file` set to `consent`. */
function withConsent(child: ChildFolder, consent: boolean): ChildFolder {
  const plan = child.plan!;
  const goals = plan.data.goals.map((g) => ({ ...g, services: g.services?.map((s) => (s.substance_use_treatment ? { ...s, consent_on_file: consent } : s)) }));
  return { ...child, plan: { ...plan, data: { ...plan.data, goals } } };
}

interface Copy {
  readonly data: DocumentData;
  /** pdftotext of the PDF and the DOCX's document.xml, each squashed. */
  readonly pdf: string;
  readonly xml: string;
  readonly notice: readonly string[];
}

async function copy(audience: Audience, child = folder(), hearing = HEARING): Promise<Copy> {
  const data = courtReportData(documentContext(loaded.root, audience), child, hearing);
  const rendered = await renderDocument('court-report.md.hbs', data.data, loaded.root.agency!.data, { title: 'Court Report', subject: `Court Report — ${child.id}`, reference: child.id, asOf: '2026-11-23' });
  const notice = (data.data as { notices: { withheld: string[] } }).notices.withheld;
  return { data, pdf: squash(rendered.pdfText), xml: parts(rendered.docx)['word/document.xml']!, notice };
}

const flatText = (text: string) => text.replace(/\s+/g, ' ');
const has = (text: string, word: string) => text.toLowerCase().includes(word.toLowerCase().replace(/'/g, '’')) || text.toLowerCase().includes(word.toLowerCase());
/** The kinds of what a copy withheld for real (a guard counts only once a scan found it). */
const kinds = (data: DocumentData) => new Set(data.withheld.filter((w) => !w.guard).map((w) => w.kind));

describe("the mother's treatment passages in C-2025-0142's court report", () => {
  it("are withheld from the foster parent's copy, in the PDF and the DOCX, each with the marker, and listed in the manifest", async () => {
    const { pdf, xml, data, notice } = await copy('foster_parent');
    for (const word of TREATMENT_WORDS) {
      expect(has(pdf, word), `"${word}" in the PDF`).toBe(false);
      expect(has(xml, word), `"${word}" in the DOCX`).toBe(false);
    }
    expect(pdf).toContain(`Mother partially compliant. ${WITHHELD_FORMS.cell}`); // the court history is a table
    expect(pdf).not.toContain(':::');
    expect(xml).not.toContain(':::');
    // The foster parents' copy is theirs, not the one served on every party.
    expect(flatText(pdf)).toContain('Withheld from this copy, and marked');
    expect(flatText(pdf)).not.toContain('served on every party');
    const passages = data.withheld.filter((w) => w.field.includes('treatment passage'));
    expect(passages.map((w) => w.kind)).toEqual(passages.map(() => 'parent_treatment'));
    expect(passages.map((w) => w.field)).toEqual(
      expect.arrayContaining([
        'children/C-2025-0142/case.yaml court.hearings[3].outcome (treatment passage 1)',
        'children/C-2025-0142/case.yaml permanency.tpr_exception.reason (treatment passage 1)',
        'children/C-2025-0142/court/2026-12-10-recommendations.md (treatment passage 1)',
      ]),
    );
    expect(notice).toContain('parent_treatment');
    expect(has(flatText(pdf), "parents' treatment details and diagnoses")).toBe(true);
  });

  it('print in the internal copy, without their fences', async () => {
    const { pdf, xml, notice } = await copy('internal');
    for (const word of TREATMENT_WORDS) expect(has(pdf, word), `"${word}" in the PDF`).toBe(true);
    expect(has(xml, 'tested negative')).toBe(true);
    expect(pdf).not.toContain(':::');
    for (const form of Object.values(WITHHELD_FORMS)) expect(pdf).not.toContain(form);
    expect(notice).toEqual([]);
  });

  it('print in the court copy while the mother has consented to disclosure, and are withheld once she has not', async () => {
    const consented = await copy('court', withConsent(folder(), true));
    for (const word of TREATMENT_WORDS) expect(has(consented.pdf, word), `"${word}" with consent`).toBe(true);
    expect(kinds(consented.data).has('treatment_without_consent')).toBe(false);

    const refused = await copy('court', withConsent(folder(), false));
    // The plan's own objectives print in a court copy ("… after intensive outpatient treatment"): only the passages are looked for.
    for (const word of TREATMENT_WORDS.filter((w) => w !== 'intensive outpatient')) {
      expect(has(refused.pdf, word), `"${word}" without consent`).toBe(false);
      expect(has(refused.xml, word), `"${word}" in the DOCX without consent`).toBe(false);
    }
    expect(refused.data.withheld.filter((w) => w.field.includes('treatment passage')).every((w) => w.kind === 'treatment_without_consent')).toBe(true);
    expect(refused.notice).toContain('treatment_without_consent');
    expect(has(flatText(refused.pdf), 'substance use treatment details for which no consent to disclose is on file (42 CFR Part 2)')).toBe(true);
  });

  it('a note marked `treatment: true` is withheld whole as naming no parent: even with consent on file, from the court', async () => {
    const child = folder();
    // (A loaded record's body is read from its file when asked: a copy names it.)
    const notes = child.courtNotes.map((n) => (n.data.section === 'recommendations' ? { ...n, body: n.body, data: { ...n.data, treatment: true } } : n));
    const court = await copy('court', withConsent({ ...child, courtNotes: notes }, true));
    expect(court.pdf).not.toContain('Continue twice-monthly phone contact with the father');
    expect(court.data.withheld.map((w) => [w.kind, w.field])).toContainEqual(['treatment_without_consent', 'children/C-2025-0142/court/2026-12-10-recommendations.md (treatment passage 1)']);
    const internal = await copy('internal', { ...child, courtNotes: notes });
    expect(internal.pdf).toContain('Continue twice-monthly phone contact with the father');
  });
});

describe("a copy's notice of what it withheld", () => {
  const COPIES: [string, string, Audience][] = [
    ['C-2025-0142', '2026-12-10', 'court'],
    ['C-2025-0142', '2026-12-10', 'foster_parent'],
    ['C-2025-0142', '2026-12-10', 'internal'],
    ['C-2026-0058', '2027-01-21', 'court'],
    ['C-2026-0058', '2027-01-21', 'foster_parent'],
    ['C-2024-0087', '2026-12-03', 'court'],
  ];

  it.each(COPIES)('%s (%s, %s copy) names one item for each kind withheld, and the copy prints none of the values withheld', async (id, hearing, audience) => {
    const { data, pdf, notice } = await copy(audience, folder(id), hearing);
    expect(notice.length).toBe(kinds(data).size);
    const bare = pdf.replace(/\s/g, '');
    for (const w of data.withheld.filter((v) => !v.guard && v.value.trim().length > 3)) {
      expect(bare, `${w.kind} ${w.field} printed`).not.toContain(w.value.replace(/\s/g, ''));
    }
    expect(Object.values(WITHHELD_FORMS).some((form) => pdf.includes(form))).toBe(notice.length > 0);
  });

  it('does not claim the foster family withheld when the copy names no foster home (guards only)', async () => {
    const child = folder();
    const record = child.case!.data;
    const placements = record.placements.map(({ home: _home, ...p }) => ({ ...p, provider: 'Fayette County shelter' }));
    const noHome = { ...child, case: { ...child.case!, data: { ...record, placements } } };
    const { data, notice, pdf } = await copy('court', noHome);
    expect(everyWithheld(data).some((w) => w.kind === 'foster_family_identity' && w.guard)).toBe(true);
    expect(kinds(data).has('foster_family_identity')).toBe(false);
    expect(notice.join(' ')).not.toContain('foster family');
    expect(pdf).not.toContain('Information withheld from this copy');
  });
});

describe('every field the schema types as narrative text', () => {
  /** `data` with the value at `path` (`[]`: index 0) set to `value`; undefined when the data has no such place. */
  function setAt(data: unknown, path: string, value: string): unknown {
    const copy = structuredClone(data) as Record<string, unknown>;
    const parts = path.split('.').flatMap((p) => (p.endsWith('[]') ? [p.slice(0, -2), 0] : [p])).flatMap((p) => (p === '' ? [] : [p]));
    let at: Record<string | number, unknown> = copy;
    for (const part of parts.slice(0, -1)) {
      const next = at[part];
      if (next === null || typeof next !== 'object') return undefined;
      at = next as Record<string | number, unknown>;
    }
    at[parts.at(-1)!] = value;
    return copy;
  }
  const fenced = (secret: string) => `Shown.\n:::treatment{parent=mother}\n${secret}\n:::`;

  it.each(['case', 'plan', 'assessment'] as const)('of %s: its passage never reaches a foster parent\'s court report or service plan', (kind) => {
    const fields = fieldsOfSchema(FILE_KINDS[kind].schema, narrativeText);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      const secret = `Secret ${kind} ${field}`;
      const child = folder();
      let changed: ChildFolder;
      if (kind === 'assessment') changed = { ...child, assessments: child.assessments.map((a) => ({ ...a, data: setAt(a.data, field, fenced(secret)) as typeof a.data })) };
      else {
        const file = kind === 'case' ? child.case! : child.plan!;
        const data = setAt(file.data, field, fenced(secret));
        expect(data, `${kind} ${field} is in C-2025-0142`).toBeDefined();
        changed = { ...child, [kind]: { ...file, data } };
      }
      const printed = JSON.stringify([courtReportData(documentContext(loaded.root, 'foster_parent'), changed, HEARING).data, servicePlanData(documentContext(loaded.root, 'foster_parent'), changed).data]);
      expect(printed, field).not.toContain('Secret');
      expect(printed, field).not.toContain(':::');
    }
  });

  it("why a child left a home, in the home's re-licensing packet: withheld from all but the internal copy", () => {
    const children = loaded.root.children.map((c) => {
      if (c.id !== 'C-2025-0219') return c;
      const record = c.case!.data;
      const placements = record.placements.map((p) => (p.reason_for_change ? { ...p, reason_for_change: fenced('Secret reason') } : p));
      return { ...c, case: { ...c.case!, data: { ...record, placements } } };
    });
    const home = loaded.root.homes.find((h) => h.id === 'H-0017')!;
    const packet = (audience: Audience) => JSON.stringify(relicensingPacketData(documentContext(loaded.root, audience), home, children).data);
    expect(packet('internal')).toContain('{"kind":"left","reason":"Shown.\\nSecret reason"}');
    for (const audience of ['court', 'foster_parent'] as const) {
      expect(packet(audience)).toContain(`{"kind":"left","reason":"Shown.\\n${WITHHELD_MARKER}"}`);
      expect(packet(audience)).not.toContain('Secret');
    }
    expect(packet('internal')).not.toContain(':::');
  });
});
