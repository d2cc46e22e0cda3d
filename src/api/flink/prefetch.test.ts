import { QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFlinkCluster, fixture } from '@/components/testing/fake-flink';
import { flinkKeys } from './keys';
import { prefetchClusterOverview, prefetchJobPage } from './prefetch';

afterEach(() => vi.unstubAllGlobals());

describe("prefetching a page's first answers", () => {
  it('asks for the job and the cluster config before any component mounts, once', async () => {
    const job = fixture<{ jid: string }>('jobs__jobid.json');
    const sent = fakeFlinkCluster({ [`/jobs/${job.jid}`]: job });
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });

    prefetchJobPage(qc, 'demo', job.jid);
    prefetchJobPage(qc, 'demo', job.jid); // a second entry of the route while the first is in flight

    await waitFor(() => expect(qc.getQueryData(flinkKeys.jobDetails('demo', job.jid))).toMatchObject(job));
    expect(sent.map((r) => r.path).sort()).toEqual(['/config', `/jobs/${job.jid}`]);
  });

  it('asks for the overview, the job list and the config for the cluster overview', async () => {
    const sent = fakeFlinkCluster({ '/jobs/overview': fixture('jobs__overview.json') });
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });

    prefetchClusterOverview(qc, 'demo');

    await waitFor(() => expect(qc.getQueryData(flinkKeys.jobsOverview('demo'))).toBeDefined());
    expect(qc.getQueryData(flinkKeys.overview('demo'))).toBeDefined();
    expect(sent.map((r) => r.path).sort()).toEqual(['/config', '/jobs/overview', '/overview']);
  });
});
