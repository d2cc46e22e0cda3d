import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JobDetails } from '@/api/flink/schemas';
import { recordMetrics, resetMetricStore } from '@/api/metric-store';
import { flinkKey, flinkSamples } from '../collect/samples';
import { emptyFlinkHistory, observeFlink } from '../rules/history';
import { REC, at, flink, flinkInput } from '../testing/fixtures';
import { SeriesChart } from './series-chart';

const TRUE_RATE = 3200; // records per second into the job's second vertex
const FETCH_MS = 10_000; // the JobManager's metrics.fetcher.update-interval
const POLL_MS = 3_000; // the dashboard's poll

/** /jobs/:jobid as polled at `t`: read-records as of the JobManager's last metric refresh. */
function detailsAt(t: number, start: number): JobDetails {
  const d = flink.details();
  const refreshed = Math.floor((t - start) / FETCH_MS) * FETCH_MS;
  d.vertices.forEach((v, i) => {
    v.metrics['read-records'] = i === 1 ? Math.floor((TRUE_RATE * refreshed) / 1000) : 0;
  });
  return d;
}

describe('the Triage "Records in per second" chart', () => {
  beforeEach(() => {
    resetMetricStore({ load: () => Promise.resolve([]), save: () => Promise.resolve(true) });
  });

  it('stays at the job’s steady rate although Flink refreshes its counters only every 10 s', async () => {
    const start = REC.now - 5 * 60_000;
    let history = emptyFlinkHistory();
    // What the collector does after every poll of the job's details.
    for (let t = start + 1_234; t < REC.now; t += POLL_MS) {
      const input = flinkInput({ jobDetails: { [REC.checkpointing]: at(detailsAt(t, start), t) } }, t);
      history = observeFlink(history, input);
      for (const batch of flinkSamples(input, history)) recordMetrics(batch.values, batch.t);
    }
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SeriesChart
          cluster={{ id: 'rec', name: 'Recorded', kind: 'flink', hasPrometheus: false, monitored: true }}
          spec={{ key: flinkKey('rec', 'records-in'), label: 'Records in per second', format: 'rate' }}
        />
      </QueryClientProvider>,
    );
    const table = await screen.findByRole('table', { name: /Records in per second/ }, { timeout: 20_000 });
    const plotted = [...table.querySelectorAll('td[data-value]')].map((td) =>
      Number(td.getAttribute('data-value')),
    );
    // One point per counter refresh after the first two (5 min / 10 s, less the start).
    expect(plotted.length).toBeGreaterThanOrEqual(25);
    for (const v of plotted) {
      expect(v).toBeGreaterThanOrEqual(TRUE_RATE * 0.8);
      expect(v).toBeLessThanOrEqual(TRUE_RATE * 1.2);
    }
  }, 30_000);
});
