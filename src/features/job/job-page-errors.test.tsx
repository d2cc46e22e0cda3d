import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobDetails } from '@/api/flink/schemas';
import { fakeFlink, fixture, renderApp } from './testing/fake-cluster';

const running = fixture<JobDetails>('jobs__jobid.json');

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('job page with a broken /jobs/:jobid answer', () => {
  it('names the endpoint once and does not ask again in a loop', async () => {
    const sent = fakeFlink({ [`/jobs/${running.jid}`]: { ...running, vertices: 'not a list' } });
    renderApp(`/clusters/demo/jobs/${running.jid}`);
    await waitFor(() => expect(screen.getAllByText(/GET \/jobs\/:jobid/).length).toBeGreaterThan(0));
    const asked = () => sent.filter((r) => r.path === `/jobs/${running.jid}`).length;
    const before = asked();
    await new Promise((r) => setTimeout(r, 2500));
    // Polling may ask again (every 3 s), a loop asks many times a second.
    expect(asked() - before).toBeLessThanOrEqual(1);
  });
});
