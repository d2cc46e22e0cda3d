import { lazy, Suspense, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { hrefTo, jobRoute, useNavigate } from '@/app/router';
import type { RestoreMode } from '@/api/flink/client';
import { usePlanJar, useRunJar } from '@/api/flink/mutations-cluster';
import type { JarList } from '@/api/flink/schemas';
import { QueryError } from '@/components/query-state';
import { planToGraph } from './utils/plan-graph';
import {
  CLAIM_MODES,
  checkForm,
  compactBody,
  emptyForm,
  forgetForm,
  loadForm,
  parseArgs,
  saveForm,
  splitCommandLine,
  toPlanRequest,
  toRunRequest,
  type RunForm,
} from './utils/run-form';

const DagGraph = lazy(() => import('@/components/graph/dag-graph'));

type Jar = JarList['files'][number];

const session = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};

const INPUT =
  'mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-500 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-950';
const LABEL = 'block text-xs font-medium text-slate-600 dark:text-slate-300';
const SECONDARY =
  'rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

const CLAIM_HELP: Record<RestoreMode, string> = {
  NO_CLAIM: 'the job takes a full checkpoint first and never deletes the snapshot (safe default)',
  CLAIM: 'the job owns the snapshot and may delete it once newer checkpoints exist',
  LEGACY: 'the pre-1.15 behaviour: shares files with the snapshot without owning it (deprecated)',
};

/**
 * Run one jar: entry class, program arguments (one per line), parallelism and savepoint
 * restore settings. "Show plan" asks the job manager for the job graph and draws it before
 * anything runs; "Submit" runs the jar and opens the new job. What the user types is kept in
 * sessionStorage per jar, and stays in place when the cluster refuses it.
 */
