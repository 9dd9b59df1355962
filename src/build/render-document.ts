/**
 * One document from template to bytes: template → Markdown → document tree →
 * PDF and DOCX. Pure apart from the clock-free writers; the caller reads the
 * template, data, images and fonts and writes the files.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { DocumentMeta, DocumentTree, ImageSet, Letterhead } from '../document/ast.js';
import { checkTemplateMarkdown, markdownToTree } from '../document/from-markdown.js';
import { toDocx } from '../render/docx/index.js';
import { toPdf, type FontSet } from '../render/pdf/index.js';
import { factsOfTemplate } from '../compute/documents/facts/index.js';
import { parseLabels } from '../load/labels.js';
import { compileTemplate, labelsOf, renderTemplate, type CompiledTemplate } from '../templates/index.js';

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

/** Prepared templates by their sources: watch rebuilds, and each worker, would otherwise check and compile every template again. */
const prepared = new Map<string, { template?: CompiledTemplate; diagnostics: Diagnostic[] }>();
const PREPARED_KEPT = 32;

/** Checks and compiles a template once; it then renders any number of documents. */
export function prepareTemplate(files: TemplateFiles): { template?: CompiledTemplate; diagnostics: Diagnostic[] } {
  const key = JSON.stringify([files.file, files.source, Object.entries(files.partials).sort(([a], [b]) => (a < b ? -1 : 1)), files.labels ?? null]);
  const known = prepared.get(key);
  if (known) return known;
  const diagnostics = checkTemplateMarkdown(files.source, files.file);
  const labels = files.labels ? parseLabels(files.labels.file, files.labels.text) : undefined;
  if (labels) diagnostics.push(...labels.diagnostics);
  const facts = factsOfTemplate(files.file);
  const compiled = compileTemplate(files.source, files.file, files.partials, {
    ...(labels?.labels && files.labels ? { labels: labelsOf(files.labels.file, labels.labels) } : {}),
    ...(facts ? { facts } : {}),
  });
  diagnostics.push(...compiled.diagnostics);
  const result = hasErrors(diagnostics) ? { diagnostics } : { template: compiled.template!, diagnostics };
  if (prepared.size >= PREPARED_KEPT) prepared.delete(prepared.keys().next().value!);
  prepared.set(key, result);
  return result;
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

/** The tree written in one format; a writer's failure (a corrupt image) becomes a diagnostic. */
export async function renderFormat(tree: DocumentTree, format: Format, options: WriteOptions, file: string): Promise<{ bytes?: Uint8Array; diagnostics: Diagnostic[] }> {
  try {
    const bytes =
      format === 'pdf'
        ? await toPdf(tree, { fonts: options.fonts, images: options.images, ...(options.pdfa ? { pdfa: true } : {}) })
        : await toDocx(tree, { images: options.images, fonts: options.fonts, ...(options.referenceDocx ? { reference: options.referenceDocx } : {}) });
    return { bytes, diagnostics: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [diagnostic('CP3002', { file, message: `the ${format.toUpperCase()} could not be written: ${message}` })] };
  }
}
