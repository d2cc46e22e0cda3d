import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StaleMark } from './query-state';

const T0 = Date.parse('2026-11-22T08:00:00Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('StaleMark', () => {
  it('keeps counting the age of the last data while no new data arrives', () => {
    render(<StaleMark updatedAt={T0 - 4000} />);
    expect(screen.getByTestId('stale-mark')).toHaveTextContent('stale · 4 s ago');
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByTestId('stale-mark')).toHaveTextContent('stale · 1 m 4 s ago');
  });
});
