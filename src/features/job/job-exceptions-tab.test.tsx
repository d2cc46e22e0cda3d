import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobDetails, JobExceptions } from '@/api/flink/schemas';
import { fakeFlink, fixture, renderApp, type Sent } from './testing/fake-cluster';

const failedJob = fixture<JobDetails>('jobs__jobid--failed.json');
const failingJob = fixture<JobDetails>('jobs__jobid--failing.json');
const runningJob = fixture<JobDetails>('jobs__jobid.json');

afterEach(() => vi.unstubAllGlobals());

describe('exceptions tab', () => {
  it('shows what it asked for when the cluster sends thousands of entries, the rest on Load more', async () => {
    const exceptions = fixture<JobExceptions>('jobs__jobid__exceptions--failed.json');
    const entry = exceptions.exceptionHistory.entries[0]!;
    const flood = {
      ...exceptions,
      exceptionHistory: { entries: Array.from({ length: 3000 }, () => entry), truncated: false },
    };
    fakeFlink({ [`/jobs/${failedJob.jid}`]: failedJob, [`/jobs/${failedJob.jid}/exceptions`]: flood });
    renderApp(`/clusters/demo/jobs/${failedJob.jid}/exceptions`);
    const history = await screen.findByTestId('exception-history');
    expect(within(history).getAllByRole('listitem')).toHaveLength(19); // 20 asked: the root cause + 19
    fireEvent.click(screen.getByTestId('load-more-exceptions'));
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(39));
  });

  it('shows the root cause of a failed job with its concurrent task failure, stack traces collapsed', async () => {
    const exceptions = fixture<JobExceptions>('jobs__jobid__exceptions--failed.json');
    fakeFlink({ [`/jobs/${failedJob.jid}`]: failedJob, [`/jobs/${failedJob.jid}/exceptions`]: exceptions });
    renderApp(`/clusters/demo/jobs/${failedJob.jid}/exceptions`);

    const root = await screen.findByTestId('root-exception');
    expect(within(root).getAllByTestId('exception-name')[0]).toHaveTextContent(
      'org.apache.flink.runtime.JobException',
    );
    expect(within(root).getAllByTestId('exception-message')[0]).toHaveTextContent(
      'Recovery is suppressed by NoRestartBackoffTimeStrategy',
    );
    expect(within(root).getByText('global (not tied to a task)')).toBeInTheDocument();

    const concurrent = within(root).getByTestId('concurrent-exceptions');
    const cause = exceptions.exceptionHistory.entries[0]!.concurrentExceptions![0]!;
    expect(concurrent).toHaveTextContent('java.lang.RuntimeException');
    expect(concurrent).toHaveTextContent(/Simulated failure every \d+ records/);
    expect(concurrent).toHaveTextContent(cause.taskName!);
    expect(concurrent).toHaveTextContent(cause.endpoint!);
    expect(within(concurrent).getByRole('link', { name: cause.taskManagerId! })).toHaveAttribute(
      'href',
      `/clusters/demo/task-managers/${encodeURIComponent(cause.taskManagerId!)}`,
    );

    // Collapsed by default, expandable.
    expect(screen.queryByTestId('stack-trace-text')).not.toBeInTheDocument();
    const [toggle] = within(root).getAllByTestId('stack-trace-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle!);
    const trace = within(root).getByTestId('stack-trace-text');
    expect(trace).toHaveTextContent(
      'at org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure',
    );
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it('copies a full stack trace', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', true);
    const exceptions = fixture<JobExceptions>('jobs__jobid__exceptions.json');
    fakeFlink({
      [`/jobs/${failingJob.jid}`]: failingJob,
      [`/jobs/${failingJob.jid}/exceptions`]: exceptions,
    });
    renderApp(`/clusters/demo/jobs/${failingJob.jid}/exceptions`);
    const root = await screen.findByTestId('root-exception');
    fireEvent.click(within(root).getByRole('button', { name: 'Copy stack trace' }));
    await waitFor(() =>
      expect(writeText).toHaveBeenCalledWith(exceptions.exceptionHistory.entries[0]!.stacktrace),
    );
  });

  it('lists earlier failures newest first as one line each, details on click', async () => {
    const exceptions = fixture<JobExceptions>('jobs__jobid__exceptions.json');
    fakeFlink({
      [`/jobs/${failingJob.jid}`]: failingJob,
      [`/jobs/${failingJob.jid}/exceptions`]: exceptions,
    });
    renderApp(`/clusters/demo/jobs/${failingJob.jid}/exceptions`);
    const history = await screen.findByTestId('exception-history');
    const entries = exceptions.exceptionHistory.entries;
    const summaries = within(history).getAllByTestId('exception-summary');
    expect(summaries).toHaveLength(entries.length - 1);
    expect(summaries[0]).toHaveTextContent('RuntimeException');
    expect(summaries[0]).toHaveAttribute('aria-expanded', 'false');
    expect(within(history).queryByTestId('stack-trace')).not.toBeInTheDocument();
    fireEvent.click(summaries[0]!);
    expect(summaries[0]).toHaveAttribute('aria-expanded', 'true');
    expect(within(history).getByTestId('stack-trace')).toBeInTheDocument();
    expect(within(history).getByText(entries[1]!.endpoint!)).toBeInTheDocument();
  });

  it('says so when the job never failed', async () => {
    fakeFlink({
      [`/jobs/${runningJob.jid}`]: runningJob,
      [`/jobs/${runningJob.jid}/exceptions`]: fixture('jobs__jobid__exceptions--none.json'),
    });
    renderApp(`/clusters/demo/jobs/${runningJob.jid}/exceptions`);
    expect(await screen.findByTestId('no-exceptions')).toHaveTextContent('No exceptions');
  });

  it('"load more" asks the cluster for more entries and keeps the shown ones meanwhile', async () => {
    const one = fixture<JobExceptions>('jobs__jobid__exceptions--max1.json');
    const all = fixture<JobExceptions>('jobs__jobid__exceptions.json');
    const sent = fakeFlink({
      [`/jobs/${failingJob.jid}`]: failingJob,
      [`/jobs/${failingJob.jid}/exceptions`]: (req: Sent) =>
        req.search.get('maxExceptions') === '20' ? one : all,
    });
    renderApp(`/clusters/demo/jobs/${failingJob.jid}/exceptions`);
    await screen.findByTestId('root-exception');
    expect(screen.queryByTestId('exception-history')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('load-more-exceptions'));
    expect(screen.getByTestId('root-exception')).toBeInTheDocument();
    const history = await screen.findByTestId('exception-history');
    expect(within(history).getAllByTestId('exception-summary')).toHaveLength(
      all.exceptionHistory.entries.length - 1,
    );
    const asked = sent
      .filter((r) => r.path.endsWith('/exceptions'))
      .map((r) => r.search.get('maxExceptions'));
    expect(asked).toContain('40');
    expect(screen.queryByTestId('load-more-exceptions')).not.toBeInTheDocument();
  });

  it('renders what the cluster sends as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const exceptions: JobExceptions = {
      exceptionHistory: {
        truncated: false,
        entries: [
          {
            exceptionName: 'java.lang.IllegalStateException',
            stacktrace: `java.lang.IllegalStateException: ${evil}\n\tat a.B.c(B.java:1)\nCaused by: x.Y: ${evil}`,
            timestamp: 1795337393955,
            taskName: evil,
            endpoint: 'h:1',
            taskManagerId: 'tm-1',
            failureLabels: { [evil]: evil },
            concurrentExceptions: [],
          },
        ],
      },
    };
    fakeFlink({
      [`/jobs/${failingJob.jid}`]: failingJob,
      [`/jobs/${failingJob.jid}/exceptions`]: exceptions,
    });
    const { container } = renderApp(`/clusters/demo/jobs/${failingJob.jid}/exceptions`);
    const root = await screen.findByTestId('root-exception');
    fireEvent.click(within(root).getByTestId('stack-trace-toggle'));
    expect(container.querySelector('img, b')).toBeNull();
    expect(within(root).getByTestId('exception-message')).toHaveTextContent(evil);
    expect(within(root).getByTestId('failure-labels')).toHaveTextContent(`${evil}: ${evil}`);
  });

  it('shows failure labels as chips', async () => {
    const exceptions = fixture<JobExceptions>('jobs__jobid__exceptions.json');
    exceptions.exceptionHistory.entries[0]!.failureLabels = { type: 'USER', component: 'jdbc' };
    fakeFlink({
      [`/jobs/${failingJob.jid}`]: failingJob,
      [`/jobs/${failingJob.jid}/exceptions`]: exceptions,
    });
    renderApp(`/clusters/demo/jobs/${failingJob.jid}/exceptions`);
    const labels = await screen.findByTestId('failure-labels');
    expect(
      within(labels)
        .getAllByRole('listitem')
        .map((l) => l.textContent),
    ).toEqual(['component: jdbc', 'type: USER']);
  });
});
