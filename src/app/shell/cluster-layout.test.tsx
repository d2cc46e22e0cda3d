import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { fakeFlinkCluster, renderAt } from '@/components/testing/fake-flink';

afterEach(() => vi.unstubAllGlobals());

describe('an unknown cluster id in the URL', () => {
  it('says no cluster has that name and lists the configured ones, without "connecting…"', async () => {
    const sent = fakeFlinkCluster({}, { name: 'Payments' });
    renderAt('/clusters/nope/jobs');
    const page = await screen.findByTestId('unknown-cluster');
    expect(page).toHaveTextContent('No cluster named “nope”');
    const list = within(page).getByRole('list', { name: 'Configured clusters' });
    expect(within(list).getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/clusters/demo/overview',
    );
    expect(screen.queryByTestId('connection-status')).toBeNull();
    // Nothing is asked of a cluster that does not exist.
    expect(sent.map((r) => r.path).filter((p) => p.includes('nope'))).toEqual([]);
  });
});
