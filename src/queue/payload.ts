/**
 * What crosses the queue. A job carries its render task as the structured
 * clone a worker thread would receive (v8's serialization, base64 in BullMQ's
 * JSON), so a queued render takes the same values as a local one and writes the
 * same bytes. What every job of a build shares (templates, fonts, images: the
 * RendererSetup) is stored once in Redis under its hash, not in every job.
 */
import { deserialize, serialize } from 'node:v8';
import { sha256 } from '../core/hash.js';
import type { RendererSetup, RenderTask } from '../build/renderer.js';
import type { Format } from '../build/render-document.js';
import type { RenderOutput } from '../build/run-job.js';

/** How long a build's setup stays in Redis after its planner stored it: longer than any build. */
export const SETUP_TTL_SECONDS = 7 * 24 * 3600;

export interface QueuedJob {
  /** The planner's casepress version: a worker of another version renders other bytes, and refuses the job. */
  readonly version: string;
  /** The Redis key of the build's setup. */
  readonly setup: string;
  /** The planner's --out folder (absolute); a worker may name another mount of it. */
  readonly out: string;
  /** The render task, serialized (taskBytes). */
  readonly task: string;
}

/** What a worker returns: the files it wrote under --out, by format, and what the render said. */
export interface QueuedResult extends Pick<RenderOutput, 'diagnostics' | 'warnings' | 'caught'> {
  readonly written: Partial<Record<Format, string>>;
}

export const setupBytes = (setup: RendererSetup): Buffer => serialize(setup);
export const setupKey = (bytes: Uint8Array): string => `casepress:setup:${sha256(bytes)}`;
export const readSetup = (bytes: Uint8Array): RendererSetup => deserialize(bytes) as RendererSetup;

export const encodeTask = (task: RenderTask): string => serialize(task).toString('base64');
export const decodeTask = (text: string): RenderTask => deserialize(Buffer.from(text, 'base64')) as RenderTask;

/**
 * The job's id: the output's fingerprint, for this output folder. A job queued
 * twice is the same job; two output folders built from the same root are not.
 */
export function queuedJobId(fingerprint: string, out: string): string {
  return `${fingerprint}-${sha256(out).slice(0, 16)}`;
}
