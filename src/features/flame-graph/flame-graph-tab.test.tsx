import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FlameGraph, JobDetails } from '@/api/flink/schemas';
import { fakeFlink, fakeLayout, fixture, renderApp, type Sent } from './testing/fake-cluster';

// The recorded real BackpressureJob; "Slow enrichment" sleeps in every record (off-CPU).
const job = fixture<JobDetails>('jobs__jobid--backpressure.json');
const [source, slow, sink] = job.vertices.map((v) => v.id) as [string, string, string];
const V = (id: string) => `/jobs/${job.jid}/vertices/${id}`;
const offCpu = fixture<FlameGraph>('jobs__jobid__vertices__vertexid__flamegraph--off_cpu.json');
const full = fixture<FlameGraph>('jobs__jobid__vertices__vertexid__flamegraph.json');
const SLEEP = 'java.lang.Thread.sleep:-2';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
  // jsdom has no SVG transform lists; d3's zoom transition reads them (null = no transform yet)
  if (!('transform' in SVGElement.prototype)) {
    Object.defineProperty(SVGElement.prototype, 'transform', {
      configurable: true,
      get: () => ({ baseVal: { consolidate: () => null } }),
    });
  }
});
afterAll(() => {
  restoreLayout();
  delete (SVGElement.prototype as { transform?: unknown }).transform;
});
afterEach(() => vi.unstubAllGlobals());

/** Flink's flame graph handler: the first request per vertex and type answers -3 (sampling started). */
function flameHandler(answers: Record<string, FlameGraph>) {
  const asked = new Set<string>();
  return (req: Sent) => {
    const type = req.search.get('type') ?? 'FULL';
    const key = `${type}/${req.search.get('subtaskindex') ?? ''}`;
    if (!asked.has(key)) {
      asked.add(key);
      return fixture('jobs__jobid__vertices__vertexid__flamegraph--first-answer.json');
    }
    return answers[type] ?? full;
  };
}

function cluster(overrides: Record<string, unknown> = {}) {
  return fakeFlink({
    [`/jobs/${job.jid}`]: job,
    [`${V(source)}/subtasks/metrics`]: fixture(
      'jobs__jobid__vertices__vertexid__subtasks__metrics--get-agg-max.json',
    ),
    [`${V(slow)}/subtasks/metrics`]: [
      { id: 'backPressuredTimeMsPerSecond', min: 0, max: 0, avg: 0 },
      { id: 'busyTimeMsPerSecond', min: 958, max: 993, avg: 975 },
    ],
    [`${V(sink)}/subtasks/metrics`]: [{ id: 'busyTimeMsPerSecond', min: 10, max: 20, avg: 15 }],
    [`${V(slow)}/flamegraph`]: flameHandler({ OFF_CPU: offCpu, FULL: full }),
    ...overrides,
  });
}

const frame = (name: string) =>
  document.querySelector<SVGGElement>(`[data-testid="flame-chart"] g[name="${CSS.escape(name)}"]`);

