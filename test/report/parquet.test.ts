/**
 * Every table goalsim writes, read back from its Parquet copy with DuckDB and compared with the
 * CSV cell by cell: a run (equity, benchmark, trades, decisions and the goal tables), a sweep
 * (results, marginals, daily returns, monthly goals), odds (paths, fan), a walk-forward (windows,
 * equity, and its train sweep and out-of-sample run) and a solve (candidates). A number must be
 * the CSV's number, a timestamp its instant, a decimal its double and its exact text, an empty
 * cell NULL; the types are the declared ones.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/data/timestamp.js';
import { EXACT_SUFFIX } from '../../src/io/parquetFile.js';
import { goalsim, tempDir } from '../helpers.js';

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => connection.closeSync());

interface ParquetTable {
  readonly types: Readonly<Record<string, string>>;
  readonly rows: readonly Record<string, unknown>[];
}

async function readParquet(path: string): Promise<ParquetTable> {
  const source = `read_parquet('${path.replaceAll("'", "''")}')`;
  const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJson() as { column_name: string; column_type: string }[];
  const rows = (await connection.runAndReadAll(`SELECT * FROM ${source}`)).getRowObjectsJS();
  return { types: Object.fromEntries(described.map((d) => [d.column_name, d.column_type])), rows };
}

/** A Parquet cell against its CSV text, by the column's DuckDB type. */
/** A Parquet value as a message shows it (a bigint or a Date included). */
const shownValue = (value: unknown): string => (value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? `${value}n` : JSON.stringify(value));

function cellProblem(text: string, value: unknown, type: string): string | undefined {
  if (text === '') return value === null ? undefined : `empty in the CSV, ${shownValue(value)} in Parquet`;
  const same = (ok: boolean): string | undefined => (ok ? undefined : `${text} in the CSV, ${shownValue(value)} in Parquet`);
  switch (type) {
    case 'DOUBLE':
      return same(value === Number(text));
    case 'BIGINT':
      return same(value === BigInt(text));
    case 'TIMESTAMP':
    case 'DATE':
      return same(value instanceof Date && value.getTime() === parseTimestamp(text));
    case 'BOOLEAN':
      return same(value === (text === 'true'));
    case 'VARCHAR':
      return same(value === text);
    default:
      return `an unexpected type ${type}`;
  }
}

/** Every .csv under `dir` (its subfolders too) that has a .parquet beside it; and the ones that do not. */
function tablesIn(dir: string): { copied: string[]; alone: string[] } {
  const copied: string[] = [];
  const alone: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.csv')) continue;
    const csv = join(entry.parentPath, entry.name);
    (existsSync(csv.replace(/\.csv$/, '.parquet')) ? copied : alone).push(csv);
  }
  return { copied: copied.sort(), alone };
}

async function compareFolder(dir: string): Promise<{ tables: number; cells: number; types: Record<string, Record<string, string>> }> {
  const { copied, alone } = tablesIn(dir);
  expect(alone, 'every table has its Parquet copy').toEqual([]);
  let cells = 0;
  const types: Record<string, Record<string, string>> = {};
  for (const csvPath of copied) {
    const csv = parse(readFileSync(csvPath), { columns: true }) as Record<string, string>[];
    const table = await readParquet(csvPath.replace(/\.csv$/, '.parquet'));
    const name = csvPath.slice(dir.length + 1);
    types[name] = { ...table.types };
    expect(table.rows.length, name).toBe(csv.length);
    const header = Object.keys(csv[0] ?? {});
    const problems: string[] = [];
    csv.forEach((row, i) => {
      for (const column of header) {
        const problem = cellProblem(row[column] ?? '', table.rows[i]?.[column], table.types[column] ?? 'missing');
        if (problem !== undefined) problems.push(`${name} row ${i + 1} ${column}: ${problem}`);
        cells++;
        const exact = `${column}${EXACT_SUFFIX}`;
        if (exact in table.types) {
          const exactProblem = cellProblem(row[column] ?? '', table.rows[i]?.[exact], 'VARCHAR');
          if (exactProblem !== undefined) problems.push(`${name} row ${i + 1} ${exact}: ${exactProblem}`);
        }
      }
    });
    expect(problems.slice(0, 5), name).toEqual([]);
  }
  return { tables: copied.length, cells, types };
}

const DAX = resolve('scenarios/compare/dax-pipeline.json');

function sweepFile(dir: string): string {
  const file = join(dir, 'sweep.json');
  writeFileSync(file, JSON.stringify({ name: 'small', base: DAX, grid: { 'sizing.params.maxPositionPct': [0.1, 0.3], 'sizing.params.goalFactor.weights.growth': [{ return: 0.4, income: 0.35, portfolio: 0.25 }] }, objective: 'metrics.sharpe' }));
  return file;
}

