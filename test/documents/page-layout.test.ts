/**
 * Pages that look right (issue 12, point 5): every document of the example
 * agency, built as `build` builds it as of 2026-12-01, is read back with
 * `pdftotext -raw -bbox` (y down from the top of the page, as pdfkit draws)
 * and each page is checked:
 * - the body never enters the footer band: no word of the body reaches below
 *   the footer's top rule (its position comes from the PDF writer's own footer
 *   layout for the document's confidentiality notice);
 * - no page but the last is left less than a quarter full: the lowest word of
 *   the body reaches at least a quarter of the way down the body area;
 * - the signature statement ("By signing …") is on the page of the first
 *   signature line under it;
 * - the running header names the document, the child (by initials in a court
 *   copy, as a court caption does) and the docket, or the home's id.
 * The body is what is drawn before the running header and footer, which are
 * drawn last on each page, from the header's text.
 * All documents are built once, for every check.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import { documentMeta } from '../../src/build/furniture.js';
import { planJobs, type Job } from '../../src/build/jobs.js';
import type { CaseRoot } from '../../src/model/case-root.js';
import { runJob } from '../../src/build/run-job.js';
import { pageBox } from '../../src/render/pdf/context.js';
import { facesOf } from '../../src/render/pdf/fonts.js';
import { layoutFooter, type Footer } from '../../src/render/pdf/page-furniture.js';
import { STYLE } from '../../src/render/style/style.js';
import { exampleEnvironment } from '../helpers/example-environment.js';
import { withPdfFile } from '../helpers/pdf-text.js';

const AS_OF = '2026-12-01';
const PAGE = pageBox(STYLE);

interface Word {
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}

interface Page {
  /** The body's words, in drawing order. */
  readonly body: readonly Word[];
  /** The running header's and the footer's words. */
  readonly furniture: readonly Word[];
}