describe('flame graph tab', () => {
  it('opens the likely bottleneck, waits while Flink samples, then draws off-CPU frames in blue', async () => {
    const sent = cluster();
    const { location } = renderApp(`/clusters/demo/jobs/${job.jid}/flamegraph?panel=off_cpu`);
    // no vertex in the URL: the busiest vertex that is not back-pressured is chosen and kept in the URL
    await waitFor(() => expect(location().search).toMatchObject({ vertex: slow, panel: 'off_cpu' }));
    expect(await screen.findByTestId('flame-sampling')).toHaveTextContent('Sampling…');
    await waitFor(() => expect(frame(SLEEP)).not.toBeNull());
    expect(frame(SLEEP)!.querySelector('rect')!.getAttribute('fill')).toMatch(/^hsl\(2[0-2]\d /);
    expect(screen.getByTestId('flame-sampled-at')).toHaveTextContent('2026-11-22');
    const flameRequests = sent.filter((s) => s.path.endsWith('/flamegraph'));
    expect(flameRequests.every((s) => s.search.get('type') === 'OFF_CPU')).toBe(true);
    expect(screen.getByRole('radio', { name: 'Off-CPU' })).toHaveAttribute('aria-checked', 'true');
  });

  it('searches frames with a match count and highlight, zooms on click and resets', async () => {
    cluster();
    renderApp(`/clusters/demo/jobs/${job.jid}/flamegraph?vertex=${slow}`);
    await waitFor(() => expect(frame(SLEEP)).not.toBeNull(), { timeout: 20_000 });
    fireEvent.change(screen.getByTestId('flame-search'), { target: { value: 'sleep' } });
    await waitFor(() =>
      expect(screen.getByTestId('flame-match-count')).toHaveTextContent(
        '1 frame matches · 98.5 % of samples',
      ),
    );
    await waitFor(() => expect(frame(SLEEP)!.querySelector('rect')!.getAttribute('fill')).toBe('#E600E6'));
    // a regular expression is text here: no match, no exception
    fireEvent.change(screen.getByTestId('flame-search'), { target: { value: '(' } });
    await waitFor(() =>
      expect(screen.getByTestId('flame-match-count')).toHaveTextContent('No frame matches'),
    );

    expect(screen.getByTestId('flame-reset-zoom')).toBeDisabled();
    fireEvent.click(frame('streamdash.jobs.BackpressureJob$SlowEnrichment.map:53')!);
    expect(await screen.findByTestId('flame-zoomed')).toHaveTextContent('SlowEnrichment.map:53');
    fireEvent.click(screen.getByTestId('flame-reset-zoom'));
    await waitFor(() => expect(screen.queryByTestId('flame-zoomed')).toBeNull());
  });

  it('shows samples and share in a text-only tooltip, even for hostile frame names', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const data = structuredClone(full);
    data.data!.children!.push({ name: hostile, value: 50 });
    data.data!.value += 50;
    cluster({ [`${V(slow)}/flamegraph`]: flameHandler({ FULL: data }) });
    renderApp(`/clusters/demo/jobs/${job.jid}/flamegraph?vertex=${slow}`);
    await waitFor(() => expect(frame(hostile)).not.toBeNull(), { timeout: 20_000 });
    fireEvent.mouseOver(frame(hostile)!);
    const tip = await screen.findByTestId('flame-tooltip');
    expect(tip).toHaveTextContent(hostile);
    expect(tip).toHaveTextContent('50 samples · 20.0 % of total');
    await new Promise((r) => setTimeout(r, 400)); // labels are written after the zoom transition
    expect(document.querySelector('[data-testid="flamegraph-tab"] img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('exports the raw tree as JSON and the drawing as SVG', async () => {
    cluster();
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp(`/clusters/demo/jobs/${job.jid}/flamegraph?vertex=${slow}&panel=off_cpu`);
    await waitFor(() => expect(frame(SLEEP)).not.toBeNull(), { timeout: 20_000 });
    fireEvent.click(screen.getByTestId('flame-export-json'));
    expect(JSON.parse(await blobs[0]!.text())).toEqual(offCpu);
    fireEvent.click(screen.getByTestId('flame-export-svg'));
    const svg = await blobs[1]!.text();
    expect(blobs[1]!.type).toBe('image/svg+xml');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain(`name="${SLEEP}"`);
    const anchor = click.mock.contexts[1] as HTMLAnchorElement;
    expect(anchor.download).toBe(`flamegraph_Slow-enrichment_off_cpu_${offCpu.endTimestamp}.svg`);
    click.mockRestore();
  });

  it('says how to enable flame graphs when the cluster has them disabled', async () => {
    cluster({ [`${V(slow)}/flamegraph`]: { endTimestamp: -2 } });
    renderApp(`/clusters/demo/jobs/${job.jid}/flamegraph?vertex=${slow}`);
    const box = await screen.findByTestId('flame-disabled');
    expect(box).toHaveTextContent('Flame graphs are disabled on this cluster');
    expect(within(box).getByText('rest.flamegraph.enabled: true')).toBeInTheDocument();
    expect(screen.queryByTestId('flame-chart')).toBeNull();
  });

  it('says the job finished instead of drawing an empty box', async () => {
    cluster({
      [`${V(slow)}/flamegraph`]: fixture('jobs__jobid__vertices__vertexid__flamegraph--finished-job.json'),
    });
    renderApp(`/clusters/demo/jobs/${job.jid}/flamegraph?vertex=${slow}`);
    expect(await screen.findByTestId('flame-finished')).toHaveTextContent('the job is not running');
  });

  it('asks for one subtask when one is picked', async () => {
    const sent = cluster();
    const { location } = renderApp(`/clusters/demo/jobs/${job.jid}/flamegraph?vertex=${slow}`);
    fireEvent.change(await screen.findByTestId('flame-subtask'), { target: { value: '1' } });
    await waitFor(() => expect(location().search).toMatchObject({ vertex: slow, subtask: 1 }));
    await waitFor(() =>
      expect(sent.some((s) => s.path.endsWith('/flamegraph') && s.search.get('subtaskindex') === '1')).toBe(
        true,
      ),
    );
  });
});
