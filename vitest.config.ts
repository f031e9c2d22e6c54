import { defineConfig } from 'vitest/config';

// Unit and integration tests live next to the code they prove (`*.test.ts`).
// e2e/ belongs to Playwright and is excluded here.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'renderer/**/*.test.ts', 'build/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite and Argon2id are CPU-heavy; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
