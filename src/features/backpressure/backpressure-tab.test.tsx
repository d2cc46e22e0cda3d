import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetails } from '@/api/flink/schemas';
import { formatTimestamp } from '@/lib/format';
import { setPreference } from '@/stores/preferences';
import { fakeFlink, fakeLayout, fixture, renderApp, type Sent } from './testing/fake-cluster';

// The recorded real BackpressureJob: "Source: Fast source -> Parse" -> "Slow enrichment" -> "Discard sink: Writer".
const job = fixture<JobDetails>('jobs__jobid--backpressure.json');
const [source, slow, sink] = job.vertices.map((v) => v.id) as [string, string, string];
const V = (id: string) => `/jobs/${job.jid}/vertices/${id}`;

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());
afterEach(() => {
  vi.unstubAllGlobals();
  setPreference('timeZone', 'local');
});

function cluster(overrides: Record<string, unknown> = {}) {
  return fakeFlink({
    [`/jobs/${job.jid}`]: job,
    [`${V(source)}/backpressure`]: fixture('jobs__jobid__vertices__vertexid__backpressure.json'),
    [`${V(slow)}/backpressure`]: fixture('jobs__jobid__vertices__vertexid__backpressure--slow-operator.json'),
    [`${V(sink)}/backpressure`]: fixture(
      'jobs__jobid__vertices__vertexid__backpressure--fresh-job-first-answer.json',
    ),
    [`${V(source)}/subtasks/metrics`]: fixture(
      'jobs__jobid__vertices__vertexid__subtasks__metrics--get-agg-max.json',
    ),
    [`${V(slow)}/subtasks/metrics`]: [],
    [`${V(sink)}/subtasks/metrics`]: [],
    [`${V(source)}/watermarks`]: fixture('jobs__jobid__vertices__vertexid__watermarks--no-watermarks.json'),
    [`${V(slow)}/watermarks`]: fixture('jobs__jobid__vertices__vertexid__watermarks--no-watermarks.json'),
    [`${V(sink)}/watermarks`]: fixture('jobs__jobid__vertices__vertexid__watermarks--no-watermarks.json'),
    [V(slow)]: fixture('jobs__jobid__vertices__vertexid--slow-operator.json'),
    ...overrides,
  });
}

const row = (name: string) =>
  screen.getAllByTestId('bp-row').find((r) => within(r).getByTestId('bp-vertex-name').textContent === name)!;

describe('back-pressure tab', () => {
  it('names the slow operator as the bottleneck and shows each vertex’s level', async () => {
    const sent = cluster();
    renderApp(`/clusters/demo/jobs/${job.jid}/backpressure`);
    const hint = await screen.findByTestId('bottleneck-hint', {}, { timeout: 20_000 });
    await waitFor(() => expect(hint).toHaveAttribute('data-kind', 'bottleneck'));
    expect(hint).toHaveTextContent(
      'Slow enrichment is the likely bottleneck: it is 99 % busy and not back-pressured, while its upstream Source: Fast source -> Parse is back-pressured 79 % of the time.',
    );
    expect(within(hint).getByTestId('hint-flamegraph')).toHaveAttribute(
      'href',
      `/clusters/demo/jobs/${job.jid}/flamegraph?vertex=${slow}`,
    );
    expect(within(hint).getByRole('link', { name: 'Slow enrichment' })).toHaveAttribute(
      'href',
      `/clusters/demo/jobs/${job.jid}?vertex=${slow}`,
    );

    await waitFor(
      () =>
        expect(within(row('Source: Fast source -> Parse')).getByTestId('bp-level')).toHaveTextContent('HIGH'),
      { timeout: 20_000 },
    );
    expect(within(row('Slow enrichment')).getByTestId('bp-level')).toHaveTextContent('OK');
    expect(within(row('Slow enrichment')).getByTestId('bottleneck-badge')).toBeInTheDocument();
    // "deprecated" = Flink has no sample yet: a normal state, not an error
    expect(within(row('Discard sink: Writer')).getByTestId('bp-level')).toHaveTextContent('sampling…');
    expect(screen.queryByTestId('query-error')).toBeNull();

    // one request per vertex for the busy/back-pressured time, aggregated over subtasks
    const metricRequests = sent.filter((s) => s.path.endsWith('/subtasks/metrics'));
    expect(new Set(metricRequests.map((s) => s.path)).size).toBe(3);
    const get = metricRequests[0]!.search.get('get')!.split(',');
    expect(get).toEqual(
      expect.arrayContaining(['busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond', 'numRecordsIn']),
    );
    expect(metricRequests[0]!.search.get('agg')!.split(',')).toContain('max');
  });

  it('opens a vertex’s subtasks with their shares of time and the sample time in the chosen zone', async () => {
    setPreference('timeZone', 'UTC');
    cluster();
    const { location } = renderApp(`/clusters/demo/jobs/${job.jid}/backpressure`);
    await waitFor(
      () =>
        expect(within(row('Source: Fast source -> Parse')).getByTestId('bp-level')).toHaveTextContent('HIGH'),
      { timeout: 20_000 },
    );
    fireEvent.click(row('Source: Fast source -> Parse'));
    await waitFor(() => expect(location().search).toMatchObject({ vertex: source }));
    const panel = await screen.findByTestId('subtask-panel');
    expect(within(panel).getByTestId('bp-sampled-at')).toHaveTextContent(
      `Sampled at ${formatTimestamp(1795339139571, 'UTC')}`,
    );
    expect(within(panel).getByTestId('bp-sampled-at')).toHaveTextContent('UTC');
    const bars = within(panel).getAllByRole('img');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Subtask 0: back-pressured 36 %, busy 64 %, idle 0 %',
      'Subtask 1: back-pressured 60 %, busy 38 %, idle 2 %',
    ]);
  });

  it('shows per-subtask records of the selected vertex from the URL', async () => {
    cluster();
    renderApp(`/clusters/demo/jobs/${job.jid}/backpressure?vertex=${slow}`);
    const table = await screen.findByTestId('subtask-table', {}, { timeout: 20_000 });
    await waitFor(() => expect(table).toHaveTextContent('4,644'));
    expect(table).toHaveTextContent('3,803');
    expect(table).toHaveTextContent('localhost:45241');
  });

  it('keeps a failing vertex local: the others still show', async () => {
    const sent: Sent[] = cluster({ [`${V(sink)}/backpressure`]: undefined });
    renderApp(`/clusters/demo/jobs/${job.jid}/backpressure`);
    await waitFor(
      () =>
        expect(within(row('Source: Fast source -> Parse')).getByTestId('bp-level')).toHaveTextContent('HIGH'),
      { timeout: 20_000 },
    );
    await waitFor(() =>
      expect(within(row('Discard sink: Writer')).getByTestId('bp-row-error')).toBeInTheDocument(),
    );
    expect(sent.some((s) => s.path === `${V(sink)}/backpressure`)).toBe(true);
    expect(screen.getByTestId('bottleneck-hint')).toHaveTextContent(
      'Slow enrichment is the likely bottleneck',
    );
  });
});
