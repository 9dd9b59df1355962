/**
 * One job from the case root to bytes: the document's data (with what is
 * withheld from its audience), the template, the tree, the final scan, and
 * each format. Pure: fonts, images, templates and the clock come in.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { redactor, type FamilyGuards, type SharedGuards, type WithheldValue } from '../compute/audience.js';
import type { DocumentContext, DocumentData } from '../compute/documents/context.js';
import { viewRoot, type RootIndex } from '../compute/documents/root-view.js';
import type { DocumentTree, ImageSet } from '../document/ast.js';
import { contentsTable, type Packet } from '../document/packet.js';
import type { FontSet } from '../render/pdf/index.js';
import { sha256 } from './fingerprint.js';
import { readinessWarnings } from './readiness-warnings.js';
import { agencyLetterhead, documentMeta } from './furniture.js';
import type { Job, JobOutput } from './jobs.js';
import type { Format, PreparedTemplate } from './render-document.js';
import { scanWithheld, UnknownNode, type Replacement, type ScanResult } from './scan-withheld.js';

export interface JobEnvironment {
  readonly context: Omit<DocumentContext, 'redact' | 'view'>;
  /** The case root as every job's view reads it (root-view.ts). */
  readonly index: RootIndex;
  /** The template checked and compiled (loading the template engine with the first). */
  readonly template: (file: string) => Promise<{ template?: PreparedTemplate; diagnostics: Diagnostic[] }>;
  readonly images: ImageSet;
  readonly fonts: FontSet;
  readonly formats: readonly Format[];
  readonly draft?: boolean;
  readonly pdfa?: boolean;
  /** The reference .docx's bytes (`--reference-docx`); the house reference when not given. */
  readonly referenceDocx?: Uint8Array;
  /** An input's hash now (a file's bytes, a listing, an agency-wide value): `inputHashes` in inputs.ts. */
  readonly inputHash: (name: string) => string;
}

export interface JobResult {
  readonly job: Job;
  /** Format → bytes; empty when the job failed. */
  readonly files: Partial<Record<Format, Uint8Array>>;
  readonly diagnostics: Diagnostic[];
  /** Lines for the command line: shortfalls, withheld values found in narratives. */
  readonly warnings: string[];
  readonly withheld: readonly WithheldValue[];
  readonly inputs: Readonly<Record<string, string>>;
}

export { sha256 };

/** A job's data and the hashes of what it read: all a fingerprint needs of the case. */
export interface JobData {
  readonly data: JobOutput;
  readonly inputs: Readonly<Record<string, string>>;
}

export function jobData(job: Job, env: Pick<JobEnvironment, 'context' | 'index' | 'inputHash'>): JobData {
  const view = viewRoot(env.index);
  const built = job.build({ ...env.context, asOf: job.asOf ?? env.context.asOf, view, redact: redactor(job.audience, job.reader) });
  // A part required before filing that is missing is a warning here, so every command that computes the job says it.
  const data = built.missing?.length ? { ...built, warnings: [...built.warnings, ...readinessWarnings(built.missing)] } : built;
  const inputs = Object.fromEntries([...view.inputs].sort().map((name) => [name, env.inputHash(name)]));
  return { data, inputs };
}

/** What a render needs of a job: everything but its data builder, so it can cross to a worker thread. */
export type JobHeader = Pick<Job, 'type' | 'subject' | 'audience' | 'output' | 'template' | 'title' | 'asOf'>;

export function jobHeader({ type, subject, audience, output, template, title, asOf }: Job): JobHeader {
  return { type, subject, audience, output, template, title, ...(asOf ? { asOf } : {}) };
}

/** What a render needs of the environment: no case root, no rule set (the data is computed already). */
export interface RenderEnvironment extends Pick<JobEnvironment, 'template' | 'images' | 'fonts' | 'formats' | 'draft' | 'pdfa' | 'referenceDocx'> {
  readonly context: Pick<JobEnvironment['context'], 'agency' | 'asOf'>;
  /** The root's foster-family guards, which a render's input then names by reference only (sent once per thread, not with every job). */
  readonly familyGuards?: FamilyGuards;
}

/** A job's computed data as a render takes it: plain values, cloneable to a worker. */
export interface RenderInput extends Pick<DocumentData, 'data' | 'withheld' | 'warnings'> {
  /** The foster-family guards the data holds by reference; `guards` left out when the render environment holds them (`familyGuards`). */
  readonly families?: { readonly guards?: FamilyGuards; readonly skip: readonly string[] };
  /** A part required before filing is missing: the copy is a DRAFT. */
  readonly draft?: boolean;
  /** A packet's parts, each rendered as its own document is (the input's own data is the cover's). */
  readonly parts?: readonly { readonly job: JobHeader; readonly input: RenderInput }[];
}

