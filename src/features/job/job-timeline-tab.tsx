import { useMemo, useState } from 'react';
import { jobRoute, jobTimelineRoute, useNavigateSearch, useRouteParams, useRouteSearch } from '@/app/router';
import { useJobDetails, useSubtaskTimes } from '@/api/flink/queries';
import type { JobDetails, SubtaskTimes } from '@/api/flink/schemas';
import { QueryState } from '@/components/query-state';
import { formatDuration } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { Gantt, GanttLegend } from './gantt';
import { JobRunsSection } from './job-runs-section';
import { JobRescales } from './job-rescales';
import { startupRange, subtaskTimeline, vertexTimeline } from './utils/timeline';

/**
 * When each vertex ran (`/jobs/:jobid`), and for the selected vertex (`?vertex=`, shared with the
 * graph tab) when each subtask went through CREATED → SCHEDULED → DEPLOYING → INITIALIZING →
 * RUNNING → … (`/subtasktimes`): slow deployments and late starters stand out.
 */
export default function JobTimelineTab() {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const { vertex } = useRouteSearch(jobRoute);
  const navigate = useNavigateSearch(jobTimelineRoute);
  const details = useJobDetails(clusterId, jobId);
  const select = (id: string | undefined) =>
    navigate((prev) => ({ ...prev, vertex: id, subtask: undefined }));

  return (
    <div className="space-y-6" data-testid="timeline">
      <JobRunsSection clusterId={clusterId} jobId={jobId} />
      <QueryState query={details} skeletonRows={5}>
        {(job) => (
          <VertexTimeline
            job={job}
            selected={vertex}
            onSelect={(id) => select(id === vertex ? undefined : id)}
          />
        )}
      </QueryState>
      {vertex ? (
        <SubtaskTimeline
          clusterId={clusterId}
          jobId={jobId}
          vertexId={vertex}
          vertexName={details.data?.vertices.find((v) => v.id === vertex)?.name}
          onClose={() => select(undefined)}
        />
      ) : (
        <p className="text-sm text-slate-500">Pick a vertex to see the timeline of its subtasks.</p>
      )}
      <JobRescales clusterId={clusterId} jobId={jobId} />
    </div>
  );
}

function VertexTimeline({
  job,
  selected,
  onSelect,
}: {
  job: JobDetails;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const zone = useTimeZone();
  const timeline = useMemo(() => vertexTimeline(job), [job]);
  return (
    <section aria-labelledby="vertex-timeline-title">
      <div className="mb-2 flex flex-wrap items-baseline gap-3">
        <h2
          id="vertex-timeline-title"
          className="text-sm font-semibold uppercase tracking-wide text-slate-500"
        >
          Vertices
        </h2>
        <span className="text-xs text-slate-500">
          {timeline.rows.length > 0 ? `spanning ${formatDuration(timeline.end - timeline.start)}` : null}
        </span>
        <div className="ml-auto">
          <GanttLegend timeline={timeline} />
        </div>
      </div>
      {timeline.rows.length > 0 ? (
        <Gantt
          label="Vertex"
          testId="vertex-timeline"
          timeline={timeline}
          zone={zone}
          rowHeight={36}
          selectedId={selected}
          onRowClick={(r) => onSelect(r.id)}
        />
      ) : (
        <p className="text-sm text-slate-500">No vertex has started yet.</p>
      )}
      {timeline.waiting.length > 0 ? (
        <p className="mt-2 text-xs text-slate-500">
          Not started yet: {timeline.waiting.map((w) => w.label).join(', ')}
        </p>
      ) : null}
    </section>
  );
}

function SubtaskTimeline({
  clusterId,
  jobId,
  vertexId,
  vertexName,
  onClose,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
  vertexName: string | undefined;
  onClose: () => void;
}) {
  const times = useSubtaskTimes(clusterId, jobId, vertexId);
  return (
    <section aria-labelledby="subtask-timeline-title" data-testid="subtask-timeline-section">
      <div className="mb-2 flex flex-wrap items-baseline gap-3">
        <h2
          id="subtask-timeline-title"
          className="min-w-0 truncate text-sm font-semibold text-slate-700 dark:text-slate-300"
        >
          <span className="uppercase tracking-wide text-slate-500">Subtasks of </span>
          {times.data?.name ?? vertexName ?? vertexId}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-1.5 text-xs text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          Close
        </button>
      </div>
      <QueryState
        query={times}
        skeletonRows={4}
        isEmpty={(d) => d.subtasks.length === 0}
        empty={<p className="text-sm text-slate-500">This vertex has no subtasks.</p>}
      >
        {(data) => <SubtaskChart data={data} />}
      </QueryState>
    </section>
  );
}

function SubtaskChart({ data }: { data: SubtaskTimes }) {
  const zone = useTimeZone();
  const timeline = useMemo(() => subtaskTimeline(data), [data]);
  const startup = useMemo(() => startupRange(timeline), [timeline]);
  const [whole, setWhole] = useState(false);
  const range = whole ? undefined : startup;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <GanttLegend timeline={timeline} />
        {startup ? (
          <div
            className="ml-auto inline-flex overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-700"
            role="group"
            aria-label="Time range"
          >
            {[
              { label: `Start-up (${formatDuration(startup.end - startup.start)})`, on: !whole, set: false },
              { label: `Whole run (${formatDuration(timeline.end - timeline.start)})`, on: whole, set: true },
            ].map((b) => (
              <button
                key={String(b.set)}
                type="button"
                aria-pressed={b.on}
                onClick={() => setWhole(b.set)}
                className={`px-2 py-0.5 ${b.on ? 'bg-slate-200 font-medium dark:bg-slate-700' : 'bg-white hover:bg-slate-100 dark:bg-slate-900 dark:hover:bg-slate-800'}`}
              >
                {b.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <Gantt
        label="Subtask"
        testId="subtask-timeline"
        timeline={timeline}
        range={range}
        zone={zone}
        rowHeight={24}
        labelWidth={220}
        maxHeight={520}
      />
    </div>
  );
}
