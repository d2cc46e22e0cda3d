import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetails } from '@/api/flink/schemas';
import { fakeFlink, fakeLayout, fixture, renderApp } from './testing/fake-cluster';

/* The Rescales section of the timeline tab: shown where the cluster keeps a history, explained once where not. */
const job = fixture<JobDetails>('jobs__jobid.json');
const config = fixture<Record<string, unknown>>('config.json');
const real23 = (file: string): unknown =>
  JSON.parse(readFileSync(join(process.cwd(), 'e2e/fixtures/flink/2.3', file), 'utf8'));

const RESCALE = {
  rescaleUuid: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  rescaleAttemptId: 1,
  vertices: {
    [job.vertices[0]!.id]: {
      jobVertexId: job.vertices[0]!.id,
      jobVertexName: 'Orders source',
      preRescaleParallelism: 2,
      postRescaleParallelism: 1,
    },
  },
  schedulerStates: [],
  startTimestampInMillis: 1_795_000_000_000,
  endTimestampInMillis: 1_795_000_002_500,
  terminalState: 'COMPLETED',
  triggerCause: 'UPDATE_REQUIREMENT',
  terminatedReason: 'SUCCEEDED',
};

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());
afterEach(() => vi.unstubAllGlobals());

/** The first render compiles the lazy job page: slow on a loaded machine. */
const SLOW = { timeout: 45_000 };
const withVersion = (v: string) => ({ ...config, 'flink-version': v });

describe('rescales', { timeout: 60_000 }, () => {
  it('on Flink 2.2 says once that the version keeps no history, and never asks', async () => {
    const sent = fakeFlink({ '/config': withVersion('2.2.1'), [`/jobs/${job.jid}`]: job });
    renderApp(`/clusters/demo/jobs/${job.jid}/timeline`);
    expect(await screen.findByTestId('rescales-unsupported', {}, SLOW)).toHaveTextContent(
      'Flink 2.2.1 keeps no rescale history',
    );
    expect(sent.some((r) => r.path.includes('/rescales/'))).toBe(false);
  });

  it('on Flink 2.3 with the default scheduler explains the real 404 instead of showing an error', async () => {
    const sent = fakeFlink({
      '/config': withVersion('2.3.0'),
      [`/jobs/${job.jid}`]: job,
      [`/jobs/${job.jid}/rescales/overview`]: {
        status: 404,
        body: real23('jobs__jobid__rescales__overview--default-scheduler.json'),
      },
    });
    renderApp(`/clusters/demo/jobs/${job.jid}/timeline`);
    expect(await screen.findByTestId('rescales-unavailable', {}, SLOW)).toHaveTextContent(
      'adaptive scheduler',
    );
    expect(screen.queryByTestId('query-error')).not.toBeInTheDocument();
    expect(sent.filter((r) => r.path.endsWith('/rescales/overview'))).toHaveLength(1);
  });

  it('on Flink 2.3 lists each rescale with its trigger, outcome, duration and parallelism change', async () => {
    fakeFlink({
      '/config': withVersion('2.3.0'),
      [`/jobs/${job.jid}`]: job,
      [`/jobs/${job.jid}/rescales/overview`]: {
        ...(real23('adaptive--jobs__jobid__rescales__overview.json') as object),
        rescalesCounts: { completed: 1, failed: 0, ignored: 0, inProgress: 0 },
      },
      [`/jobs/${job.jid}/rescales/history`]: [RESCALE],
    });
    renderApp(`/clusters/demo/jobs/${job.jid}/timeline`);
    expect(await screen.findByTestId('rescales-counts', {}, SLOW)).toHaveTextContent(
      '1 completed · 0 failed',
    );
    const table = await screen.findByTestId('rescales-table');
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('UPDATE_REQUIREMENT');
    expect(row).toHaveTextContent('COMPLETED');
    expect(row).toHaveTextContent('2.5 s');
    expect(row).toHaveTextContent('Orders source: 2 → 1');
  });
});
