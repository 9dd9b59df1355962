/**
 * Where the build queue lives: a Redis server named by a URL,
 * `redis://HOST:PORT[/DB]` (`rediss://` for TLS, a password as
 * `redis://:PASSWORD@HOST:PORT`). Checked before anything connects, so a
 * mistyped URL is a wrong command line, not a hang.
 */
import type { RedisOptions } from 'bullmq';
import type { RedisOptions as IORedisOptions } from 'ioredis';

/** The BullMQ queue every planner and worker of casepress uses (one per Redis database). */
export const QUEUE_NAME = 'casepress-render';

export interface QueueAddress {
  readonly url: string;
  readonly connection: RedisOptions;
}

/** The connection a URL names, or a sentence saying what is wrong with it. */
export function parseQueueUrl(url: string): QueueAddress | { readonly error: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: `"${url}" is not a URL: write redis://HOST:PORT or redis://HOST:PORT/DB` };
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') return { error: `"${url}" is not a Redis URL: write redis://HOST:PORT or redis://HOST:PORT/DB` };
  if (parsed.hostname === '') return { error: `"${url}" names no host: write redis://HOST:PORT` };
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const path = parsed.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d+$/.test(path)) return { error: `"${url}": the database after the port must be a number (redis://HOST:PORT/0)` };
  const connection: RedisOptions = {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    db: path === '' ? 0 : Number(path),
    // BullMQ's workers block on Redis: a request must wait for a reconnection rather than fail.
    maxRetriesPerRequest: null,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  return { url, connection };
}

/** How long to wait for Redis to answer the first time. */
const REACH_MS = 3000;

/**
 * Whether Redis answers at the address and keeps every key: a sentence saying
 * what is wrong, or undefined. A server that may evict keys (any
 * maxmemory-policy but noeviction) would lose queued documents silently.
 */
export async function queueProblem(address: QueueAddress): Promise<string | undefined> {
  const { Redis } = await import('ioredis');
  const probe = new Redis({ ...(address.connection as IORedisOptions), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: REACH_MS });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    const [, policy] = (await probe.call('CONFIG', 'GET', 'maxmemory-policy').catch(() => [])) as string[];
    if (policy !== undefined && policy !== 'noeviction') return `Redis at ${address.url} has maxmemory-policy ${policy}; the queue needs noeviction (redis-cli CONFIG SET maxmemory-policy noeviction)`;
    return undefined;
  } catch (error) {
    return `cannot reach Redis at ${address.url} (${error instanceof Error ? error.message : String(error)}); is redis-server running there?`;
  } finally {
    probe.disconnect();
  }
}