describe('Parquet copies, read with DuckDB', () => {
  it('a run folder: every table, typed, equal to its CSV cell by cell', async () => {
    const out = join(tempDir(), 'run');
    const run = goalsim(['run', DAX, '--out', out, '--format', 'csv,parquet']);
    expect(run.code, run.stderr).toBe(0);
    const { tables, cells, types } = await compareFolder(out);
    expect(tables).toBe(9);
    expect(cells).toBeGreaterThan(10_000);
    expect(types['equity.csv']).toEqual({ timestamp: 'TIMESTAMP', equity: 'DOUBLE', cash: 'DOUBLE', exposure: 'DOUBLE', drawdown: 'DOUBLE' });
    expect([types['trades.csv']?.['entry_time'], types['trades.csv']?.['pnl'], types['trades.csv']?.[`pnl${EXACT_SUFFIX}`], types['trades.csv']?.['symbol']]).toEqual(['TIMESTAMP', 'DOUBLE', 'VARCHAR', 'VARCHAR']);
    expect([types['goal_progress.csv']?.['on_track'], types['goal_progress.csv']?.['days_remaining'], types['goal_progress_history.csv']?.['date']]).toEqual(['BOOLEAN', 'BIGINT', 'DATE']);
    expect(types['sizing_decisions.csv']?.['stage_goal']).toBe('DOUBLE');
  }, 120_000);

  it('a sweep, and its merge from shards, with its parameter columns inferred', async () => {
    const dir = tempDir();
    const file = sweepFile(dir);
    const sweep = goalsim(['sweep', file, '--workers', '1', '--out', join(dir, 'sweep'), '--format', 'csv,parquet']);
    expect(sweep.code, sweep.stderr).toBe(0);
    const { tables, types } = await compareFolder(join(dir, 'sweep'));
    expect(tables, 'results, marginals, daily returns, monthly goals').toBe(4);
    expect([types['results.csv']?.['sizing.params.maxPositionPct'], types['results.csv']?.['sizing.params.goalFactor.weights.growth'], types['results.csv']?.['rank'], types['results.csv']?.['finalEquity']]).toEqual(['DOUBLE', 'VARCHAR', 'BIGINT', 'DOUBLE']);
    for (const shard of ['1/2', '2/2']) expect(goalsim(['sweep', file, '--workers', '1', '--shard', shard, '--out', join(dir, `shard-${shard[0] ?? ''}`)]).code).toBe(0);
    expect(goalsim(['merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', join(dir, 'merged'), '--format', 'csv,parquet']).code).toBe(0);
    expect((await compareFolder(join(dir, 'merged'))).tables).toBe(4);
  }, 180_000);

  it('odds, a walk-forward and a solve', async () => {
    const dir = tempDir();
    const odds = goalsim(['odds', 'scenarios/odds/dax-goals.json', '--paths', '4', '--workers', '1', '--no-cache', '--out', join(dir, 'odds'), '--format', 'csv,parquet']);
    expect(odds.code, odds.stderr).toBe(0);
    const oddsTables = await compareFolder(join(dir, 'odds'));
    expect([oddsTables.tables, oddsTables.types['paths.csv']?.['target_reached_at'], oddsTables.types['fan.csv']?.['time']]).toEqual([2, 'TIMESTAMP', 'TIMESTAMP']);
    const walk = goalsim(['walk-forward', sweepFile(dir), '--train', '36m', '--test', '12m', '--workers', '1', '--out', join(dir, 'wf'), '--format', 'csv,parquet']);
    expect(walk.code, walk.stderr).toBe(0);
    const walkTables = await compareFolder(join(dir, 'wf'));
    expect(walkTables.tables).toBeGreaterThanOrEqual(2 + 2 + 9);
    expect(walkTables.types['windows.csv']?.['test_first']).toBe('DATE');
    // a train shard has no out-of-sample folder yet: its train tables are copied all the same
    const shard = goalsim(['walk-forward', sweepFile(dir), '--train', '36m', '--test', '12m', '--workers', '1', '--shard', '1/2', '--out', join(dir, 'wf-shard'), '--format', 'csv,parquet']);
    expect(shard.code, shard.stderr).toBe(0);
    expect((await compareFolder(join(dir, 'wf-shard'))).tables).toBe(2);
    writeFileSync(join(dir, 'solve.json'), JSON.stringify({ name: 'small', base: resolve('scenarios/odds/dax-goals.json'), space: { 'account.riskTolerance': { min: 0.005, max: 0.03 } }, maximize: 'monthly_return', subjectTo: [{ metric: 'drawdownBreach', max: 0.99 }], paths: { block: 10, seed: '3' }, budget: 60, candidates: 3, rungs: [6, 12], confirmPaths: 4, seed: 5 }));
    const solve = goalsim(['solve', join(dir, 'solve.json'), '--workers', '1', '--no-cache', '--out', join(dir, 'solve'), '--format', 'csv,parquet']);
    expect(solve.code, solve.stderr).toBe(0);
    const solveTables = await compareFolder(join(dir, 'solve'));
    expect([solveTables.tables, solveTables.types['candidates.csv']?.['p_goal'], solveTables.types['candidates.csv']?.['account.riskTolerance']]).toEqual([1, 'DOUBLE', 'DOUBLE']);
  }, 300_000);

  it('goalsim parquet adds copies to a folder written before; --format refuses Parquet without the CSV', async () => {
    const out = join(tempDir(), 'run');
    expect(goalsim(['run', 'scenarios/demo.json', '--out', out]).code).toBe(0);
    expect(existsSync(join(out, 'equity.parquet'))).toBe(false);
    const added = goalsim(['parquet', out]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`wrote ${join(out, 'equity.parquet')}`);
    expect((await compareFolder(out)).tables).toBeGreaterThanOrEqual(3);
    const alone = goalsim(['run', 'scenarios/demo.json', '--out', out, '--format', 'parquet']);
    expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('--format parquet: the CSV tables stay') as unknown]);
    const notFolder = goalsim(['parquet', tempDir()]);
    expect([notFolder.code, notFolder.stderr]).toEqual([2, expect.stringContaining('not a goalsim folder') as unknown]);
  }, 120_000);
});
