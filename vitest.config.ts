import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    // A page's lazy code can still be loading when a test file ends (a test that clicks into a job
    // page). Loading it after jsdom is torn down fails with EnvironmentTeardownError. That happens
    // after the file's tests have finished, and it used to fail the run at random. Any other
    // unhandled error still fails it.
    onUnhandledError: (error) =>
      error.name !== 'EnvironmentTeardownError' && !/after the environment was torn down/.test(error.message),
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['server/**/*.test.ts', 'demo/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
