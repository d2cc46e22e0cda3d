import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeFlinkCluster, renderAt } from '@/components/testing/fake-flink';

afterEach(() => vi.unstubAllGlobals());

describe('cluster switcher', () => {
  it('names the chosen cluster in full on hover, though the box cuts it', async () => {
    const name = 'Payments production eu-west-1, the one on-call watches';
    fakeFlinkCluster({}, { name });
    renderAt('/clusters/demo/overview');
    const box = await screen.findByTestId('cluster-switcher');
    await waitFor(() => expect(box).toHaveValue('demo'));
    expect(box).toHaveAttribute('title', `${name} (Flink)`);
    expect(screen.getByRole('option', { name: `${name} (Flink)` })).toBeInTheDocument();
    await screen.findByTestId('cluster-figures'); // the page's lazy code has loaded before teardown
  });

  it('goes home when “All clusters” is picked', async () => {
    fakeFlinkCluster({});
    const { location } = renderAt('/clusters/demo/overview');
    const box = await screen.findByTestId('cluster-switcher');
    await waitFor(() => expect(box).toHaveValue('demo'));
    fireEvent.change(box, { target: { value: '' } });
    await waitFor(() => expect(location().pathname).toBe('/'));
    expect(screen.getByTestId('cluster-switcher')).toHaveAttribute('title', 'All clusters');
    await screen.findByTestId('home-summary'); // the page's lazy code has loaded before teardown
  });
});
