import { describe, expect, it, beforeEach } from 'vitest';
import type { ReactNode } from 'react';
import { renderHook } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  PollFloor,
  usePollInterval,
  pollInterval,
  readPollSetting,
  writePollSetting,
  isTerminalState,
  FALLBACK_INTERVAL_MS,
} from './polling';

describe('polling policy', () => {
  beforeEach(() => localStorage.clear());

  it('follows the cluster refresh-interval by default', () => {
    expect(pollInterval({ setting: 'auto', clusterRefreshMs: 3000 })).toBe(3000);
    expect(pollInterval({ setting: 'auto', clusterRefreshMs: undefined })).toBe(FALLBACK_INTERVAL_MS);
  });
  it('lets the user override or switch polling off', () => {
    expect(pollInterval({ setting: 10_000, clusterRefreshMs: 3000 })).toBe(10_000);
    expect(pollInterval({ setting: 'off', clusterRefreshMs: 3000 })).toBe(false);
  });
  it('never polls a finished job', () => {
    expect(pollInterval({ setting: 1000, clusterRefreshMs: 3000, finished: true })).toBe(false);
  });
  it('does not poll slowly refreshed data faster than the cluster refreshes it', () => {
    expect(pollInterval({ setting: 'auto', clusterRefreshMs: 3000, minimumMs: 10_000 })).toBe(10_000);
  });
  it('remembers the override', () => {
    expect(readPollSetting()).toBe('auto');
    writePollSetting(5000);
    expect(readPollSetting()).toBe(5000);
    writePollSetting('off');
    expect(readPollSetting()).toBe('off');
    localStorage.setItem('streamdash.poll-interval', 'garbage');
    expect(readPollSetting()).toBe('auto');
  });
  it('knows which states are final', () => {
    expect(isTerminalState('FINISHED')).toBe(true);
    expect(isTerminalState('canceled')).toBe(true);
    expect(isTerminalState('RUNNING')).toBe(false);
    expect(isTerminalState('RESTARTING')).toBe(false);
  });
});

describe('poll floor (background work)', () => {
  const wrapper = (floor?: number) => {
    const client = new QueryClient();
    return function Wrapper({ children }: { children: ReactNode }) {
      return (
        <QueryClientProvider client={client}>
          {floor === undefined ? children : <PollFloor value={floor}>{children}</PollFloor>}
        </QueryClientProvider>
      );
    };
  };

  it('slows every hook below it down to the floor, and leaves the rest alone', () => {
    const inBackground = renderHook(() => usePollInterval('c'), { wrapper: wrapper(30_000) });
    expect(inBackground.result.current).toBe(30_000);
    const onPage = renderHook(() => usePollInterval('c'), { wrapper: wrapper() });
    expect(onPage.result.current).toBe(FALLBACK_INTERVAL_MS);
  });

  it('never makes polling faster than asked, nor turns it back on', () => {
    writePollSetting(60_000);
    expect(renderHook(() => usePollInterval('c'), { wrapper: wrapper(30_000) }).result.current).toBe(60_000);
    writePollSetting('off');
    expect(renderHook(() => usePollInterval('c'), { wrapper: wrapper(30_000) }).result.current).toBe(false);
  });
});
