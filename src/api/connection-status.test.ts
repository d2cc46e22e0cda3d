import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { getConnectionStatus, trackConnections } from './connection-status';
import { HttpError, InvalidResponseError } from './errors';

describe('connection status from real polls', () => {
  it('marks a cluster disconnected on an outage and connected again on the next success', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    trackConnections(client);
    await client.fetchQuery({ queryKey: ['flink', 'c1', 'overview'], queryFn: () => 1 });
    expect(getConnectionStatus('c1').lastSuccessAt).toBeDefined();
    expect(getConnectionStatus('c1').disconnectedSince).toBeUndefined();

    await client
      .fetchQuery({
        queryKey: ['flink', 'c1', 'jobs'],
        queryFn: () => Promise.reject(new HttpError('GET /jobs', 502, ['down'])),
      })
      .catch(() => undefined);
    const since = getConnectionStatus('c1').disconnectedSince;
    expect(since).toBeDefined();

    // A second failure keeps the original "since".
    await client
      .fetchQuery({
        queryKey: ['flink', 'c1', 'x'],
        queryFn: () => Promise.reject(new HttpError('GET /x', 504, [])),
      })
      .catch(() => undefined);
    expect(getConnectionStatus('c1').disconnectedSince).toBe(since);

    await client.fetchQuery({ queryKey: ['flink', 'c1', 'overview2'], queryFn: () => 2 });
    expect(getConnectionStatus('c1').disconnectedSince).toBeUndefined();
  });

  it('does not call a wrong answer an outage', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    trackConnections(client);
    await client
      .fetchQuery({
        queryKey: ['seatunnel', 'c2', 'jobs'],
        queryFn: () => Promise.reject(new InvalidResponseError('GET /jobs', 'a', 'bad')),
      })
      .catch(() => undefined);
    expect(getConnectionStatus('c2').disconnectedSince).toBeUndefined();
  });
});
