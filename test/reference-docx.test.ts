/**
 * The reference .docx: the committed templates/reference.docx is what
 * `npm run reference-docx` writes from the house style and has every style the
 * writer uses; an agency's own reference restyles the documents (its styles,
 * its ids for them, its numbering kept); a file that is not a usable .docx is
 * refused with a plain message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReferenceDocx } from '../src/cli/reference-docx.js';
import { UsageError } from '../src/cli/exit.js';
import type { Block } from '../src/document/ast.js';
import { loadFonts } from '../src/io/fonts.js';
import { DocxRenderError, toDocx } from '../src/render/docx/index.js';
import { readZip, zipPackage } from '../src/render/docx/package.js';
import { readReference } from '../src/render/docx/reference.js';
import { referenceParts } from '../src/render/docx/reference-docx.js';
import { paragraphs, parts } from './helpers/docx-parts.js';
import { REPO } from './helpers/fixture-root.js';
import { SAMPLE_IMAGES, SAMPLE_TREE } from './helpers/sample-tree.js';

const COMMITTED = join(REPO, 'templates/reference.docx');
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

/** The house reference's parts with some replaced: an agency's reference, zipped. */
function agencyReference(change: (parts: Map<string, string>) => void): Uint8Array {
  const files = referenceParts();
  change(files);
  return zipPackage(files, '2026-01-01');
}

describe('templates/reference.docx', () => {
  it('is what npm run reference-docx writes from the house style (run it after changing render/style)', () => {
    const committed = readZip(readFileSync(COMMITTED));
    const written = referenceParts();
    expect([...committed.keys()]).toEqual([...written.keys()]);
    for (const [path, xml] of written) expect(text(committed.get(path)), path).toBe(xml);
  });

  it('defines every style the writer uses: each pStyle, rStyle and tblStyle of the sample document', async () => {
    const styles = readReference(readFileSync(COMMITTED)).styles;
    const p = parts(await toDocx(SAMPLE_TREE, { images: SAMPLE_IMAGES }));
    const used = new Set(
      Object.entries(p)
        .filter(([path]) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(path))
        .flatMap(([, xml]) => [...xml.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"\/>/g)].map((m) => m[1]!)),
    );
    expect([...used].sort()).toEqual(['Caption', 'CasepressTable', 'Footer', 'Header', 'Heading1', 'Heading2', 'Heading3', 'Hyperlink', 'ListParagraph', 'TableText', 'Title']);
    for (const id of used) expect(styles, id).toMatch(new RegExp(`<w:style [^>]*w:styleId="${id}"`));
  });
});

describe("an agency's reference", () => {
  const heading: Block = { type: 'heading', level: 1, children: [{ type: 'text', value: 'Placement' }] };
  const list: Block = { type: 'list', ordered: true, start: 3, items: [{ children: [{ type: 'paragraph', children: [{ type: 'text', value: 'third' }] }] }] };
  const tree = { meta: { ...SAMPLE_TREE.meta, draft: false }, blocks: [heading, list] };

  it('restyles the document: its styles.xml as it is, its own ids for the styles found by name, its numbering kept', async () => {
    const reference = agencyReference((files) => {
      // Word in German names the ids after the translated names; the names stay Word's.
      const styles = files.get('word/styles.xml')!.replaceAll('w:styleId="Heading1"', 'w:styleId="berschrift1"').replaceAll('Noto Serif', 'Liberation Serif');
      files.set('word/styles.xml', styles);
      files.set(
        'word/numbering.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
          '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/></w:lvl></w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num></w:numbering>',
      );
    });
    const p = parts(await toDocx(tree, { images: {}, reference, fonts: await loadFonts() }));
    expect(p['word/styles.xml']).toBe(text(readZip(reference).get('word/styles.xml')));
    const body = paragraphs(p['word/document.xml']!);
    expect(body.find((b) => b.text === 'Placement')!.xml).toContain('<w:pStyle w:val="berschrift1"/>');
    // The agency's list definitions first, then the writer's, numbered above them.
    const numbering = p['word/numbering.xml']!;
    expect(numbering).toMatch(/^[\s\S]*w:abstractNumId="7"[\s\S]*w:abstractNumId="8"[\s\S]*w:abstractNumId="9"[\s\S]*<w:num w:numId="9">[\s\S]*<w:num w:numId="10">/);
    expect(body.find((b) => b.text === 'third')!.xml).toContain('<w:numId w:val="10"/>');
    expect(numbering).toContain('<w:num w:numId="10"><w:abstractNumId w:val="9"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>');
    // Its font is not the house font: Noto Serif is not embedded.
    expect(p['word/fontTable.xml']).not.toContain('embedRegular');
  });

  it('is refused, naming what is wrong, when it is not a zip, not a Word document, or lacks a style the writer uses', () => {
    expect(() => readReference(new TextEncoder().encode('{\\rtf1 a rich text file}'))).toThrow(/not a zip file/);
    expect(() => readReference(zipPackage(new Map([['word/styles.xml', '<w:styles/>']]), '2026-01-01'))).toThrow(/it is not a Word document/);
    const without = agencyReference((files) => files.set('word/styles.xml', files.get('word/styles.xml')!.replace('<w:name w:val="Table Text"/>', '<w:name w:val="Cell"/>').replace('<w:name w:val="caption"/>', '<w:name w:val="Legend"/>')));
    expect(() => readReference(without)).toThrow(DocxRenderError);
    expect(() => readReference(without)).toThrow('its styles lack "caption", "Table Text" (start from templates/reference.docx, which has every style casepress uses)');
  });

  it('--reference-docx FILE: a plain usage error that names the file, for a missing file or one that is not a .docx', async () => {
    await expect(readReferenceDocx('/nonexistent/house.docx')).rejects.toThrow(new UsageError('--reference-docx /nonexistent/house.docx: the file cannot be read (there is no such file)'));
    const notDocx = join(REPO, 'templates/README.md');
    await expect(readReferenceDocx(notDocx)).rejects.toThrow(new UsageError(`--reference-docx ${notDocx}: not a usable .docx: it is not a zip file (a .docx is one)`));
    expect(await readReferenceDocx(COMMITTED)).toEqual(new Uint8Array(readFileSync(COMMITTED)));
  });
});
