/**
 * Where a path sits in the case folder layout (case-format.md, Layout):
 * which kind of record it holds, or that casepress does not read it.
 */
import { closest } from '../core/did-you-mean.js';
import type { FileKindName } from '../model/file-kinds.js';

export type Place =
  | { readonly is: 'record'; readonly kind: FileKindName; readonly owner?: { readonly type: 'child' | 'home'; readonly id: string } }
  | { readonly is: 'folder'; readonly owner?: { readonly type: 'child' | 'home'; readonly id: string } }
  | { readonly is: 'ignored' }
  | { readonly is: 'unexpected'; readonly expected: readonly string[]; readonly suggestion?: string };

const CHILD_FILES: Record<string, FileKindName> = { 'case.yaml': 'case', 'plan.yaml': 'plan', 'transition.yaml': 'transition' };
const CHILD_FOLDERS: Record<string, { kind: FileKindName; extension: RegExp; expects: string }> = {
  contacts: { kind: 'contact', extension: /\.md$/i, expects: 'contact notes (*.md)' },
  visits: { kind: 'visit', extension: /\.md$/i, expects: 'family-time notes (*.md)' },
  assessments: { kind: 'assessment', extension: /\.ya?ml$/i, expects: 'assessments (*.yaml)' },
  court: { kind: 'court-note', extension: /\.md$/i, expects: 'court narratives (*.md)' },
};
const HOME_FILES: Record<string, FileKindName> = { 'home.yaml': 'home', 'study.md': 'study' };
const ROOT_FOLDERS = ['children', 'homes', 'assets', 'schema'];

/**
 * The kinds a command may leave unread (ReadRootOptions.skip): the assessments,
 * the court notes and the home study, each where it lives in its owner's folder
 * (a child's subfolder, a home's file). The parse cache keeps them apart
 * (parse-cache.ts shardOf), so a command that skips them does not read their parses either.
 */
export const SKIPPABLE_PLACES = { assessment: { owner: 'children', name: 'assessments' }, 'court-note': { owner: 'children', name: 'court' }, study: { owner: 'homes', name: 'study.md' } } as const;
export type SkippableKind = keyof typeof SKIPPABLE_PLACES;

/** Hidden files, editor backups and OS litter are never case data. */
function isLitter(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name) || /\.(swp|swo|tmp)$/i.test(name) || name === 'Thumbs.db' || name === 'desktop.ini';
}

function unexpected(name: string, expected: readonly string[]): Place {
  const suggestion = closest(name, expected);
  return suggestion ? { is: 'unexpected', expected, suggestion } : { is: 'unexpected', expected };
}

export function classify(path: string, isDir: boolean): Place {
  const parts = path.split('/');
  if (parts.some(isLitter)) return { is: 'ignored' };
  const [top, id, second, third, ...rest] = parts as [string, string?, string?, string?, ...string[]];
  if (parts.length === 1) {
    if (top === 'agency.yaml') return { is: 'record', kind: 'agency' };
    if (ROOT_FOLDERS.includes(top) && isDir) return { is: 'folder' };
    if (/^readme/i.test(top)) return { is: 'ignored' };
    return unexpected(top, isDir ? ROOT_FOLDERS : ['agency.yaml']);
  }
  if (top === 'assets' || top === 'schema') return { is: 'ignored' };
  if (top === 'children' && id !== undefined) {
    const owner = { type: 'child' as const, id };
    if (second === undefined) return isDir ? { is: 'folder', owner } : unexpected(id, []);
    if (third === undefined) {
      const kind = CHILD_FILES[second];
      if (kind) return { is: 'record', kind, owner };
      if (CHILD_FOLDERS[second] && isDir) return { is: 'folder', owner };
      return unexpected(second, isDir ? Object.keys(CHILD_FOLDERS) : Object.keys(CHILD_FILES));
    }
    const folder = CHILD_FOLDERS[second];
    if (folder && rest.length === 0 && !isDir && folder.extension.test(third)) return { is: 'record', kind: folder.kind, owner };
    return { is: 'unexpected', expected: folder ? [folder.expects] : [] };
  }
  if (top === 'homes' && id !== undefined) {
    const owner = { type: 'home' as const, id };
    if (second === undefined) return isDir ? { is: 'folder', owner } : unexpected(id, []);
    const kind = HOME_FILES[second];
    if (kind && third === undefined) return { is: 'record', kind, owner };
    return unexpected(second, Object.keys(HOME_FILES));
  }
  return { is: 'unexpected', expected: [] };
}
