import { request } from '../http';
import { base, done, type Opts } from './client-shared';
import { jarListSchema, jarRunSchema, jarUploadSchema, jobPlanSchema } from './schemas';

/** Body of POST /jars/:jarid/plan (JSON body rather than the deprecated query parameters). */
export interface JarPlanRequest {
  entryClass?: string | undefined;
  programArgsList?: readonly string[] | undefined;
  parallelism?: number | undefined;
  jobId?: string | undefined;
  flinkConfiguration?: Record<string, string> | undefined;
}

export interface JarPlanQuery {
  entryClass?: string | undefined;
  /** Sent comma-separated, so single arguments must not contain commas (use the POST body then). */
  programArg?: readonly string[] | undefined;
  parallelism?: number | undefined;
}

export type RestoreMode = 'CLAIM' | 'NO_CLAIM' | 'LEGACY';

/** Body of POST /jars/:jarid/run. */
export interface JarRunRequest extends JarPlanRequest {
  savepointPath?: string | undefined;
  allowNonRestoredState?: boolean | undefined;
  /** `claimMode` is the Flink 2.x name; 1.x only knows `restoreMode`. Send one. */
  restoreMode?: RestoreMode | undefined;
  claimMode?: RestoreMode | undefined;
}

/** Uploads take as long as the file needs; the proxy still caps the size (413). */
const UPLOAD_TIMEOUT_MS = 10 * 60_000;
/** Planning and running execute the jar's main() on the job manager. */
const SUBMIT_TIMEOUT_MS = 2 * 60_000;

/** The jar id is the last path segment of the `filename` the upload answers with. */
export function jarIdFromUpload(filename: string): string {
  return filename.split(/[/\\]/).pop() ?? filename;
}

/** Web submission: uploaded jars, their plans, and running them. */
export const jarsApi = {
  getJars: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/jars', schema: jarListSchema, signal: o.signal }),
  /**
   * Multipart upload as field `jarfile` through the proxy (`/api/<c>/jars/upload`). Flink wants the
   * part typed application/x-java-archive, which browsers do not set for .jar files themselves.
   */
  uploadJar: (c: string, file: Blob, fileName: string, o: Opts = {}) => {
    const form = new FormData();
    form.append('jarfile', new Blob([file], { type: 'application/x-java-archive' }), fileName);
    return request({
      base: base(c),
      method: 'POST',
      path: '/jars/upload',
      body: form,
      schema: jarUploadSchema,
      timeoutMs: UPLOAD_TIMEOUT_MS,
      signal: o.signal,
    });
  },
  deleteJar: (c: string, jarId: string, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'DELETE',
      path: '/jars/:jarid',
      params: { jarid: jarId },
      signal: o.signal,
    }).then(done),
  /** GET variant of the plan (query parameters only); not in the 2.2 reference but served. */
  getJarPlan: (c: string, jarId: string, q: JarPlanQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jars/:jarid/plan',
      params: { jarid: jarId },
      query: { 'entry-class': q.entryClass, programArg: q.programArg, parallelism: q.parallelism },
      schema: jobPlanSchema,
      timeoutMs: SUBMIT_TIMEOUT_MS,
      signal: o.signal,
    }),
  planJar: (c: string, jarId: string, body: JarPlanRequest = {}, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'POST',
      path: '/jars/:jarid/plan',
      params: { jarid: jarId },
      body,
      schema: jobPlanSchema,
      timeoutMs: SUBMIT_TIMEOUT_MS,
      signal: o.signal,
    }),
  runJar: (c: string, jarId: string, body: JarRunRequest = {}, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'POST',
      path: '/jars/:jarid/run',
      params: { jarid: jarId },
      body,
      schema: jarRunSchema,
      timeoutMs: SUBMIT_TIMEOUT_MS,
      signal: o.signal,
    }),
};
