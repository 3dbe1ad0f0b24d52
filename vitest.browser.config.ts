import { defineConfig } from 'vitest/config';

// Browser tests need Chromium (Debian package `chromium`); .ci/run installs it.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { GOALSIM_CACHE_DIR: '.goalsim-cache/test' },
  },
});
