/**
 * DataFrame views of run and sweep folders, for analysis in danfojs: `import { runFrames } from
 * 'goalsim/frames'`. danfojs-node is an optional peer dependency: nothing that every user
 * needs loads it (runs, sweeps and reports compute their tables without it), and it is imported
 * here only when a view is asked for. Every column is read as text and converted where it is
 * numeric, exactly as the CSV has it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import { DECIMAL_NUMBER } from '../numeric/decimalText.js';
import { RUN_FILES } from '../report/runFolder.js';

type DanfoModule = typeof import('danfojs-node');
type DataFrame = InstanceType<DanfoModule['DataFrame']>;

async function danfo(): Promise<DanfoModule> {
  try {
    return await import('danfojs-node');
  } catch {
    throw new UsageError('DataFrame views need the optional peer danfojs-node: npm install danfojs-node');
  }
}

/** A CSV as columns, numbers where every cell of a column is one (or empty). */
function columnsOf(path: string): Record<string, (string | number | null)[]> {
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const names = rows.length > 0 ? Object.keys(rows[0] as Record<string, string>) : [];
  const columns: Record<string, (string | number | null)[]> = {};
  for (const name of names) {
    const cells = rows.map((row) => row[name] ?? '');
    const numeric = cells.every((cell) => cell === '' || (DECIMAL_NUMBER.test(cell) && Number.isFinite(Number(cell))));
    columns[name] = numeric ? cells.map((cell) => (cell === '' ? null : Number(cell))) : cells;
  }
  return columns;
}

async function frameOf(path: string): Promise<DataFrame | undefined> {
  if (!existsSync(path)) return undefined;
  const columns = columnsOf(path);
  if (Object.keys(columns).length === 0) return undefined;
  const dfd = await danfo();
  return new dfd.DataFrame(columns);
}

export interface RunFrames {
  readonly equity: DataFrame | undefined;
  readonly trades: DataFrame | undefined;
  readonly decisions: DataFrame | undefined;
  readonly progress: DataFrame | undefined;
}

/** The tables of a `goalsim run` folder as DataFrames (undefined for an absent or empty file). */
export async function runFrames(dir: string): Promise<RunFrames> {
  if (!existsSync(join(dir, RUN_FILES.summary))) throw new UsageError(`${dir}: not a run folder (no ${RUN_FILES.summary})`);
  return {
    equity: await frameOf(join(dir, RUN_FILES.equity)),
    trades: await frameOf(join(dir, RUN_FILES.trades)),
    decisions: await frameOf(join(dir, RUN_FILES.decisions)),
    progress: await frameOf(join(dir, RUN_FILES.progress)),
  };
}

/** A sweep folder's ranked results.csv as a DataFrame. */
export async function sweepFrame(dir: string): Promise<DataFrame> {
  const frame = await frameOf(join(dir, 'results.csv'));
  if (frame === undefined) throw new UsageError(`${dir}: not a sweep folder (no results.csv)`);
  return frame;
}
