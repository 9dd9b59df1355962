import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTemplate } from '../io/package-files.js';
import { renderTemplate } from '../templates/index.js';
import { exampleEnvironment } from '../../test/helpers/example-environment.js';
import { REPO } from '../../test/helpers/fixture-root.js';
import { planJobs } from './jobs.js';
import { renderPool } from './pool.js';
import { preparedKey, preparedStore } from './prepared-store.js';
import { prepareTemplate, type PreparedCode, type PreparedStore, type TemplateFiles } from './render-document.js';
import type { RenderedJob, Renderer, RendererSetup, RenderTask } from './renderer.js';
import { jobData } from './run-job.js';

const AS_OF = '2026-12-01';
const FILE = 'court-report.md.hbs';

let files: TemplateFiles;
let data: unknown;

/**
 * The sources with one more partial that nothing includes: what renders is the
 * same, but the key is not, so each test prepares it anew rather than finding
 * it in this process's memory.
 */
const withUnused = (name: string, from = files): TemplateFiles => ({ ...from, partials: { ...from.partials, [name]: 'unused' } });
const markdownOf = (prepared: ReturnType<typeof prepareTemplate>) => renderTemplate(prepared.template!, data).markdown;
const furnitureOf = (prepared: ReturnType<typeof prepareTemplate>) => renderTemplate(prepared.template!.furniture!, data).markdown;

beforeAll(async () => {
  files = await readTemplate(join(REPO, 'templates', FILE));
  const { root, env } = await exampleEnvironment(AS_OF, ['docx'], [FILE]);
  const job = planJobs(root, AS_OF, { cases: ['C-2025-0142'], docs: ['court-report'] })[0]!;
  data = jobData(job, env).data.data;
});

