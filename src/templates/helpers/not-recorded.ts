/** `{{notRecorded}}`: the *not recorded* marker, e.g. in an {{else}} branch. */
import { NOT_RECORDED } from '../escape.js';
import type { HelperSpec } from './spec.js';

export const notRecorded: HelperSpec = {
  name: 'notRecorded',
  role: 'inline',
  params: [0, 0],
  usage: '{{notRecorded}}',
  run: () => NOT_RECORDED,
};
