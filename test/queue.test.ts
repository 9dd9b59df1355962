/**
 * `build --queue` and `casepress worker` (issue 17) on a real Redis: the one
 * .ci/run starts (CASEPRESS_TEST_REDIS), or one these tests start themselves
 * where redis-server is installed. Each test has the database to itself.
 *
 * - two worker processes build a generated root with the bytes and manifest of
 *   a local build;
 * - a worker killed (SIGKILL) while it renders: the build still completes,
 *   every output as a local build writes it;
 * - a document whose render throws is retried, then reported with its case id,
 *   and the others are built;
 * - a second planner on the same --out is refused by the lock.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { readFile, mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planJobs, type DocType } from '../src/build/jobs.js';
import { inThreadRenderer } from '../src/build/renderer.js';
import { build } from '../src/cli/commands/build.js';
import { UsageError } from '../src/cli/exit.js';
import { queueAddress } from '../src/cli/queue-address.js';
import { parseQueueUrl, QUEUE_NAME, type QueueAddress } from '../src/queue/connection.js';
import { queueRenderer } from '../src/queue/planner.js';
import { startQueueWorker } from '../src/queue/worker.js';
import { writeFileAtomic } from '../src/io/write-atomic.js';
import { freePort } from '../tools/free-port.js';
import { writeGeneratedAgency } from '../tools/generate.js';
import { REPO } from './helpers/fixture-root.js';

const AS_OF = '2026-11-23';
const { version: VERSION } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
const BIN = join(REPO, 'bin/casepress');
const hasRedis = process.env['CASEPRESS_TEST_REDIS'] !== undefined || spawnSync('redis-server', ['--version']).status === 0;
// CI installs Redis: there a missing server is a failure, not a skipped test.
if (process.env['CI'] && !hasRedis) throw new Error('CI runs the queue tests: install redis-server or set CASEPRESS_TEST_REDIS');

let work: string;
let root: string;
let local: string;
let address: QueueAddress;
let ownServer: ChildProcess | undefined;
const workers: ChildProcess[] = [];

/** The build command's engine in this process, with the given renderer (default: this machine's, one thread). */
async function buildInto(out: string, renderer?: ReturnType<typeof queueRenderer>, only?: { cases: string[]; docs: DocType[] }) {
  const lines: string[] = [];
  const say = (text: string) => void lines.push(text.replace(/\x1b\[[0-9;]*m/g, ''));
  const outcome = await build(root, { out, asOf: AS_OF, format: ['pdf', 'docx'], prune: !only, jobs: 1, ...(renderer ? { renderer } : {}) }, (r, asOf) => planJobs(r, asOf, only && { ...only, homes: [] }), say, say);
  return { code: outcome.code, text: lines.join('\n') };
}

/** A `casepress worker` process; resolves once it is taking jobs. */
async function startWorker(lockSeconds = 30): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', address.url, '--jobs', '1', '--lock', String(lockSeconds)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  workers.push(child);
  let said = '';
  child.stderr!.on('data', (chunk: Buffer) => void (said += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('worker ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}): ${said}`)));
  });
  return child;
}

async function stopWorkers(): Promise<void> {
  await Promise.all(workers.splice(0).map(async (child) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  }));
}

/** Every PDF and DOCX under a folder, by path, with its bytes. */
async function outputs(dir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(pdf|docx)$/.test(entry.name)) {
      const path = join(entry.parentPath, entry.name);
      found.set(path.slice(dir.length + 1), await readFile(path));
    }
  }
  return found;
}

async function expectSameAsLocal(out: string): Promise<void> {
  const [mine, theirs] = await Promise.all([outputs(out), outputs(local)]);
  expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
  for (const [path, bytes] of theirs) expect(mine.get(path)!.equals(bytes), path).toBe(true);
  expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(await readFile(join(local, 'manifest.json'), 'utf8'));
}

