/**
 * The fast Markdown parser (src/document/fast-parse.ts) against remark: the
 * same Markdown must give the same tree and the same diagnostics (file, line,
 * column, message) by either path (src/document/markdown-tree.ts), on every
 * document the example agency builds, the sample document, every Markdown
 * fixture, and random Markdown built from what templates write. The documents
 * must also actually take the fast path: that is what makes it worth having.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJobEnvironment } from '../src/build/job-environment.js';
import { planJobs } from '../src/build/jobs.js';
import { prepareTemplate } from '../src/build/render-document.js';
import { jobData } from '../src/build/run-job.js';
import { readRoot } from '../src/cli/read-root.js';
import { convertMarkdown } from '../src/document/markdown-tree.js';
import { loadFonts } from '../src/io/fonts.js';
import { readAssets, readTemplate } from '../src/io/package-files.js';
import { readDataFile } from '../src/load/read-data.js';
import { escapeAttribute, escapeText } from '../src/templates/escape.js';
import { renderTemplate } from '../src/templates/index.js';
import { AS_OF, EXAMPLE_ROOT } from './helpers/document-context.js';
import { REPO } from './helpers/fixture-root.js';

const FIXTURES = join(REPO, 'test/fixtures/markdown');
const IMAGES = ['assets/logo.png', 'assets/sig.png'];

/** Both paths on one Markdown text: deep-equal blocks and diagnostics; which parser the fast path ended up using. */
function compare(markdown: string, file: string, images: readonly string[] | undefined = IMAGES) {
  const options = images ? { images } : {};
  const fast = convertMarkdown(markdown, file, options, 'fast');
  const remark = convertMarkdown(markdown, file, options, 'remark');
  expect(fast.blocks).toEqual(remark.blocks);
  expect(fast.diagnostics).toEqual(remark.diagnostics);
  // toEqual ignores undefined properties: the JSON must match too (what the writers and caches see).
  expect(JSON.stringify(fast.blocks)).toBe(JSON.stringify(remark.blocks));
  // Where the converter reports something, the fast mdast is set aside; its tree and what is reported must still agree.
  const unchecked = convertMarkdown(markdown, file, options, 'fast-unchecked');
  expect(JSON.stringify(unchecked.blocks)).toBe(JSON.stringify(remark.blocks));
  expect(unchecked.diagnostics.map((d) => d.code).sort()).toEqual(remark.diagnostics.map((d) => d.code).sort());
  return { parsedBy: fast.parsedBy, understood: unchecked.parsedBy === 'fast' };
}

describe('fast parser = remark: the example agency', () => {
  const documents: { name: string; markdown: string }[] = [];
  let images: string[] = [];

  beforeAll(async () => {
    const { root, diagnostics, bytesOf } = await readRoot(EXAMPLE_ROOT);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const agency = root.agency!.data;
    const assets = await readAssets(EXAMPLE_ROOT);
    images = Object.keys(assets);
    const fonts = await loadFonts();
    for (const asOf of [AS_OF, '2026-06-30', '2027-03-01']) {
      const jobs = planJobs(root, asOf, {});
      if (asOf === AS_OF) expect(jobs.length).toBeGreaterThan(10);
      const env = await createJobEnvironment({
        root,
        agency,
        asOf,
        templatesDir: join(REPO, 'templates'),
        readTemplate,
        formats: ['pdf', 'docx'],
        fonts,
        images: assets,
        bytesOf,
        templates: new Set(jobs.map((j) => j.template)),
      });
      for (const job of jobs) {
        const compiled = env.template(job.template);
        if (!compiled.template) continue;
        const { data } = jobData(job, env);
        const rendered = renderTemplate(compiled.template, data.data);
        if (rendered.markdown !== undefined) documents.push({ name: `${asOf} ${job.output}`, markdown: rendered.markdown });
      }
    }
  }, 120_000);

  it('gives the same tree for every document, each through the fast path', () => {
    expect(documents.length).toBeGreaterThan(10);
    for (const { name, markdown } of documents) {
      const { parsedBy } = compare(markdown, name, images);
      expect(parsedBy, `${name} should take the fast path`).toBe('fast');
    }
  });
});

describe('fast parser = remark: the sample document', () => {
  it('gives the same tree, through the fast path', async () => {
    const files = await readTemplate(join(REPO, 'templates/sample.md.hbs'));
    const dataFile = join(REPO, 'test/fixtures/sample/sample-data.yaml');
    const { data } = readDataFile(dataFile, await readFile(dataFile));
    const { template } = prepareTemplate(files);
    const markdown = renderTemplate(template!, data).markdown!;
    const images = Object.keys(await readAssets(EXAMPLE_ROOT));
    expect(compare(markdown, files.file, images).parsedBy).toBe('fast');
    expect(compare(markdown, files.file, undefined).parsedBy).toBe('fast');
  });
});

