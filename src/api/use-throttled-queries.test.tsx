import { describe, expect, it } from 'vitest';
import { useMemo, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { useThrottledQueries } from './use-throttled-queries';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withClient(children: ReactNode, client = new QueryClient()) {
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

let renders = 0;

function Values({ ids, ms }: { ids: string[]; ms: number }) {
  renders++;
  const queries = useMemo(
    () =>
      ids.map((id, i) => ({
        queryKey: ['value', id],
        // Answers arrive one by one, as 300 vertex loads do.
        queryFn: () => wait(i * 2).then(() => `value of ${id}`),
      })),
    [ids],
  );
  const results = useThrottledQueries(queries, ms);
  return (
    <ul>
      {ids.map((id, i) => (
        <li key={id} data-testid="value">
          {id}: {results[i]?.data ?? 'pending'}
        </li>
      ))}
    </ul>
  );
}

describe('useThrottledQueries', () => {
  it('shows every answer, re-rendering a few times rather than once per answer', async () => {
    renders = 0;
    const ids = Array.from({ length: 60 }, (_, i) => `v${i}`);
    render(withClient(<Values ids={ids} ms={100} />));
    await waitFor(() => expect(screen.getByText('v59: value of v59')).toBeInTheDocument());
    expect(screen.getByText('v0: value of v0')).toBeInTheDocument();
    expect(screen.queryByText(/pending/)).toBeNull();
    // 60 answers over ~120 ms at most every 100 ms: a handful of renders, not 60.
    expect(renders).toBeLessThan(15);
  });

  it('matches results to the queries asked, also right after the list changed', async () => {
    const client = new QueryClient();
    const { rerender } = render(withClient(<Values ids={['a', 'b']} ms={0} />, client));
    await waitFor(() => expect(screen.getByText('b: value of b')).toBeInTheDocument());
    rerender(withClient(<Values ids={['b', 'c']} ms={0} />, client));
    // b's answer stays with b (never shown against the new first row), c arrives.
    expect(screen.getAllByTestId('value')[0]).toHaveTextContent(/^b: /);
    expect(screen.queryByText('b: value of a')).toBeNull();
    await waitFor(() => expect(screen.getByText('c: value of c')).toBeInTheDocument());
    expect(screen.getByText('b: value of b')).toBeInTheDocument();
  });
});
