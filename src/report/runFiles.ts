/**
 * Writes a run folder (SPEC §5, §7): summary.json, equity.csv, trades.csv, sizing_decisions.csv
 * and the goal tables, each CSV from its columns in runFolder.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from '../numeric/format.js';
import type { CurveSink, DecisionRecord, EquityCurve, RunResult } from '../sim/types.js';
import { AtomicFile, rowsOf, writeCsvFile, writeFileAtomically, type CsvTable } from './fileWriter.js';
import { buildSummary } from './summary.js';
import { goalTables } from './goalFiles.js';
import { goalPnlOf } from '../analysis/goalPnl.js';
import { cellsOf, DECISION_LEAD_COLUMNS, DECISION_TAIL_COLUMNS, EQUITY_COLUMNS, headerOf, RUN_FILES, stageColumns, TRADE_COLUMNS, type Column, type CurveRow } from './runFolder.js';

/** Rows [from, to) of a curve as cells (one cursor for them all). */
function* equityRows(curve: EquityCurve, from: number, to: number): Generator<string[]> {
  const cursor: CurveRow = { curve, i: from };
  for (; cursor.i < to; cursor.i++) yield cellsOf(EQUITY_COLUMNS, cursor);
}

function equityTable(curve: EquityCurve): CsvTable {
  return { file: RUN_FILES.equity, header: headerOf(EQUITY_COLUMNS), rows: equityRows(curve, 0, curve.length) };
}

/** A curve sink that writes each final row to `file`, header first. */
function equityRowsInto(file: AtomicFile): CurveSink {
  file.write(csvLine(headerOf(EQUITY_COLUMNS)));
  return (curve, from, to) => {
    for (const row of equityRows(curve, from, to)) file.write(csvLine(row));
  };
}

export function tradesTable(result: RunResult): CsvTable {
  const { perTrade } = goalPnlOf(result.trades, result.decisions, result.finalEquity.toNumber());
  const rows = result.trades.map((trade, i) => ({ ...trade, goalPnl: perTrade[i] ?? null }));
  return { file: RUN_FILES.trades, header: headerOf(TRADE_COLUMNS), rows: rowsOf(rows, (row) => cellsOf(TRADE_COLUMNS, row)) };
}

/** Stage names across all decisions, in first-seen order, so every engine's stages get a column. */
function stageNames(result: RunResult): string[] {
  const names: string[] = [];
  for (const record of result.decisions) for (const stage of record.decision.stages) if (!names.includes(stage.name)) names.push(stage.name);
  return names;
}

export function sizingDecisionsTable(result: RunResult): CsvTable {
  const columns: readonly Column<DecisionRecord>[] = [...DECISION_LEAD_COLUMNS, ...stageColumns(stageNames(result)), ...DECISION_TAIL_COLUMNS];
  return { file: RUN_FILES.decisions, header: headerOf(columns), rows: rowsOf(result.decisions, (record) => cellsOf(columns, record)) };
}

/** Writes the run folder of a run that kept its curve, each file streamed; returns the paths written. */
export function writeRunFiles(result: RunResult, outDir: string): string[] {
  if (result.equityCurve === undefined) throw new Error('this run handed its equity curve to a sink: write its folder with runIntoFolder');
  return writeFolder(result, outDir, equityTable(result.equityCurve));
}

/**
 * Runs `run` with its equity curve written to `outDir`'s equity.csv row by row as the rows become
 * final (the curve is never held whole), then writes the rest of the folder. A run that fails
 * leaves no equity.csv behind.
 */
export async function runIntoFolder(outDir: string, run: (curveSink: CurveSink) => Promise<RunResult>): Promise<{ result: RunResult; paths: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const equity = new AtomicFile(join(outDir, RUN_FILES.equity));
  let result: RunResult;
  try {
    result = await run(equityRowsInto(equity));
  } catch (error) {
    equity.abort();
    throw error;
  }
  equity.commit();
  return { result, paths: writeFolder(result, outDir, undefined) };
}

/** summary.json and the CSVs; equity.csv from `equity`, or already written when that is undefined. */
function writeFolder(result: RunResult, outDir: string, equity: CsvTable | undefined): string[] {
  mkdirSync(outDir, { recursive: true });
  const summaryPath = join(outDir, RUN_FILES.summary);
  writeFileAtomically(summaryPath, (write) => write(`${JSON.stringify(buildSummary(result), null, 2)}\n`));
  const tables = [tradesTable(result), sizingDecisionsTable(result), ...goalTables(result.goalTables)];
  const paths = tables.map((table) => {
    const path = join(outDir, table.file);
    writeCsvFile(path, table);
    return path;
  });
  const equityPath = join(outDir, RUN_FILES.equity);
  if (equity !== undefined) writeCsvFile(equityPath, equity);
  return [summaryPath, equityPath, ...paths];
}
