/**
 * Writes a run folder (README "Reports" and "Metrics (summary.json)"): summary.json, equity.csv, trades.csv, sizing_decisions.csv
 * and the goal tables, each CSV from its columns in runFolder.ts.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from '../numeric/format.js';
import type { CurveSink, DecisionRecord, EquityCurve, RunResult } from '../sim/types.js';
import { AtomicFile, rowsOf, writeCsvFile, writeFileAtomically, type CsvTable } from '../io/fileWriter.js';
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

/** Writes the run folder of a run that kept its curve (and its benchmark's), each file streamed; returns the paths written. */
export function writeRunFiles(result: RunResult, outDir: string): string[] {
  if (result.equityCurve === undefined) throw new Error('this run handed its equity curve to a sink: write its folder with runIntoFolder');
  const benchmarkCurve = result.benchmark?.equityCurve;
  const benchmark = benchmarkCurve === undefined ? undefined : { ...equityTable(benchmarkCurve), file: RUN_FILES.benchmark };
  return writeFolder(result, outDir, equityTable(result.equityCurve), benchmark);
}

/**
 * Runs `run` with its equity curve written to `outDir`'s equity.csv row by row as the rows become
 * final (the curve is never held whole), and its benchmark's, if it runs one, to benchmark.csv;
 * then writes the rest of the folder. A run that fails leaves neither file behind.
 */
export async function runIntoFolder(outDir: string, run: (curveSink: CurveSink, benchmarkSink: CurveSink) => Promise<RunResult>): Promise<{ result: RunResult; paths: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const equity = new AtomicFile(join(outDir, RUN_FILES.equity));
  const benchmark = new AtomicFile(join(outDir, RUN_FILES.benchmark));
  let result: RunResult;
  try {
    result = await run(equityRowsInto(equity), equityRowsInto(benchmark));
  } catch (error) {
    equity.abort();
    benchmark.abort();
    throw error;
  }
  equity.commit();
  if (result.benchmark === undefined) benchmark.abort();
  else benchmark.commit();
  return { result, paths: writeFolder(result, outDir, undefined, undefined) };
}

/** summary.json and the CSVs; equity.csv (and benchmark.csv) from the tables given, or already written when undefined. */
function writeFolder(result: RunResult, outDir: string, equity: CsvTable | undefined, benchmark: CsvTable | undefined): string[] {
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
  if (benchmark !== undefined) writeCsvFile(join(outDir, RUN_FILES.benchmark), benchmark);
  // a folder written again by a run without a benchmark keeps no other run's
  if (result.benchmark === undefined) rmSync(join(outDir, RUN_FILES.benchmark), { force: true });
  const benchmarkPaths = result.benchmark === undefined ? [] : [join(outDir, RUN_FILES.benchmark)];
  return [summaryPath, equityPath, ...benchmarkPaths, ...paths];
}
