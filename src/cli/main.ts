/**
 * The casepress command line: commands, options, exit codes (cli.md), and the
 * one place that turns an unexpected fault into exit 3 without a stack trace.
 * Commands are imported when they run, so `--help` starts fast.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { daysInMonth, isDateShaped, isRealDate } from '../core/calendar-date.js';
import { boundHeapGrowth } from '../io/heap.js';
import { PACKAGE_ROOT } from '../io/package-files.js';
import { EXIT, unknownId, UsageError, type ExitCode } from './exit.js';

const { version } = createRequire(import.meta.url)(join(PACKAGE_ROOT, 'package.json')) as { version: string };

const DEFAULT_ROOT = './cases';
const log = (line: string) => process.stdout.write(`${line}\n`);

function program(setExit: (code: ExitCode) => void): Command {
  const cli = new Command()
    .name('casepress')
    .description("Turns a foster care agency's case folders into the documents its staff file and sign.\nRead and check case data, write court reports, plans, home studies and re-licensing packets.")
    .version(version, '-V, --version', 'print the version')
    .option('--debug', 'show the stack trace of an internal fault')
    .showSuggestionAfterError(true)
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', `\nExamples:\n  $ casepress validate cases\n  $ casepress build cases\n  $ casepress court-summary C-2025-0142\n  $ casepress relicense H-0042\n  $ casepress due cases --within 30\n  $ casepress preflight output cases\n  $ casepress schema --out schema\n  $ casepress init my-agency\n  $ casepress render-sample --draft\n\nExit codes: 0 success, 1 the data has errors, 2 the command line is wrong, 3 an internal fault.`);

  cli
    .command('validate')
    .description('load and check every file under the case root; print every problem; write nothing')
    .argument('[root]', 'the case root: the folder holding agency.yaml, children/ and homes/', DEFAULT_ROOT)
    .option('--json', 'print the diagnostics as one JSON object on stdout')
    .option('--strict', 'treat warnings as errors (exit 1)')
    .addHelpText('after', '\nExample:\n  $ casepress validate cases\n  cases/children/C-1/case.yaml:14:9 error CP1203 `removal.date`: found "2024-13-02", expected a calendar date …')
    .action(async (root: string, options: { json?: boolean; strict?: boolean }) => {
      const { validate } = await import('./commands/validate.js');
      setExit(await validate(root, options));
    });

  const documentOptions = (command: Command) =>
    command
      .addOption(new Option('--out <dir>', 'where documents go').default('output'))
      .addOption(new Option('--as-of <date>', 'the day the documents speak from (YYYY-MM-DD); default: today in the agency\'s time zone').argParser(parseDate))
      .addOption(new Option('--format <list>', 'which files to write: pdf, docx or both').default(['pdf', 'docx'], 'pdf,docx').argParser(parseFormats))
      .addOption(new Option('--audience <who>', 'whose copy: court, parent, foster_parent or internal (default: court for court reports, internal otherwise)').choices(['court', 'parent', 'foster_parent', 'internal']))
      .option('--parent <role or name>', "with --audience parent: whose copy, a parent's role (mother, father, putative_father …) or full name")
      .option('--templates <dir>', 'a folder of templates to use instead of the bundled ones')
      .option('--draft', 'print a DRAFT watermark on every page', false)
      .option('--pdfa', 'write PDFs as PDF/A-2a (tagged, for archiving and e-filing)', false)
      .option('--reference-docx <file>', 'a Word file whose styles the DOCX takes (default: templates/reference.docx)')
      .option('--force', 'rebuild even the documents that are up to date; write into an --out that holds files casepress did not write', false)
      .option('--strict', 'exit 1 when there is any warning: a part required before filing that is missing, the data\'s, the rule set\'s', false)
      .addOption(new Option('--jobs <n>', 'documents rendered at once, each on its own thread').default(availableParallelism(), `${availableParallelism()}, one per core`).argParser(parseJobs));

  documentOptions(
    cli
      .command('build')
      .description('validate, then build every document that is due for every case and home')
      .argument('[root]', 'the case root', DEFAULT_ROOT)
      .addOption(new Option('--case <id>', 'only this case (repeatable)').argParser(collect).default([]))
      .addOption(new Option('--home <id>', 'only this home (repeatable)').argParser(collect).default([]))
      .addOption(new Option('--doc <type>', `only this document type (repeatable): ${DOC_TYPE_NAMES.join(', ')}`).argParser(collectDoc).default([]))
      .option('--queue <url>', 'render on `casepress worker` processes through a BullMQ queue on Redis (redis://HOST:PORT[/DB]) instead of this machine\'s threads')
      // For `npm run bench`: what the build did and its memory, as JSON.
      .addOption(new Option('--stats <file>', 'write the build\'s counts and peak memory (JSON) to this file').hideHelp())
      // For tests and benches: a full build of a root with more children works through it this many children at a time.
      .addOption(new Option('--children-per-part <n>', 'children loaded at once by a full build of a large root').argParser(parsePartSize).hideHelp())
      .addOption(preflightOption())
      .addHelpText('after', '\nExamples:\n  $ casepress build cases --as-of 2026-11-23\n  built output/children/C-2025-0142/court-report-2026-12-10.{pdf,docx}\n  $ casepress build cases --queue redis://10.0.0.5:6379 --out /shared/output'),
  ).action(async (root: string, options: BuildCommandOptions & { case: string[]; home: string[]; doc: DocTypeName[]; stats?: string; queue?: string; preflight?: string | true }) => {
    checkParentOptions(options);
    // cli.md: caseload statistics are made by the stats command, for a period it names.
    if (options.doc.includes('caseload-stats')) throw new UsageError('caseload statistics are made by `casepress stats` for a month or a quarter (e.g. `casepress stats --quarter 2026-Q3`), not by build');
    const [{ build }, { matchParent, planJobs }] = await Promise.all([import('./commands/build.js'), import('../build/jobs.js')]);
    const filter = { cases: options.case, homes: options.home, docs: options.doc, ...(options.audience ? { audience: options.audience } : {}), ...(options.parent ? { parent: options.parent } : {}) };
    const prune = !options.case.length && !options.home.length && !options.doc.length && !options.audience;
    // A worker writes its files itself: the build could not check a court copy before it is written.
    if (options.queue && options.preflight !== undefined) throw new UsageError('--preflight checks each court copy before it is written, and with --queue the workers write them: build with --queue, then run `casepress preflight` on the --out folder');
    const renderer = options.queue ? await queueRenderer(options.queue, options.out) : undefined;
    const outcome = await build(root, { ...options, prune, ...preflightRequest(options.preflight), ...terminal(), ...(renderer ? { renderer } : {}) }, (caseRoot, asOf) => {
      // A mistyped id is a wrong command line, not an empty build.
      for (const id of options.case) if (!caseRoot.children.some((c) => c.id === id)) throw new UsageError(unknownId('case', id, caseRoot.children.map((c) => c.id)));
      for (const id of options.home) if (!caseRoot.homes.some((h) => h.id === id)) throw new UsageError(unknownId('home', id, caseRoot.homes.map((h) => h.id)));
      if (options.parent) {
        // Every case named with --case must have the parent; without --case, at least one must, and none twice.
        const cases = caseRoot.children.flatMap((c) => (c.case && (!options.case.length || options.case.includes(c.id)) ? [c.case.data] : []));
        const results = cases.map((c) => matchParent(c, options.parent!));
        const wrong = results.find((r) => 'error' in r && (r.several || options.case.length > 0));
        if (wrong && 'error' in wrong) throw new UsageError(wrong.error);
        if (results.length && results.every((r) => 'error' in r)) throw new UsageError(`no case has a parent "${options.parent}" (a role such as mother or father, or a parent's full name)`);
      }
      return planJobs(caseRoot, asOf, filter);
    }, log);
    if (options.stats) await writeStats(options.stats, outcome);
    setExit(outcome.code);
  });

  cli
    .command('worker')
    .description('render the documents a `build --queue` queued, into the shared --out, until Ctrl-C')
    .requiredOption('--queue <url>', 'the Redis server of the queue (redis://HOST:PORT[/DB])')
    .addOption(new Option('--jobs <n>', 'documents rendered at once, each on its own thread').default(availableParallelism(), `${availableParallelism()}, one per core`).argParser(parseJobs))
    .option('--out <dir>', 'where the build\'s --out folder is on this machine (default: the path the build gave)')
    .addOption(new Option('--lock <seconds>', 'how long a document stays with a worker that stops answering before another worker takes it').default(30).argParser(parseSeconds))
    .addHelpText('after', '\nExample:\n  $ casepress worker --queue redis://10.0.0.5:6379\n  worker ready: taking documents from redis://10.0.0.5:6379 with 2 rendering threads (Ctrl-C to stop)')
    .action(async (options: { queue: string; jobs: number; out?: string; lock: number }) => {
      const [{ queueAddress }, { runWorker }] = await Promise.all([import('./queue-address.js'), import('./commands/worker.js')]);
      const address = await queueAddress(options.queue);
      const stopped = new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      setExit(await runWorker(address, { version, jobs: options.jobs, lockSeconds: options.lock, ...(options.out ? { out: resolve(options.out) } : {}) }, log, stopped));
    });

  documentOptions(
    cli
      .command('court-summary')
      .description('the court report for one child and one hearing (default: the next hearing on or after the as-of date)')
      .argument('<case-id>', 'the case id (the folder under children/)')
      .argument('[root]', 'the case root', DEFAULT_ROOT)
      .addOption(new Option('--hearing <date>', 'the hearing the report is for (YYYY-MM-DD)').argParser(parseDate))
      .option('--packet', 'one PDF and DOCX with the court report, the service plan, the latest CANS summary and, for a youth of 14 or more, the transition plan, behind a cover with their contents')
      .addOption(preflightOption())
      .addHelpText('after', "\nIt reads and checks this child's folder, agency.yaml, the assets and every home's home.yaml, not the other children's folders or the homes' studies (an error in one of those does not stop it; validate finds those).\n\nExamples:\n  $ casepress court-summary C-2025-0142 --hearing 2026-12-10\n  $ casepress court-summary C-2024-0087 --audience parent --parent father\n  built output/children/C-2024-0087/court-report-2026-12-03-parent-father.{pdf,docx}\n  $ casepress court-summary C-2024-0087 --packet --preflight\n  built output/children/C-2024-0087/court-packet-2026-12-03.{pdf,docx}"),
  ).action(async (caseId: string, root: string, options: BuildCommandOptions & { hearing?: string; packet?: boolean; preflight?: string | true }) => {
    checkParentOptions(options);
    const [{ build }, { courtPacketJob, courtReportJob, matchParent, nextHearing, NOT_READ_BY_COURT_SUMMARY }] = await Promise.all([import('./commands/build.js'), import('../build/jobs.js')]);
    setExit(
      // Only this child's folder is read, with agency.yaml and the homes its report guards against (not their studies).
      (await build(root, { ...options, ...preflightRequest(options.preflight), read: { children: new Set([caseId]), skip: NOT_READ_BY_COURT_SUMMARY } }, (caseRoot, asOf) => {
        const child = caseRoot.children.find((c) => c.id === caseId && c.case);
        if (!child) throw new UsageError(unknownId('case', caseId, caseRoot.caseIds ?? caseRoot.children.map((c) => c.id)));
        const reader = options.parent ? matchParent(child.case!.data, options.parent) : undefined;
        if (reader && 'error' in reader) throw new UsageError(reader.error);
        const hearing = options.hearing ?? nextHearing(child, asOf);
        if (!hearing) throw new UsageError(`${caseId} has no hearing on or after ${asOf}; name one with --hearing YYYY-MM-DD`);
        return [(options.packet ? courtPacketJob : courtReportJob)(child, hearing, options.audience, reader)];
      }, log)).code,
    );
  });

  documentOptions(
    cli
      .command('relicense')
      .description('the annual re-licensing packet for one home, for the license term that ends next')
      .argument('<home-id>', 'the home id (the folder under homes/)')
      .argument('[root]', 'the case root', DEFAULT_ROOT)
      .addHelpText('after', '\nExample:\n  $ casepress relicense H-0042\n  built output/homes/H-0042/relicensing-packet-2026-12-31.{pdf,docx}\n    warning NOT MET: annual training, 22 hours (Marcus Whitfield): 13.5 hours counted …'),
  ).action(async (homeId: string, root: string, options: BuildCommandOptions) => {
    checkParentOptions(options);
    if (options.audience === 'parent') throw new UsageError('a re-licensing packet is not served on a parent: --audience parent is for court reports and plans');
    const [{ build }, { relicensingJob }] = await Promise.all([import('./commands/build.js'), import('../build/jobs.js')]);
    setExit(
      (await build(root, options, (caseRoot) => {
        const home = caseRoot.homes.find((h) => h.id === homeId && h.home);
        if (!home) throw new UsageError(unknownId('home', homeId, caseRoot.homes.map((h) => h.id)));
        return [relicensingJob(home, options.audience)!];
      }, log)).code,
    );
  });

  documentOptions(
    cli
      .command('watch')
      .description('build every document that is due, then rebuild the ones a saved file affects, until Ctrl-C')
      .argument('[root]', 'the case root', DEFAULT_ROOT)
      .addHelpText(
        'after',
        '\nCaseload statistics made by `casepress stats` into the same --out are kept current too: each one its manifest records, for the same period, copy and caseworker, in the formats recorded, as of the day watch speaks from (not with --audience).\n\nExample:\n  $ casepress watch cases\n  14:02:31 ✔ children/C-2025-0142/contacts/2026-11-05-home.md changed: rebuilt 2 documents: children/C-2025-0142/court-report-2026-12-10, stats/caseload-2026-Q3 (1.3 s)',
      ),
  ).action(async (root: string, options: BuildCommandOptions) => {
    checkParentOptions(options);
    const { watch } = await import('./commands/watch.js');
    setExit(await watch(root, options, log));
  });

  cli
    .command('stats')
    .description('caseload statistics for a month or a quarter: every measure for the agency, per supervisor and per caseworker, beside the periods before')
    .argument('[root]', 'the case root', DEFAULT_ROOT)
    .option('--month <YYYY-MM>', 'the month (default: the last full month before the as-of date)')
    .option('--quarter <YYYY-Qn>', 'the quarter, e.g. 2026-Q3')
    .option('--worker <id>', "only this caseworker's children")
    .addOption(new Option('--format <list>', 'which files to write: pdf, docx, csv, json').default(['pdf', 'docx'], 'pdf,docx').argParser(parseStatsFormats))
    .addOption(new Option('--audience <who>', 'internal (names, case ids, the appendix) or public (agency figures, counts under 5 hidden)').choices(['internal', 'public']).default('internal'))
    .addOption(new Option('--out <dir>', 'where documents go').default('output'))
    .addOption(new Option('--as-of <date>', "the day the statistics speak from (YYYY-MM-DD); default: today in the agency's time zone").argParser(parseDate))
    .option('--templates <dir>', 'a folder of templates to use instead of the bundled ones')
    .option('--force', 'rebuild the files even when they are up to date', false)
    .addHelpText('after', '\nIt reads and checks agency.yaml and every case, plan, transition plan, contact note, family-time note and home.yaml, not the assessments, court notes or home studies (an error in one of those does not stop it; `validate` finds those).\nEach file is in output/manifest.json and made again only when a case file it read changed; `casepress watch` then keeps it current.\n\nExample:\n  $ casepress stats cases --quarter 2026-Q3 --as-of 2026-12-01 --format pdf,csv,json\n  built output/stats/caseload-2026-Q3.{pdf,csv,json}')
    .action(async (root: string, options: { month?: string; quarter?: string; worker?: string; format: StatsFormatName[]; audience: 'internal' | 'public'; out: string; asOf?: string; templates?: string; force: boolean }) => {
      const { stats } = await import('./commands/stats.js');
      setExit(await stats(root, { ...options, jobs: 1, ...terminal() }, log));
    });

  cli
    .command('match')
    .description('rank the agency\'s homes for a child (or, with --home, the children in care a home could take), every exclusion with its reason')
    .argument('[case-id]', 'the case id (the folder under children/)')
    .argument('[root]', 'the case root', DEFAULT_ROOT)
    .option('--home <home-id>', 'the children in care this home could take, instead of the homes for a child')
    .addOption(new Option('--as-of <date>', "the day the match speaks from (YYYY-MM-DD); default: today in the agency's time zone").argParser(parseDate))
    .option('--json', 'print the ranking, the factors and the exclusions as one JSON object')
    .addOption(new Option('--format <list>', 'write the matching worksheet: pdf, docx or pdf,docx').argParser(parseFormats))
    .addOption(new Option('--out <dir>', 'where the worksheet goes').default('output'))
    .option('--templates <dir>', 'a folder of templates to use instead of the bundled ones')
    .option('--force', 'rebuild the worksheet even when it is up to date', false)
    .addHelpText('after', '\nExamples:\n  $ casepress match C-2026-0058 cases --as-of 2026-12-01\n  $ casepress match --home H-0075 cases --json\n  $ casepress match C-2025-0142 cases --format pdf,docx\n  built output/children/C-2025-0142/matching-2026-12-05.{pdf,docx}')
    .action(async (caseId: string | undefined, root: string, options: { home?: string; asOf?: string; json?: boolean; format?: Format[]; out: string; templates?: string; force: boolean }) => {
      // With --home the one word given is the root: `casepress match --home H-0063 cases`.
      const [id, where] = options.home !== undefined && caseId !== undefined && root === DEFAULT_ROOT ? [undefined, caseId] : [caseId, root];
      const { match } = await import('./commands/match.js');
      setExit(await match(id, where, options, log));
    });

  cli
    .command('preflight')
    .description('check PDFs as a court\'s e-filing portal would: text on every page, fonts embedded, no encryption, JavaScript, attachments, comments or form fields, page size, page numbers, bookmarks, file size, XMP, tagging')
    .argument('<file|folder>', 'a PDF, or a folder whose PDFs (at any depth) are checked')
    .argument('[root]', `the case root whose agency.yaml holds the e-filing profiles (default: "${DEFAULT_ROOT}"; without it, the built-in profile)`)
    .option('--profile <name>', "the e-filing profile (agency.yaml efiling.profiles); default: efiling.default, else the built-in one")
    .option('--json', 'print every file\'s result as one JSON object')
    .addHelpText('after', '\nThe built-in profile "default": Letter paper, at most 25 MB, tagged, PDF/A not required, no stamp area. Links are allowed; every other annotation is not.\nExit codes: 0 every PDF passes, 1 one fails, 2 the command line is wrong (no such file, unknown profile).\n\nExamples:\n  $ casepress preflight output/children/C-2025-0142/court-report-2026-12-10.pdf\n  $ casepress preflight output cases --profile fayette-circuit --json\n  output/children/C-2024-0087/court-report-2026-12-03.pdf: page 4: font Helvetica is not embedded')
    .action(async (target: string, root: string | undefined, options: { profile?: string; json?: boolean }) => {
      const { preflight } = await import('./commands/preflight.js');
      setExit(await preflight(target, root ?? DEFAULT_ROOT, { ...options, rootGiven: root !== undefined }, log));
    });

  cli
    .command('data')
    .description("print the facts a template receives for one document, as an audience's copy receives them: what an agency's data person edits templates against")
    .argument('<doc-type>', `the document: ${DOC_TYPE_NAMES.join(', ')}`)
    .argument('[id]', 'the case id (court report, court packet, plans) or home id (home study, re-licensing packet); none for caseload-stats')
    .argument('[root]', `the case root (default: "${DEFAULT_ROOT}")`)
    .addOption(new Option('--as-of <date>', "the day the document speaks from (YYYY-MM-DD); default: today in the agency's time zone").argParser(parseDate))
    .addOption(new Option('--audience <who>', 'whose copy: court, parent, foster_parent or internal; internal or public for caseload-stats (default: court for court reports, internal otherwise)').choices(['court', 'parent', 'foster_parent', 'internal', 'public']))
    .option('--parent <role or name>', "with --audience parent: whose copy, a parent's role or full name")
    .addOption(new Option('--hearing <date>', 'for a court report: the hearing (default: the next one on or after the as-of date)').argParser(parseDate))
    .option('--month <YYYY-MM>', 'for caseload-stats: the month (default: the last full month before the as-of date)')
    .option('--quarter <YYYY-Qn>', 'for caseload-stats: the quarter, e.g. 2026-Q3')
    .option('--worker <id>', "for caseload-stats: only this caseworker's children")
    .option('--json', 'print JSON instead of YAML')
    .addHelpText(
      'after',
      '\nThe caseload statistics are the agency\'s, not one case\'s: `casepress data caseload-stats [root] --month YYYY-MM | --quarter YYYY-Qn [--worker ID] [--audience internal|public]` prints the facts their template receives (the CSV and JSON of `casepress stats` hold the same figures, one row per measure, unit and period).\n\nExamples:\n  $ casepress data court-report C-2025-0142 --as-of 2026-12-05\n  $ casepress data service-plan C-2024-0087 --audience parent --parent mother --json\n  $ casepress data caseload-stats cases --quarter 2026-Q3 --as-of 2026-12-01 --audience public',
    )
    .action(async (docType: string, id: string | undefined, root: string | undefined, options: DataCommandOptions) => {
      if (!DOC_TYPE_NAMES.includes(docType as DocTypeName)) throw new UsageError(`unknown document type "${docType}": expected one of ${DOC_TYPE_NAMES.join(', ')}`);
      checkParentOptions(options);
      // The statistics are the agency's, not one case's or home's: the argument after the type is the root.
      const stats = docType === 'caseload-stats';
      if (stats && root !== undefined) throw new UsageError(`caseload-stats takes no case or home id: casepress data caseload-stats [root] --month YYYY-MM | --quarter YYYY-Qn`);
      const { printData } = await import('./commands/data.js');
      setExit(await printData(docType as DocTypeName, stats ? undefined : id, (stats ? id : root) ?? DEFAULT_ROOT, options, (text) => process.stdout.write(text)));
    });

  cli
    .command('due')
    .description('every deadline and compliance item of every case and home, overdue first: what a supervisor checks each Monday')
    .argument('[root]', 'the case root', DEFAULT_ROOT)
    .addOption(new Option('--within <days>', 'show items due up to this many days after the as-of date').default(60).argParser(parseDays))
    .addOption(new Option('--as-of <date>', 'the day to count from (YYYY-MM-DD); default: today in the agency\'s time zone').argParser(parseDate))
    .option('--json', 'print the items as one JSON array on stdout')
    .option('--check', 'exit 1 when any item is overdue (for scripts)')
    .addHelpText('after', '\nExample:\n  $ casepress due cases --within 30\n  $ casepress due cases --json --as-of 2026-11-23 | jq \'.[] | select(.status == "overdue")\'')
    .action(async (root: string, options: { within: number; asOf?: string; json?: boolean; check?: boolean }) => {
      const { due } = await import('./commands/due.js');
      setExit(await due(root, options));
    });

  cli
    .command('check')
    .description('before a court week: exit 1 when an item is overdue or a document due for filing lacks a part required before filing')
    .argument('[root]', 'the case root', DEFAULT_ROOT)
    .addOption(new Option('--within <days>', 'court reports for hearings up to this many days after the as-of date, and due items as `due` shows them').default(60).argParser(parseDays))
    .addOption(new Option('--as-of <date>', 'the day to check as of (YYYY-MM-DD); default: today in the agency\'s time zone').argParser(parseDate))
    .option('--json', 'print { overdue, not_ready } as one JSON object on stdout')
    .addHelpText('after', '\nExample:\n  $ casepress check cases --within 30\n  ✖ 1 not ready for filing …\n  children/C-2025-0142/court-report-2026-12-10\n    missing children/C-2025-0142/court/: required before filing and not provided: assessment …')
    .action(async (root: string, options: { within: number; asOf?: string; json?: boolean }) => {
      const { check } = await import('./commands/check.js');
      setExit(await check(root, options));
    });

  cli
    .command('schema')
    .description('write the JSON Schema of every case file kind, so editors check files as they are typed')
    .addOption(new Option('--out <dir>', 'the folder to write the schemas to').default('schema'))
    .addHelpText('after', '\nExample:\n  $ casepress schema --out schema\n  Then start a YAML file with: # yaml-language-server: $schema=../schema/case.schema.json')
    .action(async (options: { out: string }) => {
      const { writeSchemas } = await import('./commands/schema.js');
      setExit(await writeSchemas(options.out, log));
    });

  cli
    .command('init')
    .description('write a small valid case root (one child, one home) to start from; never overwrites')
    .argument('[dir]', 'the new case root', DEFAULT_ROOT)
    .addHelpText('after', '\nExample:\n  $ casepress init my-agency && casepress validate my-agency')
    .action(async (dir: string) => {
      const { init } = await import('./commands/init.js');
      setExit(await init(dir, log));
    });

  cli
    .command('render-sample')
    .description('build the sample document (every block type, names in every script, a table over several pages) as PDF and DOCX')
    .addOption(new Option('--out <dir>', 'where documents go').default('output'))
    .addOption(new Option('--format <list>', 'which files to write: pdf, docx or both').default(['pdf', 'docx'], 'pdf,docx').argParser(parseFormats))
    .addOption(new Option('--root <dir>', 'the case root whose assets/ holds the logo').default(DEFAULT_ROOT))
    .option('--data <file>', 'the sample data (YAML)')
    .option('--template <file>', 'the template to render')
    .option('--draft', 'print a DRAFT watermark on every page', false)
    .option('--pdfa', 'write the PDF as PDF/A-2a (tagged, for archiving and e-filing)', false)
    .option('--force', 'write into an --out that holds files casepress did not write', false)
    .option('--reference-docx <file>', 'a Word file whose styles the DOCX takes (default: templates/reference.docx)')
    .addHelpText('after', '\nExample:\n  $ casepress render-sample --out output\n  wrote output/sample/sample.pdf (60 KB)\n  wrote output/sample/sample.docx (22 KB)')
    .action(async (options: { out: string; format: Format[]; root: string; data?: string; template?: string; draft: boolean; pdfa: boolean; force: boolean; referenceDocx?: string }) => {
      const { renderSample, SAMPLE_DEFAULTS } = await import('./commands/render-sample.js');
      setExit(await renderSample({ ...options, data: options.data ?? SAMPLE_DEFAULTS.data, template: options.template ?? SAMPLE_DEFAULTS.template }, log));
    });

  return cli;
}

type DocTypeName = 'court-report' | 'court-packet' | 'service-plan' | 'transition-plan' | 'home-study' | 'relicensing-packet' | 'caseload-stats';
const DOC_TYPE_NAMES: readonly DocTypeName[] = ['court-report', 'court-packet', 'service-plan', 'transition-plan', 'home-study', 'relicensing-packet', 'caseload-stats'];

interface DataCommandOptions {
  asOf?: string;
  audience?: BuildCommandOptions['audience'] | 'public';
  parent?: string;
  hearing?: string;
  month?: string;
  quarter?: string;
  worker?: string;
  json?: boolean;
}

interface BuildCommandOptions {
  out: string;
  asOf?: string;
  format: Format[];
  audience?: 'court' | 'parent' | 'foster_parent' | 'internal';
  /** With --audience parent: the parent's role or full name. */
  parent?: string;
  templates?: string;
  draft: boolean;
  pdfa: boolean;
  referenceDocx?: string;
  force: boolean;
  strict: boolean;
  jobs: number;
}

