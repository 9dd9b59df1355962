/**
 * agency.yaml `efiling`: what the courts' e-filing portals accept, as named
 * profiles that `casepress preflight` and `build --preflight` check PDFs
 * against. Every field has a default, so `efiling: { profiles: { county: {} } }`
 * is the built-in profile under another name.
 */
import { z } from './zod.js';
import { id, opt } from './primitives.js';

/** The profile every agency has, and the one used when agency.yaml names none. */
export const BUILT_IN_PROFILE = 'default';
export const PAGE_SIZE_NAMES = ['letter', 'legal', 'a4'] as const;

const inches = z.number().positive().max(20);

export const stampArea = z
  .strictObject({
    corner: z.enum(['top-right', 'top-left']).default('top-right'),
    width: inches.meta({ description: 'inches' }),
    height: inches.meta({ description: 'inches' }),
  })
  .meta({ description: 'A blank area on page 1 for the clerk\'s stamp, in inches from a top corner: no text or image may fall in it.' });

export const efilingProfile = z.strictObject({
  /** The portal's cap on one file, in megabytes (MiB). */
  max_mb: opt(z.number().positive().max(2048)).meta({ description: 'largest file the portal accepts, in MB (default 25)' }),
  pdfa: opt(z.boolean()).meta({ description: 'the portal requires PDF/A: the XMP must identify the file as PDF/A (default false)' }),
  tagged: opt(z.boolean()).meta({ description: 'the file must be tagged, with a structure tree (default true)' }),
  page_size: opt(z.enum(PAGE_SIZE_NAMES)).meta({ description: 'letter, legal or a4 (default letter), either way up' }),
  stamp_area: opt(stampArea),
});

export const efiling = z
  .strictObject({
    profiles: z.record(id, efilingProfile).meta({ description: 'each court portal the agency files with, by a name of its choosing: `casepress preflight --profile NAME`' }),
    /** The profile used when `--profile` names none (default: the built-in one, `default`). */
    default: opt(id).meta({ description: 'the profile used when none is named (default: the built-in "default": 25 MB, letter, tagged, PDF/A not required)' }),
  })
  .meta({ description: "What the courts' e-filing portals accept: `casepress preflight` and `build --preflight` check PDFs against these profiles." })
  .superRefine((value, ctx) => {
    if (value.default && !(value.default in value.profiles) && value.default !== BUILT_IN_PROFILE) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: `no profile "${value.default}" under efiling.profiles (profiles: ${[BUILT_IN_PROFILE, ...Object.keys(value.profiles)].join(', ')})` });
    }
  });

export type Efiling = z.infer<typeof efiling>;
export type EfilingProfile = z.infer<typeof efilingProfile>;
