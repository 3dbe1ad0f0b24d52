import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunFiles } from '../../src/report/readRun.js';
import { writeRunFiles } from '../../src/report/runFiles.js';
import { ADJUSTMENT_COLUMNS, ALERT_COLUMNS, DECISION_LEAD_COLUMNS, DECISION_TAIL_COLUMNS, EQUITY_COLUMNS, HISTORY_COLUMNS, MILESTONE_COLUMNS, PROGRESS_COLUMNS, RUN_FILES, TRADE_COLUMNS } from '../../src/report/runFolder.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { tempDir, keptCurve } from '../helpers.js';

const headerOf = (path: string): string[] => (readFileSync(path, 'utf8').split('\n')[0] ?? '').split(',');
const names = (columns: readonly { readonly name: string }[]): string[] => columns.map((column) => column.name);

describe('a run folder, written and read through one definition', async () => {
  const resolved = loadScenarioFile(resolve('scenarios/compare/dax-pipeline.json'));
  const result = await runScenario(resolved, await loadScenarioData(resolved));
  const dir = tempDir();
  writeRunFiles(result, dir);

  it('writes each CSV with the columns of its definition, in order', () => {
    expect(headerOf(join(dir, RUN_FILES.equity))).toEqual(names(EQUITY_COLUMNS));
    expect(headerOf(join(dir, RUN_FILES.trades))).toEqual(names(TRADE_COLUMNS));
    expect(headerOf(join(dir, RUN_FILES.progress))).toEqual(names(PROGRESS_COLUMNS));
    expect(headerOf(join(dir, RUN_FILES.history))).toEqual(names(HISTORY_COLUMNS));
    expect(headerOf(join(dir, RUN_FILES.adjustments))).toEqual(names(ADJUSTMENT_COLUMNS));
    expect(headerOf(join(dir, RUN_FILES.milestones))).toEqual(names(MILESTONE_COLUMNS));
    expect(headerOf(join(dir, RUN_FILES.alerts))).toEqual(names(ALERT_COLUMNS));
    const decisions = headerOf(join(dir, RUN_FILES.decisions));
    const stages = result.decisions[0]?.decision.stages.map((stage) => `stage_${stage.name}`) ?? [];
    expect(stages.length, 'the pipeline logs its stages').toBeGreaterThan(3);
    expect(decisions).toEqual([...names(DECISION_LEAD_COLUMNS), ...stages, ...names(DECISION_TAIL_COLUMNS)]);
  });

  it('reads back what it wrote: the equity curve, trades, entries and progress by column name', async () => {
    const files = await readRunFiles(dir);
    expect(files.equity.length).toBe(keptCurve(result).length);
    expect(files.equity.equity[10]).toBeCloseTo(keptCurve(result).equity[10] as number, 4);
    expect(files.equity.drawdown[10]).toBeCloseTo(keptCurve(result).drawdown[10] as number, 9);
    expect(Array.from(files.trades.pnl)).toEqual(result.trades.map((trade) => trade.pnl.toNumber()));
    expect(Array.from(files.trades.exitTime)).toEqual(result.trades.map((trade) => trade.exitTime));
    const entries = result.decisions.filter((d) => d.decision.skipped === null);
    expect(Array.from(files.entries.finalValue)).toEqual(entries.map((d) => Number(d.decision.finalValue.toPrecision(10))));
    expect(Array.from(files.entries.goalFactor)).toEqual(entries.map((d) => (d.decision.goalFactor === null ? NaN : Number(d.decision.goalFactor.toPrecision(10)))));
    expect(Array.from(files.entries.time)).toEqual(entries.map((d) => d.time));
    const rows = result.goalTables?.progressRows ?? [];
    expect([...files.progress.keys()]).toEqual([...new Set(rows.map((r) => r.goal))]);
    const returns = rows.filter((r) => r.goal === 'monthly_return');
    expect(Array.from(files.progress.get('monthly_return')?.time ?? [])).toEqual(returns.map((r) => r.time));
    expect(Array.from(files.progress.get('monthly_return')?.risk ?? [])).toEqual(returns.map((r) => Number(r.risk.toPrecision(10))));
    expect(Array.from(files.progress.get('monthly_return')?.expected ?? [])).toEqual(returns.map((r) => Number(r.expected.toPrecision(10))));
  });

  it('reads an equity.csv whose columns are in another order by name, not position', async () => {
    const moved = tempDir();
    writeRunFiles(result, moved);
    const path = join(moved, RUN_FILES.equity);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => line.split(','));
    // reversed: drawdown first, timestamp last
    writeFileSync(path, `${lines.map((cells) => [...cells].reverse().join(',')).join('\n')}\n`);
    const files = await readRunFiles(moved);
    const original = await readRunFiles(dir);
    expect(Array.from(files.equity.equity)).toEqual(Array.from(original.equity.equity));
    expect(Array.from(files.equity.time)).toEqual(Array.from(original.equity.time));
  });

  it('a file without a column its definition has is an error naming file and column', async () => {
    const old = tempDir();
    writeRunFiles(result, old);
    const path = join(old, RUN_FILES.decisions);
    writeFileSync(path, readFileSync(path, 'utf8').replace(',goal_effect,', ',effect,'));
    await expect(readRunFiles(old)).rejects.toThrow(/sizing_decisions\.csv: no column "goal_effect"/);
    const equity = join(old, RUN_FILES.equity);
    writeFileSync(equity, readFileSync(equity, 'utf8').replace('drawdown', 'dd'));
    await expect(readRunFiles(old)).rejects.toThrow(/equity\.csv: no column "drawdown"/);
  });
});
