import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { TruncatedText, splitKeepingEnd } from './truncated-text';

// jsdom has no layout: a cut text is one whose scrollWidth exceeds its clientWidth.
function layoutAs(cut: boolean) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(cut ? 300 : 100);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(100);
}

afterEach(() => vi.restoreAllMocks());

const LOG = 'flink--taskexecutor-0-taskmanager-1-7f3a.log';
const OUT = 'flink--taskexecutor-0-taskmanager-1-7f3a.out';

describe('splitKeepingEnd', () => {
  it('keeps the end that tells two long names apart', () => {
    expect(splitKeepingEnd(LOG, 12)[1]).toBe('r-1-7f3a.log');
    expect(splitKeepingEnd(LOG, 12)[1]).not.toBe(splitKeepingEnd(OUT, 12)[1]);
    expect(splitKeepingEnd(LOG, 12).join('')).toBe(LOG);
  });

  it('leaves short text whole', () => {
    expect(splitKeepingEnd('a.log', 12)).toEqual(['a.log', '']);
    expect(splitKeepingEnd('abc', 0)).toEqual(['abc', '']);
  });
});

describe('TruncatedText', () => {
  it('gives the whole text on hover (title) and keeps it whole in the DOM', () => {
    layoutAs(true);
    render(<TruncatedText text={LOG} keepEnd={12} testId="t" />);
    const el = screen.getByTestId('t');
    expect(el).toHaveAttribute('title', LOG);
    // read once, whole, by assistive tech and text search; the two visible halves are hidden from it
    expect(screen.getByText(LOG)).toHaveClass('sr-only');
    expect(el).toHaveTextContent(LOG);
    // the distinguishing end is its own, never-shrinking part
    expect(screen.getByText('r-1-7f3a.log')).toHaveClass('shrink-0');
  });

  it('is focusable while cut and shows the whole text on focus', () => {
    layoutAs(true);
    render(<TruncatedText text="Asynchronous checkpoint part failed" testId="t" />);
    const el = screen.getByTestId('t');
    expect(el).toHaveAttribute('tabindex', '0');
    fireEvent.focus(el);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Asynchronous checkpoint part failed');
    fireEvent.blur(el);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('adds no tab stop when the text fits', () => {
    layoutAs(false);
    render(<TruncatedText text="short" testId="t" />);
    expect(screen.getByTestId('t')).not.toHaveAttribute('tabindex');
    expect(screen.getByTestId('t')).not.toHaveAttribute('data-cut');
  });

  it('inside a link, the link’s focus shows the whole text and no second tab stop is added', () => {
    layoutAs(true);
    render(
      <a href="/jobs/1" data-testid="link">
        <TruncatedText text="a very long job name" testId="t" />
      </a>,
    );
    expect(screen.getByTestId('t')).not.toHaveAttribute('tabindex');
    fireEvent.focus(screen.getByTestId('link'));
    expect(screen.getByRole('tooltip')).toHaveTextContent('a very long job name');
  });
});
