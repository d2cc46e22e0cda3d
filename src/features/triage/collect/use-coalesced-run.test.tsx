import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { useCoalescedRun } from './use-coalesced-run';

function Probe({ value, seen }: { value: number; seen: number[] }) {
  useCoalescedRun(() => seen.push(value), String(value), 500);
  return null;
}

describe('useCoalescedRun', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once per burst of changes, with the latest values', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const { rerender } = render(<Probe value={1} seen={seen} />);
    rerender(<Probe value={2} seen={seen} />);
    rerender(<Probe value={3} seen={seen} />);
    expect(seen).toEqual([]);
    act(() => vi.advanceTimersByTime(500));
    expect(seen).toEqual([3]);
    rerender(<Probe value={4} seen={seen} />);
    act(() => vi.advanceTimersByTime(500));
    expect(seen).toEqual([3, 4]);
    act(() => vi.advanceTimersByTime(5000));
    expect(seen).toEqual([3, 4]);
  });

  it('does not run after unmounting', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const { unmount } = render(<Probe value={1} seen={seen} />);
    unmount();
    act(() => vi.advanceTimersByTime(1000));
    expect(seen).toEqual([]);
  });
});
