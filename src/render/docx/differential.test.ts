/**
 * The string writer (xml.ts) against the docx package (legacy.ts): for every
 * document the example agency's case root has as of 2026-11-23 (built as
 * `build` builds them), the sample tree, and trees of hostile values, both
 * writers' packages have the same files in the same order, the same bytes for
 * the images, and XML parts that are the same element trees: the same
 * elements in the same order, the same attributes and the same text.
 * Canonicalization ignores only the order of attributes and the difference
 * between `<a/>` and `<a></a>`. Beyond that, the sample, the hostile trees
 * and the agency's documents are held to byte-identical parts, and the sample
 * to a byte-identical .docx: should a docx release change its bytes but not
 * its elements, those assertions are the ones to relax.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyLetterhead, documentMeta } from '../../build/furniture.js';
import { createJobEnvironment } from '../../build/job-environment.js';
import { planJobs } from '../../build/jobs.js';
import { jobData } from '../../build/run-job.js';
import { scanWithheld } from '../../build/scan-withheld.js';
import { readRoot } from '../../cli/read-root.js';
import { hasErrors } from '../../core/diagnostic.js';
import type { Block, DocumentTree, ImageSet, Inline } from '../../document/ast.js';
import { markdownToTree } from '../../document/from-markdown.js';
import { PACKAGE_ROOT, readAssets, readTemplate } from '../../io/package-files.js';
import { renderTemplate } from '../../templates/index.js';
import { LONG_NAMES, SAMPLE_IMAGES, SAMPLE_TREE } from '../../../test/helpers/sample-tree.js';
import { toDocx } from './index.js';
import { legacyPackageFiles, toDocxLegacy } from './legacy.js';
import type { PackageFiles } from './package.js';
import { packageFiles } from './xml.js';
import { STYLE } from '../style/style.js';

// ---- canonical XML ---------------------------------------------------------

interface Element {
  readonly name: string;
  readonly attributes: readonly [string, string][];
  readonly children: readonly (Element | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? whole),
  );

/** A strict little parser for what docx writes: a declaration, elements, attributes, text (no comments, CDATA or DTDs). */
export function parseXml(xml: string): Element {
  let at = 0;
  const declaration = /^<\?xml[^?]*\?>/.exec(xml);
  if (declaration) at = declaration[0].length;
  const stack: { name: string; attributes: [string, string][]; children: (Element | string)[] }[] = [{ name: '#root', attributes: [], children: [] }];
  while (at < xml.length) {
    if (xml[at] === '<') {
      if (xml.startsWith('<![CDATA[', at) || xml.startsWith('<!--', at) || xml.startsWith('<?', at) || xml.startsWith('<!', at)) throw new Error(`unexpected markup at ${at}`);
      if (xml[at + 1] === '/') {
        const end = xml.indexOf('>', at);
        const name = xml.slice(at + 2, end).trim();
        const open = stack.pop()!;
        if (open.name !== name) throw new Error(`</${name}> closes <${open.name}> at ${at}`);
        stack[stack.length - 1]!.children.push(open);
        at = end + 1;
        continue;
      }
      const tag = /^<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(at, at + 100_000));
      if (!tag) throw new Error(`bad tag at ${at}: ${xml.slice(at, at + 80)}`);
      const attributes: [string, string][] = [...tag[2]!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1]!, decode(m[2] ?? m[3]!)]);
      const names = attributes.map(([n]) => n);
      if (new Set(names).size !== names.length) throw new Error(`repeated attribute in <${tag[1]}>`);
      attributes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const element = { name: tag[1]!, attributes, children: [] as (Element | string)[] };
      if (tag[3] === '/') stack[stack.length - 1]!.children.push(element);
      else stack.push(element);
      at += tag[0].length;
    } else {
      const end = xml.indexOf('<', at);
      const text = xml.slice(at, end < 0 ? xml.length : end);
      if (/[<>]/.test(text)) throw new Error(`unescaped text at ${at}`);
      stack[stack.length - 1]!.children.push(decode(text));
      at = end < 0 ? xml.length : end;
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  const root = stack[0]!.children.filter((c): c is Element => typeof c !== 'string');
  if (root.length !== 1 || stack[0]!.children.length !== 1) throw new Error('not one root element');
  return root[0]!;
}

