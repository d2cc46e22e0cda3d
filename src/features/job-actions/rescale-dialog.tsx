import { useId, useMemo, useState, type FormEvent } from 'react';
import { useResourceRequirements } from '@/api/flink/queries';
import type { ResourceRequirements } from '@/api/flink/schemas';
import { Modal } from '@/components/dialog';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import type { OperationParams } from './utils/operation-machine';
import {
  initialDrafts,
  isSchedulerUnsupported,
  planRescale,
  type Drafts,
  type RescaleVertex,
} from './utils/rescale';

const BUTTON = 'rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50';
const NUM =
  'w-16 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-right text-sm tabular-nums dark:border-slate-700 dark:bg-slate-950';

/**
 * Per-vertex parallelism for the adaptive scheduler (PUT /jobs/:jobid/resource-requirements).
 * Whether the job can be rescaled at all is what Flink answers to GET resource-requirements: the
 * default scheduler refuses it, and then the dialog says why instead of offering a form.
 */
export function RescaleDialog({
  open,
  onClose,
  clusterId,
  jobId,
  jobName,
  vertices,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  clusterId: string;
  jobId: string;
  jobName: string;
  vertices: readonly RescaleVertex[];
  onSubmit: (p: OperationParams) => void;
}) {
  const req = useResourceRequirements(clusterId, jobId);
  const formId = useId();
  const unsupported = !req.data && isSchedulerUnsupported(req.error);
  return (
    <Modal
      open={open}
      onClose={onClose}
      size="lg"
      testId="rescale-dialog"
      title={
        <>
          Rescale <span className="break-words font-mono">{jobName}</span>
        </>
      }
      footer={
        <>
          <button
            type="button"
            onClick={onClose}
            className={`${BUTTON} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}
          >
            Close
          </button>
          {req.data ? (
            <button
              type="submit"
              form={formId}
              className={`${BUTTON} bg-sky-600 text-white hover:bg-sky-700`}
              data-testid="rescale-dialog-submit"
            >
              Rescale job
            </button>
          ) : null}
        </>
      }
    >
      {req.isPending ? (
        <PageSkeleton rows={3} />
      ) : unsupported ? (
        <div className="space-y-2" data-testid="rescale-unavailable">
          <p className="font-medium">Rescaling is not available for this job.</p>
          <p className="text-slate-600 dark:text-slate-300">
            It runs with Flink’s default scheduler, which can change parallelism only by stopping the job with
            a savepoint and submitting it again with a new parallelism. In-place rescaling needs the adaptive
            scheduler (<code className="font-mono text-xs">jobmanager.scheduler: adaptive</code>).
          </p>
        </div>
      ) : !req.data ? (
        <QueryError error={req.error} onRetry={() => void req.refetch()} compact />
      ) : (
        <RescaleForm
          formId={formId}
          requirements={req.data}
          vertices={vertices}
          onSubmit={(p) => {
            onSubmit(p);
            onClose();
          }}
        />
      )}
    </Modal>
  );
}

function RescaleForm({
  formId,
  requirements,
  vertices,
  onSubmit,
}: {
  formId: string;
  requirements: ResourceRequirements;
  vertices: readonly RescaleVertex[];
  onSubmit: (p: OperationParams) => void;
}) {
  // The form starts from what Flink has when it opens; later polls do not overwrite the edits.
  const [base] = useState(requirements);
  const [drafts, setDrafts] = useState<Drafts>(() => initialDrafts(base));
  const [all, setAll] = useState('');
  const plan = useMemo(() => planRescale(vertices, base, drafts), [vertices, base, drafts]);
  const ids = Object.keys(base);
  const named = (id: string) => vertices.find((v) => v.id === id);

  const set = (id: string, patch: Partial<Drafts[string]>) =>
    setDrafts((d) => ({ ...d, [id]: { lower: d[id]?.lower ?? '1', upper: d[id]?.upper ?? '1', ...patch } }));
  const setEvery = () => {
    if (!/^\d+$/.test(all.trim())) return;
    setDrafts((d) =>
      Object.fromEntries(ids.map((id) => [id, { lower: d[id]?.lower ?? '1', upper: all.trim() }])),
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!plan.bounds || plan.changed.length === 0) return;
    onSubmit({ parallelism: plan.bounds, summary: plan.summary });
  };

  return (
    <form id={formId} onSubmit={submit} className="space-y-3">
      <p className="text-slate-600 dark:text-slate-300">
        The adaptive scheduler runs each vertex with as many subtasks as slots allow between the lower and the
        upper bound. A change restarts the job from its latest checkpoint.
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          <span>Set every upper bound to</span>
          <input
            value={all}
            onChange={(e) => setAll(e.target.value)}
            inputMode="numeric"
            className={NUM}
            aria-label="Upper bound for every vertex"
          />
        </label>
        <button
          type="button"
          onClick={setEvery}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Apply to all
        </button>
      </div>
      <table className="w-full text-sm" aria-label="Parallelism per vertex">
        <thead>
          <tr className="text-xs uppercase tracking-wide text-slate-500">
            <th className="py-1 text-left font-medium">Vertex</th>
            <th className="py-1 text-right font-medium">Now</th>
            <th className="py-1 text-right font-medium">Max</th>
            <th className="py-1 text-right font-medium">Lower</th>
            <th className="py-1 text-right font-medium">Upper</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const v = named(id);
            const d = drafts[id];
            const err = plan.errors[id];
            return (
              <tr
                key={id}
                className="border-t border-slate-100 align-top dark:border-slate-800"
                data-testid="rescale-vertex"
              >
                <td className="max-w-[18rem] py-1 pr-2">
                  <div className="truncate" title={v?.name ?? id}>
                    {v?.name ?? <code className="font-mono text-xs">{id}</code>}
                  </div>
                  {err ? (
                    <div role="alert" className="text-xs text-red-700 dark:text-red-400">
                      {err}
                    </div>
                  ) : null}
                </td>
                <td className="py-1 text-right tabular-nums">{v?.current ?? '—'}</td>
                <td className="py-1 text-right tabular-nums text-slate-500">{v?.maxParallelism ?? '—'}</td>
                <td className="py-1 pl-2 text-right">
                  <input
                    value={d?.lower ?? ''}
                    onChange={(e) => set(id, { lower: e.target.value })}
                    inputMode="numeric"
                    aria-label={`Lower bound of ${v?.name ?? id}`}
                    className={NUM}
                  />
                </td>
                <td className="py-1 pl-2 text-right">
                  <input
                    value={d?.upper ?? ''}
                    onChange={(e) => set(id, { upper: e.target.value })}
                    inputMode="numeric"
                    aria-label={`Upper bound of ${v?.name ?? id}`}
                    className={NUM}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-xs text-slate-500" aria-live="polite">
        {plan.bounds
          ? plan.changed.length
            ? `Changes: ${plan.summary}`
            : 'Nothing changed yet.'
          : 'Fix the marked bounds first.'}
      </p>
    </form>
  );
}
