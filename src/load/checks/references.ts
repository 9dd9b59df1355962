/**
 * References between files: folder names equal record ids; staff and home ids,
 * and the case ids of siblings and of `kin_of`, name something that exists; ids
 * are unique where they must be.
 */
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { closest } from '../../core/did-you-mean.js';
import { formatFieldPath, type FieldPath } from '../../core/field-path.js';
import type { LoadedFile } from '../../model/case-root.js';
import type { Check } from './context.js';

export const folderNamesMatchIds: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  for (const { id, case: record } of root.children) {
    if (record && record.data.id !== id) out.push(idMismatch(record, id, 'children'));
  }
  for (const { id, home } of root.homes) {
    if (home && home.data.id !== id) out.push(idMismatch(home, id, 'homes'));
  }
  return out;
};

function idMismatch(file: LoadedFile, folderId: string, parent: string): Diagnostic {
  const recordId = (file.data as { id: string }).id;
  return diagnostic('CP1301', {
    file: file.file,
    span: file.locate.value(['id']),
    field: 'id',
    message: `the id "${recordId}" differs from its folder's name "${folderId}"`,
    hint: `rename the folder to ${parent}/${recordId}/ or set id: ${folderId}`,
  });
}

export const staffReferencesExist: Check = ({ root, staffIds }) => {
  if (!staffIds) return [];
  const out: Diagnostic[] = [];
  const check = (file: LoadedFile, path: FieldPath, value: string | null | undefined) => {
    if (value == null || staffIds.includes(value)) return;
    out.push(unknownReference('CP1302', file, path, value, staffIds, 'a staff id listed under `staff:` in agency.yaml'));
  };
  for (const child of root.children) {
    if (child.case) {
      check(child.case, ['caseworker'], child.case.data.caseworker);
      check(child.case, ['supervisor'], child.case.data.supervisor);
    }
    for (const note of child.contacts) check(note, ['author'], note.data.author);
    for (const note of child.visits) check(note, ['supervisor'], note.data.supervisor);
    for (const assessment of child.assessments) check(assessment, ['assessor'], assessment.data.assessor);
  }
  for (const { home, study } of root.homes) {
    if (home) check(home, ['licensing_worker'], home.data.licensing_worker);
    if (study) check(study, ['author'], study.data.author);
  }
  return out;
};

export const homeAndCaseReferencesExist: Check = ({ root, homeIds, caseIds }) => {
  const out: Diagnostic[] = [];
  for (const child of root.children) {
    const record = child.case;
    if (!record) continue;
    record.data.placements.forEach((placement, i) => {
      if (placement.home != null && !homeIds.includes(placement.home)) {
        out.push(unknownReference('CP1303', record, ['placements', i, 'home'], placement.home, homeIds, 'the id of a folder under homes/ (or use `provider:` for a home outside the agency)'));
      }
    });
    (record.data.siblings ?? []).forEach((sibling, i) => {
      if (sibling.case_id != null && !caseIds.includes(sibling.case_id)) {
        const others = caseIds.filter((id) => id !== child.id);
        out.push(unknownReference('CP1313', record, ['siblings', i, 'case_id'], sibling.case_id, others, 'the id of a folder under children/ (leave it out for a sibling not in the agency\'s care)'));
      }
    });
  }
  for (const { home } of root.homes) {
    (home?.data.kin_of ?? []).forEach((caseId, i) => {
      if (!caseIds.includes(caseId)) {
        out.push(unknownReference('CP1317', home!, ['kin_of', i], caseId, caseIds, 'the id of a folder under children/: a child the family is related to or known to (a warning, so that a closed case does not stop every build; until the id is known, matching does not count this family as kin)'));
      }
    });
  }
  return out;
};

function unknownReference(
  code: 'CP1302' | 'CP1303' | 'CP1313' | 'CP1317',
  file: LoadedFile,
  path: FieldPath,
  value: string,
  known: readonly string[],
  expected: string,
): Diagnostic {
  const suggestion = closest(value, known);
  return diagnostic(code, {
    file: file.file,
    span: file.locate.value(path),
    field: formatFieldPath(path),
    message: `\`${formatFieldPath(path)}\`: "${value}" is not known; expected ${expected}`,
    hint: suggestion ? `did you mean "${suggestion}"?` : known.length ? `known ids: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}` : undefined,
  });
}

export const idsAreUnique: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  const findRepeats = (file: LoadedFile, listPath: FieldPath, ids: readonly string[], what: string) => {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      const earlier = first.get(id);
      if (earlier === undefined) return void first.set(id, i);
      const path = [...listPath, i, 'id'];
      out.push(
        diagnostic('CP1310', {
          file: file.file,
          span: file.locate.value(path),
          field: formatFieldPath(path),
          message: `the ${what} id "${id}" is used twice`,
          hint: `it is first used at line ${file.locate.value([...listPath, earlier, 'id'])?.start.line}; give each ${what} its own id`,
        }),
      );
    });
  };
  if (root.agency) findRepeats(root.agency, ['staff'], root.agency.data.staff.map((s) => s.id), 'staff');
  for (const { plan } of root.children) {
    if (plan) findRepeats(plan, ['goals'], plan.data.goals.map((g) => g.id), 'goal');
  }
  return out;
};

export const assetsExist: Check = ({ root }) => {
  const agency = root.agency;
  const logo = agency?.data.logo;
  if (!agency || logo == null) return [];
  const normalized = logo.replace(/^\.\//, '');
  const problem = normalized.split('/').includes('..') || normalized.startsWith('/')
    ? 'must be a path inside the case root, under assets/'
    : !/\.(png|jpe?g)$/i.test(normalized)
      ? 'must be a PNG or JPEG image'
      : !root.assets.has(normalized)
        ? 'names a file that does not exist'
        : undefined;
  if (!problem) return [];
  return [
    diagnostic('CP1311', {
      file: agency.file,
      span: agency.locate.value(['logo']),
      field: 'logo',
      message: `\`logo\`: "${logo}" ${problem}`,
      hint: 'put the logo in the assets/ folder of the case root and write e.g. logo: assets/logo.png',
    }),
  ];
};
