/** The synthetic agency generator: options in, case-root files out (see agency.ts). */
export { generateAgency, type GenerateOptions, type GeneratedFile } from './agency.js';
export { Random } from './random.js';
