/**
 * The files of a run folder (SPEC §5, §7): summary.json, equity.csv, trades.csv,
 * sizing_decisions.csv.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../sim/types.js';
import { formatDecimal, formatFloat, formatTime, toCsv } from './format.js';
import { buildSummary } from './summary.js';
import { goalFiles } from './goalFiles.js';

export function equityCsv(result: RunResult): string {
  const curve = result.equityCurve;
  const rows: string[][] = [];
  for (let i = 0; i < curve.length; i++) {
    rows.push([formatTime(curve.time[i] as number), formatFloat(curve.equity[i]), formatFloat(curve.cash[i]), formatFloat(curve.exposure[i]), formatFloat(curve.drawdown[i])]);
  }
  return toCsv(['timestamp', 'equity', 'cash', 'exposure', 'drawdown'], rows);
}

export function tradesCsv(result: RunResult): string {
  return toCsv(
    ['symbol', 'side', 'entry_time', 'entry_price', 'exit_time', 'exit_price', 'quantity', 'fees', 'pnl', 'exit_reason'],
    result.trades.map((trade) => [
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
  );
}

/** Stage names across all decisions, in first-seen order, so every engine's stages get a column. */
function stageNames(result: RunResult): string[] {
  const names: string[] = [];
  for (const record of result.decisions) for (const stage of record.decision.stages) if (!names.includes(stage.name)) names.push(stage.name);
  return names;
}

export function sizingDecisionsCsv(result: RunResult): string {
  const stages = stageNames(result);
  return toCsv(
    ['time', 'symbol', 'signal', 'direction', 'price', 'confidence', 'stop_loss_pct', 'engine', ...stages.map((name) => `stage_${name}`), 'goal_factor', 'risk_pct', 'risk_amount', 'kelly', 'final_value', 'allocation', 'quantity', 'skipped', 'reason'],
    result.decisions.map(({ time, symbol, signal, direction, price, confidence, stopLossPct, decision }) => [
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
      decision.skipped ?? '',
      decision.reasoning,
    ]),
  );
}

/** Writes the run folder and returns the paths written. */
export function writeRunFiles(result: RunResult, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, string][] = [
    ['summary.json', `${JSON.stringify(buildSummary(result), null, 2)}\n`],
    ['equity.csv', equityCsv(result)],
    ['trades.csv', tradesCsv(result)],
    ['sizing_decisions.csv', sizingDecisionsCsv(result)],
    ...goalFiles(result.tracker),
  ];
  return files.map(([name, text]) => {
    const path = join(outDir, name);
    writeFileSync(path, text);
    return path;
  });
}
