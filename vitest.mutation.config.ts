import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant (npm run mutation): the suites of the code it
// mutates. The CLI, sweep and odds suites run the built dist/ (workers, child processes), which
// holds no mutant, so they would only cost time there.
export default defineConfig({
  test: {
    include: ['test/goals/**/*.test.ts', 'test/sizing/**/*.test.ts', 'test/ledger/**/*.test.ts', 'test/sim/**/*.test.ts'],
    testTimeout: 60_000,
    env: { GOALSIM_CACHE_DIR: '.goalsim-cache/test' },
  },
});
