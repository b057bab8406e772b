import { defineConfig } from 'vitest/config'

// One runner for unit, integration (real PostgreSQL) and browser tests.
// tests/support/global-setup.ts starts the test database cluster once and builds a migrated
// template database; each DB test file clones it (see tests/support/db.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
})
