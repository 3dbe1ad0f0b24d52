#!/usr/bin/env node
/** The goalsim command line: a thin shell that parses, calls the library, prints, exits. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { EXIT_INPUT, reportError } from './exit.js';
import { runCommand } from './runCommand.js';

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