interface Built {
  readonly job: Job;
  readonly pdf: Uint8Array;
  readonly footer: Footer;
  readonly pages: readonly Page[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Each page's words in drawing order, with their boxes. */
function wordsOf(pdf: Uint8Array): Word[][] {
  const html = withPdfFile(pdf, (path) => execFileSync('pdftotext', ['-raw', '-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  return [...html.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, page]) =>
    [...page!.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, yMin, yMax, text]) => ({
      text: text!.replace(/&(\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity),
      yMin: Number(yMin),
      yMax: Number(yMax),
    })),
  );
}

/** Where the page's running header starts in drawing order: the last time the document's title is drawn. */
function furnitureStart(words: readonly Word[], title: string): number {
  const titleWords = title.split(/\s+/);
  for (let i = words.length - titleWords.length; i >= 0; i--) {
    if (titleWords.every((w, k) => words[i + k]!.text === w)) return i;
  }
  return -1;
}

const built: Built[] = [];
let root: CaseRoot;

beforeAll(async () => {
  const example = await exampleEnvironment(AS_OF, ['pdf']);
  const { env, fonts } = example;
  root = example.root;
  const agency = root.agency!.data;
  const faces = facesOf(fonts);
  const jobs = planJobs(root, AS_OF);
  expect(new Set(jobs.map((j) => j.type)).size).toBe(5);
  for (const job of jobs) {
    const result = await runJob(job, env);
    expect(result.diagnostics.filter((d) => d.severity === 'error'), job.output).toEqual([]);
    const footer = layoutFooter(faces, STYLE, PAGE, documentMeta(agency, { title: job.title, subject: job.subject, reference: job.subject, asOf: AS_OF }));
    const pages = wordsOf(result.files.pdf!).map((words, index) => {
      const start = furnitureStart(words, job.title);
      expect(start, `${job.output} page ${index + 1}: its running header`).toBeGreaterThan(0);
      return { body: words.slice(0, start), furniture: words.slice(start) };
    });
    built.push({ job, pdf: result.files.pdf!, footer, pages });
  }
}, 90_000);

it('on every page of every example document, no word of the body reaches below the footer rule', () => {
  const crossing: string[] = [];
  let pagesRead = 0;
  for (const { job, footer, pages } of built) {
    pages.forEach(({ body, furniture }, index) => {
      const where = `${job.output} page ${index + 1}`;
      // What follows the header's title is the footer: it all sits below the rule.
      const below = furniture.filter((w) => w.yMin > PAGE.top);
      expect(below.length, `${where}: its footer`).toBeGreaterThan(0);
      expect(Math.min(...below.map((w) => w.yMin)), `${where}: the footer's top`).toBeGreaterThan(footer.rule);
      const crossed = body.filter((w) => w.yMax > footer.rule);
      if (crossed.length > 0) crossing.push(`${where}: "${crossed.map((w) => w.text).join(' ')}" down to ${Math.max(...crossed.map((w) => w.yMax)).toFixed(1)} (rule at ${footer.rule.toFixed(1)})`);
      pagesRead++;
    });
  }
  expect(crossing).toEqual([]);
  expect(pagesRead).toBeGreaterThan(100);
});

it('leaves no page but the last less than a quarter full', () => {
  const empty: string[] = [];
  for (const { job, footer, pages } of built) {
    pages.slice(0, -1).forEach(({ body }, index) => {
      const lowest = Math.max(PAGE.top, ...body.map((w) => w.yMax));
      const fill = (lowest - PAGE.top) / (footer.bodyLimit - PAGE.top);
      if (fill < 0.25) empty.push(`${job.output} page ${index + 1} of ${pages.length}: ${Math.round(fill * 100)}% full, ending "${body.slice(-8).map((w) => w.text).join(' ')}"`);
    });
  }
  expect(empty).toEqual([]);
});

it('prints the signature statement on the page of the first signature line under it', () => {
  const apart: string[] = [];
  let statements = 0;
  for (const { job, pages } of built) {
    const words = pages.flatMap(({ body }, index) => body.map((w) => ({ ...w, page: index + 1 })));
    const at = words.findIndex((w, i) => w.text === 'By' && words[i + 1]?.text.startsWith('signing'));
    if (at < 0) continue;
    statements++;
    // Each signer's cell prints "Date:" under the line and the name.
    const line = words.slice(at).find((w) => w.text === 'Date:');
    expect(line, `${job.output}: a signature line after the statement`).toBeDefined();
    if (line!.page !== words[at]!.page) apart.push(`${job.output}: the statement on page ${words[at]!.page}, the first signature on page ${line!.page}`);
  }
  expect(statements).toBeGreaterThanOrEqual(6);
  expect(apart).toEqual([]);
});

it('heads each page with the document, the child (by initials in a court copy) and the docket, or the home id', () => {
  const headers = new Map<string, string>();
  for (const { job, pages } of built) {
    const lines = new Set(pages.map(({ furniture }) => furniture.filter((w) => w.yMax < PAGE.top).map((w) => w.text).join(' ')));
    expect(lines.size, `${job.output}: one header on every page`).toBe(1);
    const [header] = lines;
    headers.set(job.output, header!);
    const child = root.children.find((c) => c.id === job.subject)?.case?.data;
    if (!child) {
      expect(header, job.output).toBe(`${job.title} — Home ${job.subject}`);
      continue;
    }
    const names = child.child.name.split(/\s+/).filter((w) => w.length > 2);
    if (job.audience === 'internal') expect(header, job.output).toContain(child.child.name);
    else for (const name of names) expect(header, job.output).not.toContain(name);
    expect(header, job.output).toMatch(new RegExp(`^${job.title} — .+ — Case (No\\. ${child.court.docket.replace(/[.-]/g, '\\$&')}|${job.subject})$`));
  }
  expect(headers.get('children/C-2025-0142/court-report-2026-12-10')).toBe('Court Report — In the interest of J.N. — Case No. 25-J-00412');
  expect(headers.get('children/C-2025-0142/service-plan-2026-09-24')).toBe('Individualized Service Plan — José Luis Núñez-García — Case No. 25-J-00412');
});

it("names the document, its subject and its date in the PDF's title", () => {
  const title = (output: string) => {
    const { pdf } = built.find((b) => b.job.output === output)!;
    return withPdfFile(pdf, (path) => /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
  };
  expect(title('children/C-2025-0142/court-report-2026-12-10')).toBe('Court Report — J.N. — Review hearing, December 10, 2026');
  expect(title('homes/H-0042/relicensing-packet-2026-12-31')).toBe('Annual Re-licensing Packet — Home H-0042 — license expiring December 31, 2026');
});