/** `--preflight [profile]`: court copies checked as an e-filing portal would before they are written (README, "Checking PDFs for e-filing"). */
function preflightOption(): Option {
  return new Option('--preflight [profile]', 'check every court copy\'s PDF against an e-filing profile of agency.yaml (default: efiling.default, else the built-in one) before writing it; one that fails is not written, and the build exits 1');
}

/** The engine's form of `--preflight [profile]`. */
function preflightRequest(value: string | true | undefined): { preflight: { profile?: string } | undefined } {
  return { preflight: value === undefined ? undefined : value === true ? {} : { profile: value } };
}

/** `--audience parent` names its parent with `--parent`, and `--parent` goes with it only. */
function checkParentOptions(options: { readonly audience?: string; readonly parent?: string }): void {
  if (options.audience === 'parent' && !options.parent) throw new UsageError('--audience parent needs --parent <role or name>, e.g. --parent father');
  if (options.parent && options.audience !== 'parent') throw new UsageError('--parent goes with --audience parent');
}

/** The bench's view of a build: counts, and peak memory of the process and of each rendering thread (MB). */
async function writeStats(file: string, outcome: { built: readonly unknown[]; failed: readonly unknown[]; skipped: number; peakHeap: Readonly<Record<number, number>> }): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
  const stats = {
    built: outcome.built.length,
    failed: outcome.failed.length,
    skipped: outcome.skipped,
    peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
    // CPU of this process and its threads: the queue bench adds its workers' and Redis's to it.
    cpu_seconds: Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e4) / 100,
    peak_heap_mb_by_thread: Object.fromEntries(Object.entries(outcome.peakHeap).map(([thread, bytes]) => [thread, mb(bytes)])),
  };
  await writeFile(file, `${JSON.stringify(stats)}\n`);
}

