import { QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFlinkCluster, fixture } from '@/components/testing/fake-flink';
import { flinkKeys } from '@/api/flink/keys';
import { preloadFlinkJobFromUrl } from './preload';

afterEach(() => vi.unstubAllGlobals());

const job = fixture<{ jid: string }>('jobs__jobid.json');

function preload(pathname: string) {
  const sent = fakeFlinkCluster({ [`/jobs/${job.jid}`]: job });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const code = { page: [vi.fn(async () => undefined)], defaultTab: [vi.fn(async () => undefined)] };
  preloadFlinkJobFromUrl(qc, pathname, code);
  return { sent, qc, page: code.page[0]!, graph: code.defaultTab[0]! };
}

describe('starting a job page from its URL, before the cluster list is in', () => {
  it('asks for the job and loads the page and graph code for the graph tab', async () => {
    const { sent, qc, page, graph } = preload(`/clusters/demo/jobs/${job.jid}`);
    expect(page).toHaveBeenCalledOnce();
    expect(graph).toHaveBeenCalledOnce();
    await waitFor(() => expect(qc.getQueryData(flinkKeys.jobDetails('demo', job.jid))).toMatchObject(job));
    expect(sent.map((r) => r.path).sort()).toEqual(['/config', `/jobs/${job.jid}`]);
  });

  it('leaves the graph code for later on another tab', async () => {
    const { qc, page, graph } = preload(`/clusters/demo/jobs/${job.jid}/checkpoints`);
    expect(page).toHaveBeenCalledOnce();
    expect(graph).not.toHaveBeenCalled();
    await waitFor(() => expect(qc.getQueryData(flinkKeys.jobDetails('demo', job.jid))).toBeDefined());
  });

  it('starts nothing for a SeaTunnel job id or another page', async () => {
    for (const path of ['/clusters/st/jobs/1020839394853863425', '/clusters/demo/jobs', '/triage']) {
      const { sent, page, graph } = preload(path);
      await new Promise((r) => setTimeout(r, 20));
      expect(sent, path).toEqual([]);
      expect(page).not.toHaveBeenCalled();
      expect(graph).not.toHaveBeenCalled();
    }
  });
});
