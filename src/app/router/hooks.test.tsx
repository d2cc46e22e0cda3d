import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { memoryRouter } from '@/components/testing/memory-router';
import { jobRoute, jobsRoute, jobTimelineRoute } from './routes';
import { useNavigateSearch, useRouteParams, useRouteSearch } from './hooks';
import { Link } from './link';

function JobProbe() {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const search = useRouteSearch(jobRoute);
  const navigate = useNavigateSearch(jobRoute);
  return (
    <>
      <output data-testid="probe">{JSON.stringify({ clusterId, jobId, search })}</output>
      <button onClick={() => navigate((prev) => ({ ...prev, vertex: 'v2', subtask: undefined }))}>
        vertex
      </button>
      <button onClick={() => navigate({ panel: 'metrics' }, { replace: true })}>panel</button>
    </>
  );
}

const probe = () => JSON.parse(screen.getByTestId('probe').textContent ?? '') as unknown;

describe('route hooks', () => {
  it('give a page its decoded params and validated search, also below its path', () => {
    const { MemoryRouter } = memoryRouter('/clusters/prod%20eu/jobs/j1/timeline?subtask=2&vertex=v1&bogus=1');
    render(
      <MemoryRouter>
        <JobProbe />
      </MemoryRouter>,
    );
    expect(probe()).toEqual({ clusterId: 'prod eu', jobId: 'j1', search: { vertex: 'v1', subtask: 2 } });
  });

  it('update the search of the current page from the validated one, or replace it', () => {
    const { MemoryRouter, location } = memoryRouter('/clusters/c/jobs/j1/timeline?subtask=2&vertex=v1');
    render(
      <MemoryRouter>
        <JobProbe />
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByText('vertex'));
    expect(location()).toMatchObject({ pathname: '/clusters/c/jobs/j1/timeline', searchStr: '?vertex=v2' });
    fireEvent.click(screen.getByText('panel'));
    expect(location().search).toEqual({ panel: 'metrics' });
  });
});

describe('Link', () => {
  it('links to a route with params and search and marks the current page', () => {
    const { MemoryRouter, location } = memoryRouter('/clusters/c/jobs/j1');
    render(
      <MemoryRouter>
        <Link to={jobsRoute} params={{ clusterId: 'c' }} activeClassName="on">
          Jobs
        </Link>
        <Link to={jobTimelineRoute} params={{ clusterId: 'c', jobId: 'j1' }} search={{ vertex: 'v' }} exact>
          Timeline
        </Link>
      </MemoryRouter>,
    );
    const jobs = screen.getByRole('link', { name: 'Jobs' });
    const timeline = screen.getByRole('link', { name: 'Timeline' });
    expect(jobs).toHaveAttribute('href', '/clusters/c/jobs');
    expect(jobs).toHaveAttribute('aria-current', 'page');
    expect(jobs).toHaveClass('on');
    expect(timeline).toHaveAttribute('href', '/clusters/c/jobs/j1/timeline?vertex=v');
    expect(timeline).not.toHaveAttribute('aria-current');

    act(() => void fireEvent.click(timeline));
    expect(location().pathname).toBe('/clusters/c/jobs/j1/timeline');
    expect(timeline).toHaveAttribute('aria-current', 'page');
  });

  it('leaves a Ctrl-click to the browser (new tab)', () => {
    const { MemoryRouter, location } = memoryRouter('/');
    render(
      <MemoryRouter>
        <Link to={jobsRoute} params={{ clusterId: 'c' }}>
          Jobs
        </Link>
      </MemoryRouter>,
    );
    // The browser would open the link; jsdom cannot, so the click is stopped once the app let it pass.
    let leftToBrowser = false;
    const stop = (e: Event) => {
      leftToBrowser = !e.defaultPrevented;
      e.preventDefault();
    };
    window.addEventListener('click', stop);
    fireEvent.click(screen.getByRole('link', { name: 'Jobs' }), { ctrlKey: true });
    window.removeEventListener('click', stop);
    expect(leftToBrowser).toBe(true);
    expect(location().pathname).toBe('/');
  });
});