describe('fast parser = remark: the Markdown fixtures', () => {
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.md') && f !== 'README.md');
  it.each(names)('%s', (name) => {
    const markdown = readFileSync(join(FIXTURES, name), 'utf8');
    compare(markdown, name);
    compare(markdown, name, undefined);
  });
});

// ---------------------------------------------------------------- random Markdown

const HOSTILE = [
  "O'Brien *Jr* | {{x}} # ::: [link](http://x) <b>",
  'José Luis Núñez-García',
  'Αλέξανδρος Παπαδόπουλος',
  'e\u0301 combining',
  '10:30',
  'Re:Smith',
  'a_b_c',
  '__init__',
  '**',
  '* * *',
  '- 1. #',
  '  leading and trailing  ',
  'x\\',
  '&amp; &#38; &#0; &#x41;',
  'www.example.org',
  'help@example.org',
  'https://example.org',
  '~~struck~~',
  '`code`',
  '<!-- c -->',
  '\\',
  '😀 emoji',
  '"quotes" (parens) [brackets] {braces}',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('foo', 'Bar', 'baz9', 'a', 'Zoë', '(x)', 'x.', 'y,', '—', '2026-11-23', 'H-0041', '12/31/2026', "don't", '"q"') },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE).map(escapeText) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', ' ', '*', '_', '\\', '.', ':', '(', ')', '[', ']', '|', '!', '&', '#', 'é', '-', '1') }) },
);

/** Inline Markdown as templates write it around escaped values. */
const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
    tie('inline').map((s) => `**${s}**`),
    tie('inline').map((s) => `*${s}*`),
    tie('inline').map((s) => `_${s}_`),
    fc.tuple(tie('inline'), tie('inline')).map(([a, b]) => `${a} ${b}`),
    fc.tuple(tie('inline'), tie('inline')).map(([a, b]) => `${a}${b}`),
    word.map((w) => `[${w}](https://example.org/${encodeURIComponent(w).slice(0, 8)})`),
    fc.constant('<https://example.org/policy>'),
    word.map((w) => `:note[${w}]`),
    fc.constantFrom(':note{x=1}', ':unknown[a]', '\\:note[a]', 'a::b[c]', ':30', '*not recorded*', '*none*', '&#32;', '&#9;x', '&#45;'),
  ),
})).inline;

const cellText = inline.map((s) => s.replace(/\|/g, '\\|'));

const paragraph = fc.array(inline, { minLength: 1, maxLength: 3 }).chain((lines) =>
  fc.constantFrom('\n', '\\\n', '  \n', ' \n', '\n  ').map((sep) => lines.join(sep)),
);

const heading = fc.tuple(fc.integer({ min: 1, max: 4 }), inline).map(([d, s]) => `${'#'.repeat(d)} ${s}`);

const listBlock = fc
  .tuple(
    fc.constantFrom('- ', '* ', '1. ', '3) ', '- [ ] ', '- [x] '),
    fc.array(fc.tuple(inline, fc.array(inline, { maxLength: 2 })), { minLength: 1, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([marker, items, loose]) =>
    items
      .map(([text, nested]) => {
        const head = `${marker}${text}`;
        const indent = ' '.repeat(marker.replace(/\[.\] $/, '').length);
        return [head, ...nested.map((n) => `${indent}- ${n}`)].join('\n');
      })
      .join(loose ? '\n\n' : '\n'),
  );

const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('---', ':--', ':-:', '--:'), fc.boolean())
  .map(([n, rows, align, trailing]) => {
    const row = (cells: readonly string[]) => `| ${Array.from({ length: n }, (_, i) => cells[i] ?? '').join(' | ')}${trailing ? ' |' : ''}`;
    return [row(rows[0]!), `|${Array.from({ length: n }, () => align).join('|')}|`, ...rows.slice(1).map(row)].join('\n');
  });

const attributeValue = fc.constantFrom(...HOSTILE, 'Jordan Doe', '2026-11-20', '', '20,80').map(escapeAttribute);

const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    paragraph,
    heading,
    listBlock,
    table,
    fc.constantFrom('::pagebreak', '::pagebreak{x=1}', '::image{src="assets/logo.png" width=120}', '::image{src="assets/missing.png"}', '![Logo](assets/logo.png)', '::nope'),
    fc.tuple(attributeValue, attributeValue, attributeValue).map(([n, r, d]) => `::signature{name="${n}" role="${r}" date="${d}"}`),
    fc.tuple(fc.constantFrom('info', 'warning', 'important', 'bogus'), attributeValue, tie('block')).map(([k, t, b]) => `:::notice{kind=${k} title="${t}"}\n${b}\n:::`),
    fc.tuple(inline, tie('block')).map(([t, b]) => `:::notice[${t}]{kind=warning}\n${b}\n:::`),
    fc.tuple(inline, table, fc.constantFrom('', ' widths="20,80"', ' widths="{{x}}"', ' caption="c"')).map(([c, t, w]) => `:::table[${c}]{${w.trim()}}\n${t}\n:::`),
    fc.array(fc.tuple(fc.boolean(), inline, fc.option(inline)), { minLength: 1, maxLength: 3 }).map(
      (items) => `:::checklist\n${items.map(([x, t, n]) => `- [${x ? 'x' : ' '}] ${t}${n === null ? '' : ` :note[${n}]`}`).join('\n')}\n:::`,
    ),
    fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((blocks) => `::::keep\n${blocks.join('\n\n')}\n::::`),
    paragraph.map((p) => `::narrative{field="text" file="templates&#47;x&#46;md&#46;hbs" line="3" column="1" offset="20"}\n${p}\n\n::narrative-end`),
  ),
})).block;

