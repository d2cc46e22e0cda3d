import { jobFlameGraphRoute, jobRoute, Link } from '@/app/router';
import { focusVertex, hintParts, type Diagnosis } from './utils/bottleneck';
import { findingParts, type Finding } from './utils/findings';

/** Left edge colour per kind (inline: no extra CSS on the first page). */
const EDGE: Record<Diagnosis['kind'], string> = {
  unknown: '#94a3b8',
  healthy: '#10b981',
  saturated: '#f97316',
  bottleneck: '#ef4444',
  unclear: '#8b5cf6',
};

const TITLE: Record<Diagnosis['kind'], string> = {
  unknown: 'Why is this job slow?',
  healthy: 'No bottleneck',
  saturated: 'Close to capacity',
  bottleneck: 'Likely bottleneck',
  unclear: 'Back-pressure without a busy vertex',
};

const linkClass = 'font-semibold text-sky-700 underline dark:text-sky-300';
const actionClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * The answer to "why is this job slow?" in one sentence, with the vertex names linking to the
 * job graph (`?vertex=`) and buttons to the bottleneck's subtasks and flame graph.
 */
export function HintCard({
  diagnosis,
  clusterId,
  jobId,
  onShowSubtasks,
  note,
  findings = [],
}: {
  diagnosis: Diagnosis;
  clusterId: string;
  jobId: string;
  onShowSubtasks: (vertexId: string) => void;
  note?: string | undefined;
  findings?: readonly Finding[];
}) {
  const focus = focusVertex(diagnosis);
  return (
    <section
      aria-label="Why is this job slow?"
      data-testid="bottleneck-hint"
      data-kind={diagnosis.kind}
      data-vertex={focus?.id}
      className="rounded-lg border border-l-4 border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      style={{ borderLeftColor: EDGE[diagnosis.kind] }}
    >
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        {TITLE[diagnosis.kind]}
      </h2>
      <p className="mt-1 text-sm" data-testid="bottleneck-text">
        {hintParts(diagnosis).map((p, i) =>
          'vertex' in p ? (
            <Link
              key={i}
              to={jobRoute}
              params={{ clusterId, jobId }}
              search={{ vertex: p.vertex }}
              className={linkClass}
              title="Open this vertex in the job graph"
            >
              {p.text}
            </Link>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
      {note ? <p className="mt-1 text-xs text-slate-500">{note}</p> : null}
      {findings.length > 0 ? (
        <div className="mt-2 border-t border-slate-100 pt-2 dark:border-slate-800">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Also worth a look</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm" data-testid="findings">
            {findings.map((f, i) => (
              <li key={i} data-kind={f.kind}>
                {findingParts(f).map((p, j) =>
                  'vertex' in p ? (
                    <button
                      key={j}
                      type="button"
                      className="font-semibold text-sky-700 hover:underline dark:text-sky-300"
                      onClick={() => onShowSubtasks(p.vertex)}
                      title="Show its subtasks"
                    >
                      {p.text}
                    </button>
                  ) : (
                    <span key={j}>{p.text}</span>
                  ),
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {focus ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            className={actionClass}
            onClick={() => onShowSubtasks(focus.id)}
            data-testid="hint-subtasks"
          >
            Subtasks of this vertex
          </button>
          <Link
            to={jobFlameGraphRoute}
            params={{ clusterId, jobId }}
            search={{ vertex: focus.id }}
            className={actionClass}
            data-testid="hint-flamegraph"
          >
            Flame graph: where it spends its time
          </Link>
          <Link
            to={jobRoute}
            params={{ clusterId, jobId }}
            search={{ vertex: focus.id }}
            className={actionClass}
            data-testid="hint-vertex"
          >
            Open in the job graph
          </Link>
        </div>
      ) : null}
    </section>
  );
}