export interface RenderOutput extends Pick<JobResult, 'files' | 'diagnostics' | 'warnings'> {
  /** The withheld values the final scan found in the text (kind and field only: never the value). */
  readonly caught?: readonly Pick<WithheldValue, 'kind' | 'field'>[];
}

/** What the manifest names as withheld from a copy: what the document withheld, and the guards a scan caught. */
export function withheldFields(withheld: readonly WithheldValue[], caught: readonly Pick<WithheldValue, 'kind' | 'field'>[] = []): { kind: WithheldValue['kind']; field: string }[] {
  const key = (w: Pick<WithheldValue, 'kind' | 'field'>) => `${w.kind} ${w.field}`;
  const seen = new Set(caught.map(key));
  const listed = withheld.filter((w) => !w.guard || seen.has(key(w))).map(({ kind, field }) => ({ kind, field }));
  // A foster family guarded by reference is in no list: the scan's catch names it.
  const inList = new Set(withheld.map(key));
  const byReference = new Map(caught.filter((c) => !inList.has(key(c))).map((c) => [key(c), { kind: c.kind, field: c.field }]));
  return [...listed, ...byReference.values()];
}

/** The input with the foster-family guards `guards` holds named by reference (a renderer whose environment holds them takes it). */
export function byReference(input: RenderInput, guards: FamilyGuards): RenderInput {
  const own = input.families?.guards === guards ? { ...input, families: { skip: input.families.skip } } : input;
  return own.parts ? { ...own, parts: own.parts.map((part) => ({ ...part, input: byReference(part.input, guards) })) } : own;
}

/** The foster-family guards a render's input names, looked up in the environment when the input leaves them out. */
function sharedGuardsOf(input: RenderInput, env: RenderEnvironment): SharedGuards | undefined {
  if (!input.families) return undefined;
  const guards = input.families.guards ?? env.familyGuards;
  // Never scan a copy without them: it would print every foster family it names.
  if (!guards) throw new Error('a render names foster-family guards by reference, and its environment holds none');
  return { guards, skip: input.families.skip };
}

export function renderInput({ data }: JobData, job: JobHeader): RenderInput {
  const own = { data: data.data, withheld: data.withheld, ...(data.families ? { families: data.families } : {}), warnings: data.warnings, ...(data.missing?.length ? { draft: true } : {}) };
  if (!data.parts) return own;
  // The packet's warnings are its parts' together, said once: each part's render adds only what its own final scan finds.
  const parts = data.parts.map((part) => ({
    job: { ...job, type: part.type, template: part.template, title: part.title, asOf: part.asOf },
    input: { data: part.data.data, withheld: part.data.withheld, ...(part.data.families ? { families: part.data.families } : {}), warnings: [], ...(part.data.missing?.length ? { draft: true } : {}) },
  }));
  return { ...own, parts };
}

/** The job from its data to bytes; `prepared` is its jobData when the caller already has it. */
export async function runJob(job: Job, env: JobEnvironment, prepared: JobData = jobData(job, env)): Promise<JobResult> {
  const header = jobHeader(job);
  const output = await renderJob(header, renderInput(prepared, header), env);
  return { ...output, job, withheld: prepared.data.withheld, inputs: prepared.inputs };
}

/** The tree every format writes (after the final scan), with the diagnostics and warnings on the way; no tree when the job failed. */
export async function jobTree(job: JobHeader, input: RenderInput, env: RenderEnvironment): Promise<{ tree?: DocumentTree; diagnostics: Diagnostic[]; warnings: string[]; caught?: RenderOutput['caught'] }> {
  const { data, withheld } = input;
  const compiled = await env.template(job.template);
  if (!compiled.template) return { diagnostics: compiled.diagnostics, warnings: [] };
  // Loaded with the first render: a build whose documents are all up to date never loads Markdown or the writers.
  const { buildTree, renderFurniture } = await import('./render-document.js');
  const agency = env.context.agency;
  const furniture = compiled.template.furniture ? renderFurniture(compiled.template.furniture, data) : undefined;
  if (furniture && !furniture.text) return { diagnostics: furniture.diagnostics, warnings: [] };
  const meta = documentMeta(agency, {
    title: job.title,
    subject: furniture?.text?.subject ?? `${job.title} — ${job.subject}`,
    ...(furniture?.text ? { runningHeader: furniture.text.runningHeader } : {}),
    reference: job.subject,
    asOf: job.asOf ?? env.context.asOf,
    keywords: [job.type, job.audience],
    ...(env.draft || input.draft ? { draft: true } : {}),
    ...(job.audience === 'internal' ? { internal: true } : {}),
    ...(job.audience === 'public' ? { public: true } : {}),
  });
  const built = buildTree(compiled.template, { data, meta, letterhead: agencyLetterhead(agency), images: env.images });
  if (!built.tree) return { diagnostics: built.diagnostics, warnings: [] };
  let scanned: ScanResult;
  try {
    scanned = scanWithheld(built.tree, withheld, sharedGuardsOf(input, env));
  } catch (error) {
    if (!(error instanceof UnknownNode)) throw error;
    return { diagnostics: [diagnostic('CP3002', { file: job.template, message: `${error.message}; nothing was written` })], warnings: [] };
  }
  const warnings = [...input.warnings, ...scanned.replacements.flatMap((r) => replacementWarnings(job, r))];
  return { tree: scanned.tree, diagnostics: built.diagnostics, warnings, caught: scanned.found.map(({ kind, field }) => ({ kind, field })) };
}

