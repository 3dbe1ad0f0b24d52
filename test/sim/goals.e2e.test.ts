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

  it('keeps the cooldown between progress adjustments, which an hourly tracker would otherwise break', async () => {
    // hourly cycles on daily data: the schedule moves every hour, so without a cooldown the
    // tracker adjusts hours apart; with 72 h no two progress adjustments are closer than that
    const withCooldown = async (cooldownHours: number): Promise<number[]> => {
      const hourly = { ...resolved, scenario: { ...resolved.scenario, tracker: { ...resolved.scenario.tracker, intervalMinutes: 60, cooldownHours } } };
      const run = await runScenario(hourly, await loadScenarioData(hourly));
      const times = (run.goalTables?.adjustments ?? []).filter((a) => a.type !== 'drawdown_protection').map((a) => a.time);
      return times.slice(1).map((time, i) => time - (times[i] as number));
    };
    const free = await withCooldown(0);
    expect(Math.min(...free), 'without a cooldown, adjustments come closer than 72 h').toBeLessThan(72 * 3_600_000);
    const cooled = await withCooldown(72);
    expect(cooled.length).toBeGreaterThan(5);
    expect(Math.min(...cooled)).toBeGreaterThanOrEqual(72 * 3_600_000);
  }, 60_000);

  it('records each milestone at most once per goal and period', () => {
    const keys = (tracker?.milestones ?? []).map((m) => `${m.goal}:${m.period}:${m.milestone}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes the goal tables with their headers and one month row per calendar month', () => {
    const dir = tempDir();
    writeRunFiles(result, dir);
    const header = (file: string): string => readFileSync(join(dir, file), 'utf8').split('\n')[0] ?? '';
    expect(header('goal_progress.csv')).toBe('timestamp,goal,current,target,progress,current_over_target,expected,pace,status,on_track,portfolio_value,realized_pnl,unrealized_pnl,win_rate,sharpe,days_remaining,required_daily_return,risk');
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
