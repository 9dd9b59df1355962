/**
 * `--queue redis://HOST:PORT[/DB]`, checked before a build or a worker starts:
 * a mistyped URL or a server that does not answer is said at once, in a
 * sentence, instead of a build that waits for ever.
 */
import { parseQueueUrl, queueProblem, type QueueAddress } from '../queue/connection.js';
import { UsageError } from './exit.js';

export async function queueAddress(url: string): Promise<QueueAddress> {
  const address = parseQueueUrl(url);
  if ('error' in address) throw new UsageError(`--queue ${address.error}`);
  const problem = await queueProblem(address);
  if (problem) throw new UsageError(problem);
  return address;
}