/** Where two element trees first differ, as a path and the two sides; undefined when they are the same. */
export function firstDifference(a: Element | string, b: Element | string, path = ''): string | undefined {
  if (typeof a === 'string' || typeof b === 'string') return a === b ? undefined : `${path}: text ${JSON.stringify(a).slice(0, 200)} ≠ ${JSON.stringify(b).slice(0, 200)}`;
  const here = `${path}/${a.name}`;
  if (a.name !== b.name) return `${path}: <${a.name}> ≠ <${b.name}>`;
  if (JSON.stringify(a.attributes) !== JSON.stringify(b.attributes)) return `${here}: attributes ${JSON.stringify(a.attributes)} ≠ ${JSON.stringify(b.attributes)}`;
  for (let i = 0; i < Math.max(a.children.length, b.children.length); i += 1) {
    const x = a.children[i];
    const y = b.children[i];
    if (x === undefined || y === undefined) {
      const show = (c: Element | string | undefined) => (c === undefined ? 'nothing' : typeof c === 'string' ? JSON.stringify(c) : `<${c.name}>`);
      return `${here}[${i}]: ${show(x)} ≠ ${show(y)}`;
    }
    const d = firstDifference(x, y, `${here}[${i}]`);
    if (d) return d;
  }
  return undefined;
}

/** Every difference between two packages: file lists, image bytes, XML parts. Also counts byte-identical parts. */
function comparePackages(mine: PackageFiles, theirs: PackageFiles): { differences: string[]; identical: number; total: number } {
  const differences: string[] = [];
  let identical = 0;
  const a = [...mine.keys()];
  const b = [...theirs.keys()];
  if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`files: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  for (const [path, data] of theirs) {
    const ours = mine.get(path);
    if (ours === undefined) continue;
    if (typeof data !== 'string' || typeof ours !== 'string') {
      if (typeof data === 'string' || typeof ours === 'string' || !Buffer.from(data).equals(Buffer.from(ours))) differences.push(`${path}: bytes differ`);
      else identical += 1;
      continue;
    }
    if (ours === data) {
      identical += 1;
      continue;
    }
    const declaration = (x: string) => /^<\?xml[^?]*\?>/.exec(x)?.[0];
    if (declaration(ours) !== declaration(data)) differences.push(`${path}: declaration ${declaration(ours)} ≠ ${declaration(data)}`);
    const d = firstDifference(parseXml(ours), parseXml(data));
    if (d) differences.push(`${path}: ${d}`);
  }
  return { differences, identical, total: theirs.size };
}

function expectSame(tree: DocumentTree, images: ImageSet): { identical: number; total: number } {
  const result = comparePackages(packageFiles(tree, { images }), legacyPackageFiles(tree, { images }));
  expect(result.differences).toEqual([]);
  return result;
}

// ---- the parser itself ---------------------------------------------------

describe('the canonical comparison', () => {
  it('ignores attribute order and empty-element form, and sees elements, attributes and text', () => {
    expect(firstDifference(parseXml('<a x="1" y="2"><b/></a>'), parseXml(`<a y='2' x="1"><b></b></a>`))).toBeUndefined();
    expect(firstDifference(parseXml('<a><b/><c/></a>'), parseXml('<a><c/><b/></a>'))).toBeDefined();
    expect(firstDifference(parseXml('<a x="1"/>'), parseXml('<a x="2"/>'))).toBeDefined();
    expect(firstDifference(parseXml('<a>O&apos;B</a>'), parseXml(`<a>O'B</a>`))).toBeUndefined();
    expect(firstDifference(parseXml('<a>x</a>'), parseXml('<a>y</a>'))).toBeDefined();
    expect(() => parseXml('<a><b></a>')).toThrow();
  });
});

// ---- the sample and hostile trees ----------------------------------------

const HOSTILE = `O'Brien *Jr* | {{x}} # ::: [link](http://x) <b> & ]]> "quoted" \u0007bell\ttab\nline`;
const t = (value: string): Inline => ({ type: 'text', value });

