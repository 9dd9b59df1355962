/** `casepress validate [root]`: load and check everything (in parts: check-in-parts.ts), print every diagnostic, write nothing. */
import { performance } from 'node:perf_hooks';
import { hasErrors } from '../../core/diagnostic.js';
import { EXIT, type ExitCode } from '../exit.js';
import { checkRootInParts } from '../check-in-parts.js';
import { formatJson, formatText } from '../report.js';

export interface ValidateOptions {
  readonly json?: boolean;
  readonly strict?: boolean;
}

export async function validate(rootArg: string, options: ValidateOptions): Promise<ExitCode> {
  const started = performance.now();
  const { diagnostics, report } = await checkRootInParts(rootArg);
  process.stdout.write(options.json ? formatJson(report) : formatText(report, performance.now() - started));
  const failed = hasErrors(diagnostics) || (options.strict === true && diagnostics.length > 0);
  return failed ? EXIT.dataErrors : EXIT.ok;
}