/** The progress bar goes to stderr when it is a terminal; plain lines otherwise. */
function terminal(): { terminal?: NodeJS.WriteStream } {
  return process.stderr.isTTY ? { terminal: process.stderr } : {};
}

/** `build --queue`: the planner's renderer, once the URL is checked and Redis answers. */
async function queueRenderer(url: string, out: string) {
  const [{ queueAddress }, { queueRenderer: planner }] = await Promise.all([import('./queue-address.js'), import('../queue/planner.js')]);
  return planner({ address: await queueAddress(url), version, out: resolve(out), say: log });
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1) throw new InvalidArgumentError('a whole number of seconds, 1 or more');
  return seconds;
}

/** `--jobs 2`: at least one thread. */
function parseJobs(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`expected a whole number of threads, 1 or more, found "${value}"`);
  return Number(value);
}

/** `--children-per-part 500`: at least one child. */
function parsePartSize(value: string): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`expected a whole number of children, 1 or more, found "${value}"`);
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function collectDoc(value: string, previous: DocTypeName[]): DocTypeName[] {
  if (!DOC_TYPE_NAMES.includes(value as DocTypeName)) throw new InvalidArgumentError(`expected one of ${DOC_TYPE_NAMES.join(', ')}, found "${value}"`);
  return [...previous, value as DocTypeName];
}