const separator = fc.oneof({ weight: 4, arbitrary: fc.constant('\n\n') }, { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n\n') });
const document = fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([b, sep]) => b + sep).join(''));

/** What templates write: escaped values in bold, italics, tables, lists, notices, checklists and signatures. */
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Jordan Doe', 'Zoë', 'H-0041', '12/31/2026', 'Fayette County', "don't", '(court-ordered)', '—', '14') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
).map(escapeText);
const sentence = fc.array(fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: value.map((v) => `**${v}**`) }, { weight: 1, arbitrary: value.map((v) => `*${v}*`) }), { minLength: 1, maxLength: 5 }).map((v) => v.join(' '));
const templateBlock = fc.oneof(
  fc.array(sentence, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\\\n')),
  fc.tuple(fc.integer({ min: 1, max: 3 }), sentence).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.tuple(fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), sentence).map(
    ([rows, caption]) => `:::table[${caption}]{widths="20,30,50"}\n| A | B | C |\n|---|:-:|--:|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n:::`,
  ),
  fc.tuple(fc.constantFrom('info', 'warning', 'important'), value, sentence).map(([k, t, b]) => `:::notice{kind=${k} title="${escapeAttribute(t.replace(/\\/g, ''))}"}\n${b}\n:::`),
  fc.array(fc.tuple(fc.boolean(), sentence, fc.option(value)), { minLength: 1, maxLength: 4 }).map(
    (items) => `:::checklist\n${items.map(([x, t, n]) => `- [${x ? 'x' : ' '}] ${t}${n === null ? '' : ` :note[${n}]`}`).join('\n')}\n:::`,
  ),
  fc.tuple(value, value).map(([n, r]) => `::signature{name="${escapeAttribute(n.replace(/\\/g, '') || 'X')}" role="${escapeAttribute(r.replace(/\\/g, '') || 'Y')}" date="2026-11-20"}`),
  fc.constant('::pagebreak'),
);
const templateDocument = fc.array(templateBlock, { minLength: 1, maxLength: 8 }).map((blocks) => `${blocks.join('\n\n')}\n`);

describe('fast parser = remark: random Markdown', () => {
  it('gives the same tree and diagnostics', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(document, (markdown) => {
        runs++;
        if (compare(markdown, 'random.md').understood) fast++;
      }),
      { numRuns: 600 },
    );
    // Most of these are hostile enough for the fast parser to hand them to remark; some must not be.
    expect(fast / runs).toBeGreaterThan(0.1);
  }, 120_000);

  it('gives the same tree for Markdown as templates write it, nearly always through the fast path', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(templateDocument, (markdown) => {
        runs++;
        if (compare(markdown, 'template.md').parsedBy === 'fast') fast++;
      }),
      { numRuns: 600 },
    );
    expect(fast / runs).toBeGreaterThan(0.6);
  }, 120_000);

  it('gives the same tree for single inline snippets', () => {
    fc.assert(
      fc.property(inline, (text) => {
        compare(text, 'inline.md');
        compare(`| a |\n|---|\n| ${text.replace(/\|/g, '\\|')} |`, 'cell.md');
        compare(`# ${text}`, 'heading.md');
        compare(`- ${text}`, 'item.md');
      }),
      { numRuns: 800 },
    );
  }, 120_000);
});
