/** A goal-aware engine against its goal-off twin over a whole run of the shipped DAX scenario. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goalPnlOf } from '../../src/analysis/goalPnl.js';
import { scenarioFromObject } from '../../src/api.js';
import { catalogueEntry, defaultConfig, goalOffTwin, type SizingConfig } from '../../src/sizing/registry.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';

describe('a twin run', () => {
  const dax = JSON.parse(readFileSync('scenarios/odds/dax-goals.json', 'utf8')) as Record<string, unknown>;
  const runWith = async (sizing: SizingConfig, goals: unknown) => {
    const resolved = scenarioFromObject({ ...dax, data: [{ ...(dax['data'] as object[])[0], path: 'data/dax-daily-close-1991-1998.csv' }], sizing, goals });
    return runScenario(resolved, await loadScenarioData(resolved));
  };
  // a portfolio target so far away that it is never reached and, with no date, never behind:
  // the tracker never adjusts, no milestone fires, the goal factor stays 1
  const unreachable = { list: [{ type: 'portfolio_value', target: 1e12 }] };
  const real = dax['goals'];

  it.each(['pipeline', 'goal-kelly'] as const)('%s equals its twin exactly when the goals never move the size, and differs when they do', async (engine) => {
    const config = engine === 'pipeline' ? ({ engine, params: catalogueEntry('pipeline').params.parse({ maxPositionPct: 0.3 }) } as SizingConfig) : defaultConfig(engine);
    const twin = goalOffTwin(config) as SizingConfig;
    const [arm, off] = [await runWith(config, unreachable), await runWith(twin, unreachable)];
    expect(arm.trades.length).toBeGreaterThan(10);
    expect(arm.finalEquity.toFixed()).toBe(off.finalEquity.toFixed());
    expect(arm.trades.map((t) => t.quantity.toFixed())).toEqual(off.trades.map((t) => t.quantity.toFixed()));
    expect(arm.decisions.every((d) => d.decision.goalEffect === 0 || d.decision.goalEffect === null)).toBe(true);
    // a goal that never moved a size added no P&L
    expect(goalPnlOf(arm.trades, arm.decisions, arm.finalEquity.toNumber()).total).toBe(0);
    const [armReal, offReal] = [await runWith(config, real), await runWith(twin, real)];
    expect(armReal.finalEquity.toFixed()).not.toBe(offReal.finalEquity.toFixed());
    expect(offReal.decisions.every((d) => d.decision.goalEffect === 0 || d.decision.goalEffect === null)).toBe(true);
  });
});
