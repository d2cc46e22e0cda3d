import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { DataTable } from './data-table';
import { filterRows } from './filter-rows';
import { sortFromParam, sortRows, sortToParam } from './sort-rows';
import { headerTitle } from './table-parts';
import type { Column, SortState } from './types';

// Rendering in jsdom is slow on a loaded CI machine; the assertions, not the clock, are the test.
const SLOW_CI_MS = 30_000;

interface Job {
  id: string;
  name: string;
  cpu: number | null;
}

const columns: Column<Job>[] = [
  { id: 'name', header: 'Name', cell: (j) => j.name, sortValue: (j) => j.name },
  {
    id: 'cpu',
    header: 'CPU',
    cell: (j) => String(j.cpu),
    sortValue: (j) => j.cpu,
    align: 'right',
    descFirst: true,
  },
  { id: 'id', header: 'Id', cell: (j) => j.id },
];

const jobs: Job[] = [
  { id: 'a', name: 'job 10', cpu: 5 },
  { id: 'b', name: 'job 9', cpu: null },
  { id: 'c', name: 'job 2', cpu: 5 },
  { id: 'd', name: 'alpha', cpu: 7 },
];

// jsdom has no layout: give scroll containers a 400 px viewport so the virtualiser has a window.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

function bodyRows() {
  return screen
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1' && !r.hasAttribute('aria-hidden'));
}

function names() {
  return bodyRows().map((r) => within(r).getAllByRole('gridcell')[0]?.textContent);
}

function Controlled({ onSort }: { onSort?: (s: SortState | null) => void }) {
  const [sort, setSort] = useState<SortState | null>(null);
  return (
    <DataTable
      label="Jobs"
      columns={columns}
      rows={jobs}
      rowKey={(j) => j.id}
      sort={sort}
      onSortChange={(s) => {
        onSort?.(s);
        setSort(s);
      }}
    />
  );
}

describe('DataTable sorting', { timeout: SLOW_CI_MS }, () => {
  it('cycles ascending, descending, unsorted and reports it with aria-sort', () => {
    const onSort = vi.fn();
    render(<Controlled onSort={onSort} />);
    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('columnheader', { name: 'Id' })).not.toHaveAttribute('aria-sort');

    fireEvent.click(within(nameHeader).getByRole('button'));
    expect(onSort).toHaveBeenLastCalledWith({ id: 'name', desc: false });
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(names()).toEqual(['alpha', 'job 2', 'job 9', 'job 10']); // numeric-aware

    fireEvent.click(within(nameHeader).getByRole('button'));
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['job 10', 'job 9', 'job 2', 'alpha']);

    fireEvent.click(within(nameHeader).getByRole('button'));
    expect(onSort).toHaveBeenLastCalledWith(null);
    expect(nameHeader).toHaveAttribute('aria-sort', 'none');
    expect(names()).toEqual(['job 10', 'job 9', 'job 2', 'alpha']);
  });

  it('sorts metrics biggest first, unknown values last and ties by key', () => {
    render(<Controlled />);
    const cpu = screen.getByRole('columnheader', { name: /CPU/ });
    fireEvent.click(within(cpu).getByRole('button'));
    expect(cpu).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['alpha', 'job 10', 'job 2', 'job 9']);
    fireEvent.click(within(cpu).getByRole('button'));
    expect(names()).toEqual(['job 10', 'job 2', 'alpha', 'job 9']);
  });

  it('keeps equal rows in key order whatever order they arrive in', () => {
    const shuffled = [jobs[2], jobs[3], jobs[0], jobs[1]] as Job[];
    const sorted = sortRows(shuffled, columns, { id: 'cpu', desc: true }, (j) => j.id);
    expect(sorted.map((j) => j.id)).toEqual(['d', 'a', 'c', 'b']);
  });

  it('round-trips the sort through a URL parameter', () => {
    expect(sortToParam({ id: 'cpu', desc: true })).toBe('cpu:desc');
    expect(sortFromParam('cpu:desc')).toEqual({ id: 'cpu', desc: true });
    expect(sortFromParam('name')).toEqual({ id: 'name', desc: false });
    expect(sortFromParam(undefined)).toBeNull();
  });
});

