// The full command line: yargs with every command and option, each command
// loaded only when it runs. main.ts loads this module for any command line it
// does not answer itself.
import { VERSION } from './package-version.js';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT, ExitError } from '../errors.js';
import { liveOptions, statusOptions } from './live-options.js';
import { byOption, parseGroupings } from './by-option.js';
import { withJobsOption } from './jobs-option.js';
import { sanitizeForTerminal } from '../render/sanitize-terminal.js';
import { catalogOptions } from './catalog-options.js';
import { reportOption } from './report-option.js';
import { followOption } from './follow-option.js';
import { stateOptions } from './state-option.js';
import { seriesOptions, tzOption, windowOptions } from './time-options.js';
import { redactInputOption, redactOption } from './safety-options.js';
import { protectStdinArgument, restoreStdinArgument } from './stdin-argument.js';
import { helpWidth } from './help-width.js';
import { boundHeapGrowth } from '../pipeline/bound-heap-growth.js';
import { describeUsageError } from './usage-message.js';
import { COMMANDS, mistypedCommand } from './mistyped-command.js';
import { existsSync } from 'node:fs';

boundHeapGrowth();

/** Options every reading command takes. */
function inputOptions<T>(y: Argv<T>) {
  return withJobsOption(redactOption(y))
    .positional('paths', { type: 'string', array: true, describe: 'files, directories, globs or - for stdin (default: stdin)' })
    .option('catalog', { type: 'string', array: true, nargs: 1, describe: 'extra catalog file (JSON or YAML); repeat the flag for more; also MQERR_CATALOG' })
    // No `type: 'number'`: yargs would turn `abc` into NaN, and the message could not say what was given.
    .option('samples', { default: 5, requiresArg: true, describe: 'RequestIds kept per code (a whole number)' })
    .option('max-keys', { type: 'number', describe: 'distinct codes, pods, actions, containers and sources counted on their own (default 2000); the rest are counted in an overflow row' })
    .option('max-line-bytes', { type: 'string', default: '4MB', describe: 'longer lines are cut to this size and counted as truncated' })
    .option('unwrap', { type: 'boolean', default: true, describe: 'remove kubectl/CRI/Docker wrappers (--no-unwrap to keep them)' })
    .option('encoding', { type: 'string', describe: 'encoding of the logs (default UTF-8): gb18030, gbk, big5, shift_jis, euc-kr, latin1, utf-16le' })
    .coerce(['paths', 'catalog'], restoreStdinArgument);
}

/**
 * The default command takes paths, so `mqerr explian X` would read a file
 * named explian: a first path that is no file but nearly a command's name
 * is a usage error instead.
 */
function refuseMistypedCommand(paths: readonly string[] | undefined): void {
  const first = paths?.[0];
  if (first === undefined || existsSync(first)) return;
  const meant = mistypedCommand(first);
  if (meant !== null) throw new ExitError(`${first} is no command and no file; did you mean ${meant}?`);
}

/** The command being run, for usage messages: the first argument that names one (null for the default). */
function commandOf(args: readonly string[]): string | null {
  return args.find((arg): arg is (typeof COMMANDS)[number] => (COMMANDS as readonly string[]).includes(arg)) ?? null;
}

