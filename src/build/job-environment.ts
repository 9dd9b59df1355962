/**
 * What every job of one build shares (run-job.ts's JobEnvironment): the
 * agency's context, the compiled templates, the fonts, the images. One place
 * for `build` and the bench to set it up, so both render the same way.
 */
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { indexRoot, type FosterFamilies } from '../compute/documents/root-view.js';
import { ruleSetFor } from '../compute/rule-sets.js';
import type { ImageSet } from '../document/ast.js';
import type { CaseRoot } from '../model/case-root.js';
import type { Agency } from '../model/agency.js';
import type { FontSet } from '../render/pdf/index.js';
import { canonicalJson, sha256 } from './fingerprint.js';
import { inputHashes } from './inputs.js';
import { TEMPLATE_FILES } from './jobs.js';
import type { Format, PreparedStore, PreparedTemplate, TemplateFiles } from './render-document.js';
import type { JobEnvironment } from './run-job.js';
import { templateKey, type TemplateUses } from './template-uses.js';

export interface JobEnvironmentInput {
  readonly root: CaseRoot;
  readonly agency: Agency;
  readonly asOf: string;
  /** The folder of <type>.md.hbs and partials/. */
  readonly templatesDir: string;
  /**
   * Reads a template and its partials (io/package-files.ts readTemplate; build
   * is pure, so the reading comes in). Its error for an unreadable template is
   * what the caller sees, e.g. a UsageError.
   */
  readonly readTemplate: (path: string) => Promise<TemplateFiles>;
  readonly formats: readonly Format[];
  /** Needed when the formats include PDF; embedded in the DOCX. */
  readonly fonts?: FontSet;
  /** The reference .docx's bytes (`--reference-docx`); the house reference when not given. */
  readonly referenceDocx?: Uint8Array;
  readonly images: ImageSet;
  /** Case-root-relative path → the bytes as read (ReadRoot.bytesOf). */
  readonly bytesOf: (path: string) => Uint8Array | undefined;
  /** Case-root-relative path → the sha256 of its bytes, when the reader hashed them already (ReadRoot.hashOf). */
  readonly hashOf?: (path: string) => string | undefined;
  /** The template files to prepare (e.g. the jobs' `template`s and a packet's part templates); every bundled one (TEMPLATE_FILES) when not given. */
  readonly templates?: Iterable<string>;
  readonly draft?: boolean;
  readonly pdfa?: boolean;
  /** The partials each template uses, kept between runs (template-uses.ts): a template is then compiled only when a job renders. */
  readonly templateUses?: TemplateUses;
  /** Templates prepared by earlier runs (prepared-store.ts): one found there is not checked or compiled again. */
  readonly preparedStore?: PreparedStore;
}

const hashBytes = (bytes: Uint8Array | undefined) => bytes && sha256(bytes);

export interface PreparedJobEnvironment extends JobEnvironment {
  /** Template file (as jobs name it) → its sources as read, for renderers elsewhere (worker threads). */
  readonly templateFiles: Readonly<Record<string, TemplateFiles>>;
  /** Template file → its source as read, for code frames. */
  readonly templateSources: ReadonlyMap<string, string>;
  /** Template file → hash of its source and the partials it uses, for fingerprints. */
  readonly templateHashes: ReadonlyMap<string, string>;
}

/**
 * Reads each template and returns the environment jobs run in; a template is
 * checked and compiled once, when a job first needs it (or now, to learn which
 * partials it uses, when `templateUses` does not know). A template that cannot
 * be read fails the whole call (with readTemplate's error); one that does not
 * compile fails its jobs (its diagnostics are what `template(file)` returns).
 */
export async function createJobEnvironment(input: JobEnvironmentInput): Promise<PreparedJobEnvironment> {
  const { root, bytesOf, hashOf, ...shared } = input;
  return withRoot(await sharedEnvironment(shared), root, hashOf ?? ((path) => hashBytes(bytesOf(path))));
}

/** What every job of a build shares, whichever part of the root it is in (parts.ts). */
export type SharedEnvironment = Omit<PreparedJobEnvironment, 'index' | 'inputHash'>;

/**
 * What every part of a root shares. (Made apart from the root's index: a
 * closure kept here would otherwise keep a part's root as long as the build runs.)
 */
export async function sharedEnvironment(input: Omit<JobEnvironmentInput, 'root' | 'bytesOf' | 'hashOf'>): Promise<SharedEnvironment> {
  const { preparedStore } = input;
  const compiled = new Map<string, Promise<{ template?: PreparedTemplate; diagnostics: Diagnostic[] }>>();
  const templateFiles: Record<string, TemplateFiles> = {};
  const templateSources = new Map<string, string>();
  const templateHashes = new Map<string, string>();
  const prepare = (file: string) => {
    let prepared = compiled.get(file);
    // The template engine is loaded with the first template compiled: an up-to-date build compiles none.
    if (!prepared) compiled.set(file, (prepared = import('./render-document.js').then(({ prepareTemplate }) => prepareTemplate(templateFiles[file]!, preparedStore))));
    return prepared;
  };
  for (const file of new Set(input.templates ?? TEMPLATE_FILES)) {
    const path = join(input.templatesDir, file);
    const sources = await input.readTemplate(path);
    templateFiles[file] = sources;
    templateSources.set(sources.file, sources.source);
    const key = templateKey(sources);
    let used = input.templateUses?.get(key);
    if (!used) {
      // A template that does not compile fails its jobs anyway; hash every partial it could use.
      used = (await prepare(file)).template?.partials ?? Object.keys(sources.partials);
      input.templateUses?.set(key, used);
    }
    templateHashes.set(file, sha256(canonicalJson({ source: sources.source, labels: sources.labels?.text ?? null, partials: Object.fromEntries(used.map((name) => [name, sources.partials[name] ?? null])) })));
  }
  if (input.formats.includes('pdf') && !input.fonts) throw new Error('the PDF format needs the fonts (loadFonts)');
  return {
    context: { agency: input.agency, asOf: input.asOf, rules: ruleSetFor(input.agency) },
    template: async (file) => (templateFiles[file] ? prepare(file) : { diagnostics: [diagnostic('CP3002', { file, message: 'the template was not prepared for this build' })] }),
    images: input.images,
    fonts: input.fonts ?? (undefined as never),
    formats: input.formats,
    ...(input.draft ? { draft: true } : {}),
    ...(input.pdfa ? { pdfa: true } : {}),
    ...(input.referenceDocx ? { referenceDocx: input.referenceDocx } : {}),
    templateFiles,
    templateSources,
    templateHashes,
  };
}

/**
 * The environment of one part of a root (the whole root is one part): what
 * every part shares, and the part's own index and input hashes. `families`:
 * the homes' families as the first part found them (every part holds every
 * home, and the guards made of them are the rendering threads' already).
 */
export function withRoot(shared: SharedEnvironment, root: CaseRoot, hashOf: (path: string) => string | undefined, families?: FosterFamilies): PreparedJobEnvironment {
  const index = indexRoot(root, families);
  return { ...shared, index, inputHash: inputHashes(index, hashOf) };
}