describe('DataTable virtualisation', { timeout: SLOW_CI_MS }, () => {
  const many: Job[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `j${i}`,
    name: `job ${i}`,
    cpu: i % 7,
  }));

  it('renders only the visible rows of 10,000 and follows the scroll position', () => {
    render(<DataTable label="Many" columns={columns} rows={many} rowKey={(j) => j.id} testId="many" />);
    const grid = screen.getByRole('grid', { name: 'Many' });
    expect(grid).toHaveAttribute('aria-rowcount', '10001');
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(screen.getByText('job 0')).toBeInTheDocument();
    expect(screen.queryByText('job 5000')).not.toBeInTheDocument();

    const scroller = screen.getByTestId('many');
    scroller.scrollTop = 36 * 5000;
    fireEvent.scroll(scroller);
    expect(screen.getByText('job 5000')).toBeInTheDocument();
    expect(screen.queryByText('job 0')).not.toBeInTheDocument();
    expect(bodyRows().length).toBeLessThan(40);
  });

  it('scrolls a selection made elsewhere into view', () => {
    const restore = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get: () => 36 * 10_001,
    });
    Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
      if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
      this.dispatchEvent(new Event('scroll'));
    } as Element['scrollTo'];
    try {
      const { rerender } = render(
        <DataTable label="Many" columns={columns} rows={many} rowKey={(j) => j.id} />,
      );
      rerender(
        <DataTable label="Many" columns={columns} rows={many} rowKey={(j) => j.id} selectedKey="j7000" />,
      );
      expect(screen.getByText('job 7000').closest('tr')).toHaveAttribute('aria-selected', 'true');
    } finally {
      delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight;
      if (restore) Object.defineProperty(Element.prototype, 'scrollHeight', restore);
    }
  });
});

describe('DataTable interaction', { timeout: SLOW_CI_MS }, () => {
  it('opens rows by click and by keyboard, highlighting the selected one', () => {
    const onRowClick = vi.fn();
    render(
      <DataTable
        label="Jobs"
        columns={columns}
        rows={jobs}
        rowKey={(j) => j.id}
        onRowClick={onRowClick}
        selectedKey="c"
      />,
    );
    expect(screen.getByText('job 2').closest('tr')).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(screen.getByText('alpha'));
    expect(onRowClick).toHaveBeenLastCalledWith(jobs[3]);

    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onRowClick).toHaveBeenLastCalledWith(jobs[2]);
    const active = grid.getAttribute('aria-activedescendant');
    expect(active && document.getElementById(active)).toHaveTextContent('job 2');
    fireEvent.keyDown(grid, { key: 'Home' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onRowClick).toHaveBeenLastCalledWith(jobs[0]);
  });

  it('ticks rows for batch actions, skipping rows that cannot be ticked', () => {
    function Selectable() {
      const [selection, setSelection] = useState<Set<string>>(new Set());
      return (
        <>
          <output data-testid="ticked">{[...selection].sort().join(',')}</output>
          <DataTable
            label="Jobs"
            columns={columns}
            rows={jobs}
            rowKey={(j) => j.id}
            selection={selection}
            onSelectionChange={setSelection}
            isSelectable={(j) => j.cpu !== null}
          />
        </>
      );
    }
    render(<Selectable />);
    const selectAll = screen.getByRole('checkbox', { name: 'Select all 3' });
    fireEvent.click(selectAll);
    expect(screen.getByTestId('ticked')).toHaveTextContent('a,c,d');
    const rowBoxes = screen.getAllByRole('checkbox', { name: 'Select row' });
    expect(rowBoxes[1]).toBeDisabled();
    fireEvent.click(rowBoxes[0] as HTMLElement);
    expect(screen.getByTestId('ticked')).toHaveTextContent('c,d');
    expect(selectAll).toHaveProperty('indeterminate', true);
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByRole('grid'), { key: ' ' });
    expect(screen.getByTestId('ticked')).toHaveTextContent('a,c,d');
  });

  it('shows the empty state with the headers still visible', () => {
    render(
      <DataTable label="Jobs" columns={columns} rows={[]} rowKey={(j) => j.id} empty="No running jobs" />,
    );
    expect(screen.getByText('No running jobs')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Name/ })).toBeInTheDocument();
  });
});

describe('filterRows', () => {
  it('matches every term in any field, case-insensitively', () => {
    expect(filterRows(jobs, 'JOB 9', ['name']).map((j) => j.id)).toEqual(['b']);
    expect(filterRows(jobs, 'job d', ['name', 'id'])).toEqual([]);
    expect(filterRows(jobs, 'alpha d', ['name', (j) => j.id]).map((j) => j.id)).toEqual(['d']);
    expect(filterRows(jobs, '  ', ['name'])).toBe(jobs);
  });
});

describe('headerTitle', () => {
  it('keeps a cut header readable whole on hover, with its explanation', () => {
    expect(headerTitle('Duration', undefined)).toBe('Duration');
    expect(headerTitle('Failure / path', 'Failure message; savepoint location')).toBe(
      'Failure / path: Failure message; savepoint location',
    );
    expect(headerTitle('In', 'In: records received')).toBe('In: records received');
  });
});
