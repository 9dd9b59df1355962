/**
 * Words shaped by earlier builds, kept under `<out>/.casepress-cache/shapes`
 * (render/pdf/fonts.ts): one shard per set of font files, valid only for the
 * code that shaped them. A build that would otherwise shape every word of its
 * documents again reads them instead.
 */
import { sha256 } from '../core/hash.js';
import type { FontSet, ShapedRuns } from '../render/pdf/index.js';
import { codeIdentity, readShards, writeShards } from './cache-shards.js';

const SHAPING_CODE = { folders: ['render/pdf'], packages: ['fontkit', 'pdfkit'] } as const;

const shardOf = (fonts: FontSet): string => `shapes ${sha256(Object.values(fonts).map((bytes) => sha256(bytes)).join(' '))}`;

export function readShapedRuns(dir: string, fonts: FontSet): ShapedRuns | undefined {
  const shard = shardOf(fonts);
  return readShards(dir, [shard], codeIdentity(SHAPING_CODE.folders, SHAPING_CODE.packages)).get(shard) as ShapedRuns | undefined;
}

/** Keeps these runs (and nothing else in the folder); a failure only costs the next build the shaping. */
export async function writeShapedRuns(dir: string, fonts: FontSet, runs: ShapedRuns): Promise<void> {
  const shard = shardOf(fonts);
  await writeShards(dir, new Map([[shard, runs]]), new Set([shard]), codeIdentity(SHAPING_CODE.folders, SHAPING_CODE.packages)).catch(() => undefined);
}
