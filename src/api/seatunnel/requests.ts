import { JsonInteger } from './json-text';

/* What the actions take, and how it becomes query parameters and bodies the engine accepts. */

export type Opts = { signal?: AbortSignal | undefined };
/** A job config (env, source, transform, sink) as JSON. */
export type JobConfig = Record<string, unknown>;
/** `/finished-jobs/:state`; the engine also keeps SAVEPOINT_DONE and answers [] for unknown states. */
export type FinishedJobState = 'FINISHED' | 'CANCELED' | 'FAILED' | 'UNKNOWABLE' | 'SAVEPOINT_DONE';

export interface SubmitJobInput {
  /** A JSON config object, or the config as text (HOCON / SQL / JSON text). */
  config: JobConfig | string;
  /** `format` query parameter of newer v2 engines; left out for json, which every engine reads. */
  format?: 'json' | 'hocon' | 'sql';
  /** 64-bit id as digits; sent as a query parameter, so it stays exact. */
  jobId?: string;
  jobName?: string;
  /** Restore from the savepoint of the job `jobId`. */
  startWithSavepoint?: boolean;
}

export interface StopJobInput {
  jobId: string;
  /** Take a savepoint first (the job ends as SAVEPOINT_DONE and can be resubmitted with its id). */
  withSavepoint: boolean;
}

export const CONTENT_TYPE = { json: 'application/json', hocon: 'text/plain', sql: 'text/plain' } as const;

export function submitQuery(input: SubmitJobInput) {
  return {
    jobId: input.jobId,
    jobName: input.jobName,
    isStartWithSavePoint: input.startWithSavepoint ? 'true' : undefined,
    format: input.format && input.format !== 'json' ? input.format : undefined,
  };
}

export function stopBody(input: StopJobInput) {
  return { jobId: new JsonInteger(input.jobId), isStopWithSavePoint: input.withSavepoint };
}

/** One job of a batch submit: JSON config only; id and name travel in its `params`. */
export type BatchSubmitInput = Omit<SubmitJobInput, 'config' | 'format'> & { config: JobConfig };

export function submitParams(input: BatchSubmitInput) {
  const params: Record<string, string> = {};
  if (input.jobId !== undefined) params.jobId = input.jobId;
  if (input.jobName !== undefined) params.jobName = input.jobName;
  if (input.startWithSavepoint) params.isStartWithSavePoint = 'true';
  return params;
}
