/**
 * `{{dueDetail detail}}`: a `due` item's detail in the words of labels.yaml
 * `due_detail` (due-words.ts), its dates in the long style like any prose. The
 * facts check makes sure every phrase is there before a document is rendered.
 */
import type { DueDetail } from '../../compute/due-detail.js';
import { DUE_PHRASES, dueDetailWords } from '../due-words.js';
import { escapeText, isBlank } from '../escape.js';
import { isRecord } from './call.js';
import { proseDates } from './date.js';
import type { HelperSpec } from './spec.js';

export const dueDetail: HelperSpec = {
  name: 'dueDetail',
  role: 'inline',
  params: [1, 1],
  usage: '{{dueDetail detail}}',
  run(call, [detail]) {
    if (isBlank(detail)) return call.empty(0, detail);
    if (!isRecord(detail) || typeof detail['kind'] !== 'string') return call.wrongKind(0, detail, "a due item's detail, e.g. notices.overdue[].detail");
    const phrases = call.state.labels?.vocabularies.get(DUE_PHRASES);
    if (!phrases) return call.wrongKind(0, detail, `a detail, with the phrases of ${call.state.labels?.file ?? 'templates/labels.yaml'} "${DUE_PHRASES}"`);
    return escapeText(proseDates(dueDetailWords(detail as unknown as DueDetail, phrases)));
  },
};