function hostileTree(draft: boolean, letterhead: boolean): DocumentTree {
  const names = [HOSTILE, ...LONG_NAMES, '&', ']]>', '<w:t>', 'Tiếng Việt — Ελληνικά — Русский'];
  const blocks: Block[] = [
    { type: 'heading', level: 1, children: [t(HOSTILE)] },
    { type: 'heading', level: 3, children: [{ type: 'emphasis', children: [t(']]>')] }] },
    {
      type: 'paragraph',
      align: 'center',
      children: [
        t(HOSTILE),
        { type: 'strong', children: [{ type: 'emphasis', children: [t('both & '), { type: 'break' }, t('after')] }] },
        { type: 'link', url: 'https://example.org/a?b=1&c="2"<3>', children: [t('amp link')] },
        { type: 'link', url: 'mailto:o\'brien@example.org', children: [] },
        { type: 'link', url: 'javascript:alert(1)', children: [t('not a link')] },
        { type: 'link', url: 'http://x', children: [{ type: 'link', url: 'http://y', children: [t('nested')] }] },
      ],
    },
    { type: 'list', ordered: true, start: 3, items: names.map((n) => ({ children: [{ type: 'paragraph', children: [t(n)] }] })) },
    { type: 'list', ordered: false, items: [] },
    { type: 'list', ordered: true, start: 0, items: [{ children: [] }, { children: [{ type: 'table', columns: [], header: [], rows: [[{ children: [t('in list')] }]] }] }] },
    {
      type: 'list',
      ordered: false,
      items: [
        { children: [{ type: 'paragraph', children: [t('a')] }, { type: 'paragraph', align: 'right', children: [t('second paragraph')] }, { type: 'list', ordered: true, items: [{ children: [{ type: 'paragraph', children: [t('deep')] }] }] }] },
      ],
    },
    { type: 'pageBreak' },
    { type: 'pageBreak' },
    {
      type: 'table',
      columns: [
        { align: 'left', width: 0.2 },
        { align: 'center', width: 0.3 },
        { align: 'right', width: 0.5 },
      ],
      header: [{ children: [t(HOSTILE)] }, { children: [{ type: 'link', url: 'https://h', children: [t('h')] }] }, { children: [] }],
      rows: names.map((n) => [{ children: [t(n)] }, { children: [{ type: 'link', url: `https://example.org/${encodeURIComponent(n)}`, children: [t(n)] }] }, { children: [] }]),
      caption: [t('Caption '), { type: 'link', url: 'https://caption', children: [t(HOSTILE)] }],
    },
    { type: 'table', columns: [{ align: 'left', width: -1 }], header: [{ children: [t('only a header')] }], rows: [] },
    { type: 'keep', children: [{ type: 'table', columns: [], header: [{ children: [t('kept')] }], rows: [] }] },
    {
      type: 'keep',
      children: [
        { type: 'heading', level: 2, children: [t('kept heading')] },
        { type: 'table', columns: [], header: [{ children: [t('k')] }], rows: [[{ children: [t('1')] }], [{ children: [t('2')] }]] },
        { type: 'notice', kind: 'warning', title: [t(HOSTILE)], children: [{ type: 'paragraph', children: [t('inside')] }, { type: 'list', ordered: false, items: [{ children: [{ type: 'paragraph', children: [t('listed')] }] }] }] },
      ],
    },
    { type: 'pageBreak' },
    { type: 'notice', kind: 'info', children: [] },
    { type: 'notice', kind: 'important', children: [{ type: 'table', columns: [], header: [], rows: [[{ children: [t('nested table')] }]] }, { type: 'pageBreak' }, { type: 'paragraph', children: [t('after break')] }] },
    {
      type: 'notice',
      kind: 'warning',
      children: [
        { type: 'notice', kind: 'info', title: [t('inner')], children: [{ type: 'image', src: 'copy.png', alt: 'in a notice', width: 30 }] },
        { type: 'keep', children: [{ type: 'paragraph', children: [t('kept in a notice')] }, { type: 'checklist', items: [{ checked: false, children: [t('x')] }] }] },
        { type: 'signature', signers: [{ name: 'In a notice', role: 'r' }] },
      ],
    },
    { type: 'checklist', items: [{ checked: true, children: [t(HOSTILE)], note: [t('note & more')] }, { checked: false, children: [] }] },
    { type: 'image', src: 'assets/logo.png', alt: HOSTILE },
    { type: 'image', src: 'copy.png', alt: 'same bytes, another key', width: 9999 },
    {
      type: 'signature',
      signers: [
        { name: HOSTILE, role: 'Αλέξανδρος <role>', image: 'assets/logo.png' },
        { name: 'Nguyễn Thị Lan Phương', role: '&', date: '2026-02-03' },
      ],
    },
    { type: 'pageBreak' },
  ];
  return {
    meta: {
      title: HOSTILE,
      author: 'Анастасия & <author>',
      subject: ']]>',
      keywords: [HOSTILE, 'x'],
      reference: `C-1 ${HOSTILE}`,
      confidentiality: `CONFIDENTIAL ${HOSTILE}`,
      date: '2026-11-23',
      draft,
    },
    ...(letterhead ? { letterhead: { name: HOSTILE, addressLines: ['1 <Main> St', ']]>'], phone: '&', logo: 'assets/logo.png' } } : {}),
    blocks,
  };
}

const HOSTILE_IMAGES: ImageSet = { ...SAMPLE_IMAGES, 'copy.png': new Uint8Array(SAMPLE_IMAGES['assets/logo.png']!) };

