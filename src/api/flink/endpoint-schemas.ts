import * as z from 'zod/mini';
import * as s from './schemas';

/** Flink's error answer: `{"errors": [...]}` (a message, often a whole Java stack trace). */
export const errorBodySchema = z.object({ errors: z.array(z.string()) });

/** Endpoints that answer `{}` (or nothing) on success. */
const empty = z.object({});

/**
 * The schema of each endpoint's success answer, keyed `METHOD /template` as Flink's docs write
 * them. Tests use it to check recorded real answers; keep one entry per endpoint.
 */
export const responseSchemas: Record<string, z.ZodMiniType> = {
  'DELETE /cluster': empty,
  'GET /config': s.dashboardConfigSchema,
  'GET /overview': s.clusterOverviewSchema,
  'GET /datasets': s.dataSetListSchema,
  'DELETE /datasets/:datasetid': s.triggerResponseSchema,
  'GET /datasets/delete/:triggerid': s.dataSetDeleteStatusSchema,
  'POST /savepoint-disposal': s.triggerResponseSchema,
  'GET /savepoint-disposal/:triggerid': s.savepointDisposalStatusSchema,

  'GET /jars': s.jarListSchema,
  'POST /jars/upload': s.jarUploadSchema,
  'DELETE /jars/:jarid': empty,
  'GET /jars/:jarid/plan': s.jobPlanSchema,
  'POST /jars/:jarid/plan': s.jobPlanSchema,
  'POST /jars/:jarid/run': s.jarRunSchema,

  'GET /jobmanager/config': s.configEntriesSchema,
  'GET /jobmanager/environment': s.environmentInfoSchema,
  'GET /jobmanager/logs': s.logListSchema,
  'GET /jobmanager/log': s.textSchema,
  'GET /jobmanager/stdout': s.textSchema,
  'GET /jobmanager/logs/:logname': s.textSchema,
  'GET /jobmanager/metrics': s.metricListSchema,
  'GET /jobmanager/thread-dump': s.threadDumpSchema,
  'GET /jobmanager/profiler': s.profilingListSchema,
  'POST /jobmanager/profiler': s.profilingInfoSchema,
  'GET /jobmanager/profiler/:filename': s.textSchema,

  'GET /taskmanagers': s.taskManagersSchema,
  'GET /taskmanagers/metrics': s.aggregatedMetricListSchema,
  'GET /taskmanagers/:taskmanagerid': s.taskManagerDetailsSchema,
  'GET /taskmanagers/:taskmanagerid/logs': s.logListSchema,
  'GET /taskmanagers/:taskmanagerid/log': s.textSchema,
  'GET /taskmanagers/:taskmanagerid/stdout': s.textSchema,
  'GET /taskmanagers/:taskmanagerid/logs/:logname': s.textSchema,
  'GET /taskmanagers/:taskmanagerid/metrics': s.metricListSchema,
  'GET /taskmanagers/:taskmanagerid/thread-dump': s.threadDumpSchema,
  'GET /taskmanagers/:taskmanagerid/profiler': s.profilingListSchema,
  'POST /taskmanagers/:taskmanagerid/profiler': s.profilingInfoSchema,
  'GET /taskmanagers/:taskmanagerid/profiler/:filename': s.textSchema,

  'GET /jobs': s.jobIdsSchema,
  'GET /jobs/overview': s.jobsOverviewSchema,
  'GET /jobs/metrics': s.aggregatedMetricListSchema,
  'GET /jobs/:jobid': s.jobDetailsSchema,
  'PATCH /jobs/:jobid': empty,
  'GET /jobs/:jobid/status': s.jobStatusSchema,
  'GET /jobs/:jobid/config': s.jobConfigSchema,
  'GET /jobs/:jobid/plan': s.jobPlanSchema,
  'GET /jobs/:jobid/exceptions': s.jobExceptionsSchema,
  'GET /jobs/:jobid/accumulators': s.jobAccumulatorsSchema,
  'GET /jobs/:jobid/execution-result': s.jobExecutionResultSchema,
  'GET /jobs/:jobid/metrics': s.metricListSchema,
  'GET /jobs/:jobid/jobmanager/config': s.configEntriesSchema,
  'GET /jobs/:jobid/jobmanager/environment': s.environmentInfoSchema,
  'GET /jobs/:jobid/jobmanager/log-url': s.logUrlSchema,
  'GET /jobs/:jobid/taskmanagers/:taskmanagerid/log-url': s.logUrlSchema,
  'PATCH /jobs/:jobid/clientHeartbeat': empty,
  'GET /jobs/:jobid/resource-requirements': s.resourceRequirementsSchema,
  'PUT /jobs/:jobid/resource-requirements': empty,
  'GET /jobs/:jobid/rescales/overview': s.rescalesOverviewSchema,
  'GET /jobs/:jobid/rescales/history': s.rescalesHistorySchema,
  'GET /jobs/:jobid/rescales/summary': s.rescalesSummarySchema,
  'GET /jobs/:jobid/rescales/config': s.rescalesConfigSchema,
  'GET /jobs/:jobid/rescales/details/:rescaleuuid': s.rescaleDetailsSchema,
  'PATCH /jobs/:jobid/rescaling': s.triggerResponseSchema,
  'GET /jobs/:jobid/rescaling/:triggerid': s.asyncOperationSchema,
  'POST /jobs/:jobid/savepoints': s.triggerResponseSchema,
  'GET /jobs/:jobid/savepoints/:triggerid': s.savepointStatusSchema,
  'POST /jobs/:jobid/stop': s.triggerResponseSchema,

  'GET /jobs/:jobid/checkpoints': s.checkpointingStatisticsSchema,
  'POST /jobs/:jobid/checkpoints': s.triggerResponseSchema,
  'GET /jobs/:jobid/checkpoints/config': s.checkpointConfigSchema,
  'GET /jobs/:jobid/checkpoints/details/:checkpointid': s.checkpointStatisticsSchema,
  'GET /jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid': s.taskCheckpointDetailsSchema,
  'GET /jobs/:jobid/checkpoints/:triggerid': s.checkpointTriggerStatusSchema,

  'GET /jobs/:jobid/vertices/:vertexid': s.vertexDetailsSchema,
  'GET /jobs/:jobid/vertices/:vertexid/accumulators': s.vertexAccumulatorsSchema,
  'GET /jobs/:jobid/vertices/:vertexid/backpressure': s.backPressureSchema,
  'GET /jobs/:jobid/vertices/:vertexid/flamegraph': s.flameGraphSchema,
  'GET /jobs/:jobid/vertices/:vertexid/jm-operator-metrics': s.metricListSchema,
  'GET /jobs/:jobid/vertices/:vertexid/metrics': s.metricListSchema,
  'GET /jobs/:jobid/vertices/:vertexid/watermarks': s.metricListSchema,
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/accumulators': s.subtasksAccumulatorsSchema,
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/metrics': s.aggregatedMetricListSchema,
  'GET /jobs/:jobid/vertices/:vertexid/subtasktimes': s.subtaskTimesSchema,
  'GET /jobs/:jobid/vertices/:vertexid/taskmanagers': s.vertexTaskManagersSchema,
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex': s.subtaskAttemptSchema,
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/metrics': s.metricListSchema,
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt': s.subtaskAttemptSchema,
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt/accumulators':
    s.attemptAccumulatorsSchema,
};
