/**
 * Writes a run folder (SPEC §5, §7): summary.json, equity.csv, trades.csv, sizing_decisions.csv
 * and the goal tables, each CSV from its columns in runFolder.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DecisionRecord, RunResult } from '../sim/types.js';
import { rowsOf, writeCsvFile, writeFileAtomically, type CsvTable } from './fileWriter.js';
import { buildSummary } from './summary.js';
import { goalTables } from './goalFiles.js';
import { cellsOf, DECISION_LEAD_COLUMNS, DECISION_TAIL_COLUMNS, EQUITY_COLUMNS, headerOf, RUN_FILES, stageColumns, TRADE_COLUMNS, type Column, type CurveRow } from './runFolder.js';

export function equityTable(result: RunResult): CsvTable {
  const cursor: CurveRow = { curve: result.equityCurve, i: 0 };
  function* rows(): Generator<string[]> {
    for (cursor.i = 0; cursor.i < cursor.curve.length; cursor.i++) yield cellsOf(EQUITY_COLUMNS, cursor);
  }
  return { file: RUN_FILES.equity, header: headerOf(EQUITY_COLUMNS), rows: rows() };
}

export function tradesTable(result: RunResult): CsvTable {
  return { file: RUN_FILES.trades, header: headerOf(TRADE_COLUMNS), rows: rowsOf(result.trades, (trade) => cellsOf(TRADE_COLUMNS, trade)) };
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

/** Writes the run folder, each file streamed, and returns the paths written. */
export function writeRunFiles(result: RunResult, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const summaryPath = join(outDir, RUN_FILES.summary);
  writeFileAtomically(summaryPath, (write) => write(`${JSON.stringify(buildSummary(result), null, 2)}\n`));
  const tables = [equityTable(result), tradesTable(result), sizingDecisionsTable(result), ...goalTables(result.goalTables)];
  return [
    summaryPath,
    ...tables.map((table) => {
      const path = join(outDir, table.file);
      writeCsvFile(path, table);
      return path;
    }),
  ];
}
