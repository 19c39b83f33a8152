import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the seeded fault and fuzz run (test/faults), kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // Every temporary folder and process the tests make must be gone at the end (see the file).
    globalSetup: ['test/testRunLeakCheck.ts'],
  },
});
