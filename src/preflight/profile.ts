/** An e-filing profile of agency.yaml (model/efiling.ts) with every default filled in: what the checks read. */
import { BUILT_IN_PROFILE, type Efiling, type EfilingProfile } from '../model/efiling.js';

/** Paper sizes in points (1/72 in.), portrait. */
export const PAGE_SIZES = { letter: [612, 792], legal: [612, 1008], a4: [595.28, 841.89] } as const;

export interface PreflightProfile {
  readonly name: string;
  readonly maxBytes: number;
  readonly pdfa: boolean;
  readonly tagged: boolean;
  readonly pageSize: keyof typeof PAGE_SIZES;
  readonly stampArea?: NonNullable<EfilingProfile['stamp_area']>;
}

/** The built-in profile: 25 MB, Letter, tagged, PDF/A not required, no stamp area. */
const BUILT_IN: EfilingProfile = {};

/** The profile called `name` (default: agency.yaml's `efiling.default`, else the built-in one); undefined when there is none by that name. */
export function preflightProfile(config: Efiling | null | undefined, name?: string): PreflightProfile | undefined {
  const chosen = name ?? config?.default ?? BUILT_IN_PROFILE;
  const given = config?.profiles[chosen] ?? (chosen === BUILT_IN_PROFILE ? BUILT_IN : undefined);
  if (!given) return undefined;
  return {
    name: chosen,
    maxBytes: Math.round((given.max_mb ?? 25) * 1024 * 1024),
    pdfa: given.pdfa ?? false,
    tagged: given.tagged ?? true,
    pageSize: given.page_size ?? 'letter',
    ...(given.stamp_area ? { stampArea: given.stamp_area } : {}),
  };
}

/** Every profile name an agency can use. */
export function profileNames(config: Efiling | null | undefined): string[] {
  return [...new Set([BUILT_IN_PROFILE, ...Object.keys(config?.profiles ?? {})])];
}
