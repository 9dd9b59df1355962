import { closest } from '../core/did-you-mean.js';

/** Exit codes (cli.md) and the error a command throws for a wrong command line. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The command line is wrong (exit 2): a message the user can act on, never a stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A case or home id the root does not hold: the closest one, else the ones it does. */
export function unknownId(what: 'case' | 'home', id: string, known: readonly string[]): string {
  const suggestion = closest(id, known);
  return `there is no ${what} "${id}" in this case root${suggestion ? `; did you mean "${suggestion}"?` : known.length ? ` (${what}s: ${known.join(', ')})` : ''}`;
}
