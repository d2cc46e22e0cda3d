import * as z from 'zod/mini';
import { parseJsonLossless } from '@/lib/lossless-json';
import { boolishSchema, countSchema, jobIdSchema, rateSchema, smallIntSchema } from './values';

/*
 * SeaTunnel REST answers, v1 (/hazelcast/rest/maps) and v2 (Jetty) alike: both flavours run the
 * same engine code, so one schema per endpoint serves both. Shapes follow what a real engine
 * sends (e2e/fixtures/seatunnel), which differs from the docs in places; see the comments.
 *
 * Value representation (decided in ./values.ts): job ids are digit strings, counts are
 * `ExactCount` (number when safe, else exact digit string), rates are numbers, and missing or
 * empty metrics are null. Every call must use `responseType: 'json-lossless'`.
 *
 * Unknown extra fields are tolerated (stripped); wrong types are rejected with the field's path.
 * `normalise.ts` turns these raw shapes into the one shape the pages use.
 */

/** Parses the JSON-in-a-string some fields carry (finished jobs' jobDag); keeps 64-bit ids exact. */
function jsonInString<T extends z.ZodMiniType>(inner: T, what: string) {
  return z.pipe(
    z.pipe(
      z.unknown(),
      z.transform((value, ctx) => {
        if (typeof value !== 'string') return value;
        if (value.trim() === '') return {};
        try {
          return parseJsonLossless(value);
        } catch {
          ctx.issues.push({ code: 'custom', message: `${what} is a string but not JSON`, input: value });
          return z.NEVER;
        }
      }),
    ),
    inner,
  );
}

// ---- overview ----------------------------------------------------------------------------

export const overviewSchema = z.object({
  projectVersion: z.string(),
  gitCommitAbbrev: z.optional(z.string()),
  totalSlot: smallIntSchema,
  unassignedSlot: smallIntSchema,
  /** Real engines say `workers`; the v2 doc says `works`. */
  workers: z.optional(smallIntSchema),
  works: z.optional(smallIntSchema),
  runningJobs: smallIntSchema,
  finishedJobs: smallIntSchema,
  failedJobs: smallIntSchema,
  cancelledJobs: smallIntSchema,
  /** Newer engines (2.3.13 per its server jar; not recorded). */
  pendingJobs: z.optional(smallIntSchema),
});
export type RawOverview = z.infer<typeof overviewSchema>;

// ---- job DAG -----------------------------------------------------------------------------

/** Newer engines may send a table path as an object instead of "db.schema.table". */
const tablePathSchema = z.union(
  [
    z.string(),
    z.object({
      databaseName: z.optional(z.nullable(z.string())),
      schemaName: z.optional(z.nullable(z.string())),
      tableName: z.string(),
    }),
  ],
  { error: 'expected a table path (string or {tableName})' },
);

export const vertexInfoSchema = z.object({
  vertexId: smallIntSchema,
  type: z.string(), // SOURCE, TRANSFORM, SINK
  /** 2.3.8: `pipeline-1 [Source[0]-FakeSource]`; the only name older engines give. */
  connectorType: z.optional(z.string()),
  vertexName: z.optional(z.string()),
  tablePaths: z.optional(z.nullable(z.array(tablePathSchema))),
});
export type RawVertexInfo = z.infer<typeof vertexInfoSchema>;

const pipelineEdgeSchema = z.object({ inputVertexId: smallIntSchema, targetVertexId: smallIntSchema });

/**
 * Two real forms, both kept: running jobs in 2.3.8 send `{vertices, edges}` (edges by vertex
 * name); finished jobs send the JobDAGInfo `{jobId, pipelineEdges, vertexInfoMap}` — as a
 * JSON *string* with a bare 64-bit jobId inside. The doc's vertexInfoMap is a list; the real
 * one is a map keyed by vertex id. An engine with no DAG sends `{}`.
 */
export const jobDagObjectSchema = z.object({
  jobId: z.optional(jobIdSchema),
  pipelineEdges: z.optional(z.record(z.string(), z.array(pipelineEdgeSchema))),
  vertexInfoMap: z.optional(
    z.union(
      [
        z.array(vertexInfoSchema),
        z.record(z.string(), z.union([vertexInfoSchema, z.array(vertexInfoSchema)])),
      ],
      { error: 'expected a list or a map of vertices' },
    ),
  ),
  vertices: z.optional(
    z.array(z.object({ id: smallIntSchema, name: z.string(), parallelism: z.optional(smallIntSchema) })),
  ),
  edges: z.optional(z.array(z.object({ inputVertex: z.string(), targetVertex: z.string() }))),
});
export const jobDagSchema = jsonInString(jobDagObjectSchema, 'jobDag');
export type RawJobDag = z.infer<typeof jobDagObjectSchema>;

// ---- metrics -----------------------------------------------------------------------------

const tableCounts = z.optional(z.record(z.string(), countSchema));
const tableRates = z.optional(z.record(z.string(), rateSchema));
const count = z.optional(countSchema);
const rate = z.optional(rateSchema);

