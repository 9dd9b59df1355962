/**
 * zod, set up once for casepress: every schema imports `z` from here, so the
 * set-up runs before any schema is made.
 *
 * Without `jitless`, zod compiles a parser of its own for each object schema
 * the first time it parses one (`new Function`). A one-off court report parses
 * each schema a few times, and compiling took about a fortieth of its CPU time;
 * a validation of 2,000 children parsed no faster with the compiled parsers.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
