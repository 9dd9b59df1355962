/**
 * The body never enters the footer band (issue 12, point 5): every document of
 * the example agency, built as `build` builds it as of 2026-12-01, is read back
 * with `pdftotext -raw -bbox`, and on every page no word of the body reaches
 * below the footer's top rule. The rule's position comes from the PDF writer's
 * own footer layout for the document's confidentiality notice; the body is what
 * is drawn before the running header and footer (drawn last on each page,
 * from the header's title).
 */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { documentMeta } from '../../src/build/furniture.js';
import { planJobs, type Job } from '../../src/build/jobs.js';
import { runJob } from '../../src/build/run-job.js';
import { pageBox } from '../../src/render/pdf/context.js';
import { facesOf } from '../../src/render/pdf/fonts.js';
import { layoutFooter } from '../../src/render/pdf/page-furniture.js';
import { STYLE } from '../../src/render/style/style.js';
import { exampleEnvironment } from '../helpers/example-environment.js';
import { withPdfFile } from '../helpers/pdf-text.js';

const AS_OF = '2026-12-01';

interface Word {
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Each page's words in drawing order, with their boxes (y down from the top of the page, as pdfkit draws). */
function pagesOf(pdf: Uint8Array): Word[][] {
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

it('on every page of every example document, no word of the body reaches below the footer rule', async () => {
  const { root, env, fonts } = await exampleEnvironment(AS_OF, ['pdf']);
  const agency = root.agency!.data;
  const faces = facesOf(fonts);
  const ruleOf = (job: Job) => layoutFooter(faces, STYLE, pageBox(STYLE), documentMeta(agency, { title: job.title, subject: job.subject, reference: job.subject, asOf: AS_OF })).rule;

  const jobs = planJobs(root, AS_OF);
  expect(new Set(jobs.map((j) => j.type)).size).toBe(5);
  const crossing: string[] = [];
  let pagesRead = 0;
  for (const job of jobs) {
    const result = await runJob(job, env);
    expect(result.diagnostics.filter((d) => d.severity === 'error'), job.output).toEqual([]);
    const rule = ruleOf(job);
    pagesOf(result.files.pdf!).forEach((words, index) => {
      const where = `${job.output} page ${index + 1}`;
      const start = furnitureStart(words, job.title);
      expect(start, `${where}: its running header`).toBeGreaterThan(0);
      // What follows the header's title is the footer: it all sits below the rule.
      const footer = words.slice(start + job.title.split(/\s+/).length);
      expect(Math.min(...footer.map((w) => w.yMin)), `${where}: the footer's top`).toBeGreaterThan(rule);
      const below = words.slice(0, start).filter((w) => w.yMax > rule);
      if (below.length > 0) crossing.push(`${where}: "${below.map((w) => w.text).join(' ')}" down to ${Math.max(...below.map((w) => w.yMax)).toFixed(1)} (rule at ${rule.toFixed(1)})`);
      pagesRead++;
    });
  }
  expect(crossing).toEqual([]);
  expect(pagesRead).toBeGreaterThan(100);
}, 60_000);
