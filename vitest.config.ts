import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The seeded fault run has its own command (npm run test:faults).
    exclude: ['test/faults/**', 'node_modules/**'],
    // Integration tests start real processes, threads and sockets: give them room,
    // and run test files in separate forks so a crash stays in its file.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
    // Every temporary folder and process the tests make must be gone at the end (see the file).
    globalSetup: ['test/testRunLeakCheck.ts'],
  },
});
