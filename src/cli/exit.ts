/** Exit codes (cli.md) and the error a command throws for a wrong command line. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The command line is wrong (exit 2): a message the user can act on, never a stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
