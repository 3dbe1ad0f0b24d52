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
import { EXIT_INTERRUPTED, sweepCommand } from './sweepCommand.js';
import { walkForwardCommand } from './walkForwardCommand.js';
import { solveCommand } from './solveCommand.js';
import { defaultCacheDir } from '../data/cache.js';
import { BARS_PER_WORKER } from '../parallel/pool.js';
import { mergeCommand } from './mergeCommand.js';
import { validateCommand } from './validateCommand.js';
import { reportCommand } from './reportCommand.js';
import { readFileSync } from 'node:fs';
import { oddsCommand } from './oddsCommand.js';
import { DEFAULT_ODDS_ENGINES } from '../odds/oddsRunner.js';
import { MATCH_BY } from '../odds/match.js';
import { serveCommand } from './serveCommand.js';
import { parseFormats, writeParquetCopies } from '../report/parquetCopies.js';

/**
 * Runs a long command whose Ctrl-C stops scheduling and keeps what finished: the command sees
 * the abort signal and returns 130, which also becomes the process's exit code.
 */
async function interruptible(run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  let code: number;
  try {
    code = await run(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  if (code === EXIT_INTERRUPTED) process.exitCode = EXIT_INTERRUPTED;
  return code;
}

/** `--format` of every command that writes tables: parsed into the formats, or a usage error. */
const FORMAT_OPTION = {
  type: 'string',
  default: 'csv',
  describe: 'table formats: csv, or csv,parquet to add a typed Parquet copy of every table (the CSV stays: reports read it)',
  coerce: parseFormats,
} as const;

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName('goalsim')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'name a command: run, sweep, walk-forward, odds, solve, serve, merge, parquet, report, validate, size, regress')
    .recommendCommands()
    .command(
      'run <scenario>',
      'run one scenario and write its report folder',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario JSON file' })
          .option('out', { type: 'string', describe: 'report folder (default reports/<name>/)' })
          .option('format', FORMAT_OPTION)
          .option('cache', { type: 'boolean', default: true, describe: 'use the parsed-data cache (--no-cache to parse every time)' })
          .option('timeout', { type: 'number', default: 900, describe: 'seconds a run with a user strategy or sizing module may take; such a run goes in a worker thread, so that process.exit() or a hang in it fails the run alone' })
          .example('$0 run scenarios/demo.json', 'run the demo and write reports/demo/')
          .example('$0 run scenarios/demo.json --out /tmp/demo', 'write the report elsewhere'),
      async (args) => {
        exitCode = await runCommand({ scenario: args.scenario, out: args.out, format: args.format, cache: args.cache, timeoutSeconds: args.timeout });
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
            'the source system\'s golden example: 0.146667 units',
          ),
      (args) => {
        exitCode = sizeCommand({ request: args.request, stdin: () => readFileSync(0, 'utf8') });
      },
    )
    .command(
      'sweep <sweep>',
      'run a parameter sweep on a worker pool and rank the variants',
      (y) =>
        y
          .positional('sweep', { type: 'string', demandOption: true, describe: 'sweep JSON file' })
          .option('workers', { type: 'number', describe: 'worker threads at most (default: the number of cores)' })
          .option('variant-timeout', { type: 'number', default: 900, describe: 'seconds a variant may run before it is stopped and recorded as failed (its worker is terminated)' })
          .option('bars-per-worker', { type: 'number', default: BARS_PER_WORKER, describe: 'start a further worker only for each this many bars of work (0: always --workers); results never depend on it' })
          .option('out', { type: 'string', describe: 'output folder (default reports/<sweep name>/)' })
          .option('format', FORMAT_OPTION)
          .option('shard', { type: 'string', describe: 'run only slice i of n, e.g. 2/4 (combine with goalsim merge)' })
          .option('resume', { type: 'boolean', default: false, describe: 'skip variants already in the output folder' })
          .option('cache', { type: 'boolean', default: true, describe: 'use the parsed-data cache' })
          .option('cscv-blocks', { type: 'number', describe: 'blocks of the overfitting audit\'s cross-validation (even, at least 4; default 16)' })
          .example('$0 sweep scenarios/sweeps/goal-thresholds.json --workers 2', 'rank the goal-factor thresholds')
          .example('$0 sweep scenarios/sweeps/goal-thresholds.json --shard 1/4 --out shard-1', 'one slice of four, e.g. in a CI matrix'),
      async (args) => {
        exitCode = await interruptible((signal) => sweepCommand({ file: args.sweep, format: args.format, workers: args.workers, barsPerWorker: args['bars-per-worker'], variantTimeout: args['variant-timeout'], out: args.out, shard: args.shard, resume: args.resume, cache: args.cache, cscvBlocks: args['cscv-blocks'], signal }));
      },
    )
    .command(
      'walk-forward <sweep>',
      "re-optimise a sweep's parameters on rolling train windows and trade each pick on the test window after it, as one account",
      (y) =>
        y
          .positional('sweep', { type: 'string', demandOption: true, describe: 'sweep JSON file (its swept paths under sizing.* and strategy.*)' })
          .option('train', { type: 'string', demandOption: true, describe: 'train window length: 36m (months), 3y, 13w or 90d' })
          .option('test', { type: 'string', demandOption: true, describe: 'test window length, as --train' })
          .option('step', { type: 'string', describe: 'how far each window moves on (default: the test length)' })
          .option('anchored', { type: 'boolean', default: false, describe: 'train from the period start every time (default: rolling)' })
          .option('workers', { type: 'number', describe: 'worker threads at most (default: the number of cores)' })
          .option('variant-timeout', { type: 'number', default: 900, describe: 'seconds a train run may run before it is stopped and recorded as failed' })
          .option('bars-per-worker', { type: 'number', default: BARS_PER_WORKER, describe: 'start a further worker only for each this many bars of work (0: always --workers); results never depend on it' })
          .option('out', { type: 'string', describe: 'output folder (default reports/<sweep name>-walk-forward/)' })
          .option('format', FORMAT_OPTION)
          .option('shard', { type: 'string', describe: 'run only slice i of n of the train runs (goalsim merge runs the rest)' })
          .option('resume', { type: 'boolean', default: false, describe: 'skip train runs already in the output folder' })
          .option('cache', { type: 'boolean', default: true, describe: 'use the parsed-data cache' })
          .example('$0 walk-forward scenarios/sweeps/goal-thresholds.json --train 36m --test 6m', 'the DAX goal thresholds, re-chosen every 6 months'),
      async (args) => {
        exitCode = await interruptible((signal) => walkForwardCommand({ file: args.sweep, format: args.format, train: args.train, test: args.test, step: args.step, anchored: args.anchored, workers: args.workers, barsPerWorker: args['bars-per-worker'], variantTimeout: args['variant-timeout'], out: args.out, shard: args.shard, resume: args.resume, cache: args.cache, signal }));
      },
    )
    .command(
      'solve <solve>',
      'search sizing and strategy parameters for the highest probability of a goal within chance constraints, over bootstrap paths',
      (y) =>
        y
          .positional('solve', { type: 'string', demandOption: true, describe: 'solve JSON file' })
          .option('workers', { type: 'number', describe: 'worker threads at most (default: the number of cores)' })
          .option('path-timeout', { type: 'number', default: 900, describe: 'seconds a path may run before it is stopped and recorded as failed' })
          .option('out', { type: 'string', describe: 'output folder (default reports/<solve name>-solve/)' })
          .option('format', FORMAT_OPTION)
          .option('resume', { type: 'boolean', default: false, describe: 'continue a solve killed in this folder' })
          .option('cache', { type: 'boolean', default: true, describe: 'use the parsed-data cache' })
          .example('$0 solve scenarios/solve/dax-1pct.json --workers 2', 'the engine and risk that make a 1 % month most likely with P(drawdown > 15 %) <= 5 %'),
      async (args) => {
        exitCode = await interruptible((signal) => solveCommand({ file: args.solve, format: args.format, workers: args.workers, out: args.out, resume: args.resume, cache: args.cache, pathTimeout: args['path-timeout'], signal }));
      },
    )
    .command(
      'odds <scenario>',
      'the probability of reaching each goal, per engine, over resampled price paths',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario JSON file' })
          .option('paths', { type: 'number', default: 1000, describe: 'resampled paths (path 0 is the history itself)' })
          .option('block', { type: 'string', default: 'auto', describe: 'mean block length in bars of the stationary bootstrap, or auto (Politis-White)' })
          .option('engines', { type: 'string', default: DEFAULT_ODDS_ENGINES.join(','), describe: "sizing engines, comma-separated; the scenario's own engine keeps its params, the others run with their defaults" })
          .option('arms', { type: 'string', describe: 'arms with full sizings instead of --engines: a JSON file or inline JSON array of {"name", "sizing"}' })
          .option('twins', { type: 'boolean', default: true, describe: "run each goal-aware arm's goal-off twin and report the goal effect (--no-twins to skip)" })
          .option('benchmark', { type: 'boolean', default: true, describe: 'run buy-and-hold of the same symbols (equal weights, same costs) as an arm (--no-benchmark to skip)' })
          .option('match', { choices: MATCH_BY, describe: "scale each baseline arm's size until its mean exposure (or volatility) on the history equals the goal-aware arm's, within 1 %" })
          .option('match-to', { type: 'string', describe: 'the arm the baselines are matched to (default: the first goal-aware arm)' })
          .option('seed', { type: 'string', describe: "path i draws from seedrandom('<seed>:<i>') (default: the scenario's seed)" })
          .option('ruin', { type: 'number', default: 0.5, describe: 'ruin: equity below this share of the initial capital at any time' })
          .option('workers', { type: 'number', describe: 'worker threads at most (default: the number of cores)' })
          .option('bars-per-worker', { type: 'number', default: BARS_PER_WORKER, describe: 'start a further worker only for each this many bars of work (0: always --workers); results never depend on it' })
          .option('path-timeout', { type: 'number', default: 900, describe: 'seconds a path may run before it is stopped and recorded as failed' })
          .option('out', { type: 'string', describe: 'output folder (default reports/<name>-odds/)' })
          .option('format', FORMAT_OPTION)
          .option('shard', { type: 'string', describe: 'run only slice i of n, e.g. 2/4 (combine with goalsim merge)' })
          .option('resume', { type: 'boolean', default: false, describe: 'skip paths already in the output folder' })
          .option('cache', { type: 'boolean', default: true, describe: 'use the parsed-data cache' })
          .example('$0 odds scenarios/compare/dax-pipeline.json --paths 1000 --workers 2', 'the four engines on 1,000 resampled DAX paths')
          .example('$0 odds scenarios/compare/dax-pipeline.json --shard 1/3 --out odds-1', 'one slice of three'),
      async (args) => {
        exitCode = await interruptible((signal) => oddsCommand({ scenario: args.scenario, format: args.format, paths: args.paths, block: args.block, engines: args.engines, arms: args.arms, twins: args.twins, benchmark: args.benchmark, match: args.match, matchTo: args['match-to'], seed: args.seed, ruin: args.ruin, workers: args.workers, barsPerWorker: args['bars-per-worker'], pathTimeout: args['path-timeout'], out: args.out, shard: args.shard, resume: args.resume, cache: args.cache, signal }));
      },
    )
    .command(
      'serve <scenario>',
      "the seed's goal and position-sizing REST API over a replay whose clock the client drives",
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario JSON file' })
          .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on; other than loopback needs --token' })
          .option('port', { type: 'number', default: 8006, describe: 'port (0: any free port)' })
          .option('token', { type: 'string', describe: 'bearer token every request must carry (or GOALSIM_TOKEN)' })
          .option('cors', { type: 'string', describe: 'the one browser origin allowed to call (none by default)' })
          .option('out', { type: 'string', describe: 'write the run folder here when the replay reaches its end' })
          .option('cache', { type: 'boolean', default: true, describe: 'use the parsed-data cache' })
          .example('$0 serve scenarios/compare/dax-pipeline.json', 'serve on 127.0.0.1:8006')
          .example('curl -X POST localhost:8006/api/v1/clock -H "content-type: application/json" -d \'{"to":"1995-06-30"}\'', 'advance the replay'),
      async (args) => {
        exitCode = await serveCommand({ scenario: args.scenario, host: args.host, port: args.port, token: args.token, cors: args.cors, out: args.out, cache: args.cache });
      },
    )
    .command(
      'merge <dirs..>',
      'combine the output folders of sweep, odds or walk-forward shards into the unsharded results',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'shard output folders' })
          .option('out', { type: 'string', demandOption: true, describe: 'folder for the merged results' })
          .option('format', FORMAT_OPTION)
          .option('cache', { type: 'boolean', default: true, describe: "use the parsed-data cache (a walk-forward's out-of-sample stage reads the data)" })
          .example('$0 merge shard-1 shard-2 shard-3 shard-4 --out reports/goal-thresholds', 'rebuild the whole sweep'),
      async (args) => {
        exitCode = await mergeCommand(args.dirs, args.out, args.cache ? defaultCacheDir() : undefined, args.format);
      },
    )
    .command(
      'parquet <dirs..>',
      'add a typed Parquet copy of every table of run, sweep, odds, walk-forward or solve folders',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'goalsim output folders' })
          .example('$0 parquet reports/goal-thresholds', 'results.parquet beside results.csv, and so on'),
      async (args) => {
        for (const dir of args.dirs) for (const file of await writeParquetCopies(dir)) process.stdout.write(`wrote ${file}\n`);
      },
    )
    .command(
      'report <dirs..>',
      're-render report.md and report.html from a run, sweep or odds folder; --compare runs side by side',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'run or sweep folders' })
          .option('compare', { type: 'boolean', default: false, describe: 'one report comparing the run folders' })
          .option('out', { type: 'string', describe: 'folder of the comparison report' })
          .option('x', { type: 'string', describe: 'sweep heat map: parameter on the x axis' })
          .option('y', { type: 'string', describe: 'sweep heat map: parameter on the y axis' })
          .example('$0 report reports/demo', 're-render a run report')
          .example('$0 report reports/dax-pipeline reports/dax-fixed-fraction --compare --out reports/compare', 'two engines side by side'),
      async (args) => {
        exitCode = await reportCommand({ dirs: args.dirs, compare: args.compare, out: args.out, x: args.x, y: args.y });
      },
    )
    .command(
      'validate <files..>',
      'check scenario and sweep files without running them',
      (y) => y.positional('files', { type: 'string', array: true, demandOption: true }).example('$0 validate scenarios/*.json scenarios/sweeps/*.json', 'check every shipped file'),
      (args) => {
        exitCode = validateCommand(args.files);
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
      // an option's coerce throws inside yargs, which hands the error on wrapped as a YError
      if (error?.name === 'YError') throw new UsageError(error.message);
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

// a reader that stops early (goalsim size ... | head -3) closes stdout: that ends the command quietly
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(hideBin(process.argv));
