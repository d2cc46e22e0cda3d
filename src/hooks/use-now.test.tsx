import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './use-now';

const T0 = Date.parse('2026-11-22T08:00:00Z');

function Clock({ id, periodMs }: { id: string; periodMs?: number }) {
  const now = useNow(periodMs);
  return <span data-testid={id}>{(now - T0) / 1000}</span>;
}

const seconds = (id: string) => Number(screen.getByTestId(id).textContent);

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  setVisibility('visible');
  vi.useRealTimers();
});

describe('useNow', () => {
  it('gives every label on the page one shared 1 s clock, and stops it when the last one goes', () => {
    const { unmount } = render(
      <>
        <Clock id="a" />
        <Clock id="b" />
        <Clock id="coarse" periodMs={5000} />
      </>,
    );
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(3000));
    expect(seconds('a')).toBe(3);
    expect(seconds('b')).toBe(3);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('moves a coarse label only once its period has passed', () => {
    render(<Clock id="coarse" periodMs={5000} />);
    expect(seconds('coarse')).toBe(0);
    act(() => vi.advanceTimersByTime(4000));
    expect(seconds('coarse')).toBe(0);
    act(() => vi.advanceTimersByTime(1000));
    expect(seconds('coarse')).toBe(5);
  });

  it('starts from the real time for a label that mounts after the clock was idle', () => {
    const first = render(<Clock id="a" />);
    first.unmount();
    act(() => vi.advanceTimersByTime(90_000));
    render(<Clock id="a" />);
    expect(seconds('a')).toBe(90);
  });

  it('pauses while the tab is hidden and catches up as soon as it shows again', () => {
    render(<Clock id="a" />);
    act(() => setVisibility('hidden'));
    expect(vi.getTimerCount()).toBe(0);
    act(() => vi.advanceTimersByTime(60_000));
    expect(seconds('a')).toBe(0);
    act(() => setVisibility('visible'));
    expect(seconds('a')).toBe(60);
    act(() => vi.advanceTimersByTime(1000));
    expect(seconds('a')).toBe(61);
  });
});
