import { request } from '../http';
import { base, type MetricQuery, type Opts } from './client-shared';
import {
  aggregatedMetricListSchema,
  attemptAccumulatorsSchema,
  backPressureSchema,
  flameGraphSchema,
  metricListSchema,
  subtaskAttemptSchema,
  subtasksAccumulatorsSchema,
  subtaskTimesSchema,
  vertexAccumulatorsSchema,
  vertexDetailsSchema,
  vertexTaskManagersSchema,
  type FlameGraphType,
  type MetricAggregation,
} from './schemas';

export interface SubtasksMetricQuery extends MetricQuery {
  agg?: readonly MetricAggregation[] | undefined;
  /** Subtask indexes or ranges, e.g. `['1', '3', '5-9']`. */
  subtasks?: readonly (string | number)[] | undefined;
}

export interface FlameGraphQuery {
  type?: FlameGraphType | undefined;
  /** Sample one subtask only (Flink 1.17+). */
  subtaskIndex?: number | undefined;
}

const V = '/jobs/:jobid/vertices/:vertexid';
const vtx = (jobId: string, vertexId: string) => ({ jobid: jobId, vertexid: vertexId });
const sub = (jobId: string, vertexId: string, index: number) => ({
  ...vtx(jobId, vertexId),
  subtaskindex: index,
});

/** `/jobs/:jobid/vertices/:vertexid/...`: one operator chain and its subtasks. */
export const verticesApi = {
  getVertex: (c: string, jobId: string, vertexId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: V,
      params: vtx(jobId, vertexId),
      schema: vertexDetailsSchema,
      signal: o.signal,
    }),
  getVertexBackPressure: (c: string, jobId: string, vertexId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/backpressure`,
      params: vtx(jobId, vertexId),
      schema: backPressureSchema,
      signal: o.signal,
    }),
  /** Starts sampling on first call; answers without `data` until the sample is complete. */
  getVertexFlameGraph: (c: string, jobId: string, vertexId: string, q: FlameGraphQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/flamegraph`,
      params: vtx(jobId, vertexId),
      query: { type: q.type, subtaskindex: q.subtaskIndex },
      schema: flameGraphSchema,
      signal: o.signal,
    }),
  getVertexWatermarks: (c: string, jobId: string, vertexId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/watermarks`,
      params: vtx(jobId, vertexId),
      schema: metricListSchema,
      signal: o.signal,
    }),
  getVertexMetrics: (c: string, jobId: string, vertexId: string, q: MetricQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/metrics`,
      params: vtx(jobId, vertexId),
      query: { get: q.get },
      schema: metricListSchema,
      signal: o.signal,
    }),
  /** Metrics of operator coordinators, which run on the job manager. */
  getVertexJmOperatorMetrics: (
    c: string,
    jobId: string,
    vertexId: string,
    q: MetricQuery = {},
    o: Opts = {},
  ) =>
    request({
      base: base(c),
      path: `${V}/jm-operator-metrics`,
      params: vtx(jobId, vertexId),
      query: { get: q.get },
      schema: metricListSchema,
      signal: o.signal,
    }),
  /** Metrics aggregated over subtasks: one request serves many metrics of one vertex. */
  getSubtasksMetrics: (
    c: string,
    jobId: string,
    vertexId: string,
    q: SubtasksMetricQuery = {},
    o: Opts = {},
  ) =>
    request({
      base: base(c),
      path: `${V}/subtasks/metrics`,
      params: vtx(jobId, vertexId),
      query: { get: q.get, agg: q.agg, subtasks: q.subtasks },
      schema: aggregatedMetricListSchema,
      signal: o.signal,
    }),
  getVertexAccumulators: (c: string, jobId: string, vertexId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/accumulators`,
      params: vtx(jobId, vertexId),
      schema: vertexAccumulatorsSchema,
      signal: o.signal,
    }),
  getSubtasksAccumulators: (c: string, jobId: string, vertexId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/subtasks/accumulators`,
      params: vtx(jobId, vertexId),
      schema: subtasksAccumulatorsSchema,
      signal: o.signal,
    }),
  getSubtaskTimes: (c: string, jobId: string, vertexId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/subtasktimes`,
      params: vtx(jobId, vertexId),
      schema: subtaskTimesSchema,
      signal: o.signal,
    }),
  getVertexTaskManagers: (c: string, jobId: string, vertexId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/taskmanagers`,
      params: vtx(jobId, vertexId),
      schema: vertexTaskManagersSchema,
      signal: o.signal,
    }),

  /** The current (or latest) attempt of one subtask. */
  getSubtask: (c: string, jobId: string, vertexId: string, index: number, o: Opts = {}) =>
    request({
      base: base(c),
      path: `${V}/subtasks/:subtaskindex`,
      params: sub(jobId, vertexId, index),
      schema: subtaskAttemptSchema,
      signal: o.signal,
    }),
  getSubtaskMetrics: (
    c: string,
    jobId: string,
    vertexId: string,
    index: number,
    q: MetricQuery = {},
    o: Opts = {},
  ) =>
    request({
      base: base(c),
      path: `${V}/subtasks/:subtaskindex/metrics`,
      params: sub(jobId, vertexId, index),
      query: { get: q.get },
      schema: metricListSchema,
      signal: o.signal,
    }),
  getSubtaskAttempt: (
    c: string,
    jobId: string,
    vertexId: string,
    index: number,
    attempt: number,
    o: Opts = {},
  ) =>
    request({
      base: base(c),
      path: `${V}/subtasks/:subtaskindex/attempts/:attempt`,
      params: { ...sub(jobId, vertexId, index), attempt },
      schema: subtaskAttemptSchema,
      signal: o.signal,
    }),
  getSubtaskAttemptAccumulators: (
    c: string,
    jobId: string,
    vertexId: string,
    index: number,
    attempt: number,
    o: Opts = {},
  ) =>
    request({
      base: base(c),
      path: `${V}/subtasks/:subtaskindex/attempts/:attempt/accumulators`,
      params: { ...sub(jobId, vertexId, index), attempt },
      schema: attemptAccumulatorsSchema,
      signal: o.signal,
    }),
};
