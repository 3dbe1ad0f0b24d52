#!/usr/bin/env node
/** The goalsim command line: a thin shell that parses, calls the library, prints, exits. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { EXIT_INPUT, reportError } from './exit.js';
import { runCommand } from './runCommand.js';
import { sizeCommand } from './sizeCommand.js';
import { regressCommand } from './regressCommand.js';
import { readFileSync } from 'node:fs';

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName('goalsim')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'name a command: run, size, regress')
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
    .command(
      'regress <scenarios..>',
      'compare sizing decisions and metrics with stored baselines; exit 1 on drift',
      (y) =>
        y
          .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario JSON files' })
          .option('baseline', { type: 'string', demandOption: true, describe: 'folder of baselines, one <scenario name>.json each' })
          .option('update', { type: 'boolean', default: false, describe: 'write the baselines from this run instead of comparing' })
          .option('junit', { type: 'string', describe: 'write a JUnit XML report to this file' })
          .option('tolerance', { type: 'string', array: true, default: [] as string[], describe: 'absolute tolerance of a metric, e.g. sharpe=0.01 (repeatable)' })
          .option('decision-tolerance', { type: 'number', describe: 'relative tolerance of decision values (default 1e-9)' })
          .example('$0 regress scenarios/ci/*.json --baseline test/baselines', 'check sizing behaviour against the stored baselines')
          .example('$0 regress scenarios/ci/*.json --baseline test/baselines --update', 'accept the new behaviour on purpose'),
      async (args) => {
        exitCode = await regressCommand({ scenarios: args.scenarios, baseline: args.baseline, update: args.update, junit: args.junit, tolerance: args.tolerance, decisionTolerance: args.decisionTolerance });
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
