import { request } from '../http';
import { clusterOverviewSchema, dashboardConfigSchema, jobsOverviewSchema } from './schemas';

/** One function per Flink REST endpoint; `c` is the dashboard's cluster id. */
type Opts = { signal?: AbortSignal | undefined };
const base = (c: string) => `/api/${encodeURIComponent(c)}`;

export const flink = {
  getConfig: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/config', schema: dashboardConfigSchema, signal: o.signal }),
  getOverview: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/overview', schema: clusterOverviewSchema, signal: o.signal }),
  getJobsOverview: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/jobs/overview', schema: jobsOverviewSchema, signal: o.signal }),
};
