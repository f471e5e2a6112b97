import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // `server-only` throws outside React's server build; tests are server code already.
  'server-only': path.resolve(import.meta.dirname, 'tests/server-only-stub.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['{features,lib,db,components,scripts,tests,stripe-emulator,jobs}/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['{features,lib,db,scripts,jobs}/**/*.integration.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; two files at a time suit two cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
