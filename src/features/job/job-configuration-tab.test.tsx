import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobAccumulators, JobConfig, JobDetails, Metric } from '@/api/flink/schemas';
import { fakeFlink, fakeLayout, fixture, renderApp, type Sent } from './testing/fake-cluster';

const job = fixture<JobDetails>('jobs__jobid.json');
const config = fixture<JobConfig>('jobs__jobid__config.json');
const accumulators = fixture<JobAccumulators>('jobs__jobid__accumulators.json');
const metricList = fixture<Metric[]>('jobs__jobid__metrics.json');
const metricValues = fixture<Metric[]>('jobs__jobid__metrics--get.json');

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());
afterEach(() => vi.unstubAllGlobals());

function cluster(overrides: Record<string, unknown> = {}) {
  const values = (req: Sent) => {
    const wanted = (req.search.get('get') ?? '').split(',').filter(Boolean);
    if (wanted.length === 0) return metricList;
    return wanted.map((id) => ({ id, value: metricValues.find((m) => m.id === id)?.value ?? '7' }));
  };
  return fakeFlink({
    [`/jobs/${job.jid}`]: job,
    [`/jobs/${job.jid}/config`]: { ...config, jid: job.jid },
    [`/jobs/${job.jid}/accumulators`]: accumulators,
    [`/jobs/${job.jid}/metrics`]: values,
    [`/jobs/${job.jid}/resource-requirements`]: {
      status: 500,
      body: fixture('jobs__jobid__resource-requirements--default-scheduler.json'),
    },
    ...overrides,
  });
}

describe('configuration tab', () => {
  it('shows execution and user configuration, searchable', async () => {
    cluster({
      [`/jobs/${job.jid}/config`]: {
        ...config,
        'execution-config': {
          ...config['execution-config'],
          'user-config': { 'pipeline.owner': 'data-platform', env: 'prod' },
        },
      },
    });
    renderApp(`/clusters/demo/jobs/${job.jid}/configuration`);
    const exec = await screen.findByTestId('execution-config');
    expect(exec).toHaveTextContent('Restart strategy');
    expect(exec).toHaveTextContent(config['execution-config']!['restart-strategy']!);
    const user = screen.getByTestId('user-config');
    expect(user).toHaveTextContent('pipeline.owner');
    expect(user).toHaveTextContent('data-platform');
    fireEvent.change(screen.getByTestId('config-search'), { target: { value: 'prod' } });
    expect(user).toHaveTextContent('1 of 2');
    expect(user).toHaveTextContent('env');
    expect(user).not.toHaveTextContent('pipeline.owner');
    expect(exec).toHaveTextContent('No setting matches the search.');
  });

  it('lists accumulators and picked job metrics with units', async () => {
    const sent = cluster();
    renderApp(`/clusters/demo/jobs/${job.jid}/configuration`);
    const acc = await screen.findByTestId('accumulators');
    await waitFor(() => expect(acc).toHaveTextContent('orders-enriched'));
    expect(acc).toHaveTextContent('LongCounter');

    const values = await screen.findByTestId('metric-values');
    await waitFor(() =>
      expect(values.querySelector('[data-metric="numRestarts"]')).toHaveTextContent(/^\d+$/),
    );
    const uptime = metricValues.find((m) => m.id === 'uptime')!.value!;
    expect(values.querySelector('[data-metric="uptime"]')).toHaveAttribute('title', `raw value: ${uptime}`);
    expect(values.querySelector('[data-metric="uptime"]')?.textContent).toMatch(/ (ms|s|m)/);
    expect(values.querySelector('[data-metric="lastCheckpointSize"]')?.textContent).toMatch(/B$/);

    // Tick another metric: its value is fetched.
    const picker = screen.getByTestId('metric-picker');
    fireEvent.click(within(picker).getByRole('checkbox', { name: 'numRescales' }));
    await waitFor(() => expect(values.querySelector('[data-metric="numRescales"]')).toHaveTextContent('7'));
    expect(
      sent.some((r) => r.path.endsWith('/metrics') && (r.search.get('get') ?? '').includes('numRescales')),
    ).toBe(true);
    fireEvent.click(within(values).getByRole('button', { name: 'Remove numRescales' }));
    expect(values.querySelector('[data-metric="numRescales"]')).toBeNull();
  });

  it('explains that the default scheduler has no resource requirements', async () => {
    cluster();
    renderApp(`/clusters/demo/jobs/${job.jid}/configuration`);
    expect(await screen.findByTestId('requirements-unsupported')).toHaveTextContent('adaptive scheduler');
  });

  it('shows the adaptive scheduler’s bounds with vertex names', async () => {
    const adaptive = fixture<JobDetails>('adaptive--jobs__jobid.json');
    const req = fixture<Record<string, { parallelism: { lowerBound: number; upperBound: number } }>>(
      'adaptive--jobs__jobid__resource-requirements.json',
    );
    fakeFlink({
      [`/jobs/${adaptive.jid}`]: adaptive,
      [`/jobs/${adaptive.jid}/config`]: { ...config, jid: adaptive.jid },
      [`/jobs/${adaptive.jid}/accumulators`]: accumulators,
      [`/jobs/${adaptive.jid}/metrics`]: [],
      [`/jobs/${adaptive.jid}/resource-requirements`]: req,
    });
    renderApp(`/clusters/demo/jobs/${adaptive.jid}/configuration`);
    const section = await screen.findByTestId('resource-requirements');
    const first = adaptive.vertices.find((v) => v.id in req)!;
    await waitFor(() => expect(section).toHaveTextContent(first.name));
    const row = within(section).getByText(first.name).closest('tr')!;
    const cells = within(row)
      .getAllByRole('gridcell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      first.name,
      String(first.parallelism),
      String(req[first.id]!.parallelism.lowerBound),
      String(req[first.id]!.parallelism.upperBound),
    ]);
  });
});
