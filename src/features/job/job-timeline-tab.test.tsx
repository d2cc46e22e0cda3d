import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetails, SubtaskTimes } from '@/api/flink/schemas';
import { fakeFlink, fakeLayout, fixture, renderApp } from './testing/fake-cluster';

const job = fixture<JobDetails>('jobs__jobid.json');
const times = fixture<SubtaskTimes>('jobs__jobid__vertices__vertexid__subtasktimes.json');
// The recorded subtask times belong to one vertex of the same recording; serve them for the first vertex.
const vertex = job.vertices[0]!;

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());
afterEach(() => vi.unstubAllGlobals());

describe('timeline tab', () => {
  it('draws a bar per vertex and, for the picked vertex, its subtasks’ states', async () => {
    const sent = fakeFlink({
      [`/jobs/${job.jid}`]: job,
      [`/jobs/${job.jid}/vertices/${vertex.id}/subtasktimes`]: { ...times, id: vertex.id, name: vertex.name },
    });
    const { location } = renderApp(`/clusters/demo/jobs/${job.jid}/timeline`);
    const chart = await screen.findByTestId('vertex-timeline');
    const rows = within(chart).getAllByTestId('gantt-row');
    expect(rows.map((r) => r.getAttribute('data-row-id'))).toEqual(job.vertices.map((v) => v.id));
    expect(within(chart).getAllByTestId('gantt-bar')).toHaveLength(job.vertices.length);
    expect(within(chart).getByTestId('gantt-axis').childElementCount).toBeGreaterThan(1);

    // Hover shows the exact times.
    const bar = within(rows[0]!).getByTestId('gantt-bar');
    expect(bar.getAttribute('aria-label')).toMatch(
      /RUNNING from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d until still going/,
    );
    fireEvent.mouseEnter(bar, { clientX: 10, clientY: 10 });
    expect(screen.getByTestId('gantt-tooltip')).toHaveTextContent(vertex.name);
    expect(screen.getByTestId('gantt-tooltip')).toHaveTextContent('still going');
    fireEvent.mouseLeave(bar);
    expect(screen.queryByTestId('gantt-tooltip')).not.toBeInTheDocument();

    // Picking a vertex puts it into the URL and shows its subtasks.
    fireEvent.click(within(rows[0]!).getByRole('button', { name: vertex.name }));
    await waitFor(() => expect(location().search).toMatchObject({ vertex: vertex.id }));
    expect(location().pathname).toBe(`/clusters/demo/jobs/${job.jid}/timeline`);
    const subtasks = await screen.findByTestId('subtask-timeline');
    const subRows = within(subtasks).getAllByTestId('gantt-row');
    expect(subRows).toHaveLength(times.subtasks.length);
    expect(
      within(subRows[0]!)
        .getAllByTestId('gantt-bar')
        .map((b) => b.getAttribute('data-state')),
    ).toEqual(['CREATED', 'SCHEDULED', 'DEPLOYING', 'INITIALIZING', 'RUNNING']);
    expect(sent.some((r) => r.path.endsWith(`/vertices/${vertex.id}/subtasktimes`))).toBe(true);
  });

  it('opens with the vertex from the URL and closes it again', async () => {
    fakeFlink({
      [`/jobs/${job.jid}`]: job,
      [`/jobs/${job.jid}/vertices/${vertex.id}/subtasktimes`]: { ...times, id: vertex.id, name: vertex.name },
    });
    const { location } = renderApp(`/clusters/demo/jobs/${job.jid}/timeline?vertex=${vertex.id}`);
    expect(await screen.findByTestId('subtask-timeline')).toBeInTheDocument();
    const selected = within(screen.getByTestId('vertex-timeline'))
      .getAllByTestId('gantt-row')
      .find((r) => r.dataset.selected);
    expect(selected?.getAttribute('data-row-id')).toBe(vertex.id);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('subtask-timeline')).not.toBeInTheDocument());
    expect(location().search).not.toHaveProperty('vertex');
    expect(location().pathname).toBe(`/clusters/demo/jobs/${job.jid}/timeline`);
  });

  it('a finished job’s bars end at their end times', async () => {
    const failed = fixture<JobDetails>('jobs__jobid--failed.json');
    fakeFlink({ [`/jobs/${failed.jid}`]: failed });
    renderApp(`/clusters/demo/jobs/${failed.jid}/timeline`);
    const chart = await screen.findByTestId('vertex-timeline');
    const states = within(chart)
      .getAllByTestId('gantt-bar')
      .map((b) => b.getAttribute('data-state'));
    expect(states.sort()).toEqual(['CANCELED', 'FAILED']);
    for (const b of within(chart).getAllByTestId('gantt-bar'))
      expect(b.getAttribute('aria-label')).not.toContain('still going');
  });
});
