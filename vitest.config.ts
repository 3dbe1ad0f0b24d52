import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the report tests need Chromium and run under `npm run test:browser` (vitest.browser.config.ts)
    exclude: ['test/browser/**', '**/node_modules/**'],
    sequence: { shuffle: true },
    testTimeout: 60_000,
    env: { GOALSIM_CACHE_DIR: '.goalsim-cache/test' },
  },
});
