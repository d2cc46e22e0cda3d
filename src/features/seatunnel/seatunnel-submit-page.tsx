import { useEffect, useMemo, useRef, useState } from 'react';
import { hrefTo, jobRoute, Link, useNavigate } from '@/app/router';
import { useReadOnly } from '@/api/dashboard/clusters';
import { HttpError, isApiError } from '@/api/errors';
import { useSeaTunnelFlavour } from '@/api/seatunnel/detect-flavour';
import {
  useSeaTunnelEncryptConfig,
  useSeaTunnelSubmitJob,
  useSeaTunnelSubmitJobs,
} from '@/api/seatunnel/mutations';
import { useSeaTunnelOverview } from '@/api/seatunnel/queries';
import type { SubmitJobResponse } from '@/api/seatunnel/schemas';
import { PageHeader } from '@/components/page-header';
import { Tabs } from '@/components/tabs';
import { CopyButton } from '@/components/toast';
import { useClusterId } from '@/hooks/use-cluster-id';
import { ConfigEditor, focusOffset } from './config-editor';
import { buttonClass, Card, Note, inputClass, primaryButtonClass } from './parts';
import {
  EXAMPLE_BATCH,
  EXAMPLE_CONFIG,
  EXAMPLE_HOCON,
  loadDraft,
  saveDraft,
  type SubmitDraft,
} from './utils/draft';
import { acceptsHocon, HOCON_SINCE } from './utils/engine-version';
import {
  checkBatchText,
  checkConfigText,
  hoconProblems,
  jobIdProblem,
  type ConfigIssue,
} from './utils/job-config';
import type { JsonProblem } from './utils/json-check';

/**
 * Submit one job (JSON, or HOCON where the engine reads it) with an optional name, 64-bit job id
 * and start-from-savepoint; or a batch of JSON configs at once; or encrypt a config's secrets.
 * Everything is checked before it is sent, the draft is kept in localStorage (a refused
 * submission loses nothing, a reload neither), and the engine's message is shown in full.
 */
export function SeaTunnelSubmitPage() {
  const clusterId = useClusterId();
  const readOnly = useReadOnly();
  const flavour = useSeaTunnelFlavour(clusterId);
  const overview = useSeaTunnelOverview(clusterId);
  const version = overview.data?.projectVersion ?? null;
  return (
    <div>
      <PageHeader
        title="Submit a job"
        subtitle={
          <span>
            {version ? `SeaTunnel ${version}` : 'SeaTunnel'}
            {flavour.data ? ` · REST ${flavour.data}` : ''}
          </span>
        }
      />
      {readOnly ? (
        <Note testId="submit-read-only">The dashboard is read-only: jobs cannot be submitted from here.</Note>
      ) : (
        <SubmitForm
          key={clusterId}
          clusterId={clusterId}
          hocon={acceptsHocon(flavour.data, version)}
          version={version}
          flavour={flavour.data}
        />
      )}
    </div>
  );
}

type Outcome =
  | { kind: 'error'; status: number | null; message: string; what: string }
  | { kind: 'batch'; jobs: SubmitJobResponse[] }
  | { kind: 'encrypted'; text: string };

function errorOutcome(e: unknown, what: string): Outcome {
  if (e instanceof HttpError) {
    return {
      kind: 'error',
      status: e.status,
      message: e.errors.length ? e.errors.join('\n') : e.message,
      what,
    };
  }
  return {
    kind: 'error',
    status: null,
    message: isApiError(e) || e instanceof Error ? e.message : String(e),
    what,
  };
}

