import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant (npm run mutation): the unit suites of the code it
// mutates. Left out, and run by `npm test` instead: the suites that run the built dist/ (CLI,
// sweeps, the odds command) and hold no mutant, and the ones that run whole scenarios many times
// per test (the odds runner, risk matching, the odds folder, the twin runs, the buy-and-hold
// benchmark, DataFrame views):
// they touch nearly every mutant of the engine, the ledger and the tracker, and made one
// incremental run take over two hours on the 2-core machine.
export default defineConfig({
  test: {
    include: [
      'test/goals/**/*.test.ts',
      'test/sizing/**/*.test.ts',
      'test/ledger/**/*.test.ts',
      'test/sim/**/*.test.ts',
      'test/odds/**/*.test.ts',
      'test/analysis/**/*.test.ts',
      'test/walkforward/windows.test.ts',
      'test/walkforward/figures.test.ts',
      'test/solve/design.test.ts',
      'test/solve/halving.test.ts',
    ],
    exclude: [
      'test/odds/odds.test.ts',
      'test/odds/runner.test.ts',
      'test/odds/match.test.ts',
      'test/odds/folder.test.ts',
      'test/sizing/goalOffTwinRun.test.ts',
      'test/sim/benchmark.test.ts',
      'test/analysis/frames.test.ts',
      'test/analysis/noWallClock.test.ts',
      '**/node_modules/**',
    ],
    testTimeout: 60_000,
    env: { GOALSIM_CACHE_DIR: '.goalsim-cache/test' },
  },
});
