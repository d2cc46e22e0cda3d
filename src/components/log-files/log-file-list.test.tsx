import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeLayout } from '@/components/testing/fake-flink';
import { LogFileList } from './log-file-list';

const files = Array.from({ length: 5000 }, (_, i) => ({
  name: `taskmanager.log.${i}`,
  size: 1024 * (i + 1),
  mtime: 1_700_000_000_000 - i * 60_000,
}));

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout(320);
});
afterAll(() => restoreLayout());

describe('LogFileList', () => {
  it('renders only the visible rows of thousands of files, and picks the one clicked', () => {
    const onSelect = vi.fn();
    render(<LogFileList files={files} selected="taskmanager.log.1" onSelect={onSelect} timeZone="UTC" />);
    const list = screen.getByTestId('log-file-list');
    expect(list).toHaveAttribute('aria-label', '5000 log files');
    const rows = within(list).getAllByRole('button');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(30);
    expect(rows[1]).toHaveAttribute('aria-current', 'true');
    expect(rows[0]).toHaveTextContent('taskmanager.log.0');
    expect(rows[0]).toHaveTextContent('1.00 KiB');
    fireEvent.click(rows[2] as HTMLElement);
    expect(onSelect).toHaveBeenCalledWith('taskmanager.log.2');
  });
});
