import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetKnownJobs } from '@/api/flink/known-jobs-store';

afterEach(() => {
  cleanup();
  // The page-wide memory of jobs seen: one test's jobs must not look "lost" in the next.
  resetKnownJobs();
});
