/**
 * templates/labels.yaml: the words documents print for codes in the data,
 * vocabulary by vocabulary (`setting: { group_home: Group home, … }`). It sits
 * beside the templates so an agency can change a word once for every document.
 */
import { z } from './zod.js';

const word = z.string().trim().min(1, 'a label is text, e.g. "Group home"');

export const labelsFile = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'a vocabulary name is lower_snake_case, e.g. placement_setting'),
  z.record(z.string(), word),
);

export type LabelsFile = z.infer<typeof labelsFile>;