export function RunPanel({
  clusterId,
  jar,
  flinkVersion,
}: {
  clusterId: string;
  jar: Jar;
  flinkVersion: string | undefined;
}) {
  const navigate = useNavigate();
  const [form, setForm] = useState<RunForm>(
    () => loadForm(session(), clusterId, jar.id) ?? emptyForm(jar.entry[0]?.name),
  );
  useEffect(() => saveForm(session(), clusterId, jar.id, form), [clusterId, jar.id, form]);
  const plan = usePlanJar(clusterId);
  const run = useRunJar(clusterId);
  const problems = checkForm(form);
  const problem = (field: keyof RunForm) => problems.find((p) => p.field === field)?.message;
  const planRequest = useMemo(() => JSON.stringify(compactBody(toPlanRequest(form))), [form]);
  const [plannedWith, setPlannedWith] = useState<string | null>(null);
  const ids = useId();
  const set = <K extends keyof RunForm>(key: K, value: RunForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const args = parseArgs(form.args);

  const showPlan = () => {
    if (problems.length) return;
    setPlannedWith(planRequest);
    plan.mutate({ jarId: jar.id, ...toPlanRequest(form) });
  };
  const submit = () => {
    if (problems.length || run.isPending) return;
    run.mutate(
      { jarId: jar.id, ...toRunRequest(form, flinkVersion) },
      {
        onSuccess: (res) => navigate(hrefTo(jobRoute, { clusterId, jobId: res.jobid })),
      },
    );
  };

  return (
    <section
      aria-label={`Run ${jar.name}`}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid="run-form"
    >
      <h2 className="text-sm font-semibold">
        Run <span className="font-mono">{jar.name}</span>
      </h2>
      <form
        className="mt-3 grid gap-4 lg:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="space-y-3">
          <Field
            label="Entry class"
            htmlFor={`${ids}-entry`}
            error={problem('entryClass')}
            hint={
              jar.entry.length
                ? `From the manifest: ${jar.entry.map((e) => e.name).join(', ')}`
                : 'Empty: the jar’s Main-Class.'
            }
          >
            <input
              id={`${ids}-entry`}
              list={`${ids}-entries`}
              value={form.entryClass}
              onChange={(e) => set('entryClass', e.target.value)}
              placeholder="com.example.MyJob"
              spellCheck={false}
              aria-invalid={problem('entryClass') !== undefined}
              className={`${INPUT} w-full font-mono`}
              data-testid="entry-class"
            />
            <datalist id={`${ids}-entries`}>
              {jar.entry.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.description ?? undefined}
                </option>
              ))}
            </datalist>
          </Field>
          <Field
            label="Program arguments, one per line"
            htmlFor={`${ids}-args`}
            hint={`${args.length} ${args.length === 1 ? 'argument' : 'arguments'}; each line is passed as one argument, spaces included.`}
          >
            <textarea
              id={`${ids}-args`}
              value={form.args}
              onChange={(e) => set('args', e.target.value)}
              rows={5}
              spellCheck={false}
              placeholder={'--input\ns3://bucket/in\n--name\nmy job'}
              className={`${INPUT} w-full font-mono`}
              data-testid="program-args"
            />
            <button
              type="button"
              className="mt-1 text-xs text-sky-700 hover:underline disabled:opacity-50 dark:text-sky-400"
              disabled={!form.args.trim()}
              title="Turns a pasted command line into one argument per line; quotes group words"
              onClick={() => set('args', form.args.split(/\r?\n/).flatMap(splitCommandLine).join('\n'))}
            >
              Split a pasted command line into arguments
            </button>
          </Field>
          <Field
            label="Parallelism"
            htmlFor={`${ids}-parallelism`}
            error={problem('parallelism')}
            hint="Empty: the job’s own setting, else parallelism.default."
          >
            <input
              id={`${ids}-parallelism`}
              inputMode="numeric"
              value={form.parallelism}
              onChange={(e) => set('parallelism', e.target.value)}
              placeholder="default"
              aria-invalid={problem('parallelism') !== undefined}
              className={`${INPUT} w-32`}
              data-testid="parallelism"
            />
          </Field>
        </div>
        <div className="space-y-3">
          <Field
            label="Savepoint or checkpoint path"
            htmlFor={`${ids}-savepoint`}
            error={problem('savepointPath')}
            hint="Empty: start without state."
          >
            <input
              id={`${ids}-savepoint`}
              value={form.savepointPath}
              onChange={(e) => set('savepointPath', e.target.value)}
              placeholder="s3://bucket/savepoints/savepoint-1a2b3c-…"
              spellCheck={false}
              aria-invalid={problem('savepointPath') !== undefined}
              className={`${INPUT} w-full font-mono`}
              data-testid="savepoint-path"
            />
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              checked={form.allowNonRestoredState}
              onChange={(e) => set('allowNonRestoredState', e.target.checked)}
              className="mt-0.5 h-4 w-4 accent-sky-600"
              data-testid="allow-non-restored"
            />
            <span>
              Allow non-restored state
              <span className="block text-xs text-slate-500">
                Skip state of operators that no longer exist in the job.
              </span>
            </span>
          </label>
          <Field
            label={/^1\./.test(flinkVersion ?? '') ? 'Restore mode' : 'Claim mode'}
            htmlFor={`${ids}-claim`}
            hint={form.claimMode ? CLAIM_HELP[form.claimMode] : 'Default: NO_CLAIM.'}
          >
            <select
              id={`${ids}-claim`}
              value={form.claimMode}
              onChange={(e) => set('claimMode', e.target.value as RunForm['claimMode'])}
              className={`${INPUT} w-48`}
              data-testid="claim-mode"
            >
              <option value="">Cluster default</option>
              {CLAIM_MODES.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-2 lg:col-span-2">
          <button
            type="submit"
            disabled={problems.length > 0 || run.isPending}
            className="rounded bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:cursor-not-allowed disabled:opacity-50"
            data-testid="submit-job"
          >
            {run.isPending ? 'Submitting…' : 'Submit job'}
          </button>
          <button
            type="button"
            className={SECONDARY}
            disabled={problems.length > 0 || plan.isPending}
            onClick={showPlan}
            data-testid="show-plan"
          >
            {plan.isPending ? 'Planning…' : 'Show plan'}
          </button>
          <button
            type="button"
            className="ml-auto text-xs text-slate-500 hover:underline"
            onClick={() => {
              forgetForm(session(), clusterId, jar.id);
              setForm(emptyForm(jar.entry[0]?.name));
            }}
          >
            Reset form
          </button>
        </div>
      </form>
      {run.isError ? (
        <div className="mt-3" data-testid="run-error">
          <QueryError error={run.error} />
          <p className="mt-1 text-xs text-slate-500">
            Nothing was lost: fix the settings above and submit again.
          </p>
        </div>
      ) : null}
      <PlanPreview
        planning={plan.isPending}
        error={plan.isError ? plan.error : undefined}
        plan={plan.data?.plan}
        stale={plannedWith !== null && plannedWith !== planRequest}
      />
    </section>
  );
}

function Field({
  label,
  htmlFor,
  hint,
  error,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={htmlFor} className={LABEL}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="mt-0.5 text-xs text-red-700 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="mt-0.5 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

function PlanPreview({
  planning,
  error,
  plan,
  stale,
}: {
  planning: boolean;
  error: Error | undefined;
  plan: Parameters<typeof planToGraph>[0] | undefined;
  stale: boolean;
}) {
  const graph = useMemo(() => (plan ? planToGraph(plan) : undefined), [plan]);
  if (!planning && !error && !graph) return null;
  return (
    <div className="mt-4" data-testid="plan-preview">
      <h3 className="mb-2 flex flex-wrap items-center gap-2 text-sm font-semibold">
        Plan
        {plan ? (
          <span className="font-normal text-slate-500">
            {plan.name} · {plan.type ?? 'job'} · {plan.nodes.length}{' '}
            {plan.nodes.length === 1 ? 'vertex' : 'vertices'}
          </span>
        ) : null}
        {stale ? (
          <span className="font-normal text-amber-700 dark:text-amber-400">
            · the form changed since: show the plan again
          </span>
        ) : null}
      </h3>
      {planning ? (
        <p className="text-sm text-slate-500">The job manager runs the jar’s main() to build the plan…</p>
      ) : error ? (
        <QueryError error={error} />
      ) : graph ? (
        <Suspense fallback={<div className="h-80 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />}>
          <DagGraph nodes={graph.nodes} edges={graph.edges} height={360} testId="plan-graph" />
        </Suspense>
      ) : null}
    </div>
  );
}
