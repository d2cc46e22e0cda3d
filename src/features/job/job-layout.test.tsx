import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobDetails } from '@/api/flink/schemas';
import { fakeFlink, fixture, renderApp } from './testing/fake-cluster';

const running = fixture<JobDetails>('jobs__jobid.json');
const failed = fixture<JobDetails>('jobs__jobid--failed.json');

beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('job layout', () => {
  it('shows name, id, state, type, times, task counts and the tabs of a running job', async () => {
    fakeFlink({ [`/jobs/${running.jid}`]: running });
    renderApp(`/clusters/demo/jobs/${running.jid}/configuration`);
    const header = await screen.findByTestId('job-header');
    expect(within(header).getByRole('heading', { name: running.name })).toBeInTheDocument();
    expect(screen.getByTestId('job-id')).toHaveTextContent(running.jid);
    expect(screen.getByTestId('job-state')).toHaveTextContent('RUNNING');
    expect(screen.getByTestId('job-type')).toHaveTextContent('STREAMING');
    expect(screen.getByTestId('job-end')).toHaveTextContent('still running');
    expect(screen.getByTestId('job-duration')).toHaveAttribute('data-live', 'true');
    const total = running.vertices.reduce((s, v) => s + v.parallelism, 0);
    expect(screen.getByTestId('job-tasks')).toHaveTextContent(String(total));
    const tabs = screen.getByTestId('job-tabs');
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Overview',
      'Exceptions',
      'Timeline',
      'Checkpoints',
      'Back-pressure',
      'Flame graph',
      'Configuration',
    ]);
    expect(within(tabs).getByRole('link', { name: 'Configuration' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'Exceptions' })).toHaveAttribute(
      'href',
      `/clusters/demo/jobs/${running.jid}/exceptions`,
    );
  });

  it('the duration of a running job ticks; a failed job shows its end and fixed duration', async () => {
    fakeFlink({ [`/jobs/${running.jid}`]: running, [`/jobs/${failed.jid}`]: failed });
    const { unmount } = renderApp(`/clusters/demo/jobs/${running.jid}/configuration`);
    const duration = await screen.findByTestId('job-duration');
    const first = duration.textContent;
    await waitFor(() => expect(screen.getByTestId('job-duration').textContent).not.toBe(first), {
      timeout: 3000,
    });
    unmount();

    renderApp(`/clusters/demo/jobs/${failed.jid}/configuration`);
    expect(await screen.findByTestId('job-state')).toHaveTextContent('FAILED');
    expect(screen.getByTestId('job-duration')).not.toHaveAttribute('data-live');
    expect(screen.getByTestId('job-duration')).toHaveTextContent(/^\d+(\.\d)? s$/);
    expect(screen.getByTestId('job-end')).toHaveTextContent(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // A failed job draws attention to its exceptions.
    expect(
      within(screen.getByTestId('job-tab-exceptions')).getByLabelText('(the job failed)'),
    ).toBeInTheDocument();
  });

  it('keeps the selected vertex on the tabs about vertices, not on the others', async () => {
    fakeFlink({ [`/jobs/${running.jid}`]: running });
    renderApp(`/clusters/demo/jobs/${running.jid}/configuration?vertex=abc&checkpoint=3`);
    const tabs = await screen.findByTestId('job-tabs');
    const href = (name: string) => within(tabs).getByRole('link', { name }).getAttribute('href');
    expect(href('Back-pressure')).toBe(`/clusters/demo/jobs/${running.jid}/backpressure?vertex=abc`);
    expect(href('Timeline')).toBe(`/clusters/demo/jobs/${running.jid}/timeline?vertex=abc`);
    expect(href('Flame graph')).toBe(`/clusters/demo/jobs/${running.jid}/flamegraph?vertex=abc`);
    expect(href('Exceptions')).toBe(`/clusters/demo/jobs/${running.jid}/exceptions`);
  });

  it('an unknown job gets a clear message, not an empty page, and is not polled again', async () => {
    const notFound = fixture<unknown>('jobs__jobid--not-found.json');
    const sent = fakeFlink({ '/jobs/00000000000000000000000000000000': { status: 404, body: notFound } });
    renderApp('/clusters/demo/jobs/00000000000000000000000000000000');
    const box = await screen.findByTestId('job-not-found');
    expect(box).toHaveTextContent('Job not found');
    expect(box).toHaveTextContent('00000000000000000000000000000000');
    expect(within(box).getByTestId('job-not-found-answer')).toHaveTextContent(
      /^GET \/jobs\/:jobid: HTTP 404/,
    );
    expect(within(box).getByRole('link', { name: 'Back to all jobs' })).toHaveAttribute(
      'href',
      '/clusters/demo/jobs',
    );
    expect(screen.queryByTestId('job-tabs')).not.toBeInTheDocument();
    const calls = () => sent.filter((r) => r.path === '/jobs/00000000000000000000000000000000').length;
    const before = calls();
    await new Promise((r) => setTimeout(r, 3500));
    expect(calls()).toBe(before);
  });

  it('a malformed id says so', async () => {
    fakeFlink({ '/jobs/not-a-job-id': { status: 400, body: fixture('jobs__jobid--bad-id.json') } });
    renderApp('/clusters/demo/jobs/not-a-job-id');
    expect(await screen.findByTestId('job-not-found')).toHaveTextContent('This is not a Flink job id');
  });

  it('stops polling the job once it is finished; keeps polling while it runs', async () => {
    const config = { ...fixture<Record<string, unknown>>('config.json'), 'refresh-interval': 200 };
    const sent = fakeFlink({
      '/config': config,
      [`/jobs/${running.jid}`]: running,
      [`/jobs/${failed.jid}`]: failed,
    });
    const a = renderApp(`/clusters/demo/jobs/${failed.jid}/configuration`);
    await screen.findByTestId('job-header');
    const r1 = renderAppCount(sent, `/jobs/${failed.jid}`);
    await act(() => new Promise((r) => setTimeout(r, 1200)));
    expect(renderAppCount(sent, `/jobs/${failed.jid}`)).toBe(r1);
    a.unmount();

    renderApp(`/clusters/demo/jobs/${running.jid}/configuration`);
    await screen.findByTestId('job-header');
    const r2 = renderAppCount(sent, `/jobs/${running.jid}`);
    await act(() => new Promise((r) => setTimeout(r, 1200)));
    expect(renderAppCount(sent, `/jobs/${running.jid}`)).toBeGreaterThan(r2);
  });

  it('copies the job id', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', true);
    fakeFlink({ [`/jobs/${running.jid}`]: running });
    renderApp(`/clusters/demo/jobs/${running.jid}/configuration`);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy job id' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(running.jid));
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });
});

function renderAppCount(sent: { path: string }[], path: string) {
  return sent.filter((r) => r.path === path).length;
}
