/**
 * `goalsim solve` end to end on the shipped DAX scenario: the same folder whatever the workers
 * or a resume, candidates compared on the same paths, and a one-candidate space that is exactly
 * `goalsim odds`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBytes, goalsim, tempDir } from '../helpers.js';

const BASE = resolve('scenarios/odds/dax-goals.json');

function solveFile(dir: string, extra: Record<string, unknown>): string {
  const file = join(dir, 'solve.json');
  writeFileSync(file, JSON.stringify({ name: 'small', base: BASE, maximize: 'monthly_return', subjectTo: [{ metric: 'drawdownBreach', max: 0.2 }], paths: { block: 10, seed: '3' }, budget: 400, candidates: 4, rungs: [12, 30], confirmPaths: 10, seed: 5, ...extra }));
  return file;
}


interface LogLine {
  stage: string;
  path: number;
  engines: { engine: string; [key: string]: unknown }[];
}
const logLines = (dir: string): LogLine[] => readFileSync(join(dir, 'runs.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogLine);

describe('goalsim solve', () => {
  it('writes the same folder with 1 or 2 workers and after a resume of a torn log, and a chosen.json goalsim run accepts', () => {
    const dir = tempDir();
    const file = solveFile(dir, { space: { 'sizing.engine': ['fixed-risk', 'fixed-fraction'], 'account.riskTolerance': { min: 0.005, max: 0.03, log: true } } });
    const one = goalsim(['solve', file, '--workers', '1', '--no-cache', '--out', join(dir, 'one')]);
    expect(one.code, one.stderr).toBe(0);
    expect(goalsim(['solve', file, '--workers', '2', '--no-cache', '--out', join(dir, 'two')]).code).toBe(0);
    const reference = folderBytes(join(dir, 'one'));
    expect([...reference.keys()].sort()).toEqual(['candidates.csv', 'chosen.json', 'report.html', 'report.md', 'runs.jsonl', 'solve.json']);
    expect(folderBytes(join(dir, 'two'))).toEqual(reference);
    const log = join(dir, 'two', 'runs.jsonl');
    const lines = readFileSync(log, 'utf8').split('\n');
    writeFileSync(log, `${lines.slice(0, 20).join('\n')}\n${(lines[20] ?? '').slice(0, 30)}`);
    const resumed = goalsim(['solve', file, '--workers', '2', '--resume', '--no-cache', '--out', join(dir, 'two')]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(folderBytes(join(dir, 'two'))).toEqual(reference);
    expect(one.stdout).toMatch(/^With sizing\.engine = /);
    const run = goalsim(['run', join(dir, 'one', 'chosen.json'), '--out', join(dir, 'chosen-run')]);
    expect(run.code, run.stderr).toBe(0);
    const other = goalsim(['solve', solveFile(dir, { space: { 'sizing.engine': ['fixed-risk'] }, seed: 6 }), '--resume', '--no-cache', '--out', join(dir, 'one')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds a different solve (its solve differs)');
  }, 180_000);

  it('runs every candidate on the same paths: duplicated candidates have identical figures on every path', () => {
    const dir = tempDir();
    const file = solveFile(dir, { space: { 'sizing.engine': ['fixed-risk'], 'account.riskTolerance': [0.01, 0.01] }, subjectTo: [], candidates: 3, rungs: [8] });
    expect(goalsim(['solve', file, '--workers', '2', '--no-cache', '--out', join(dir, 'out')]).code).toBe(0);
    const search = logLines(join(dir, 'out')).filter((line) => line.stage === 'search');
    expect(search).toHaveLength(8);
    for (const line of search) {
      expect(line.engines.map((e) => e.engine).sort()).toEqual(['c0', 'c1', 'c2']);
      const [first, ...rest] = line.engines.map(({ engine: _engine, ...figures }) => JSON.stringify(figures));
      for (const other of rest) expect(other).toBe(first);
    }
    // and the paths differ from one another: the same draws for every candidate, not one path
    expect(new Set(search.map((line) => JSON.stringify(line.engines[0]?.['finalEquity']))).size).toBe(8);
  }, 120_000);

  it('with one candidate, is goalsim odds on the same paths, figure for figure', () => {
    const dir = tempDir();
    const file = solveFile(dir, { space: { 'account.riskTolerance': [0.02] }, candidates: 2, rungs: [16], confirmPaths: 4 });
    expect(goalsim(['solve', file, '--workers', '2', '--no-cache', '--out', join(dir, 'solve')]).code).toBe(0);
    const odds = goalsim(['odds', BASE, '--paths', '16', '--block', '10', '--seed', '3', '--engines', 'pipeline', '--no-twins', '--no-benchmark', '--workers', '2', '--no-cache', '--out', join(dir, 'odds')]);
    expect(odds.code, odds.stderr).toBe(0);
    const oddsPaths = readFileSync(join(dir, 'odds', 'paths.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogLine);
    const solvePaths = new Map(logLines(join(dir, 'solve')).filter((line) => line.stage === 'search').map((line) => [line.path, line.engines.find((e) => e.engine === 'c0')]));
    expect(oddsPaths).toHaveLength(16);
    for (const path of oddsPaths) {
      const { engine: _a, fan: _f, ...fromOdds } = path.engines[0] as { engine: string; fan: unknown };
      const { engine: _b, fan: _g, ...fromSolve } = solvePaths.get(path.path) as { engine: string; fan: unknown };
      expect(fromSolve).toEqual(fromOdds);
    }
  }, 120_000);

  it('records a candidate whose runs throw with its error, and goes on with the others', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'strategy.mjs'), "export function createStrategy(params) { return { onBar(ctx) { if (params.mode === 'throw' && ctx.bars.length > 5) throw new Error('the strategy failed'); return ctx.bars.length === 2 ? [{ side: 'buy', confidence: 1, stopLossPct: 0.05, takeProfitPct: NaN }] : []; } }; }\n");
    const base = JSON.parse(readFileSync(BASE, 'utf8')) as Record<string, unknown> & { data: { path: string }[] };
    writeFileSync(join(dir, 'base.json'), JSON.stringify({ ...base, data: base.data.map((d) => ({ ...d, path: resolve('data/dax-daily-close-1991-1998.csv') })), strategy: { name: 'module', module: './strategy.mjs', params: { mode: 'ok' } } }));
    const file = solveFile(dir, { base: 'base.json', space: { 'strategy.params.mode': ['ok', 'throw'] }, subjectTo: [], candidates: 2, rungs: [6], confirmPaths: 3 });
    const result = goalsim(['solve', file, '--workers', '2', '--no-cache', '--out', join(dir, 'out')]);
    expect(result.code, result.stderr).toBe(0);
    const rows = (readFileSync(join(dir, 'out', 'candidates.csv'), 'utf8').trim().split('\n')).slice(1);
    const failing = rows.find((row) => row.includes(',throw,'));
    expect(failing).toContain('6 of 6 paths failed; path 0: ');
    expect(failing).toContain('the strategy failed');
    expect(result.stdout).toMatch(/^With strategy\.params\.mode = ok, /);
  }, 120_000);

  it('refuses a space over what is not a parameter, and a goal the base does not have', () => {
    const dir = tempDir();
    const costs = goalsim(['solve', solveFile(dir, { space: { 'costs.feeBps': [1, 5] } }), '--out', join(dir, 'a')]);
    expect(costs.code).toBe(2);
    expect(costs.stderr).toContain('space.costs.feeBps');
    expect(costs.stderr).toContain('a solve searches what sizes and trades');
    const { goals: _goals, ...withoutGoals } = JSON.parse(readFileSync(BASE, 'utf8')) as Record<string, unknown> & { data: { path: string }[] };
    writeFileSync(join(dir, 'no-goals.json'), JSON.stringify({ ...withoutGoals, data: withoutGoals.data.map((d) => ({ ...d, path: resolve('data/dax-daily-close-1991-1998.csv') })) }));
    const noGoal = goalsim(['solve', solveFile(dir, { base: join(dir, 'no-goals.json'), space: { 'account.riskTolerance': [0.01] }, maximize: 'portfolio_value' }), '--out', join(dir, 'b')]);
    expect(noGoal.code).toBe(2);
    expect(noGoal.stderr).toContain('maximize: the base scenario has no portfolio_value goal (it has none)');
    expect(goalsim(['validate', 'scenarios/solve/dax-1pct.json']).stdout).toContain('ok scenarios/solve/dax-1pct.json: solve over 3 parameters of scenario "dax-goals"');
  }, 60_000);
});
