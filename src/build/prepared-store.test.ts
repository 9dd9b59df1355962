import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTemplate } from '../io/package-files.js';
import { renderTemplate } from '../templates/index.js';
import { exampleEnvironment } from '../../test/helpers/example-environment.js';
import { REPO } from '../../test/helpers/fixture-root.js';
import { planJobs } from './jobs.js';
import { preparedStore } from './prepared-store.js';
import { preparedKey, prepareTemplate, type PreparedCode, type PreparedStore, type TemplateFiles } from './render-document.js';
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
    expect(Object.keys(stored)).toEqual([files.file]);

    // A store that hands back that code whatever the key, and must not be given another.
    const handed: PreparedStore = {
      get: () => stored[files.file]!.code,
      set: () => expect.unreachable('the kept code was compiled again'),
    };
    const kept = prepareTemplate(withUnused('kept-b'), handed);
    expect(kept.diagnostics).toEqual(compiled.diagnostics);
    expect(kept.template!.partials).toEqual(compiled.template!.partials);
    expect(markdownOf(kept)).toBe(markdownOf(compiled));
    expect(markdownOf(kept)).toContain('C-2025-0142');
    expect(furnitureOf(kept)).toBe(furnitureOf(compiled));

    // Damaged code is compiled again.
    const damaged = { ...stored[files.file]!.code, template: { ...stored[files.file]!.code.template, specs: ['{ nonsense', ...stored[files.file]!.code.template.specs.slice(1)] } };
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
    expect(reread().get(files.file, preparedKey(sources))).toBeDefined();

    const caption = sources.partials['court-caption']!;
    expect(caption).toBeDefined();
    const edited = { ...sources, partials: { ...sources.partials, 'court-caption': caption.replace('{{', 'EDITED CAPTION {{') } };
    const labels = { ...sources, labels: { ...sources.labels!, text: `${sources.labels!.text}\n# edited\n` } };
    const main = { ...sources, source: `${sources.source}\nEDITED TEMPLATE\n` };
    for (const changed of [edited, labels, main]) expect(reread().get(files.file, preparedKey(changed))).toBeUndefined();

    const store = reread();
    const rendered = prepareTemplate(edited, store);
    expect(markdownOf(rendered)).toContain('EDITED CAPTION');
    expect(store.changed()).toBe(true);
    // The template's older entry is replaced, not kept beside it.
    const now = store.stored();
    expect(Object.keys(now)).toEqual([files.file]);
    expect(now[files.file]!.key).toBe(preparedKey(edited));
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
