/**
 * The files of a run folder (SPEC §5, §7): summary.json, equity.csv, trades.csv,
 * sizing_decisions.csv.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../sim/types.js';
import { rowsOf, writeCsvFile, writeFileAtomically, type CsvTable } from './fileWriter.js';
import { formatDecimal, formatFloat, formatTime } from './format.js';
import { buildSummary } from './summary.js';
import { goalTables } from './goalFiles.js';

export function equityTable(result: RunResult): CsvTable {
  const curve = result.equityCurve;
  function* rows(): Generator<string[]> {
    for (let i = 0; i < curve.length; i++) yield [formatTime(curve.time[i] as number), formatFloat(curve.equity[i]), formatFloat(curve.cash[i]), formatFloat(curve.exposure[i]), formatFloat(curve.drawdown[i])];
  }
  return { file: 'equity.csv', header: ['timestamp', 'equity', 'cash', 'exposure', 'drawdown'], rows: rows() };
}

export function tradesTable(result: RunResult): CsvTable {
  return {
    file: 'trades.csv',
    header: ['symbol', 'side', 'entry_time', 'entry_price', 'exit_time', 'exit_price', 'quantity', 'fees', 'pnl', 'exit_reason'],
    rows: rowsOf(result.trades, (trade) => [
      trade.symbol,
      trade.direction,
      formatTime(trade.entryTime),
      formatDecimal(trade.entryPrice),
      formatTime(trade.exitTime),
      formatDecimal(trade.exitPrice),
      formatDecimal(trade.quantity),
      formatDecimal(trade.fees),
      formatDecimal(trade.pnl),
      trade.exitReason,
    ]),
  };
}

/** Stage names across all decisions, in first-seen order, so every engine's stages get a column. */
function stageNames(result: RunResult): string[] {
  const names: string[] = [];
  for (const record of result.decisions) for (const stage of record.decision.stages) if (!names.includes(stage.name)) names.push(stage.name);
  return names;
}

export function sizingDecisionsTable(result: RunResult): CsvTable {
  const stages = stageNames(result);
  return {
    file: 'sizing_decisions.csv',
    header: ['time', 'symbol', 'signal', 'direction', 'price', 'confidence', 'stop_loss_pct', 'engine', ...stages.map((name) => `stage_${name}`), 'goal_factor', 'risk_pct', 'risk_amount', 'kelly', 'final_value', 'allocation', 'quantity', 'binding', 'goal_effect', 'skipped', 'reason'],
    rows: rowsOf(result.decisions, ({ time, symbol, signal, direction, price, confidence, stopLossPct, decision }) => [
      formatTime(time),
      symbol,
      signal,
      direction,
      formatFloat(price),
      formatFloat(confidence),
      formatFloat(stopLossPct),
      decision.engine,
      ...stages.map((name) => formatFloat(decision.stages.find((stage) => stage.name === name)?.value)),
      formatFloat(decision.goalFactor),
      formatFloat(decision.riskPct),
      formatFloat(decision.riskAmount),
      formatFloat(decision.kelly),
      formatFloat(decision.finalValue),
      formatFloat(decision.allocation),
      formatDecimal(decision.units),
      decision.binding ?? 'none',
      formatFloat(decision.goalEffect),
      decision.skipped ?? '',
      decision.reasoning,
    ]),
  };
}

/** Writes the run folder, each file streamed, and returns the paths written. */
export function writeRunFiles(result: RunResult, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const summaryPath = join(outDir, 'summary.json');
  writeFileAtomically(summaryPath, (write) => write(`${JSON.stringify(buildSummary(result), null, 2)}\n`));
  const tables = [equityTable(result), tradesTable(result), sizingDecisionsTable(result), ...goalTables(result.tracker)];
  return [
    summaryPath,
    ...tables.map((table) => {
      const path = join(outDir, table.file);
      writeCsvFile(path, table);
      return path;
    }),
  ];
}