describe('xml.ts writes what docx writes', () => {
  it('for the sample tree', () => {
    const { identical, total } = expectSame(SAMPLE_TREE, SAMPLE_IMAGES);
    expect(identical).toBe(total);
  });

  it('for the sample tree, to the byte of the .docx', async () => {
    const ours = await toDocx(SAMPLE_TREE, { images: SAMPLE_IMAGES });
    const theirs = await toDocxLegacy(SAMPLE_TREE, { images: SAMPLE_IMAGES });
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });

  for (const [draft, letterhead] of [
    [true, true],
    [false, false],
    [true, false],
    [false, true],
  ] as const) {
    it(`for hostile values (draft ${draft}, letterhead ${letterhead})`, () => {
      const { identical, total } = expectSame(hostileTree(draft, letterhead), HOSTILE_IMAGES);
      expect(identical).toBe(total);
    });
  }

  it('for an empty document, and a letterhead without a logo', () => {
    expectSame({ meta: { ...SAMPLE_TREE.meta, title: '' }, blocks: [] }, {});
    expectSame({ meta: SAMPLE_TREE.meta, letterhead: { name: 'A', addressLines: [] }, blocks: [{ type: 'list', ordered: true, start: 2.7, items: [{ children: [{ type: 'paragraph', children: [t('x')] }] }] }] }, {});
  });

  it('throws the same errors', () => {
    const bad = (tree: DocumentTree) => [() => packageFiles(tree, { images: {} }), () => legacyPackageFiles(tree, { images: {} })];
    for (const tree of [
      { meta: { ...SAMPLE_TREE.meta, date: '2026-13-01' }, blocks: [] },
      { meta: SAMPLE_TREE.meta, blocks: [{ type: 'image' as const, src: 'missing.png', alt: '' }] },
    ]) {
      const [ours, theirs] = bad(tree);
      let message = '';
      try {
        theirs!();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      expect(ours!).toThrow(message);
    }
  });

  it('with a style sheet of its own', () => {
    const style = { ...STYLE, watermark: { ...STYLE.watermark, text: 'ENTWURF & <x>' }, listIndent: 22 };
    const tree = hostileTree(true, true);
    const result = comparePackages(packageFiles(tree, { images: HOSTILE_IMAGES, style }), legacyPackageFiles(tree, { images: HOSTILE_IMAGES, style }));
    expect(result.differences).toEqual([]);
  });
});

// ---- every document of the example agency --------------------------------

describe('xml.ts writes what docx writes for every document of the example agency', () => {
  const AS_OF = '2026-11-23';
  const trees: { name: string; tree: DocumentTree }[] = [];
  let images: ImageSet = {};

  beforeAll(async () => {
    const rootDir = join(PACKAGE_ROOT, 'cases');
    const { root, diagnostics, bytesOf } = await readRoot(rootDir);
    if (hasErrors(diagnostics) || !root.agency) throw new Error(`cases/ has errors: ${diagnostics.map((d) => d.message).join('; ')}`);
    const agency = root.agency.data;
    const jobs = planJobs(root, AS_OF);
    images = await readAssets(rootDir);
    const env = await createJobEnvironment({ root, agency, asOf: AS_OF, templatesDir: join(PACKAGE_ROOT, 'templates'), readTemplate, formats: ['docx'], images, bytesOf, templates: new Set(jobs.map((j) => j.template)) });
    for (const job of jobs) {
      const compiled = env.template(job.template);
      if (!compiled.template) throw new Error(`${job.template} has errors`);
      const { data } = jobData(job, env);
      const rendered = renderTemplate(compiled.template, data.data);
      if (rendered.markdown === undefined) throw new Error(`${job.output}: the template failed`);
      const { blocks } = markdownToTree(rendered.markdown, compiled.template.file, { images: Object.keys(images) });
      const meta = documentMeta(agency, { title: job.title, subject: `${job.title} — ${job.subject}`, reference: job.subject, asOf: AS_OF, keywords: [job.type, job.audience], internal: job.audience === 'internal' });
      const letterhead = agencyLetterhead(agency);
      const tree = scanWithheld({ meta, ...(letterhead ? { letterhead } : {}), blocks }, data.withheld).tree;
      trees.push({ name: job.output, tree });
    }
  }, 120_000);

  it('renders a good number of documents, every one the same', () => {
    expect(trees.length).toBeGreaterThan(10);
    const failures: string[] = [];
    let identical = 0;
    let total = 0;
    for (const { name, tree } of trees) {
      const result = comparePackages(packageFiles(tree, { images }), legacyPackageFiles(tree, { images }));
      identical += result.identical;
      total += result.total;
      failures.push(...result.differences.map((d) => `${name}: ${d}`));
    }
    expect(failures).toEqual([]);
    expect(identical).toBe(total);
  }, 120_000);
});
