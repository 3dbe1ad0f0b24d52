/** Odds shards combined: the records of every shard, written as the unsharded run writes them. */
import { UsageError } from '../errors.js';
import { definitionPart, readOddsFile, readPathRecords, oddsDifference, writeOddsFiles, type OddsDefinition } from './oddsFolder.js';
import type { PathRecord } from './pathRun.js';

export interface MergedOdds {
  readonly definition: OddsDefinition;
  readonly records: ReadonlyMap<number, PathRecord>;
  /** Paths no shard has. */
  readonly missing: readonly number[];
}

export async function mergeOddsFolders(dirs: readonly string[], out: string): Promise<MergedOdds> {
  const definitions = dirs.map((dir) => definitionPart(readOddsFile(dir)));
  const [first] = definitions;
  if (first === undefined) throw new UsageError('name at least one shard folder');
  definitions.forEach((definition, i) => {
    const difference = definition.paths !== first.paths ? 'its paths differ' : oddsDifference(first, definition);
    if (difference !== null) throw new UsageError(`${dirs[i]} holds different odds than ${dirs[0]} (${difference})`);
  });
  const records = new Map<number, PathRecord>();
  for (const dir of dirs) for (const record of readPathRecords(dir)) if (record.path < first.paths) records.set(record.path, record);
  const scope = Array.from({ length: first.paths }, (_, path) => path);
  await writeOddsFiles(out, first, records, { shard: null, interrupted: false, scope });
  return { definition: first, records, missing: scope.filter((path) => !records.has(path)) };
}
