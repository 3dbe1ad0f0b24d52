#!/usr/bin/env node
/** The goalsim command line: a thin shell that parses, calls the library, prints, exits. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { EXIT_INPUT, reportError } from './exit.js';
import { runCommand } from './runCommand.js';
import { sizeCommand } from './sizeCommand.js';
import { readFileSync } from 'node:fs';

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName('goalsim')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'name a command: run, size')
    .recommendCommands()
    .command(
      'run <scenario>',
      'run one scenario and write its report folder',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario JSON file' })
          .option('out', { type: 'string', describe: 'report folder (default reports/<name>/)' })
          .option('cache', { type: 'boolean', default: true, describe: 'use the parsed-data cache (--no-cache to parse every time)' })
          .example('$0 run scenarios/demo.json', 'run the demo and write reports/demo/')
          .example('$0 run scenarios/demo.json --out /tmp/demo', 'write the report elsewhere'),
      async (args) => {
        exitCode = await runCommand({ scenario: args.scenario, out: args.out, cache: args.cache });
      },
    )
    .command(
      'size',
      'size positions: one JSON request per line in, one JSON decision per line out',
      (y) =>
        y
          .option('request', { type: 'string', describe: 'read requests from this file instead of standard input' })
          .example(
            `echo '{"engine":"goal-kelly","equity":"50000","price":"45000","stopLossPct":0.02,"confidence":0.75,"goals":{"monthly_return":{"progress":0.06,"expected":0.085}},"stats":{"winRate":0.58,"avgWin":0.021,"avgLoss":0.013,"sharpe":1.8}}' | $0 size`,
            'the spec golden example: 0.146667 units',
          ),
      (args) => {
        exitCode = sizeCommand({ request: args.request, stdin: () => readFileSync(0, 'utf8') });
      },
    )
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    })
    .help();
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`goalsim: ${error.message}\n  hint: goalsim --help\n`);
      return EXIT_INPUT;
    }
    return reportError(error);
  }
  return exitCode;
}

process.exitCode = await main(hideBin(process.argv));