function SubmitForm({
  clusterId,
  hocon,
  version,
  flavour,
}: {
  clusterId: string;
  hocon: boolean;
  version: string | null;
  flavour: 'v1' | 'v2' | undefined;
}) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<SubmitDraft>(() => loadDraft(clusterId));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const submit = useSeaTunnelSubmitJob(clusterId);
  const submitMany = useSeaTunnelSubmitJobs(clusterId);
  const encrypt = useSeaTunnelEncryptConfig(clusterId);
  const editor = useRef<HTMLTextAreaElement>(null);

  useEffect(() => saveDraft(clusterId, draft), [clusterId, draft]);
  const set = (patch: Partial<SubmitDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const format = draft.format === 'hocon' && hocon ? 'hocon' : 'json';
  const single = useMemo(
    () => (format === 'json' ? checkConfigText(draft.config) : null),
    [format, draft.config],
  );
  const batch = useMemo(
    () => (draft.mode === 'batch' ? checkBatchText(draft.batch) : null),
    [draft.mode, draft.batch],
  );
  const hoconIssues = useMemo(
    () => (format === 'hocon' ? hoconProblems(draft.config) : []),
    [format, draft.config],
  );
  const idProblem = jobIdProblem(draft.jobId);
  const savepointProblem =
    draft.startWithSavepoint && draft.jobId.trim() === ''
      ? 'Starting from a savepoint needs the job id of the stopped job.'
      : null;

  const checked = draft.mode === 'batch' ? batch : single;
  const syntax: JsonProblem | null = checked && !checked.ok ? checked.syntax : null;
  const issues: ConfigIssue[] = checked && !checked.ok ? checked.issues : hoconIssues;
  const configOk = syntax === null && issues.length === 0;
  const canSubmit =
    configOk &&
    (draft.mode === 'batch' || (idProblem === null && savepointProblem === null)) &&
    !submit.isPending &&
    !submitMany.isPending;

  const onSubmit = async () => {
    setOutcome(null);
    if (!canSubmit) return;
    if (draft.mode === 'batch') {
      if (!batch?.ok) return;
      try {
        const jobs = await submitMany.mutateAsync(batch.value);
        setOutcome({ kind: 'batch', jobs });
      } catch (e) {
        setOutcome(errorOutcome(e, 'The engine refused the batch'));
      }
      return;
    }
    const jobId = draft.jobId.trim();
    try {
      const result = await submit.mutateAsync({
        config: draft.config,
        format,
        ...(jobId ? { jobId } : {}),
        ...(draft.jobName.trim() ? { jobName: draft.jobName.trim() } : {}),
        ...(draft.startWithSavepoint ? { startWithSavepoint: true } : {}),
      });
      // The id is used now; keep the config for the next one.
      const next = { ...draft, jobId: '', startWithSavepoint: false };
      saveDraft(clusterId, next);
      setDraft(next);
      navigate(hrefTo(jobRoute, { clusterId, jobId: result.jobId }));
    } catch (e) {
      setOutcome(errorOutcome(e, 'The engine refused the job'));
    }
  };

  const onEncrypt = async () => {
    setOutcome(null);
    if (!single?.ok) return;
    try {
      const result = await encrypt.mutateAsync(single.value);
      setOutcome({ kind: 'encrypted', text: `${JSON.stringify(result, null, 2)}\n` });
    } catch (e) {
      setOutcome(errorOutcome(e, 'The engine could not encrypt the config'));
    }
  };

  const text = draft.mode === 'batch' ? draft.batch : draft.config;
  const setText = (v: string) => set(draft.mode === 'batch' ? { batch: v } : { config: v });
  const busy = submit.isPending || submitMany.isPending;

  return (
    <div data-testid="submit-form">
      <Tabs
        label="What to submit"
        value={draft.mode}
        onChange={(mode) => {
          setOutcome(null);
          set({ mode });
        }}
        tabs={[
          { value: 'single', label: 'One job' },
          { value: 'batch', label: 'Several jobs (batch)' },
        ]}
      />
      <div className="mt-4 grid gap-4 xl:grid-cols-[1fr_340px]">
        <div className="min-w-0">
          {draft.mode === 'single' ? (
            <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
              <span className="text-slate-500">Format</span>
              <label className="inline-flex items-center gap-1">
                <input
                  type="radio"
                  name="st-format"
                  checked={format === 'json'}
                  onChange={() => set({ format: 'json' })}
                />{' '}
                JSON
              </label>
              <label
                className={`inline-flex items-center gap-1 ${hocon ? '' : 'opacity-50'}`}
                title={hocon ? 'Sent as text with format=hocon' : undefined}
              >
                <input
                  type="radio"
                  name="st-format"
                  checked={format === 'hocon'}
                  disabled={!hocon}
                  data-testid="format-hocon"
                  onChange={() =>
                    set({
                      format: 'hocon',
                      config: draft.config === EXAMPLE_CONFIG ? EXAMPLE_HOCON : draft.config,
                    })
                  }
                />{' '}
                HOCON
              </label>
              <span className="text-xs text-slate-500" data-testid="hocon-note">
                {hocon
                  ? 'HOCON is sent as typed (format=hocon); the engine parses it.'
                  : `HOCON needs REST v2 of SeaTunnel ${HOCON_SINCE}+${
                      flavour || version
                        ? ` (this cluster: ${[flavour ? `REST ${flavour}` : null, version].filter(Boolean).join(', ')})`
                        : ''
                    }: write the config as JSON.`}
              </span>
            </div>
          ) : (
            <p className="mb-2 text-sm text-slate-500">
              A JSON list of job configs, sent to <span className="font-mono">/submit-jobs</span>. Each may
              carry{' '}
              <span className="font-mono">{'"params": { "jobId", "jobName", "isStartWithSavePoint" }'}</span>.
            </p>
          )}
          <ConfigEditor
            value={text}
            onChange={setText}
            label={
              draft.mode === 'batch'
                ? 'Batch of job configs (JSON list)'
                : `Job config (${format.toUpperCase()})`
            }
            errorLine={syntax?.line ?? null}
            textareaRef={editor}
            testId="config-editor"
          />
          <div className="mt-2 min-h-6 text-sm" data-testid="config-status" aria-live="polite">
            {syntax ? (
              <button
                type="button"
                className="text-left text-red-700 hover:underline dark:text-red-400"
                data-testid="syntax-error"
                onClick={() => focusOffset(editor.current, syntax.offset)}
              >
                Line {syntax.line}, column {syntax.column}: {syntax.message}
              </button>
            ) : issues.length ? (
              <ul className="space-y-0.5 text-red-700 dark:text-red-400" data-testid="config-issues">
                {issues.map((i) => (
                  <li key={`${i.path}:${i.message}`}>
                    <span className="font-mono text-xs">{i.path}</span>: {i.message}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-emerald-700 dark:text-emerald-400" data-testid="config-ok">
                {format === 'hocon'
                  ? 'Looks complete (env, source, sink); the engine checks the rest.'
                  : draft.mode === 'batch'
                    ? `Valid: ${batch?.ok ? batch.value.length : 0} job configs.`
                    : 'Valid JSON job config.'}
              </span>
            )}
          </div>
        </div>
        <div className="space-y-4">
          <Card>
            {draft.mode === 'single' ? (
              <div className="space-y-3 text-sm">
                <label className="block">
                  <span className="text-slate-600 dark:text-slate-300">Job name</span>
                  <input
                    value={draft.jobName}
                    onChange={(e) => set({ jobName: e.target.value })}
                    placeholder="from env job.name, else SeaTunnel_Job"
                    data-testid="job-name"
                    className={`${inputClass} mt-1 block w-full`}
                  />
                </label>
                <label className="block">
                  <span className="text-slate-600 dark:text-slate-300">Job id</span>
                  <input
                    value={draft.jobId}
                    onChange={(e) => set({ jobId: e.target.value })}
                    placeholder="the engine picks one"
                    inputMode="numeric"
                    aria-invalid={idProblem !== null}
                    data-testid="job-id-input"
                    className={`${inputClass} mt-1 block w-full font-mono ${idProblem ? 'border-red-500' : ''}`}
                  />
                  <span
                    className={`mt-1 block text-xs ${idProblem ? 'text-red-700 dark:text-red-400' : 'text-slate-500'}`}
                    data-testid="job-id-hint"
                  >
                    {idProblem ?? 'Optional: a 64-bit integer, kept exact.'}
                  </span>
                </label>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    checked={draft.startWithSavepoint}
                    onChange={(e) => set({ startWithSavepoint: e.target.checked })}
                    data-testid="start-with-savepoint"
                    className="mt-1"
                  />
                  <span>
                    Start from the savepoint of job id above
                    <span className="block text-xs text-slate-500">
                      for a job stopped with a savepoint (SAVEPOINT_DONE)
                    </span>
                  </span>
                </label>
                {savepointProblem ? (
                  <p className="text-xs text-red-700 dark:text-red-400">{savepointProblem}</p>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                Ids and names come from each config’s <span className="font-mono">params</span>; ids are
                checked as 64-bit integers and sent exactly.
              </p>
            )}
            <div className="mt-4 flex flex-wrap gap-2">
              <button
                type="button"
                className={primaryButtonClass}
                disabled={!canSubmit}
                onClick={() => void onSubmit()}
                data-testid="submit-job"
              >
                {busy
                  ? 'Submitting…'
                  : draft.mode === 'batch'
                    ? `Submit ${batch?.ok ? batch.value.length : ''} jobs`
                    : 'Submit job'}
              </button>
              {draft.mode === 'single' ? (
                <button
                  type="button"
                  className={buttonClass}
                  disabled={format !== 'json' || !single?.ok || encrypt.isPending}
                  title={
                    format !== 'json'
                      ? 'Encryption takes a JSON config'
                      : 'Encodes secrets with env.shade.identifier; nothing is submitted'
                  }
                  onClick={() => void onEncrypt()}
                  data-testid="encrypt-config"
                >
                  {encrypt.isPending ? 'Encrypting…' : 'Encrypt secrets'}
                </button>
              ) : null}
              <button
                type="button"
                className={buttonClass}
                onClick={() => {
                  setOutcome(null);
                  if (draft.mode === 'batch') set({ batch: EXAMPLE_BATCH });
                  else
                    set({
                      config: format === 'hocon' ? EXAMPLE_HOCON : EXAMPLE_CONFIG,
                      jobName: '',
                      jobId: '',
                      startWithSavepoint: false,
                    });
                }}
              >
                Example
              </button>
            </div>
            <p className="mt-3 text-xs text-slate-500">
              Your draft is kept in this browser until it is submitted or replaced.
            </p>
          </Card>
        </div>
      </div>
      <OutcomeView
        clusterId={clusterId}
        outcome={outcome}
        onUse={(t) => set({ config: t, format: 'json' })}
      />
    </div>
  );
}

function OutcomeView({
  clusterId,
  outcome,
  onUse,
}: {
  clusterId: string;
  outcome: Outcome | null;
  onUse: (text: string) => void;
}) {
  if (!outcome) return null;
  if (outcome.kind === 'error') {
    return (
      <div
        role="alert"
        className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
        data-testid="submit-error"
      >
        <div className="mb-1 flex items-center gap-2">
          <span className="font-semibold">
            {outcome.what}
            {outcome.status !== null ? ` (HTTP ${outcome.status})` : ''}
          </span>
          <span className="ml-auto">
            <CopyButton text={outcome.message} ariaLabel="Copy the engine’s message" />
          </span>
        </div>
        <pre
          className="max-h-96 overflow-auto whitespace-pre-wrap break-words font-mono text-xs"
          data-testid="submit-error-text"
        >
          {outcome.message}
        </pre>
        <p className="mt-2 text-xs">Nothing you typed was lost.</p>
      </div>
    );
  }
  if (outcome.kind === 'batch') {
    return (
      <Card className="mt-4">
        <div className="mb-2 font-semibold">Submitted {outcome.jobs.length} jobs</div>
        <ul className="space-y-1 text-sm" data-testid="batch-result">
          {outcome.jobs.map((j) => (
            <li key={j.jobId}>
              <Link
                to={jobRoute}
                params={{ clusterId, jobId: j.jobId }}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                {j.jobName}
              </Link>{' '}
              <span className="font-mono text-xs text-slate-500">{j.jobId}</span>
            </li>
          ))}
        </ul>
      </Card>
    );
  }
  return (
    <Card className="mt-4">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="font-semibold">Encrypted config</span>
        <span className="text-xs text-slate-500">Secrets encoded by the engine; nothing was submitted.</span>
        <span className="ml-auto flex gap-2">
          <CopyButton text={outcome.text} ariaLabel="Copy the encrypted config" />
          <button
            type="button"
            className={buttonClass}
            onClick={() => onUse(outcome.text)}
            data-testid="use-encrypted"
          >
            Put in the editor
          </button>
        </span>
      </div>
      <pre
        className="max-h-96 overflow-auto whitespace-pre rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950"
        data-testid="encrypt-result"
      >
        {outcome.text}
      </pre>
    </Card>
  );
}
