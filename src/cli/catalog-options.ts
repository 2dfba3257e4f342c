import type { Argv } from 'yargs';
import { CATEGORIES } from '../types.js';

/** The options of `mqerr catalog`: list, --check, --diff or --suggest. */
export function catalogOptions<T>(y: Argv<T>) {
  return y
    .option('format', {
      choices: ['table', 'json', 'yaml'] as const,
      describe: 'output format (list: table on a terminal, else json; --suggest: yaml)',
    })
    .option('catalog', { type: 'string', array: true, nargs: 1, describe: 'extra catalog file to include; repeat the flag for more (also MQERR_CATALOG)' })
    .option('check', { type: 'string', array: true, describe: 'validate these catalog files and exit (2 if any has a problem)' })
    .option('diff', { type: 'string', array: true, describe: 'show what these catalog files add to or change in the catalog' })
    .option('suggest', { type: 'string', describe: 'draft catalog entries for the uncatalogued codes of a JSON summary' })
    .option('vendor', {
      type: 'string',
      requiresArg: true,
      describe: 'list only this vendor\'s codes; with --suggest: draft only this vendor\'s entries (default: every vendor\'s)',
    })
    .option('category', { choices: CATEGORIES, requiresArg: true, describe: 'list only the codes of this category' })
    .conflicts('check', ['diff', 'suggest'])
    .conflicts('diff', 'suggest')
    .example("$0 catalog --format json | jq '.entries | length'", 'the whole catalog as JSON')
    .example('$0 catalog --vendor tencent --category throttling', "Tencent's throttling codes")
    .example('$0 catalog --check my-codes.yaml', 'validate a user catalog')
    .example('$0 catalog --diff my-codes.yaml', 'what a user catalog adds and overrides')
    .example('$0 --format json app.log > day.json && $0 catalog --suggest day.json > gaps.yaml', 'draft entries for codes the catalog lacks');
}
