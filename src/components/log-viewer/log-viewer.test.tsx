import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { buildLineIndex, lineAt, lineOfOffset } from './line-index';
import { continueSearch, findMatches, matchesOf, startSearch, type LogSearch } from './log-search';
import { LogViewer } from './log-viewer';

// Rendering in jsdom is slow on a loaded CI machine; the assertions, not the clock, are the test.
const SLOW_CI_MS = 30_000;

// jsdom has no layout: a 180 px viewport (10 lines), a scrollHeight taken from the sized content
// and an element scrollTo that moves scrollTop.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 180 });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const content = this.firstElementChild as HTMLElement | null;
      return Math.max(180, parseFloat(content?.style.height ?? '') || 0);
    },
  });
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
  delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight;
  if (scrollHeight) Object.defineProperty(Element.prototype, 'scrollHeight', scrollHeight);
});

function numbered(n: number) {
  return Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');
}

describe('line index', () => {
  it('splits on \\n and \\r\\n without a phantom last line', () => {
    const text = 'a\r\nbb\n\nccc\n';
    const index = buildLineIndex(text);
    expect(index.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => lineAt(text, index, i))).toEqual(['a', 'bb', '', 'ccc']);
    expect(lineOfOffset(index, text.indexOf('ccc') + 1)).toBe(3);
    expect(buildLineIndex('').count).toBe(0);
    expect(lineAt('no newline', buildLineIndex('no newline'), 0)).toBe('no newline');
  });

  it('indexes 50 MB of log quickly and correctly', () => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const line = `2026-01-15 12:00:${String(i % 60).padStart(2, '0')},123 INFO  org.apache.flink.runtime.taskmanager.Task [] - Source: orders (${i % 8}/8) switched from DEPLOYING to RUNNING #${i}`;
      lines.push(line);
      size += line.length + 1;
    }
    const text = lines.join('\n');
    const started = performance.now();
    const index = buildLineIndex(text);
    const elapsed = performance.now() - started;
    console.info(
      `line index of ${(text.length / 1024 / 1024).toFixed(0)} MB, ${index.count} lines: ${elapsed.toFixed(0)} ms`,
    );
    expect(index.count).toBe(lines.length);
    for (const i of [0, 1, 4242, Math.floor(lines.length / 2), lines.length - 1]) {
      expect(lineAt(text, index, i)).toBe(lines[i]);
    }
    const searchStarted = performance.now();
    const matches = findMatches(text, index, '#123456');
    console.info(`search in 50 MB: ${(performance.now() - searchStarted).toFixed(0)} ms`);
    expect(matches.count).toBeGreaterThan(0);
    expect(lines[matches.lines[0] as number]).toContain('#123456');
  }, 60_000);

  it('finds matches by line and column, case-insensitively, within a limit', () => {
    const text = 'ok\nERROR one\nfine\nerror two Error';
    const index = buildLineIndex(text);
    const m = findMatches(text, index, 'error');
    expect([...m.lines]).toEqual([1, 3, 3]);
    expect([...m.cols]).toEqual([0, 0, 10]);
    expect(findMatches(text, index, 'error', { caseSensitive: true }).count).toBe(1);
    expect(findMatches(text, index, 'e', { limit: 2 })).toMatchObject({ count: 2, truncated: true });
    expect(findMatches(text, index, 'a.b').count).toBe(0); // literal, not a regex
  });

  it('finds the same matches when the scan goes a few characters at a time', () => {
    const text = 'WARN a\nxxWARNyy\nwarn\nno\nWARNWARN';
    const index = buildLineIndex(text);
    const whole = findMatches(text, index, 'warn');
    for (const chars of [1, 3, 5, 7]) {
      const s = startSearch('warn') as LogSearch;
      let slices = 0;
      while (!s.done) {
        continueSearch(s, text, index, chars); // slices end inside matches too
        slices++;
      }
      expect(slices).toBeGreaterThan(1);
      const m = matchesOf(s);
      expect([...m.lines]).toEqual([...whole.lines]);
      expect([...m.cols]).toEqual([...whole.cols]);
    }
    expect([...whole.lines]).toEqual([0, 1, 2, 4, 4]);
  });
});

describe('LogViewer', { timeout: SLOW_CI_MS }, () => {
  it('highlights matches across lines and steps through them', async () => {
    render(<LogViewer text={'ok\nERROR one\nfine\nerror two Error'} fileName="tm.log" />);
    fireEvent.change(screen.getByLabelText('Search log'), { target: { value: 'error' } });
    expect(await screen.findByText('1 / 3')).toBeInTheDocument();
    const marks = document.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['ERROR', 'error', 'Error']);
    expect(marks[0]).toHaveAttribute('data-current-match', 'true');
    // Text around matches stays plain text.
    expect(marks[0]?.parentElement).toHaveTextContent('ERROR one');

    fireEvent.click(screen.getByLabelText('Next match'));
    expect(screen.getByText('2 / 3')).toBeInTheDocument();
    expect(document.querySelector('[data-current-match]')?.textContent).toBe('error');
    fireEvent.keyDown(screen.getByLabelText('Search log'), { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(screen.getByLabelText('Search log'), { key: 'Enter', shiftKey: true });
    expect(screen.getByText('3 / 3')).toBeInTheDocument();
  });

  it('counts the matches of a big log while it is searched, then shows the total', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) =>
      i % 1000 === 0 ? `${i} WARN slow` : `${i} INFO ok`,
    );
    render(<LogViewer text={lines.join('\n')} fileName="tm.log" />);
    fireEvent.change(screen.getByLabelText('Search log'), { target: { value: 'warn' } });
    expect(await screen.findByText('1 / 200', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent('…');
  });

  it('renders only the visible lines and shows server text as text', () => {
    const hostile = '<img src=x onerror="alert(1)">\n' + numbered(5000);
    render(<LogViewer text={hostile} fileName="jm.log" />);
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByTestId('log-line').length).toBeLessThan(60);
    expect(screen.getByText(/^5,001 lines · /)).toBeInTheDocument();
  });

  it('follows new text while Follow is on, and stops when turned off', () => {
    const { rerender } = render(<LogViewer text={numbered(1000)} fileName="tm.log" defaultFollow />);
    expect(screen.getByText('line 1000')).toBeInTheDocument();
    rerender(<LogViewer text={numbered(1500)} fileName="tm.log" defaultFollow />);
    expect(screen.getByText('line 1500')).toBeInTheDocument();
    expect(screen.queryByText('line 1000')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
    rerender(<LogViewer text={numbered(2000)} fileName="tm.log" defaultFollow />);
    expect(screen.queryByText('line 2000')).not.toBeInTheDocument();
    expect(screen.getByText('line 1500')).toBeInTheDocument();
  });

  it('turns Follow off when the user scrolls up', () => {
    render(<LogViewer text={numbered(1000)} fileName="tm.log" defaultFollow />);
    const log = screen.getByRole('log');
    log.scrollTop = 0;
    fireEvent.scroll(log);
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('downloads the text under the given file name and toggles wrapping', () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:log');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('tm-1.log');
      expect(this.href).toBe('blob:log');
    });
    render(<LogViewer text={'a\nb'} fileName="tm-1.log" />);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(clicked).toHaveBeenCalledOnce();
    expect(createObjectURL.mock.calls[0]?.[0]).toBeInstanceOf(Blob);

    const wrap = screen.getByRole('button', { name: 'Wrap' });
    act(() => wrap.click());
    expect(wrap).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('a').className).toContain('whitespace-pre-wrap');
    clicked.mockRestore();
    vi.unstubAllGlobals();
  });
});
