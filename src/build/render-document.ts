/**
 * One document from template to bytes: template → Markdown → document tree →
 * PDF and DOCX. Pure apart from the clock-free writers; the caller reads the
 * template, data, images and fonts and writes the files.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { DocumentMeta, DocumentTree, ImageSet, Inline, Letterhead } from '../document/ast.js';
import { checkTemplateMarkdown, markdownToTree } from '../document/from-markdown.js';
import type { Packet } from '../document/packet.js';
import type { FontSet } from '../render/pdf/index.js';
import { factsOfTemplate } from '../compute/documents/facts/index.js';
import { parseLabels } from '../load/labels.js';
import type { LabelsFile } from '../model/labels.js';
import { nameOf, preparedKey, sortedPartials } from './prepared-store.js';
import { compileTemplate, labelsOf, loadTemplate, renderTemplate, type CompiledTemplate, type TemplateCode } from '../templates/index.js';

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];

export interface TemplateFiles {
  /** The template's path as shown in diagnostics, e.g. templates/sample.md.hbs. */
  readonly file: string;
  readonly source: string;
  /** Partials by name (templates/partials/<name>.md.hbs), with their sources. */
  readonly partials: Readonly<Record<string, string>>;
  /** labels.yaml beside the template, when there is one. */
  readonly labels?: { readonly file: string; readonly text: string };
}

/**
 * A document's template, with the partial that words its page furniture when
 * there is one (`partials/<type>-furniture.md.hbs`): `partials` then names the
 * partials of both, so a change to either rebuilds the document.
 */
export interface PreparedTemplate extends CompiledTemplate {
  readonly furniture?: CompiledTemplate;
}

/**
 * What preparing a template leaves when it found nothing to say, as plain
 * values: its code and its furniture's, and the labels it prints. Every file
 * in it is relative to the template's folder (where casepress runs from
 * changes how a file is shown). Kept between runs by the hash of the sources
 * (PreparedStore), it makes the same template without checking or compiling.
 */
export interface PreparedCode {
  readonly template: TemplateCode;
  readonly furniture?: TemplateCode;
  readonly labels?: LabelsFile;
}

/** Prepared code kept between runs (prepared-store.ts): by the template's file name and the hash of everything it is made from. */
export interface PreparedStore {
  get(name: string, key: string): PreparedCode | undefined;
  set(name: string, key: string, code: PreparedCode): void;
}

/**
 * Prepared templates by their sources, with the code to keep (when it may be
 * kept): watch rebuilds, and each worker, would otherwise check and compile
 * every template again.
 */
const prepared = new Map<string, { made: { template?: PreparedTemplate; diagnostics: Diagnostic[] }; code?: PreparedCode }>();
const PREPARED_KEPT = 32;

/**
 * Checks and compiles a template once; it then renders any number of
 * documents. With a store, a template prepared by an earlier run is made from
 * its code instead, and one compiled now is kept there.
 */
export function prepareTemplate(files: TemplateFiles, store?: PreparedStore): { template?: PreparedTemplate; diagnostics: Diagnostic[] } {
  const key = JSON.stringify([files.file, files.source, sortedPartials(files), files.labels ?? null]);
  const name = nameOf(files.file);
  const storeKey = store && preparedKey(files);
  let known = prepared.get(key);
  // Compiled now, or earlier in this process for a store that does not have it: keep it there.
  let keep = Boolean(storeKey && known?.code && !store!.get(name, storeKey));
  if (!known) {
    const folder = files.file.slice(0, files.file.length - name.length);
    const kept = storeKey ? store!.get(name, storeKey) : undefined;
    const fromStore = kept && fromCode(files, kept, folder);
    if (fromStore) {
      known = { made: fromStore, code: kept };
    } else {
      const { code, ...made } = compile(files);
      // A warning's words may name the template's folder: only code that found nothing to say is kept.
      known = code && made.diagnostics.length === 0 ? { made, code: movedCode(code, folder, '') } : { made };
      keep = true;
    }
    if (prepared.size >= PREPARED_KEPT) prepared.delete(prepared.keys().next().value!);
    prepared.set(key, known);
  }
  if (keep && storeKey && known.code) store!.set(name, storeKey, known.code);
  return known.made;
}


/** The code with the files under one folder moved under another ('' for relative to the template's folder). */
function movedCode(code: PreparedCode, from: string, to: string): PreparedCode {
  const move = (path: string) => (path.startsWith(from) ? to + path.slice(from.length) : path);
  const moveTemplate = (t: TemplateCode): TemplateCode => ({
    file: move(t.file),
    partials: t.partials.map(([name, path]) => [name, move(path)] as const),
    specs: t.specs,
    sites: t.sites.map(([path, sites, blockParams]) => [move(path), sites, blockParams] as const),
  });
  return { ...code, template: moveTemplate(code.template), ...(code.furniture ? { furniture: moveTemplate(code.furniture) } : {}) };
}

/** The name of the partial that words a template's page furniture. */
const furnitureOf = (file: string) => `${/([^/\\]+)\.md\.hbs$/.exec(file)?.[1] ?? ''}-furniture`;

