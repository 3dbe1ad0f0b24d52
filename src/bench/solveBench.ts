/**
 * Solve benchmark: `goalsim solve` on the shipped DAX odds scenario over two parameters
 * (fixed-risk's risk tolerance, log, and fixed-fraction's fraction through sizing.engine), 64
 * design candidates, rungs of 100, 300 and 1,000 paths, end to end in a fresh process on 2
 * workers. Floor: under 60 s.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SolveFigures {
  readonly solveCandidates: number;
  readonly solveEnginePaths: number;
  readonly solveSeconds2: number;
}

export function solveBench(dir: string, cacheDir: string): SolveFigures {
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const file = join(dir, 'solve-bench.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'solve-bench',
      base: fileURLToPath(new URL('../../scenarios/odds/dax-goals.json', import.meta.url)),
      space: { 'sizing.engine': ['fixed-risk', 'fixed-fraction'], 'account.riskTolerance': { min: 0.005, max: 0.05, log: true } },
      maximize: 'monthly_return',
      subjectTo: [{ metric: 'drawdownBreach', max: 0.05 }],
      paths: { block: 'auto', seed: '7' },
      budget: 200000,
      candidates: 64,
      rungs: [100, 300, 1000],
      seed: 1,
    }),
  );
  const start = performance.now();
  execFileSync(process.execPath, [cli, 'solve', file, '--workers', '2', '--out', join(dir, 'solve')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOALSIM_CACHE_DIR: cacheDir } });
  const seconds = (performance.now() - start) / 1000;
  const result = (JSON.parse(readFileSync(join(dir, 'solve', 'solve.json'), 'utf8')) as { result: { candidates: number; budgetUsed: number } }).result;
  return { solveCandidates: result.candidates, solveEnginePaths: result.budgetUsed, solveSeconds2: Math.round(seconds * 10) / 10 };
}
