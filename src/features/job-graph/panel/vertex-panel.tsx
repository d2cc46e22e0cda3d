import type { JobDetails } from '@/api/flink/schemas';
import { StateBadge } from '@/components/state-badge';
import { Tabs } from '@/components/tabs';
import { ToneDot } from '../cells';
import type { VertexRow } from '../utils/graph-model';
import { AccumulatorsTab } from './accumulators-tab';
import { DetailTab } from './detail-tab';
import { MetricsTab } from './metrics-tab';
import { SubtasksTab } from './subtasks-tab';
import { TaskManagersTab } from './taskmanagers-tab';
import { WatermarksTab } from './watermarks-tab';

export const PANELS = [
  { value: 'detail', label: 'Detail' },
  { value: 'subtasks', label: 'Subtasks' },
  { value: 'taskmanagers', label: 'TaskManagers' },
  { value: 'watermarks', label: 'Watermarks' },
  { value: 'accumulators', label: 'Accumulators' },
  { value: 'metrics', label: 'Metrics' },
] as const;
export type PanelId = (typeof PANELS)[number]['value'];

/** The `panel` search param, or Detail for a missing or unknown one. */
export function panelFromSearch(panel: string | undefined): PanelId {
  return PANELS.find((p) => p.value === panel)?.value ?? 'detail';
}

// The shared Tabs put the panel below the tab list; inside this fixed-height aside the tab list
// stays put and only the panel scrolls.
const TABS_LAYOUT =
  'flex min-h-0 flex-1 flex-col [&>[role=tablist]]:shrink-0 [&>[role=tabpanel]]:min-h-0 [&>[role=tabpanel]]:flex-1 [&>[role=tabpanel]]:overflow-auto [&>[role=tabpanel]]:p-3';

/** The selected vertex beside the graph: a header and one tab per aspect (`panel` in the URL). */
export function VertexPanel({
  clusterId,
  job,
  vertexId,
  row,
  panel,
  subtask,
  onPanel,
  onSubtask,
  onSelectVertex,
  onClose,
}: {
  clusterId: string;
  job: JobDetails;
  vertexId: string;
  row: VertexRow | undefined;
  panel: string | undefined;
  subtask: number | undefined;
  onPanel: (panel: PanelId) => void;
  onSubtask: (index: number | undefined) => void;
  onSelectVertex: (id: string) => void;
  onClose: () => void;
}) {
  const active = panelFromSearch(panel);
  const jobId = job.jid;
  return (
    <aside
      aria-label="Vertex"
      data-testid="vertex-panel"
      data-vertex-id={vertexId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) onClose();
      }}
      className="sticky top-4 flex max-h-[calc(100vh-2rem)] w-1/2 min-w-[600px] max-w-[900px] shrink-0 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-start gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        {row ? (
          <span className="mt-1.5">
            <ToneDot tone={row.tone} />
          </span>
        ) : null}
        <div className="min-w-0 flex-1">
          <h2
            className="truncate text-base font-semibold"
            title={row?.name ?? vertexId}
            data-testid="vertex-panel-title"
          >
            {row?.name ?? vertexId}
          </h2>
          <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            {row?.status ? <StateBadge state={row.status} /> : null}
            {row ? <span>parallelism {row.parallelism}</span> : null}
            {row && row.operators.length > 1 ? <span>{row.operators.length} chained operators</span> : null}
          </div>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close vertex panel"
          title="Close (Esc)"
          className="rounded px-2 py-0.5 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          ✕
        </button>
      </header>
      {!row ? (
        <p
          role="alert"
          className="m-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
        >
          This job has no vertex with id <span className="font-mono">{vertexId}</span>. It may come from an
          older link.
        </p>
      ) : (
        <Tabs label="Vertex views" tabs={PANELS} value={active} onChange={onPanel} className={TABS_LAYOUT}>
          <div data-testid={`panel-${active}`}>
            {active === 'detail' ? (
              <DetailTab
                clusterId={clusterId}
                jobId={jobId}
                vertexId={vertexId}
                row={row}
                onSelectVertex={onSelectVertex}
              />
            ) : active === 'subtasks' ? (
              <SubtasksTab
                clusterId={clusterId}
                jobId={jobId}
                vertexId={vertexId}
                subtask={subtask}
                onSubtask={onSubtask}
              />
            ) : active === 'taskmanagers' ? (
              <TaskManagersTab clusterId={clusterId} jobId={jobId} vertexId={vertexId} />
            ) : active === 'watermarks' ? (
              <WatermarksTab
                clusterId={clusterId}
                jobId={jobId}
                vertexId={vertexId}
                parallelism={row.parallelism}
                isSource={row.inputs.length === 0}
              />
            ) : active === 'accumulators' ? (
              <AccumulatorsTab clusterId={clusterId} jobId={jobId} vertexId={vertexId} />
            ) : (
              <MetricsTab key={vertexId} clusterId={clusterId} jobId={jobId} vertexId={vertexId} />
            )}
          </div>
        </Tabs>
      )}
    </aside>
  );
}