function compile(files: TemplateFiles): { template?: PreparedTemplate; code?: PreparedCode; diagnostics: Diagnostic[] } {
  const diagnostics = checkTemplateMarkdown(files.source, files.file);
  const labels = files.labels ? parseLabels(files.labels.file, files.labels.text) : undefined;
  if (labels) diagnostics.push(...labels.diagnostics);
  const facts = factsOfTemplate(files.file);
  const options = {
    ...(labels?.labels && files.labels ? { labels: labelsOf(files.labels.file, labels.labels) } : {}),
    ...(facts ? { facts } : {}),
  };
  const compiled = compileTemplate(files.source, files.file, files.partials, options);
  diagnostics.push(...compiled.diagnostics);
  // The furniture partial reads the document's facts: compiled as if the template called it.
  const furnitureName = furnitureOf(files.file);
  const furniture = files.partials[furnitureName] === undefined ? undefined : compileTemplate(`{{> ${furnitureName}}}`, files.file, files.partials, options);
  if (furniture) diagnostics.push(...furniture.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const code: PreparedCode = {
    template: compiled.code!,
    ...(furniture ? { furniture: furniture.code! } : {}),
    ...(labels?.labels ? { labels: labels.labels } : {}),
  };
  return { template: withFurniture(compiled.template!, furniture?.template), code, diagnostics };
}

/** The template an earlier run prepared from these same sources; undefined when its code does not load (it is compiled again). */
function fromCode(files: TemplateFiles, kept: PreparedCode, folder: string): { template: PreparedTemplate; diagnostics: Diagnostic[] } | undefined {
  const code = movedCode(kept, '', folder);
  const labels = code.labels && files.labels ? labelsOf(files.labels.file, code.labels) : undefined;
  try {
    const template = loadTemplate(code.template, files.source, files.partials, labels);
    const furniture = code.furniture && loadTemplate(code.furniture, `{{> ${furnitureOf(files.file)}}}`, files.partials, labels);
    return { template: withFurniture(template, furniture), diagnostics: [] };
  } catch {
    return undefined;
  }
}

function withFurniture(template: CompiledTemplate, furniture: CompiledTemplate | undefined): PreparedTemplate {
  if (!furniture) return template;
  return { ...template, partials: [...new Set([...template.partials, ...furniture.partials])], furniture };
}

/** What the furniture partial words: the running header, then the document's name as a file. */
export interface FurnitureText {
  readonly runningHeader: string;
  readonly subject: string;
}

/** Renders the furniture partial with the document's data: its two paragraphs as plain text. */
export function renderFurniture(template: CompiledTemplate, data: unknown): { text?: FurnitureText; diagnostics: Diagnostic[] } {
  const rendered = renderTemplate(template, data);
  if (rendered.markdown === undefined || hasErrors(rendered.diagnostics)) return { diagnostics: rendered.diagnostics };
  const { blocks, diagnostics } = markdownToTree(rendered.markdown, template.file);
  const lines = blocks.map((block) => (block.type === 'paragraph' ? plainText(block.children).replace(/\s+/g, ' ').trim() : ''));
  if (hasErrors(diagnostics) || lines.length !== 2 || lines.some((line) => line === '')) {
    const message = `its furniture partial (${template.partials[0]}) must print two paragraphs of text: the running header, then the document's name as a file`;
    return { diagnostics: [...diagnostics, diagnostic('CP3002', { file: template.file, message })] };
  }
  return { text: { runningHeader: lines[0]!, subject: lines[1]! }, diagnostics };
}

function plainText(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'break' ? ' ' : plainText(node.children))).join('');
}

export interface TreeInput {
  readonly data: unknown;
  readonly meta: DocumentMeta;
  readonly letterhead?: Letterhead;
  readonly images: ImageSet;
}

/** Renders the template with the data and parses the Markdown into the document tree. */
export function buildTree(template: CompiledTemplate, input: TreeInput): { tree?: DocumentTree; diagnostics: Diagnostic[] } {
  const rendered = renderTemplate(template, input.data);
  if (rendered.markdown === undefined || hasErrors(rendered.diagnostics)) return { diagnostics: rendered.diagnostics };
  const { blocks, diagnostics } = markdownToTree(rendered.markdown, template.file, { images: Object.keys(input.images) });
  const all = [...rendered.diagnostics, ...diagnostics];
  if (hasErrors(all)) return { diagnostics: all };
  return { tree: { meta: input.meta, ...(input.letterhead ? { letterhead: input.letterhead } : {}), blocks }, diagnostics: all };
}

export interface WriteOptions {
  readonly fonts: FontSet;
  readonly images: ImageSet;
  readonly pdfa?: boolean;
  /** The reference .docx's bytes (`--reference-docx`); the house reference when not given. */
  readonly referenceDocx?: Uint8Array;
}

/** The tree (or packet) written in one format; a writer's failure (a corrupt image) becomes a diagnostic. */
export async function renderFormat(tree: DocumentTree | Packet, format: Format, options: WriteOptions, file: string): Promise<{ bytes?: Uint8Array; diagnostics: Diagnostic[] }> {
  // Each writer is loaded when first used: a PDF-only run never loads the DOCX writer, a DOCX-only run never loads pdfkit.
  const packet = 'cover' in tree ? tree : undefined;
  const pdf = format === 'pdf' ? await import('../render/pdf/index.js') : undefined;
  const pdfPacket = format === 'pdf' && packet ? await import('../render/pdf/packet.js') : undefined;
  const docx = format === 'docx' ? await import('../render/docx/index.js') : undefined;
  try {
    const pdfOptions = { fonts: options.fonts, images: options.images, ...(options.pdfa ? { pdfa: true } : {}) };
    const docxOptions = { images: options.images, fonts: options.fonts, ...(options.referenceDocx ? { reference: options.referenceDocx } : {}) };
    const bytes = pdf
      ? await (packet ? pdfPacket!.packetToPdf(packet, pdfOptions) : pdf.toPdf(tree as DocumentTree, pdfOptions))
      : await (packet ? docx!.packetToDocx(packet, docxOptions) : docx!.toDocx(tree as DocumentTree, docxOptions));
    return { bytes, diagnostics: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [diagnostic('CP3002', { file, message: `the ${format.toUpperCase()} could not be written: ${message}` })] };
  }
}
