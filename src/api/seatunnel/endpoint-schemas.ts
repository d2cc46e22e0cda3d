import * as z from 'zod/mini';
import * as s from './schemas';

/**
 * The schema of each endpoint's success answer, keyed `METHOD /template` without the flavour's
 * prefix (v1 adds /hazelcast/rest/maps, v2 the context path). Error answers (4xx/5xx) are
 * `errorBodySchema`. Tests check every recorded real answer against this table.
 */
export const responseSchemas: Record<string, z.ZodMiniType> = {
  'GET /overview': s.overviewSchema,
  'GET /running-jobs': s.jobListSchema,
  'GET /job-info/:jobId': s.jobInfoSchema,
  'GET /running-job/:jobId': s.jobInfoSchema,
  'GET /finished-jobs': s.jobListSchema,
  'GET /finished-jobs/:state': s.jobListSchema,
  'GET /system-monitoring-information': s.systemMonitoringSchema,
  'GET /thread-dump': s.threadDumpSchema,
  'GET /running-threads': s.runningThreadsSchema,
  'GET /logs': s.logFilesSchema,
  'GET /logs/:jobId': s.logFilesSchema,
  'GET /logs/:logName': z.string(),
  'POST /submit-job': s.submitJobResponseSchema,
  'POST /submit-jobs': s.submitJobsResponseSchema,
  'POST /stop-job': s.stopJobResponseSchema,
  'POST /stop-jobs': s.stopJobsResponseSchema,
  'POST /encrypt-config': s.encryptConfigResponseSchema,
  'POST /update-tags': s.tagsUpdateResponseSchema,
};

export const errorBodySchema = s.errorBodySchema;
