import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordJobAnswer, recordJobError, resetJobRunLogs } from '@/api/flink/job-run-log';
import type { CheckpointingStatistics, JobDetails } from '@/api/flink/schemas';
import { fakeFlink, fakeLayout, fixture, renderApp } from './testing/fake-cluster';

const job = fixture<JobDetails>('jobs__jobid.json');
const checkpoints = fixture<CheckpointingStatistics>('jobs__jobid__checkpoints.json');
const url = `/clusters/demo/jobs/${job.jid}/timeline`;

// The run before the failover, as the recorded job; the new JobManager's run starts 90 s later.
const before: JobDetails = { ...job, state: 'RUNNING' };
const start2 = job.now + 90_000;
const after: JobDetails = {
  ...job,
  state: 'RUNNING',
  'start-time': start2,
  timestamps: { ...job.timestamps, INITIALIZING: start2, CREATED: start2 + 9_000, RUNNING: start2 + 12_000 },
  now: start2 + 20_000,
};

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());
afterEach(() => {
  vi.unstubAllGlobals();
  resetJobRunLogs();
});

describe('runs seen by the dashboard (timeline tab)', () => {
  it('shows a JobManager failover: the run before, the silence, the new run and its checkpoint', async () => {
    recordJobAnswer('demo', job.jid, before, before.now);
    recordJobError('demo', job.jid, before.now + 3_000, 'Flink did not answer');
    recordJobAnswer('demo', job.jid, after, after.now);
    fakeFlink({
      [`/jobs/${job.jid}`]: after,
      [`/jobs/${job.jid}/checkpoints`]: {
        ...checkpoints,
        latest: {
          ...checkpoints.latest,
          restored: { id: 5, restore_timestamp: start2 + 11_000, is_savepoint: false, external_path: null },
        },
      },
    });
    renderApp(url);
    const failover = await screen.findByTestId('job-failover');
    expect(failover).toHaveTextContent('JobManager failover');
    expect(failover).toHaveTextContent('was last seen RUNNING');
    expect(failover).toHaveTextContent('the JobManager did not answer');
    expect(failover).toHaveTextContent('(Flink did not answer)');
    expect(await within(failover).findByTestId('job-failover-restored')).toHaveTextContent('#5');
    const runs = screen.getByTestId('runs-timeline');
    const rows = within(runs).getAllByTestId('gantt-row');
    expect(rows.map((r) => r.getAttribute('data-row-id'))).toEqual(['run-1', 'run-2', 'outages']);
    expect(
      within(rows[1]!)
        .getAllByTestId('gantt-bar')
        .map((b) => b.getAttribute('data-state')),
    ).toEqual(['INITIALIZING', 'CREATED', 'RUNNING']);
  });

  it('stays out of the way while the job has had one run and no outage', async () => {
    recordJobAnswer('demo', job.jid, before, before.now);
    fakeFlink({ [`/jobs/${job.jid}`]: before });
    renderApp(url);
    await screen.findByTestId('vertex-timeline');
    expect(screen.queryByTestId('job-runs')).not.toBeInTheDocument();
  });
});