/** Template → tree → final scan → each format (the environment's unless `formats` says). Files are empty when the job failed. */
export async function renderJob(job: JobHeader, input: RenderInput, env: RenderEnvironment, formats: readonly Format[] = env.formats): Promise<RenderOutput> {
  const made = input.parts ? await packetOf(job, input, input.parts, env) : await jobTree(job, input, env);
  if (!made.tree) return { files: {}, diagnostics: made.diagnostics, warnings: made.warnings };
  const { renderFormat } = await import('./render-document.js');
  const { warnings } = made;
  const files: Partial<Record<Format, Uint8Array>> = {};
  const diagnostics = [...made.diagnostics];
  for (const format of formats) {
    const written = await renderFormat(made.tree, format, { fonts: env.fonts, images: env.images, ...(env.pdfa ? { pdfa: true } : {}), ...(env.referenceDocx ? { referenceDocx: env.referenceDocx } : {}) }, job.template);
    diagnostics.push(...written.diagnostics);
    if (written.bytes) files[format] = written.bytes;
  }
  if (Object.keys(files).length < formats.length) {
    return { files: {}, diagnostics: diagnostics.length ? diagnostics : [diagnostic('CP3002', { file: job.template, message: 'a format was not written' })], warnings };
  }
  return { files, diagnostics, warnings, caught: made.caught ?? [] };
}

/**
 * A packet: each part's tree made as its own document's is (template, final
 * scan against what that part withheld), then the cover's. A part that fails
 * fails the packet.
 */
async function packetOf(job: JobHeader, input: RenderInput, parts: NonNullable<RenderInput['parts']>, env: RenderEnvironment): Promise<{ tree?: Packet; diagnostics: Diagnostic[]; warnings: string[]; caught?: RenderOutput['caught'] }> {
  const trees: DocumentTree[] = [];
  const diagnostics: Diagnostic[] = [];
  const warnings: string[] = [];
  const caught: NonNullable<RenderOutput['caught']>[number][] = [];
  for (const part of parts) {
    const made = await jobTree(part.job, part.input, env);
    diagnostics.push(...made.diagnostics);
    warnings.push(...made.warnings);
    if (!made.tree) return { diagnostics, warnings };
    trees.push(made.tree);
    caught.push(...(made.caught ?? []));
  }
  const cover = await jobTree(job, input, env);
  diagnostics.push(...cover.diagnostics);
  if (!cover.tree) return { diagnostics, warnings: [...cover.warnings, ...warnings] };
  const packet: Packet = { cover: cover.tree, parts: trees };
  const contents = contentsTable(packet);
  if (typeof contents === 'string') return { diagnostics: [...diagnostics, diagnostic('CP3002', { file: job.template, message: `${contents}; nothing was written` })], warnings };
  return { tree: packet, diagnostics, warnings: [...cover.warnings, ...warnings], caught: [...(cover.caught ?? []), ...caught] };
}

/**
 * The final scan's replacements as warnings. The tree no longer knows which
 * data file a text came from (the builders' scrub names it for what it
 * catches); the template and the line of its rendered Markdown locate it.
 */
function replacementWarnings(job: JobHeader, r: Replacement): string[] {
  const at = `${job.template} (${r.where.startsWith('line ') ? `${r.where} of the rendered Markdown` : r.where})`;
  return [
    ...r.values.map((w) => `${at}: a value withheld from the ${job.audience} copy (${w.kind.replace(/_/g, ' ')}: ${w.field}) appeared in the text; it was replaced by the marker`),
    ...(r.identifiers > 0 ? [`${at}: a full identifier (an SSN, Medicaid or other id number) appeared in the text; it was replaced by the marker`] : []),
  ];
}
