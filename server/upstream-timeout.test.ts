import { describe, expect, it } from 'vitest';
import { JAR_EXECUTION_TIMEOUT_MS, upstreamTimeoutMs } from './upstream-timeout';

describe('upstreamTimeoutMs', () => {
  it("gives a jar's plan and run, which execute its main(), at least two minutes", () => {
    for (const path of [
      '/jars/abc_job.jar/plan',
      '/jars/abc_job.jar/run?entry-class=x',
      '/v1/jars/a.jar/plan',
    ])
      expect(upstreamTimeoutMs(path, 10_000)).toBe(JAR_EXECUTION_TIMEOUT_MS);
    expect(upstreamTimeoutMs('/jars/a.jar/run', 600_000)).toBe(600_000);
  });

  it('keeps the configured timeout for every other call', () => {
    for (const path of ['/jars', '/jars/upload', '/jobs/overview', '/jars/a.jar', '/jobs/plan'])
      expect(upstreamTimeoutMs(path, 10_000)).toBe(10_000);
  });
});
