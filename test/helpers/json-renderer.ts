/**
 * A stand-in for the renderer (build/renderer.ts) in tests of the build
 * engine: a job's "bytes" are the canonical JSON of everything a render reads
 * (the job, its data, what it withholds; the template's sources, the agency,
 * the as-of date and the foster-family guards it holds by reference, by their hash). Rendering is a deterministic function of those, so equal
 * JSON stands for equal files, at a fraction of the cost of real PDFs.
 */
import { canonicalJson, sha256 } from '../../src/build/fingerprint.js';
import type { Renderer, RendererSetup } from '../../src/build/renderer.js';

const encoder = new TextEncoder();

export function jsonRenderer(setup: RendererSetup): Renderer {
  // What every job of the build shares stands in the JSON by its hash.
  const shared = sha256(canonicalJson({ agency: setup.agency, asOf: setup.asOf }));
  const templates = new Map(Object.entries(setup.templates).map(([name, files]) => [name, sha256(canonicalJson(files))]));
  // Foster-family guards a job names by reference (run-job.ts byReference) stand in by the hash of those the setup holds.
  const families = setup.familyGuards && sha256(canonicalJson(setup.familyGuards));
  return {
    render: async ({ job, input, formats }) => {
      const byReference = input.families && !input.families.guards ? { families } : {};
      const bytes = encoder.encode(canonicalJson({ job, input, template: templates.get(job.template), shared, ...byReference }));
      return { files: Object.fromEntries(formats.map((f) => [f, bytes])), diagnostics: [], warnings: [...input.warnings], caught: [], heapBytes: 0, thread: 0 };
    },
    capacity: 1,
    close: async () => {},
  };
}
