/**
 * `npm run bench:queue`: a generated root built locally (`--jobs 1` and
 * `--jobs 2`: one per --workers count) and through the queue (`build --queue`) with 1 and 2
 * `casepress worker` processes of one rendering thread each, every build into
 * a fresh --out: wall time, document pairs (PDF + DOCX) per second, and the
 * CPU of every process (planner, workers, Redis). The queue's overhead per
 * document is the CPU a queued build with N workers spends beyond a local
 * `--jobs N` build of the same documents (as many rendering threads), divided
 * by their number: serializing each job, Redis, the event stream, a process
 * per worker and its atomic writes.
 *
 *   npm run bench:queue -- [--children 2000] [--workers 1,2] [--seed 7] [--as-of 2026-11-23]
 *                          [--queue redis://127.0.0.1:6379] [--work /tmp/casepress-bench] [--json]
 *
 * Without --queue it starts a redis-server of its own on a free loopback port
 * (Debian's redis-server must be installed) and stops it at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Redis, type RedisOptions } from 'ioredis';
import { PACKAGE_ROOT } from '../../src/io/package-files.js';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { freePort } from '../free-port.js';
import { generatedRoot } from './generated-root.js';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '1,2' },
    seed: { type: 'string', default: '7' },
    'as-of': { type: 'string', default: '2026-11-23' },
    queue: { type: 'string' },
    work: { type: 'string', default: '/tmp/casepress-bench' },
    json: { type: 'boolean', default: false },
  },
});
const BIN = join(PACKAGE_ROOT, 'bin/casepress');
const TICKS_PER_SECOND = 100;
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const say = (line: string) => !values.json && process.stderr.write(`${line}\n`);

interface Measured {
  readonly label: string;
  /** Worker processes of a queued build. */
  readonly threads?: number;
  readonly seconds: number;
  readonly documents: number;
  readonly cpuSeconds: number;
}

/** CPU seconds a running process (all its threads) has used, from /proc. */
function processCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function redisCpu(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const value = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return value('used_cpu_user') + value('used_cpu_sys');
}

function build(root: string, out: string, extra: readonly string[]): { seconds: number; built: number; cpuSeconds: number } {
  rmSync(out, { recursive: true, force: true });
  const statsFile = `${out}.stats.json`;
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'build', root, '--out', out, '--as-of', values['as-of'], '--stats', statsFile, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`build of ${root} exited ${run.status}:\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { built: number; cpu_seconds: number };
  return { seconds, built: stats.built, cpuSeconds: stats.cpu_seconds };
}

async function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--jobs', '1'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('worker ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`a worker exited (${code})`)));
  });
  // Its output is only "rendered …" lines from here on.
  child.stdout!.resume();
  return child;
}

const children = Number(values.children);
const root = generatedRoot({ work: values.work, children, seed: Number(values.seed), asOf: values['as-of'], say });
let server: ChildProcess | undefined;
let url = values.queue;
if (!url) {
  url = `redis://127.0.0.1:${await freePort()}`;
  server = spawn('redis-server', ['--port', url.split(':').at(-1)!, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}
const address = parseQueueUrl(url);
if ('error' in address) throw new Error(address.error);
const redis = new Redis({ ...(address.connection as RedisOptions), retryStrategy: (times: number) => (times > 50 ? null : 100) });
// (A server just started refuses the first connections: those are retried.)
redis.on('error', () => undefined);
await redis.ping();

const results: Measured[] = [];
try {
  const counts = values.workers.split(',').map(Number);
  for (const jobs of counts) {
    const made = build(root, join(values.work, `queue-bench-local-${jobs}`), ['--jobs', String(jobs)]);
    results.push({ label: `local --jobs ${jobs}`, seconds: made.seconds, documents: made.built, cpuSeconds: made.cpuSeconds });
    say(`local --jobs ${jobs}: ${made.built} documents in ${round(made.seconds)} s, CPU ${round(made.cpuSeconds)} s`);
  }
  for (const count of counts) {
    await redis.flushdb();
    const workers = await Promise.all(Array.from({ length: count }, () => startWorker(url!)));
    const before = { workers: workers.map((w) => processCpu(w.pid!)), redis: await redisCpu(redis) };
    const made = build(root, join(values.work, `queue-bench-${count}`), ['--queue', url]);
    const workerCpu = workers.reduce((sum, w, i) => sum + processCpu(w.pid!) - before.workers[i]!, 0);
    const cpuSeconds = made.cpuSeconds + workerCpu + (await redisCpu(redis)) - before.redis;
    await Promise.all(workers.map(async (w) => {
      w.kill('SIGTERM');
      await once(w, 'exit');
    }));
    const label = `queue, ${count} worker${count === 1 ? '' : 's'}`;
    results.push({ label, threads: count, seconds: made.seconds, documents: made.built, cpuSeconds });
    say(`${label}: ${made.built} documents in ${round(made.seconds)} s, CPU ${round(cpuSeconds)} s (planner ${round(made.cpuSeconds)}, workers ${round(workerCpu)})`);
  }
} finally {
  redis.disconnect();
  server?.kill();
}

/** The local build with as many rendering threads as the queued one has workers (of one thread each). */
const localWith = (threads: number) => results.find((r) => r.label === `local --jobs ${threads}`)!;
const rows = results.map((r) => ({
  build: r.label,
  documents: r.documents,
  seconds: round(r.seconds),
  pairs_per_second: round(r.documents / r.seconds),
  cpu_seconds: round(r.cpuSeconds),
  // What a queued document costs beyond rendering it locally, in CPU.
  ...(r.threads !== undefined ? { overhead_ms_per_document: round((1000 * (r.cpuSeconds - localWith(r.threads).cpuSeconds)) / r.documents) } : {}),
}));
if (values.json) process.stdout.write(`${JSON.stringify({ children, rows })}\n`);
else console.table(rows);
