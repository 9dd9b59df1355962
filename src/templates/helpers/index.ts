/**
 * The helpers a template may use, by name: every other name is a compile-time
 * error (CP2002) with a "did you mean". One file per helper.
 */
import { age } from './age.js';
import { attr } from './attr.js';
import { checkbox } from './checkbox.js';
import { eq, gt, gte, lt, lte, ne } from './compare.js';
import { date } from './date.js';
import { dueDetail } from './due-detail.js';
import { humanize } from './humanize.js';
import { counts, label } from './label.js';
import { list } from './list.js';
import { and, not, or } from './logic.js';
import { markdown } from './markdown.js';
import { notRecorded } from './not-recorded.js';
import { plural } from './plural.js';
import { each, ifHelper, lookup, unless, withHelper } from './sections.js';
import type { HelperSpec } from './spec.js';
import { task } from './task.js';
import { text } from './text.js';
import { yesno } from './yesno.js';

export const HELPERS: ReadonlyMap<string, HelperSpec> = new Map(
  [
    text, date, age, plural, list, label, counts, dueDetail, humanize, yesno, checkbox, notRecorded, attr, markdown, task,
    eq, ne, gt, gte, lt, lte, and, or, not,
    ifHelper, unless, each, withHelper, lookup,
  ].map((spec) => [spec.name, spec]),
);

export type { HelperSpec, HelperRole, HashKind } from './spec.js';
