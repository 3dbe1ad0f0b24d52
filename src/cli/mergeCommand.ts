/** `goalsim merge <dirs...> --out DIR`: combines sweep, odds or walk-forward shard outputs into the unsharded result files. */
import { UsageError } from '../errors.js';
import type { VariantOutcome } from '../parallel/task.js';
import { readOutcomes, readSweepDefinition, sweepDifference } from '../parallel/sweepState.js';
import { writeSweepFiles } from '../report/sweepFiles.js';
import { EXIT_FAILED, EXIT_OK } from './exit.js';
import { printAudit, printSweepTables } from './sweepTables.js';
import { writeSweepReport } from '../report/sweepReport.js';
import { isOddsFolder } from '../odds/oddsFolder.js';
import { mergeOddsFolders } from '../odds/mergeOdds.js';
import { writeOddsReport } from '../report/oddsReport.js';
import { printOdds } from './oddsCommand.js';
import { join } from 'node:path';
import { fingerprintDifference, inputsFingerprint } from '../scenario/fingerprint.js';
import { baseScenarioOf, loadSweepFile } from '../scenario/sweep.js';
import { loadScenarioData } from '../sim/loadData.js';
import { isWalkForwardFolder, writeWalkForwardReport } from '../report/walkForwardReport.js';
import { walkForwardDifference, WALK_FORWARD_FILES, type WalkForwardDefinition } from '../walkforward/definition.js';
import { readWalkForward, writeWalkForwardFiles } from '../walkforward/folder.js';
import { finishWalkForward } from '../walkforward/runner.js';
import { printWalkForward } from './walkForwardCommand.js';
import { writeFormats, type TableFormat } from '../report/parquetCopies.js';

async function mergeOdds(dirs: readonly string[], out: string): Promise<number> {
  const merged = await mergeOddsFolders(dirs, out);
  writeOddsReport(out);
  printOdds(out, merged.records.values());
  if (merged.missing.length > 0) {
    reportMissing(merged.missing, 'paths');
    return EXIT_FAILED;
  }
  return [...merged.records.values()].some((record) => record.engines.some((f) => f.error !== null)) ? EXIT_FAILED : EXIT_OK;
}

/** The train folders' (or sweep shards') outcomes merged and written to `out` as the unsharded sweep folder writes them. */
async function mergeSweepFolders(dirs: readonly string[], out: string) {
  const definitions = dirs.map((dir) => {
    const definition = readSweepDefinition(dir);
    if (definition === undefined) throw new UsageError(`${dir}: no sweep.json, not a sweep output folder (nor an odds folder: odds.json, paths.jsonl, nor a walk-forward folder: walkforward.json)`);
    return definition;
  });
  const [first] = definitions;
  if (first === undefined) throw new UsageError('name at least one shard folder');
  definitions.forEach((definition, i) => {
    const difference = definition.name !== first.name ? 'its name differs' : sweepDifference(first, definition);
    if (difference !== null) throw new UsageError(`${dirs[i]} holds a different sweep than ${dirs[0]} (${difference})`);
  });
  const outcomes = new Map<number, VariantOutcome>();
  for (const dir of dirs) for (const [id, outcome] of readOutcomes(dir, (message) => process.stderr.write(`${message}\n`))) outcomes.set(id, outcome);
  const missing = first.variants.filter((variant) => !outcomes.has(variant.id)).map((variant) => variant.id);
  const written = await writeSweepFiles(out, first, outcomes, { shard: null, interrupted: false, scope: first.variants });
  return { definition: first, outcomes, missing, ...written };
}

const failedOf = (outcomes: ReadonlyMap<number, VariantOutcome>): boolean => [...outcomes.values()].some((o) => o.status === 'failed');

function reportMissing(missing: readonly number[], what: string): void {
  process.stderr.write(`goalsim: ${missing.length} ${what} have no result in these shards (first: ${missing.slice(0, 5).join(', ')})\n`);
}

/**
 * Walk-forward shards: their train folders merged into `out/train`, then the out-of-sample
 * stage, which needs every train run, from the sweep file the definition names (checked to be
 * the same scenario and data).
 */
async function mergeWalkForward(dirs: readonly string[], out: string, cacheDir: string | undefined): Promise<number> {
  const folders = dirs.map((dir) => readWalkForward(dir)?.definition as WalkForwardDefinition);
  const [first] = folders;
  if (first === undefined) throw new UsageError('name at least one shard folder');
  folders.forEach((definition, i) => {
    const difference = definition.name !== first.name ? 'its name differs' : walkForwardDifference(first, definition);
    if (difference !== null) throw new UsageError(`${dirs[i]} holds a different walk-forward than ${dirs[0]} (${difference})`);
  });
  const train = await mergeSweepFolders(dirs.map((dir) => join(dir, WALK_FORWARD_FILES.train)), join(out, WALK_FORWARD_FILES.train));
  if (train.missing.length > 0) {
    writeWalkForwardFiles(out, first, null);
    writeWalkForwardReport(out);
    reportMissing(train.missing, 'train runs');
    return EXIT_FAILED;
  }
  const loaded = loadSweepFile(first.sweepFile);
  const difference = fingerprintDifference(first.inputs, inputsFingerprint(loaded.baseRaw, loaded.baseFile, cacheDir));
  if (difference !== null) throw new UsageError(`${first.sweepFile} is not what the shards ran (${difference}): the out-of-sample stage re-runs it`);
  const summary = await finishWalkForward(loaded, first, train.outcomes, out, await loadScenarioData(baseScenarioOf(loaded), cacheDir));
  writeWalkForwardReport(out);
  printWalkForward(first, summary, out);
  return failedOf(train.outcomes) ? EXIT_FAILED : EXIT_OK;
}

/** Merges shard folders into `out`, then adds Parquet copies of its tables when `format` asks for them. */
export async function mergeCommand(dirs: readonly string[], out: string, cacheDir?: string, format: readonly TableFormat[] = ['csv']): Promise<number> {
  const code = await mergeFolders(dirs, out, cacheDir);
  await writeFormats(format, out);
  return code;
}

async function mergeFolders(dirs: readonly string[], out: string, cacheDir: string | undefined): Promise<number> {
  if (dirs.length > 0 && dirs.every(isOddsFolder)) return mergeOdds(dirs, out);
  if (dirs.length > 0 && dirs.every(isWalkForwardFolder)) return mergeWalkForward(dirs, out, cacheDir);
  const merged = await mergeSweepFolders(dirs, out);
  writeSweepReport(out);
  printSweepTables(merged.rows, merged.marginals, merged.definition, out);
  printAudit(merged.audit);
  if (merged.missing.length > 0) {
    reportMissing(merged.missing, 'variants');
    return EXIT_FAILED;
  }
  return failedOf(merged.outcomes) ? EXIT_FAILED : EXIT_OK;
}
