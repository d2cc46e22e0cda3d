// What route handlers share: the cluster, per-vertex sampling state and lookups that fail
// with Flink's messages.
import { jobNotFound, notFound, RestError } from '../http/errors.ts';
import type { Route } from '../http/router.ts';
import type { Cluster } from '../model/cluster.ts';
import type { SimJob, SimVertex } from '../model/job.ts';

export interface Api {
  cluster: Cluster;
  /** First back-pressure request per job/vertex: Flink answers "deprecated" until sampled. */
  backPressureSince: Map<string, number>;
  /** First flame graph request per job/vertex/subtask: sampling takes a while. */
  flameGraphSince: Map<string, number>;
  /** The port the server listens on (known once started). */
  restPort(): number;
}

export type RouteModule = (api: Api) => Route[];

export function requireJob(api: Api, id: string, now: number): SimJob {
  const job = api.cluster.job(id, now);
  if (!job) throw jobNotFound(id);
  return job;
}

export function requireVertex(job: SimJob, vertexId: string): SimVertex {
  const v = job.vertex(vertexId);
  if (!v) throw notFound(`JobVertex ${vertexId} not found`);
  return v;
}

export function requireSubtask(v: SimVertex, index: number): number {
  if (index >= v.parallelism) throw new RestError(404, `Invalid subtask index for vertex ${v.id}`);
  return index;
}

export function num(s: string | undefined): number {
  return Number(s ?? 'NaN');
}