/** `--within 30`: whole days, zero or more. */
function parseDays(value: string): number {
  if (!/^\d{1,5}$/.test(value)) throw new InvalidArgumentError(`expected a whole number of days, found "${value}"`);
  return Number(value);
}

/** `--as-of 2026-11-23`: a real calendar day. */
function parseDate(value: string): string {
  if (isRealDate(value)) return value;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (isDateShaped(value) && month >= 1 && month <= 12 && day > daysInMonth(year, month)) {
    throw new InvalidArgumentError(`${value} is not a real day: ${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days`);
  }
  throw new InvalidArgumentError(`expected a date in YYYY-MM-DD form, found "${value}"`);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Format = 'pdf' | 'docx';
type StatsFormatName = Format | 'csv' | 'json';

/** `stats --format pdf,csv`: the documents and the figures as data. */
function parseStatsFormats(value: string): StatsFormatName[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  if (formats.length === 0 || formats.some((f) => !['pdf', 'docx', 'csv', 'json'].includes(f))) throw new InvalidArgumentError(`expected a list of pdf, docx, csv and json, found "${value}"`);
  return [...new Set(formats)] as StatsFormatName[];
}

/** `--format pdf,docx`: a wrong word is a wrong command line (exit 2). */
function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const wrong = formats.filter((f) => f !== 'pdf' && f !== 'docx');
  if (wrong.length > 0 || formats.length === 0) throw new InvalidArgumentError(`expected pdf, docx or pdf,docx, found "${value}"`);
  return [...new Set(formats)] as Format[];
}

export async function main(argv: readonly string[]): Promise<ExitCode> {
  let exit: ExitCode = EXIT.ok;
  const cli = program((code) => (exit = code));
  cli.exitOverride();
  cli.commands.forEach((c) => c.exitOverride());
  cli.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    await cli.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; anything else commander rejects is a wrong command line.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`casepress: ${error.message}\n`);
      return EXIT.usage;
    }
    // A file saved while the build read it (io/list-root.ts; matched by name so the listing loads only when a command lists).
    if (error instanceof Error && error.name === 'ChangedWhileReading') {
      process.stderr.write(`casepress: ${error.message}\n`);
      return EXIT.dataErrors;
    }
    const debug = argv.includes('--debug');
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `casepress: internal error: ${message}\nThis is a fault in casepress, not in your data. Please report it with the command you ran${debug ? '' : ' (add --debug to see the details)'}.\n`,
    );
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}

boundHeapGrowth();
// `casepress validate | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});
// Not a top-level await: the bundle is CommonJS (rolldown.config.mjs), for the code cache.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
