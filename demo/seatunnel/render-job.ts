// A job as the engine prints it. Jobs still in the running map go through
// BaseService#convertToJson; ended jobs through #getJobInfoJson, which has a
// different field set (errorMsg, finishTime, empty pluginJarsUrls).
import { formatEngineTime } from './java-compat.ts';
import { dagToJson, envToJson } from './job-dag.ts';
import { metricsToJson } from './job-metrics.ts';
import { isEndState, type DemoJob } from './job-model.ts';
import { obj, type JsonObject } from './json-text.ts';

export function renderJob(job: DemoJob): JsonObject {
  return isEndState(job.status) ? renderFinished(job) : renderRunning(job);
}

function renderRunning(job: DemoJob): JsonObject {
  return obj([
    ['jobId', job.id],
    ['jobName', job.spec.name],
    ['jobStatus', job.status],
    ['envOptions', envToJson(job.spec.env)],
    ['createTime', formatEngineTime(job.createTime)],
    ['jobDag', dagToJson(job.id, job.dag, job.spec.env)],
    ['pluginJarsUrls', job.pluginJars.map((url) => obj([['jarPath', url]]))],
    ['isStartWithSavePoint', job.isStartWithSavePoint],
    ['metrics', metricsToJson(job)],
  ]);
}

function renderFinished(job: DemoJob): JsonObject {
  return obj([
    ['jobId', job.id],
    ['jobName', job.spec.name],
    ['jobStatus', job.status],
    ['errorMsg', job.errorMsg],
    ['createTime', formatEngineTime(job.createTime)],
    ['finishTime', job.finishTime === undefined ? '' : formatEngineTime(job.finishTime)],
    ['jobDag', dagToJson(job.id, job.dag, job.spec.env)],
    ['pluginJarsUrls', []],
    ['metrics', metricsToJson(job)],
  ]);
}
