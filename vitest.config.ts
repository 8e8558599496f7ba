import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'sandbox/**/*.test.ts',
      'build/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
      'examples/**/*.test.ts',
    ],
    environment: 'node',
    // A hang guard, not a speed check: property tests make hundreds of real signatures, and on a
    // loaded 2-core CI machine they can take many times their quiet-machine time. No test asserts
    // elapsed time; these limits only stop a test that never ends.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
