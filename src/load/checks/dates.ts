/**
 * Dates that must come in order: birth before removal, placements that start
 * before they end and do not overlap, prior episodes that ended before this one.
 */
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { formatFieldPath, type FieldPath } from '../../core/field-path.js';
import type { LoadedFile } from '../../model/case-root.js';
import type { Check } from './context.js';

type Code = 'CP1304' | 'CP1305' | 'CP1306' | 'CP1307';

function outOfOrder(code: Code, file: LoadedFile, path: FieldPath, message: string, hint?: string): Diagnostic {
  return diagnostic(code, { file: file.file, span: file.locate.value(path), field: formatFieldPath(path), message, hint });
}

export const caseDatesInOrder: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  for (const { case: file } of root.children) {
    if (!file) continue;
    const { child, removal, placements, court } = file.data;
    if (removal.date < child.dob) {
      out.push(outOfOrder('CP1304', file, ['removal', 'date'], `the removal date ${removal.date} is before the child's date of birth ${child.dob}`));
    }
    if (removal.adjudication_date != null && removal.adjudication_date < removal.date) {
      out.push(outOfOrder('CP1304', file, ['removal', 'adjudication_date'], `the adjudication date ${removal.adjudication_date} is before the removal date ${removal.date}`, 'the first finding of abuse or neglect comes on or after the removal it concerns'));
    }
    (removal.prior_episodes ?? []).forEach((episode, i) => {
      const at = ['removal', 'prior_episodes', i] as const;
      if (episode.discharge_date < episode.removal_date) {
        out.push(outOfOrder('CP1307', file, [...at, 'discharge_date'], `prior episode ${i + 1} is discharged on ${episode.discharge_date}, before its removal on ${episode.removal_date}`));
      } else if (episode.discharge_date > removal.date) {
        out.push(outOfOrder('CP1307', file, [...at, 'discharge_date'], `prior episode ${i + 1} is discharged on ${episode.discharge_date}, after the current removal on ${removal.date}`, 'a prior episode ends before the current removal; list the current episode under `removal:`'));
      }
      if (episode.removal_date < child.dob) {
        out.push(outOfOrder('CP1304', file, [...at, 'removal_date'], `prior episode ${i + 1} starts on ${episode.removal_date}, before the child's date of birth ${child.dob}`));
      }
    });
    placements.forEach((placement, i) => {
      if (placement.end != null && placement.end < placement.start) {
        out.push(outOfOrder('CP1305', file, ['placements', i, 'end'], `placement ${i + 1} ends on ${placement.end}, before it starts on ${placement.start}`));
      }
      if (placement.start < child.dob) {
        out.push(outOfOrder('CP1304', file, ['placements', i, 'start'], `placement ${i + 1} starts on ${placement.start}, before the child's date of birth ${child.dob}`));
      }
      const previous = placements[i - 1];
      if (!previous) return;
      if (previous.end == null) {
        out.push(outOfOrder('CP1306', file, ['placements', i - 1], `placement ${i} has no end date but is followed by placement ${i + 1}`, 'only the last placement (the current one) may be open; give this one an `end:` date'));
      } else if (placement.start < previous.start) {
        out.push(outOfOrder('CP1306', file, ['placements', i, 'start'], `placement ${i + 1} starts on ${placement.start}, before placement ${i} (${previous.start}); list placements in date order`));
      } else if (placement.start < previous.end) {
        out.push(outOfOrder('CP1306', file, ['placements', i, 'start'], `placement ${i + 1} starts on ${placement.start}, while placement ${i} runs until ${previous.end}: placements overlap`, 'a child lives in one placement at a time; the next one starts on or after the day the last one ends'));
      }
    });
    court.hearings.forEach((hearing, i) => {
      if (hearing.next_date != null && hearing.next_date <= hearing.date) {
        out.push(outOfOrder('CP1304', file, ['court', 'hearings', i, 'next_date'], `the hearing of ${hearing.date} is continued to ${hearing.next_date}, which is not after it`));
      }
      if (hearing.next_date != null && hearing.continued !== true) {
        out.push(
          diagnostic('CP1201', {
            file: file.file,
            span: file.locate.value(['court', 'hearings', i, 'next_date']),
            field: formatFieldPath(['court', 'hearings', i, 'continued']),
            message: `the hearing of ${hearing.date} has a \`next_date\` (${hearing.next_date}) but is not marked \`continued: true\``,
            hint: 'add continued: true (the hearing did not go ahead and was rescheduled), or remove next_date',
          }),
        );
      }
    });
  }
  return out;
};

export const homeDatesInOrder: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  for (const { home: file } of root.homes) {
    if (!file) continue;
    const { license, inspections } = file.data;
    if (license.expires <= license.issued) {
      out.push(outOfOrder('CP1304', file, ['license', 'expires'], `the license expires on ${license.expires}, not after it was issued on ${license.issued}`));
    }
    if (license.ages && license.ages.max < license.ages.min) {
      out.push(outOfOrder('CP1304', file, ['license', 'ages', 'max'], `the licensed ages run from ${license.ages.min} to ${license.ages.max}; the maximum is below the minimum`));
    }
    (inspections ?? []).forEach((inspection, i) => {
      if (inspection.resolved != null && inspection.resolved < inspection.date) {
        out.push(outOfOrder('CP1304', file, ['inspections', i, 'resolved'], `the inspection of ${inspection.date} is resolved on ${inspection.resolved}, before it took place`));
      }
    });
  }
  return out;
};
