/** `goalsim merge <dirs...> --out DIR`: combines sweep or odds shard outputs into the unsharded result files. */
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

async function mergeOdds(dirs: readonly string[], out: string): Promise<number> {
  const merged = await mergeOddsFolders(dirs, out);
  writeOddsReport(out);
  printOdds(out, merged.records.values());
  if (merged.missing.length > 0) {
    process.stderr.write(`goalsim: ${merged.missing.length} paths have no result in these shards (first: ${merged.missing.slice(0, 5).join(', ')})\n`);
    return EXIT_FAILED;
  }
  return [...merged.records.values()].some((record) => record.engines.some((f) => f.error !== null)) ? EXIT_FAILED : EXIT_OK;
}

export async function mergeCommand(dirs: readonly string[], out: string): Promise<number> {
  if (dirs.length > 0 && dirs.every(isOddsFolder)) return mergeOdds(dirs, out);
  const definitions = dirs.map((dir) => {
    const definition = readSweepDefinition(dir);
    if (definition === undefined) throw new UsageError(`${dir}: no sweep.json, not a sweep output folder (nor an odds folder: odds.json, paths.jsonl)`);
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
  const { rows, marginals, audit } = await writeSweepFiles(out, first, outcomes, { shard: null, interrupted: false, scope: first.variants });
  writeSweepReport(out);
  printSweepTables(rows, marginals, first, out);
  printAudit(audit);
  if (missing.length > 0) {
    process.stderr.write(`goalsim: ${missing.length} variants have no result in these shards (first: ${missing.slice(0, 5).join(', ')})\n`);
    return EXIT_FAILED;
  }
  return [...outcomes.values()].some((o) => o.status === 'failed') ? EXIT_FAILED : EXIT_OK;
}
