import { defineConfig } from 'vitest/config';

// Real browsers, real builds: run `npm run build` first (npm test does).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
