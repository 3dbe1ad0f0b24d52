import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { armsFromEngines, resolveArms, type Arm } from '../../src/odds/arms.js';
import { matchArms, MATCH_TOLERANCE } from '../../src/odds/match.js';
import { runOdds } from '../../src/odds/oddsRunner.js';
import { writeOddsReport } from '../../src/report/oddsReport.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { tempDir } from '../helpers.js';

const DAX = resolve('scenarios/odds/dax-goals.json');

describe('risk matching on the history', async () => {
  const resolved = loadScenarioFile(DAX);
  const data = await loadScenarioData(resolved);
  // resolved in each test: mutation testing counts a test's own work only
  const allArms = (): Arm[] => resolveArms(resolved, armsFromEngines(resolved, ['pipeline', 'fixed-fraction', 'fixed-risk', 'kelly']), { twins: true, source: '--engines' });
  const figure = async (arm: Arm, by: 'exposure' | 'volatility'): Promise<number> => {
    const metrics = (await runScenario(arm.resolved, data)).metrics;
    return by === 'exposure' ? metrics.meanExposure : (metrics.volatility as number);
  };

  it.each(['exposure', 'volatility'] as const)('brings every baseline within 1 %% of the goal-aware arm by %s, and leaves the rest as configured', async (by) => {
    const arms = allArms();
    const { arms: matched, match } = await matchArms(arms, data, by);
    const target = await figure(arms[0] as Arm, by);
    expect(match).toMatchObject({ by, reference: 'pipeline', target, tolerance: MATCH_TOLERANCE, unmatched: ['pipeline:goal-off'] });
    expect(match.arms.map((a) => [a.arm, a.path])).toEqual([
      ['fixed-fraction', 'sizing.params.fraction'],
      ['fixed-risk', 'account.riskTolerance'],
      ['kelly', 'sizing.params.kellyFraction'],
    ]);
    for (const m of match.arms) {
      const arm = matched.find((a) => a.name === m.arm) as Arm;
      // the matched scenario carries the value, and run again it gives the recorded figure
      const again = await figure(arm, by);
      expect(again, m.arm).toBe(m.figure);
      expect(Math.abs(again - target) / target, m.arm).toBeLessThanOrEqual(MATCH_TOLERANCE);
      expect(m.value).toBeGreaterThan(0);
    }
    expect(matched[0]).toBe(arms[0]);
    expect(matched[1]).toBe(arms[1]);
  }, 60_000);

  it('exits 2 naming the arm when a cap keeps it below the target', async () => {
    const capped = resolveArms(resolved, [{ name: 'pipeline', sizing: resolved.scenario.sizing }, { name: 'kelly-capped', sizing: { engine: 'kelly', params: { maxPositionPct: 0.001 } } }], { twins: true, source: '--arms' });
    await expect(matchArms(capped, data, 'exposure')).rejects.toThrow(UsageError);
    await expect(matchArms(capped, data, 'exposure')).rejects.toThrow(/^--match exposure: kelly-capped cannot reach pipeline's mean exposure of \d+\.\d+% on the history \(at most \d+\.\d+% with sizing\.params\.kellyFraction = 1: a cap binds\)/);
  }, 60_000);

  it('needs a goal-aware arm or a named one', async () => {
    const plain = resolveArms(resolved, armsFromEngines(resolved, ['fixed-fraction', 'fixed-risk']), { twins: true, source: '--engines' });
    await expect(matchArms(plain, data, 'exposure')).rejects.toThrow('--match exposure: no goal-aware arm to match the baselines to');
    await expect(matchArms(plain, data, 'exposure', 'nope')).rejects.toThrow('--match-to nope: no arm of that name; the arms are fixed-fraction, fixed-risk');
    const { match } = await matchArms(plain, data, 'exposure', 'fixed-risk');
    expect(match.reference).toBe('fixed-risk');
    expect(match.arms.map((a) => a.arm)).toEqual(['fixed-fraction']);
  }, 60_000);
});

describe('odds with --match', () => {
  it('records the match and runs the matched values on every path, path 0 included', async () => {
    const out = tempDir();
    const run = await runOdds({ file: DAX, outDir: out, paths: 3, block: 5, engines: ['pipeline', 'fixed-fraction'], workers: 1, cache: false, match: 'exposure' });
    const match = run.definition.match;
    expect(match?.arms.map((a) => a.arm)).toEqual(['fixed-fraction']);
    const fraction = match?.arms[0]?.value as number;
    expect(run.definition.engines.find((e) => e.engine === 'fixed-fraction')?.sizing).toEqual({ engine: 'fixed-fraction', params: { fraction } });
    // path 0 is the history: its mean exposure is the matched figure
    const path0 = run.records.get(0)?.engines.find((f) => f.engine === 'fixed-fraction');
    expect(path0?.meanExposure).toBe(match?.arms[0]?.figure);
    writeOddsReport(out);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toMatch(/^# goalsim odds: dax-goals\n\n\*\*At pipeline's mean exposure of \d+\.\d% on the history, pipeline's goal changes the share of months meeting the return goal \(1\.0% a month\) by [+-]?\d+\.\d points \[[+-]?\d+\.\d, [+-]?\d+\.\d\] against its goal-off twin, and by [+-]?\d+\.\d points \[[^\]]+\] against fixed-fraction at fraction [\d.]+; it changes the mean exposure/);
    expect(report).toMatch(/- fixed-fraction: sizing\.params\.fraction 0\.1 → [\d.]+ \(mean exposure/);
  }, 60_000);
});

describe('matching without twins', () => {
  it('still finds the goal-aware arm to match to', async () => {
    const resolved = loadScenarioFile(DAX);
    const data = await loadScenarioData(resolved);
    const arms = resolveArms(resolved, armsFromEngines(resolved, ['fixed-fraction', 'pipeline']), { twins: false, source: '--engines' });
    const { match } = await matchArms(arms, data, 'exposure');
    expect(match.reference).toBe('pipeline');
    expect(match.arms.map((a) => a.arm)).toEqual(['fixed-fraction']);
  }, 60_000);
});
