// The route table of the demo JobManager.
import { Router } from '../http/router.ts';
import type { Api } from './api.ts';
import { checkpointRoutes } from './checkpoint-routes.ts';
import { clusterRoutes } from './cluster-routes.ts';
import { jarRoutes } from './jar-routes.ts';
import { jobRoutes } from './job-routes.ts';
import { metricRoutes } from './metric-routes.ts';
import { rescaleRoutes } from './rescale-routes.ts';
import { savepointRoutes } from './savepoint-routes.ts';
import { taskManagerRoutes } from './taskmanager-routes.ts';
import { vertexRoutes } from './vertex-routes.ts';

export function buildRouter(api: Api): Router {
  const router = new Router();
  for (const module of [
    clusterRoutes,
    jobRoutes,
    vertexRoutes,
    checkpointRoutes,
    savepointRoutes,
    jarRoutes,
    taskManagerRoutes,
    metricRoutes,
    rescaleRoutes,
  ]) {
    for (const route of module(api)) router.add(route);
  }
  return router;
}