/** Keys are PascalCase in real engines; `sourceReceivedCount`/`sinkWriteCount` are the old doc's. */
export const jobMetricsObjectSchema = z.object({
  SourceReceivedCount: count,
  SourceReceivedBytes: count,
  SourceReceivedQPS: rate,
  SourceReceivedBytesPerSeconds: rate,
  SinkWriteCount: count,
  SinkWriteBytes: count,
  SinkWriteQPS: rate,
  SinkWriteBytesPerSeconds: rate,
  SinkCommittedCount: count,
  SinkCommittedBytes: count,
  SinkCommittedQPS: rate,
  SinkCommittedBytesPerSeconds: rate,
  TableSourceReceivedCount: tableCounts,
  TableSourceReceivedBytes: tableCounts,
  TableSourceReceivedQPS: tableRates,
  TableSourceReceivedBytesPerSeconds: tableRates,
  TableSinkWriteCount: tableCounts,
  TableSinkWriteBytes: tableCounts,
  TableSinkWriteQPS: tableRates,
  TableSinkWriteBytesPerSeconds: tableRates,
  TableSinkCommittedCount: tableCounts,
  TableSinkCommittedBytes: tableCounts,
  TableSinkCommittedQPS: tableRates,
  TableSinkCommittedBytesPerSeconds: tableRates,
  /** Newer engines (2.3.13 per its server jar; not recorded). */
  IntermediateQueueSize: count,
  sourceReceivedCount: count,
  sinkWriteCount: count,
});
/** The old doc shows `"metrics": ""` for finished jobs; accept it (and JSON-in-a-string) as well. */
export const jobMetricsSchema = jsonInString(jobMetricsObjectSchema, 'metrics');
export type RawJobMetrics = z.infer<typeof jobMetricsObjectSchema>;

// ---- jobs --------------------------------------------------------------------------------

/** 2.3.8 sends `{jarPath}` objects; the doc implies plain URLs. */
const pluginJarSchema = z.union([z.string(), z.object({ jarPath: z.string() })], {
  error: 'expected a jar URL or {jarPath}',
});

const jobFields = {
  jobId: jobIdSchema,
  jobName: z.string(),
  jobStatus: z.string(), // kept open: engines add states (SAVEPOINT_DONE is real)
  createTime: z.string(), // "2026-11-22 08:40:58" in the engine's time zone
  startTime: z.optional(z.string()),
  /** Real engines say `finishTime`; the v2 doc says `finishedTime`. */
  finishTime: z.optional(z.string()),
  finishedTime: z.optional(z.string()),
  errorMsg: z.optional(z.nullable(z.string())),
  envOptions: z.optional(z.record(z.string(), z.unknown())),
  pluginJarsUrls: z.optional(z.array(pluginJarSchema)),
  isStartWithSavePoint: z.optional(boolishSchema),
  jobDag: z.optional(jobDagSchema),
  metrics: z.optional(jobMetricsSchema),
};

/** An entry of running-jobs / finished-jobs. */
export const jobSchema = z.object(jobFields);
export type RawJob = z.infer<typeof jobSchema>;

/** job-info / running-job: an unknown job is HTTP 200 with only `{"jobId": "..."}`. */
export const jobInfoSchema = z.object({
  ...jobFields,
  jobName: z.optional(jobFields.jobName),
  jobStatus: z.optional(jobFields.jobStatus),
  createTime: z.optional(jobFields.createTime),
});
export type RawJobInfo = z.infer<typeof jobInfoSchema>;

export const jobListSchema = z.array(jobSchema);

// ---- cluster -----------------------------------------------------------------------------

/** Values are Java-formatted text ("23.5G", "39.84%", "true"); kept as text for display. */
const monitoringValue = z.pipe(
  z.unknown(),
  z.transform((value, ctx): string => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    ctx.issues.push({ code: 'custom', message: 'expected a text value', input: value });
    return z.NEVER;
  }),
);
/** One entry per node; 2.3.8 adds isMaster, host and port to the doc's keys. */
export const systemMonitoringSchema = z.array(z.record(z.string(), monitoringValue));
export type SystemMonitoring = z.infer<typeof systemMonitoringSchema>;

export const threadDumpSchema = z.array(
  z.object({
    threadName: z.string(),
    threadId: smallIntSchema,
    threadState: z.string(),
    stackTrace: z.string(),
  }),
);
export type ThreadDump = z.infer<typeof threadDumpSchema>;

export const runningThreadsSchema = z.array(z.object({ threadName: z.string(), classLoader: z.string() }));
export type RunningThreads = z.infer<typeof runningThreadsSchema>;

/** `/logs?format=json` (v2, 2.3.9+). `logLink` is an absolute URL on that node, not via our proxy. */
export const logFilesSchema = z.array(
  z.object({ node: z.string(), logLink: z.string(), logName: z.string() }),
);
export type LogFiles = z.infer<typeof logFilesSchema>;

// ---- actions -----------------------------------------------------------------------------

export const submitJobResponseSchema = z.object({ jobId: jobIdSchema, jobName: z.string() });
export type SubmitJobResponse = z.infer<typeof submitJobResponseSchema>;
export const submitJobsResponseSchema = z.array(submitJobResponseSchema);

/** stop-job answers the id as a string; stop-jobs as a bare 64-bit number. */
export const stopJobResponseSchema = z.object({ jobId: jobIdSchema });
export type StopJobResponse = z.infer<typeof stopJobResponseSchema>;
export const stopJobsResponseSchema = z.array(stopJobResponseSchema);

/** The submitted config with secrets encoded by `shade.identifier`. */
export const encryptConfigResponseSchema = z.record(z.string(), z.unknown());

export const tagsUpdateResponseSchema = z.object({ status: z.string(), message: z.optional(z.string()) });
export type TagsUpdateResponse = z.infer<typeof tagsUpdateResponseSchema>;

/**
 * Body of every 4xx/5xx answer (errors.ts already shows its `message`): `status` is "fail" from
 * SeaTunnel itself, or the HTTP status ("404") from Jetty's default page for an unknown v2 path
 * (2.3.13: `{"servlet":"default","message":"Not Found","url":...,"status":"404"}`).
 */
export const errorBodySchema = z.object({
  status: z.union([z.literal('fail'), z.string().check(z.regex(/^\d{3}$/))]),
  message: z.string(),
});
