/**
 * The walk-forward account as a run: a schedule of scenarios that all equal the run's own is
 * the plain warm run, and a schedule that switches changes sizes only from its switch on.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { scenarioFromObject } from '../../src/api.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DAX = 'scenarios/compare/dax-pipeline.json';

function daxWith(changes: (raw: Record<string, any>) => void) {
  const raw = JSON.parse(readFileSync(DAX, 'utf8')) as Record<string, any>;
  raw.data = raw.data.map((source: { path: string }) => ({ ...source, path: resolve('scenarios/compare', source.path) }));
  changes(raw);
  return scenarioFromObject(raw);
}

const tradeRows = (result: Awaited<ReturnType<typeof runScenario>>) => result.trades.map((t) => `${t.entryTime} ${t.quantity.toFixed()} ${t.pnl.toFixed()}`);

describe('the walk-forward account', () => {
  it('is the plain run when every window schedules the run\'s own strategy and sizing', async () => {
    const resolved = daxWith((raw) => {
      raw.period = { start: '1994-07-01', end: '1998-06-30', warmup: true };
    });
    const data = await loadScenarioData(resolved);
    const plain = await runScenario(resolved, data);
    const scheduled = await runScenario(resolved, data, { schedule: { from: [Date.UTC(1994, 6, 1), Date.UTC(1995, 0, 1), Date.UTC(1996, 0, 1)], scenarios: [resolved, resolved, resolved] } });
    expect(plain.trades.length).toBeGreaterThan(10);
    expect(tradeRows(scheduled)).toEqual(tradeRows(plain));
    expect(scheduled.finalEquity.toFixed()).toBe(plain.finalEquity.toFixed());
  });

  it('is warm: with period.warmup the breakout trades from the first bar it can, cold it waits for its 20-bar channel', async () => {
    const warm = daxWith((raw) => {
      raw.period = { start: '1994-07-01', end: '1998-06-30', warmup: true };
    });
    const cold = daxWith((raw) => {
      raw.period = { start: '1994-07-01', end: '1998-06-30' };
    });
    const data = await loadScenarioData(warm);
    const warmRun = await runScenario(warm, data);
    const coldRun = await runScenario(cold, data);
    const firstDecision = (run: typeof warmRun) => run.decisions[0]?.time ?? Infinity;
    expect(firstDecision(coldRun) - Date.UTC(1994, 6, 1)).toBeGreaterThan(20 * 86_400_000);
    expect(firstDecision(warmRun)).toBeLessThan(firstDecision(coldRun));
    // what the warm run decides after the cold one has warmed up too is the same
    const after = (run: typeof warmRun) => run.decisions.filter((d) => d.time >= Date.UTC(1995, 0, 1)).map((d) => `${d.time} ${d.signal}`);
    expect(after(warmRun).slice(0, 5)).toEqual(after(coldRun).slice(0, 5));
  });

  it('sizes by the scenario in force: a switch to a smaller position cap shrinks the entries after it only', async () => {
    const resolved = daxWith((raw) => {
      raw.period = { start: '1994-07-01', end: '1998-06-30', warmup: true };
    });
    const small = daxWith((raw) => {
      raw.sizing.params.maxPositionPct = 0.05;
    });
    const data = await loadScenarioData(resolved);
    const switchAt = Date.UTC(1996, 0, 1);
    const plain = await runScenario(resolved, data);
    const switched = await runScenario(resolved, data, { schedule: { from: [Date.UTC(1994, 6, 1), switchAt], scenarios: [resolved, small] } });
    const before = (run: typeof plain) => run.decisions.filter((d) => d.time < switchAt).map((d) => d.decision.units.toFixed());
    expect(before(switched)).toEqual(before(plain));
    const capsAfter = switched.decisions.filter((d) => d.time >= switchAt && d.decision.skipped === null).map((d) => (d.decision.units.toNumber() * d.price) / 100_000);
    expect(capsAfter.length).toBeGreaterThan(3);
    // 5 % of equity (about 100,000) at most: well under the 30 % cap the plain run has
    for (const share of capsAfter) expect(share).toBeLessThan(0.06);
    expect(loadScenarioFile(DAX).scenario.sizing).toEqual(resolved.scenario.sizing);
  });
});
