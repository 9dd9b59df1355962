/**
 * The parsing thread of cli/parse-ahead.ts: parses the files it is given as
 * they come, sends its shards back as the parse cache stores them when told
 * it has all, then writes the cache when told to (a run whose data has errors
 * writes nothing).
 */
import { parentPort } from 'node:worker_threads';
import { sha256 } from '../core/hash.js';
import { writeShardTexts } from '../io/cache-shards.js';
import { parseToStore } from '../load/load-root.js';
import { shardOf, sortEntries, type StoredParse } from '../load/parse-cache.js';
import type { ParsedShards, ParseWork, WriteOrder } from './parse-ahead.js';

const shards = new Map<string, [string, StoredParse][]>();
let parsed: ParsedShards | undefined;

parentPort!.on('message', (message: ParseWork | WriteOrder) => {
  if (parsed) {
    const order = message as WriteOrder;
    try {
      if (order) writeShardTexts(order.dir, [...parsed, ...order.more], order.code);
    } catch {
      // Only a cache: the next run parses these files again.
    }
    parentPort!.postMessage('written');
  } else if ('files' in message!) {
    for (const [path, kind, bytes] of message.files) {
      const shard = shardOf(path);
      let entries = shards.get(shard);
      if (!entries) shards.set(shard, (entries = []));
      entries.push([path, { sha256: sha256(bytes), kind, ...parseToStore(path, kind, bytes) }]);
    }
  } else {
    parsed = [...shards].map(([shard, entries]) => [shard, JSON.stringify(sortEntries(entries))]);
    parentPort!.postMessage(parsed);
  }
});
