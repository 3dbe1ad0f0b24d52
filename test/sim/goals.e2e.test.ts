/**
 * The shipped goal-aware scenario (scenarios/compare/dax-pipeline.json: DAX daily closes
 * 1991-1998, breakout, seed-000 goals) exercises the tracker and the goal factor end to end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRunFiles } from '../../src/report/runFiles.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { tempDir } from '../helpers.js';

describe('goal-aware run on shipped data', async () => {
  const resolved = loadScenarioFile('scenarios/compare/dax-pipeline.json');
  const result = await runScenario(resolved, await loadScenarioData(resolved));
  const tracker = result.goalTables;

  it('adjusts risk, records milestones and moves the goal factor', () => {
    expect(tracker?.adjustments.filter((a) => a.type !== 'drawdown_protection').length).toBeGreaterThan(0);
    expect(tracker?.milestones.length).toBeGreaterThan(0);
    const factors = new Set(result.decisions.map((d) => d.decision.goalFactor));
    expect(factors.size, 'the goal factor takes several values').toBeGreaterThan(3);
  });

  it('never cools down for less than 24h between progress adjustments', () => {
    const times = (tracker?.adjustments ?? []).filter((a) => a.type !== 'drawdown_protection').map((a) => a.time);
    times.slice(1).forEach((time, i) => expect(time - (times[i] as number)).toBeGreaterThanOrEqual(24 * 3_600_000));
  });

  it('records each milestone at most once per goal and period', () => {
    const keys = (tracker?.milestones ?? []).map((m) => `${m.goal}:${m.period}:${m.milestone}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes the goal tables with their headers and one month row per calendar month', () => {
    const dir = tempDir();
    writeRunFiles(result, dir);
    const header = (file: string): string => readFileSync(join(dir, file), 'utf8').split('\n')[0] ?? '';
    expect(header('goal_progress.csv')).toBe('timestamp,goal,current,target,progress,expected,pace,status,on_track,portfolio_value,realized_pnl,unrealized_pnl,win_rate,sharpe,days_remaining,required_daily_return,risk');
    expect(header('goal_adjustments.csv')).toBe('timestamp,goal,type,previous,new,reason,status');
    expect(header('goal_progress_history.csv')).toBe('date,goal,actual,target,variance_pct,status');
    expect(header('milestones.csv')).toBe('timestamp,goal,period,milestone,progress,action');
    expect(header('alerts.csv')).toBe('timestamp,type,goal,message');
    const months = (tracker?.months ?? []).map((m) => m.month);
    expect(new Set(months).size, 'no month twice').toBe(months.length);
    expect(months[0]).toBe('1991-07');
    expect(months[months.length - 1]).toBe('1998-08');
  });
});