/** Runs a command's implementation, loaded only when that command runs. */
async function run(load: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await load();
  } catch (err) {
    if (err instanceof ExitError) {
      process.stderr.write(`mqerr: ${sanitizeForTerminal(err.message)}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}

const cli = yargs(protectStdinArgument(hideBin(process.argv)))
  .scriptName('mqerr')
  .usage('$0 [scan] [paths..]\n\nFind ApsaraMQ for MQTT and TDMQ for MQTT API errors in logs, tag them from the error-code catalog, count them.')
  .command(
    ['scan [paths..]', '$0 [paths..]'],
    'count API errors by category and code (the default command)',
    (y) =>
      byOption(stateOptions(followOption(liveOptions(reportOption(seriesOptions(windowOptions(inputOptions(y))))))))
        .option('format', { choices: ['table', 'json', 'csv', 'markdown'] as const, describe: 'output format (default: table on a terminal, else json)' })
        .option('product', {
          type: 'string',
          array: true,
          nargs: 1,
          describe: "products whose errors the main counts hold: names separated by commas, or all (default: the catalog's, onsmqtt and mqtt); the others are in byProduct",
        })
        .example('$0 app.log', 'summary of one file')
        .example('kubectl logs -f deploy/api | $0', 'follow a deployment; Ctrl-C prints the summary')
        .example("$0 --format json 'logs/2026-11-21/*.log.gz' > day.json", 'a night of rotated archives')
        .example("tail -F app.log | $0 --every 30s --format json --metrics-port 9464", 'NDJSON snapshots and Prometheus metrics while following')
        .example("$0 --fail-on 'throttling>100' --fail-on 'error-rate>5%' app.log", 'exit 1 when a threshold is crossed (cron, CI)')
        .example('$0 --by vendor --by action logs/', 'errors per vendor and per API action')
        .example('$0 --by pod,code logs/', 'one table of errors per pod and code')
        .example("$0 --follow --metrics-port 9464 '/var/log/pods/*/*/*.log'", 'follow files through rotation; Ctrl-C prints the summary')
        .example("$0 --since 24h --bucket 1h --report day.html --format json 'logs/*.gz' > day.json", 'the last day, hourly, with an HTML report'),
    (argv) =>
      run(async () => {
        refuseMistypedCommand(argv.paths);
        return (await import('./commands/scan.js')).runScan({ ...argv, by: parseGroupings(argv.by), maxLineBytes: argv.maxLineBytes as never });
      }),
  )
  .command(
    'tag [paths..]',
    'write every record as NDJSON with an "mqerr" key (pipe it into pino-pretty)',
    (y) =>
      followOption(redactInputOption(statusOptions(windowOptions(inputOptions(y)))))
        .option('errors-only', { type: 'boolean', default: false, describe: 'write only API error events' })
        .option('pretty', { type: 'boolean', default: false, describe: "render for people with pino-pretty: one line per record, an API error's essentials before its message" })
        .option('pretty-option', {
          type: 'string',
          array: true,
          nargs: 1,
          describe: 'with --pretty: a pino-pretty option as KEY=VALUE (translateTime=SYS:standard, ignore=pid, singleLine=false); repeatable',
        })
        .example('tail -F app.log | $0 tag --errors-only', 'tagged errors as they happen')
        .example('$0 tag app.log | npx pino-pretty', 'human-readable records')
        .example("$0 tag --pretty --pretty-option translateTime=SYS:HH:MM:ss app.log", 'one line per record, times in local time'),
    (argv) => run(async () => (await import('./commands/tag.js')).runTag({ ...argv, maxLineBytes: argv.maxLineBytes as never })),
  )
  .command(
    'catalog',
    'list the error-code catalog; check, diff or draft user catalogs',
    (y) => catalogOptions(y).coerce(['catalog', 'check', 'diff'], restoreStdinArgument),
    (argv) => run(async () => (await import('./commands/catalog.js')).runCatalog(argv as never)),
  )
  .command(
    'explain <code>',
    'show what the catalog knows about an error code',
    (y) =>
      y
        .positional('code', { type: 'string', demandOption: true })
        .coerce('catalog', restoreStdinArgument)
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
        .option('catalog', { type: 'string', array: true, nargs: 1, describe: 'extra catalog file to include; repeat the flag for more' })
        .example('$0 explain ApplyTokenOverFlow', 'meaning, HTTP status, retryability, remedy')
        .example('$0 explain ResourceNotFound.Topic', 'a Tencent product code'),
    (argv) => run(async () => (await import('./commands/explain.js')).runExplain({ ...argv, code: restoreStdinArgument(argv.code)?.[0] ?? argv.code })),
  )
  .command(
    'merge <files..>',
    'merge JSON summaries of shards into the summary of one run over all of them',
    (y) =>
      byOption(redactOption(reportOption(tzOption(y))))
        .positional('files', { type: 'string', array: true, demandOption: true })
        .coerce(['files', 'catalog'], restoreStdinArgument)
        .option('format', { choices: ['table', 'json', 'csv', 'markdown'] as const, describe: 'output format (default: table on a terminal, else json)' })
        .option('catalog', { type: 'string', array: true, nargs: 1, describe: "the shards' extra catalog files (for --report's descriptions); repeat the flag for more" })
        .option('max-keys', { type: 'number', describe: 'distinct keys kept per grouping (default 2000); the rest are counted in an overflow row' })
        .example('$0 merge shard-*.json > day.json', 'combine a sharded nightly run')
        .example('$0 merge --report day.html shard-*.json > day.json', 'and write the HTML report of the whole run'),
    (argv) => run(async () => (await import('./commands/merge.js')).runMerge({ ...argv, by: parseGroupings(argv.by) } as never)),
  )
  .strict()
  // A flag given without its value is a usage error, not a flag set to nothing.
  .requiresArg(['jobs', 'report', 'tz', 'since', 'until', 'every', 'interval', 'metrics-port', 'metrics-host', 'textfile', 'spike-factor', 'spike-baseline', 'max-line-bytes', 'max-keys', 'encoding'])
  .version(VERSION)
  .help()
  .alias('h', 'help')
  .alias('v', 'version')
  .wrap(helpWidth())
  .fail((message, err) => {
    // yargs reports some of its own checks (a flag with no value) as a YError: those are usage errors too.
    if (err && !(err instanceof ExitError) && err.name !== 'YError') throw err;
    const args = hideBin(process.argv);
    const command = commandOf(args);
    const oneLine = describeUsageError(message ?? err?.message ?? 'invalid arguments', command, args);
    process.stderr.write(`mqerr: ${sanitizeForTerminal(oneLine)} (see mqerr ${command === null ? '' : `${command} `}--help)\n`);
    process.exit(EXIT.usage);
  });

await cli.parseAsync();