describe.skipIf(!hasRedis)('build --queue and casepress worker, on Redis', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'casepress-queue-'));
    root = join(work, 'cases');
    writeGeneratedAgency(root, { children: 4, homes: 2, seed: 7, asOf: AS_OF });
    let url = process.env['CASEPRESS_TEST_REDIS'];
    if (!url) {
      const port = await freePort();
      ownServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      url = `redis://127.0.0.1:${port}`;
    }
    // A database of its own, emptied before each test.
    const parsed = parseQueueUrl(`${url.replace(/\/\d+$/, '')}/3`);
    if ('error' in parsed) throw new Error(parsed.error);
    address = parsed;
    const redis = new Redis({ ...address.connection, retryStrategy: (times: number) => (times > 50 ? null : 100) } as RedisOptions);
    await redis.ping();
    redis.disconnect();
    local = join(work, 'local');
    const made = await buildInto(local);
    expect(made.code, made.text).toBe(0);
  }, 120_000);

  beforeEach(async () => {
    const redis = new Redis(address.connection as RedisOptions);
    await redis.flushdb();
    redis.disconnect();
  });

  afterAll(async () => {
    await stopWorkers();
    ownServer?.kill();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('two worker processes write what a local build writes, byte for byte, and the same manifest', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const out = join(work, 'two-workers');
    const made = await buildInto(out, queueRenderer({ address, version: VERSION, out }));
    await stopWorkers();
    expect(made.code, made.text).toBe(0);
    await expectSameAsLocal(out);
  }, 120_000);

  it('completes with every output when a worker is killed while it renders: the job is taken again', async () => {
    const doomed = await startWorker(2);
    const events = new QueueEvents(QUEUE_NAME, { connection: address.connection });
    await events.waitUntilReady();
    // The first job the only worker takes: kill it then, mid-render, and start another.
    const killed = new Promise<string>((resolve) => events.once('active', ({ jobId }) => {
      doomed.kill('SIGKILL');
      resolve(jobId);
    }));
    const out = join(work, 'killed');
    const building = buildInto(out, queueRenderer({ address, version: VERSION, out }));
    await killed;
    await once(doomed, 'exit');
    await startWorker(2);
    const made = await building;
    await events.close();
    await stopWorkers();
    expect(doomed.signalCode).toBe('SIGKILL');
    expect(made.code, made.text).toBe(0);
    await expectSameAsLocal(out);
  }, 120_000);

  it('retries a render that throws, then reports that document with its case id, and builds the others', async () => {
    const failing = 'C-2025-0030';
    let tries = 0;
    const worker = await startQueueWorker({
      address,
      version: VERSION,
      concurrency: 1,
      writeAtomic: writeFileAtomic,
      renderer: (setup) => {
        const real = inThreadRenderer(setup);
        return {
          ...real,
          render: async (task) => {
            if (task.job.subject === failing && task.job.type === 'court-report') {
              tries++;
              throw new Error('a fault on purpose');
            }
            return real.render(task);
          },
        };
      },
    });
    const out = join(work, 'failing');
    const made = await buildInto(out, queueRenderer({ address, version: VERSION, out }));
    await worker.close();
    expect(made.code).toBe(1);
    expect(tries).toBe(3);
    expect(made.text).toMatch(new RegExp(`rendering the court-report of ${failing} stopped: a fault on purpose`));
    // Every other document is there, as a local build wrote it.
    const [mine, theirs] = await Promise.all([outputs(out), outputs(local)]);
    const others = [...theirs.keys()].filter((path) => !(path.includes(failing) && path.includes('court-report')));
    expect(others.length).toBeGreaterThan(5);
    for (const path of others) expect(mine.get(path)?.equals(theirs.get(path)!), path).toBe(true);
    expect([...mine.keys()].filter((path) => path.includes(failing) && path.includes('court-report'))).toEqual([]);
  }, 120_000);

  it('fails a job at once, without retrying, on a worker of another casepress version', async () => {
    const worker = await startQueueWorker({ address, version: 'another', concurrency: 1, writeAtomic: writeFileAtomic, renderer: inThreadRenderer });
    const out = join(work, 'other-version');
    const made = await buildInto(out, queueRenderer({ address, version: VERSION, out }), { cases: ['C-2024-0037'], docs: ['court-report'] });
    await worker.close();
    expect(made.code).toBe(1);
    expect(made.text).toMatch(new RegExp(`rendering the court-report of C-2024-0037 stopped: queued by casepress ${VERSION.replace(/\./g, '\\.')}, and this worker runs another`));
  }, 60_000);

  it('refuses a second planner on the same --out: the lock is held while the first waits for its workers', async () => {
    const out = join(work, 'locked');
    const first = buildInto(out, queueRenderer({ address, version: VERSION, out }), { cases: ['C-2024-0037'], docs: ['court-report'] });
    // Give the first planner time to take the lock and queue its jobs (no worker is running: it waits).
    const events = new QueueEvents(QUEUE_NAME, { connection: address.connection });
    await new Promise<void>((resolve) => events.once('waiting', () => resolve()));
    const second = spawnSync(process.execPath, [BIN, 'build', root, '--out', out, '--as-of', AS_OF, '--queue', address.url], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/another casepress \(process \d+.*\) is writing to/);
    await startWorker();
    expect((await first).code).toBe(0);
    await events.close();
    await stopWorkers();
  }, 120_000);

  it('says at once when the URL is wrong or Redis does not answer', async () => {
    const port = await freePort();
    for (const [url, said] of [
      ['http://127.0.0.1:6379', /is not a Redis URL/],
      ['redis://127.0.0.1:6379/x', /database after the port must be a number/],
      [`redis://127.0.0.1:${port}`, /cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ .*is redis-server running there/],
    ] as const) {
      await expect(queueAddress(url), url).rejects.toThrow(said);
      await expect(queueAddress(url), url).rejects.toBeInstanceOf(UsageError);
    }
  });
});