describe('prepared templates kept between runs', () => {
  it('render what the template compiled afresh renders, after a trip through JSON, without compiling it', () => {
    const first = preparedStore(() => undefined);
    const compiled = prepareTemplate(withUnused('kept-a'), first);
    expect(first.changed()).toBe(true);
    const stored = JSON.parse(JSON.stringify(first.stored())) as Record<string, { key: string; code: PreparedCode }>;
    expect(Object.keys(stored)).toEqual([FILE]);

    // A store that hands back that code whatever the key, and must not be given another.
    const handed: PreparedStore = {
      get: () => stored[FILE]!.code,
      set: () => expect.unreachable('the kept code was compiled again'),
    };
    const kept = prepareTemplate(withUnused('kept-b'), handed);
    expect(compiled.diagnostics).toEqual([]);
    expect(kept.diagnostics).toEqual([]);
    expect(kept.template!.partials).toEqual(compiled.template!.partials);
    expect(markdownOf(kept)).toBe(markdownOf(compiled));
    expect(markdownOf(kept)).toContain('C-2025-0142');
    expect(furnitureOf(kept)).toBe(furnitureOf(compiled));

    // Shown from another folder (casepress run from elsewhere), its problems name the files there.
    const elsewhere = (name: string) => ({ ...withUnused(name), file: `/elsewhere/${files.file}` });
    const moved = prepareTemplate(elsewhere('kept-e'), handed);
    expect(markdownOf(moved)).toBe(markdownOf(prepareTemplate(elsewhere('kept-f'))));
    expect(markdownOf(moved)).toContain('file="&#47;elsewhere&#47;templates&#47;partials&#47;');
    const problems = renderTemplate(moved.template!, { child: {} }).diagnostics;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.file).toMatch(/^\/elsewhere\/templates\//);

    // Damaged code is compiled again.
    const damaged = { ...stored[FILE]!.code, template: { ...stored[FILE]!.code.template, specs: ['{ nonsense', ...stored[FILE]!.code.template.specs.slice(1)] } };
    let set = 0;
    const again = prepareTemplate(withUnused('kept-c'), { get: () => damaged, set: () => void set++ });
    expect(set).toBe(1);
    expect(markdownOf(again)).toBe(markdownOf(compiled));
  });

  it('is found by the key of every source it was made from: an edited partial, template or labels.yaml is compiled again', () => {
    const sources = withUnused('kept-d');
    const first = preparedStore(() => undefined);
    prepareTemplate(sources, first);
    const stored = JSON.parse(JSON.stringify(first.stored())) as unknown;
    const reread = () => preparedStore(() => stored);
    expect(reread().get(FILE, preparedKey(sources))).toBeDefined();
    // Prepared already in this process: a store without it is given it all the same.
    const later = preparedStore(() => undefined);
    prepareTemplate(sources, later);
    expect(later.stored()).toEqual(first.stored());

    const caption = sources.partials['court-caption']!;
    expect(caption).toBeDefined();
    const edited = { ...sources, partials: { ...sources.partials, 'court-caption': caption.replace('{{', 'EDITED CAPTION {{') } };
    const labels = { ...sources, labels: { ...sources.labels!, text: `${sources.labels!.text}\n# edited\n` } };
    const main = { ...sources, source: `${sources.source}\nEDITED TEMPLATE\n` };
    for (const changed of [edited, labels, main]) expect(reread().get(FILE, preparedKey(changed))).toBeUndefined();

    const store = reread();
    const rendered = prepareTemplate(edited, store);
    expect(markdownOf(rendered)).toContain('EDITED CAPTION');
    expect(store.changed()).toBe(true);
    // The template's older entry is replaced, not kept beside it.
    const now = store.stored();
    expect(Object.keys(now)).toEqual([FILE]);
    expect(now[FILE]!.key).toBe(preparedKey(edited));
  });

  it('finds what casepress was built with when the output folder has nothing for the key', () => {
    const first = preparedStore(() => undefined);
    prepareTemplate(withUnused('kept-g'), first);
    const code = first.stored()[FILE]!;
    let bundledReads = 0;
    const bundled = (name: string) => (bundledReads++, name === FILE ? code : undefined);
    const fromBundle = preparedStore(() => undefined, bundled);
    expect(fromBundle.get(FILE, code.key)).toEqual(code.code);
    expect(fromBundle.get(FILE, 'another key')).toBeUndefined();
    // Each template's code is read once, and only its own.
    expect(fromBundle.get('other.md.hbs', code.key)).toBeUndefined();
    expect(bundledReads).toBe(2);
    // The output folder's own entry comes first; the bundled one is not even read.
    bundledReads = 0;
    const own = preparedStore(() => ({ [FILE]: code }), bundled);
    expect(own.get(FILE, code.key)).toEqual(code.code);
    expect(bundledReads).toBe(0);
    expect(own.changed()).toBe(false);
  });

  it('go to the renderers with the first document, and a build that renders none never looks them up', async () => {
    const code = { [FILE]: { key: 'k', code: {} as PreparedCode } };
    let asked = 0;
    const setups: RendererSetup[] = [];
    const stand = (setup: RendererSetup): Renderer => {
      setups.push(setup);
      return { render: async () => ({ files: {}, diagnostics: [], warnings: [], heapBytes: 0, thread: 0 }) as RenderedJob, capacity: 1, close: async () => {} };
    };
    await renderPool({} as RendererSetup, { renderer: stand }, undefined, () => (asked++, code)).close();
    expect(asked).toBe(0);
    const pool = renderPool({} as RendererSetup, { renderer: stand }, undefined, () => (asked++, code));
    await pool.submit({} as RenderTask, async () => {}, () => {});
    await pool.close();
    expect(asked).toBe(1);
    expect(setups[0]!.preparedCode).toBe(code);
  });

  it('reads what is stored only when a template is first prepared, and leaves out entries not shaped as written', () => {
    let reads = 0;
    const store = preparedStore(() => {
      reads++;
      return { [FILE]: { key: 'k', code: { template: { file: FILE, partials: [], specs: [] } } }, other: 'nonsense' };
    });
    expect(reads).toBe(0);
    expect(store.get(FILE, 'k')).toBeUndefined();
    expect(reads).toBe(1);
    expect(store.stored()).toEqual({});
    expect(store.changed()).toBe(false);
  });
});
