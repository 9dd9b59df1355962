/**
 * The whole engine on the sample document: template → Markdown → tree → PDF
 * and DOCX through `casepress render-sample`, as a user runs it. The two files
 * say the same thing, and the same input gives the same bytes.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphs, parts } from './helpers/docx-parts.js';
import { REPO } from './helpers/fixture-root.js';

const BIN = join(REPO, 'bin/casepress');
const ESCAPED = "O'Brien *Jr* | {{x}} # ::: [link](http://x) <b>";
const NAMES = ['José Luis Núñez-García', "Zoë O'Brien-Kowalczyk", 'Nguyễn Thị Lan Phương', 'Αλέξανδρος Παπαδόπουλος', 'Анастасия Владимировна Кузнецова'];
const dirs: string[] = [];
let out: string;
let pdf: Uint8Array;
let docx: Uint8Array;

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casepress-sample-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  out = await tempDir();
  const { code, stdout } = run(['render-sample', '--out', out, '--root', join(REPO, 'cases')]);
  expect(code, stdout).toBe(0);
  expect(stdout).toMatch(/wrote .*sample\.pdf/);
  pdf = await readFile(join(out, 'sample/sample.pdf'));
  docx = await readFile(join(out, 'sample/sample.docx'));
}, 60_000);
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('the sample document', () => {
  it('is a multi-page PDF whose 120-row table spans at least three pages, header row on each', () => {
    const path = join(out, 'sample/sample.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    let tablePages = 0;
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
      if (/\b\d+\s+\d\d\/\d\d\/\d{4}\s+\d\d\/\d\d\/\d{4}/.test(text)) {
        tablePages++;
        expect(text, `page ${page}`).toMatch(/#\s+Start\s+End\s+Setting\s+Home or provider/);
      }
      expect(text, `page ${page}`).toContain(`Page ${page} of ${pages}`);
    }
    expect(tablePages).toBeGreaterThanOrEqual(3);
  });

  it('prints every name and the hostile value exactly, in both files', () => {
    const pdfText = squash(execFileSync('pdftotext', [join(out, 'sample/sample.pdf'), '-'], { encoding: 'utf8' }));
    const docxText = squash(paragraphs(parts(docx)['word/document.xml']!).map((p) => p.text).join(' '));
    for (const words of [...NAMES, ESCAPED, 'December 10, 2026', 'is 14 years old']) {
      expect(pdfText, words).toContain(words);
      expect(docxText, words).toContain(words);
    }
  });

  it('says the same thing in the DOCX as in the PDF: every DOCX paragraph is in the PDF text, in order', () => {
    const pdfText = squash(execFileSync('pdftotext', [join(out, 'sample/sample.pdf'), '-'], { encoding: 'utf8' })).replace(/\s/g, '');
    const body = paragraphs(parts(docx)['word/document.xml']!)
      .map((p) => squash(p.text).replace(/\s/g, ''))
      .filter((text) => text.length > 0 && !/^Date:/.test(text));
    expect(body.length).toBeGreaterThan(150);
    // Signers stand side by side in the PDF, so their lines interleave when extracted: present, not ordered.
    const signatures = body.indexOf('Signatures');
    let from = 0;
    for (const text of body.slice(0, signatures).filter((t) => !/^\d+$/.test(t))) {
      const at = pdfText.indexOf(text, from);
      expect(at, `"${text}" in the PDF after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
    for (const text of body.slice(signatures)) expect(pdfText.slice(from)).toContain(text);
  });

  it('embeds its fonts and carries its metadata', () => {
    const fonts = execFileSync('pdffonts', [join(out, 'sample/sample.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line).toMatch(/\syes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const info = execFileSync('pdfinfo', [join(out, 'sample/sample.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Every element a casepress document can hold/);
    expect(info).toMatch(/Keywords:.*C-2025-0142/);
  });

  it('gives the same bytes on a second build', async () => {
    const again = await tempDir();
    expect(run(['render-sample', '--out', again, '--root', join(REPO, 'cases')]).code).toBe(0);
    expect(sha256(await readFile(join(again, 'sample/sample.pdf')))).toBe(sha256(pdf));
    expect(sha256(await readFile(join(again, 'sample/sample.docx')))).toBe(sha256(docx));
  }, 60_000);

  it('reports a template error with the template file and line, and writes nothing', async () => {
    const dir = await tempDir();
    const template = join(dir, 'broken.md.hbs');
    await writeFile(template, '# Title\n\nHearing on {{date hearing.dat}}.\n\n{{txet child.name}}\n');
    const target = await tempDir();
    const { code, stdout } = run(['render-sample', '--template', template, '--out', target]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/broken\.md\.hbs:5:\d+ error CP2002 .*txet/);
    expect(stdout).toContain('did you mean');
    await expect(readFile(join(target, 'sample/sample.pdf'))).rejects.toThrow();
  });
});
