/**
 * What a document builder gets in a test: the example agency's case root
 * (cases/) and a DocumentContext over a loaded root, for an audience and an
 * as-of date.
 */
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { redactor, type Audience } from '../../src/compute/audience.js';
import type { DocumentContext, DocumentData, Sourced } from '../../src/compute/documents/context.js';
import { indexRoot, viewRoot } from '../../src/compute/documents/root-view.js';
import { ruleSetFor } from '../../src/compute/rule-sets.js';
import type { CaseRoot, ChildFolder } from '../../src/model/case-root.js';
import type { LoadResult } from '../../src/load/load-root.js';
import type { Agency } from '../../src/model/agency.js';
import type { Home } from '../../src/model/home.js';
import { loadRoot, REPO } from './fixture-root.js';
import { renderBuilt, type Rendered } from './render-document.js';

/** The as-of date the example agency's documents are tested on. */
export const AS_OF = '2026-11-23';
export const EXAMPLE_ROOT = join(REPO, 'cases');

export function loadExample(): Promise<LoadResult> {
  return loadRoot(EXAMPLE_ROOT);
}

/** Every home of the root with its home.yaml, by id. */
export function homesOf(root: CaseRoot): Map<string, Sourced<Home>> {
  return new Map(root.homes.flatMap((h) => (h.home ? [[h.id, { file: h.home.file, data: h.home.data, body: h.home.body }] as const] : [])));
}

/** The context of one copy: the root's agency (or `agency`), its rule set, a fresh view of the root (recording what is read) and a fresh redactor. */
export function documentContext(root: CaseRoot, audience: Audience = 'internal', { asOf = AS_OF, agency = root.agency!.data }: { asOf?: string; agency?: Agency } = {}): DocumentContext {
  return { agency, asOf, rules: ruleSetFor(agency), redact: redactor(audience), view: viewRoot(indexRoot(root)) };
}

export function childFolder(root: CaseRoot, id: string): ChildFolder {
  const found = root.children.find((c) => c.id === id);
  if (!found) throw new Error(`no child ${id}`);
  return found;
}

/**
 * The example agency for a test file of one of the child's plans (`template`),
 * loaded before its tests, checking it loads without errors: a context for an
 * audience, a child's folder, and a renderer of the builder's data (with
 * CASEPRESS_DUMP=<dir> the PDF, DOCX and text are kept there to look at).
 */
export function examplePlans(template: string) {
  const example: { root?: CaseRoot } = {};
  const root = () => example.root ?? expect.unreachable('the example agency loads before the tests');
  beforeAll(async () => {
    const loaded = await loadExample();
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    example.root = loaded.root;
  });
  return {
    context: (audience: Audience, asOf = AS_OF) => documentContext(root(), audience, { asOf }),
    folder: (id: string) => childFolder(root(), id),
    render: (built: DocumentData, name: string): Promise<Rendered> => renderBuilt(template, built, root().agency!.data, AS_OF, name),
  };
}
