import { request } from '../http';
import { base, done, type Opts } from './client-shared';
import { getFlinkConfig } from './client-config';
// Direct imports, not the schemas barrel: zod schemas do not tree-shake, so the barrel would ship
// every endpoint's schema with this file.
import {
  clusterOverviewSchema,
  dataSetDeleteStatusSchema,
  dataSetListSchema,
  savepointDisposalStatusSchema,
} from './schemas/cluster';
import { triggerResponseSchema } from './schemas/common';

/** Cluster-wide endpoints: web UI config, overview, shutdown, data sets, savepoint disposal. */
export const clusterApi = {
  getConfig: getFlinkConfig,
  getOverview: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/overview', schema: clusterOverviewSchema, signal: o.signal }),
  /** Stops the whole Flink cluster. */
  shutdownCluster: (c: string, o: Opts = {}) =>
    request({ base: base(c), method: 'DELETE', path: '/cluster', signal: o.signal }).then(done),

  getDataSets: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/datasets', schema: dataSetListSchema, signal: o.signal }),
  /** Async; Flink makes the trigger id itself (the request has no body to send one). */
  deleteDataSet: (c: string, dataSetId: string, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'DELETE',
      path: '/datasets/:datasetid',
      params: { datasetid: dataSetId },
      schema: triggerResponseSchema,
      signal: o.signal,
    }),
  getDataSetDeleteStatus: (c: string, triggerId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/datasets/delete/:triggerid',
      params: { triggerid: triggerId },
      schema: dataSetDeleteStatusSchema,
      signal: o.signal,
    }),

  /** Async; deletes a savepoint's files. Flink makes the trigger id itself. */
  disposeSavepoint: (c: string, savepointPath: string, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'POST',
      path: '/savepoint-disposal',
      body: { 'savepoint-path': savepointPath },
      schema: triggerResponseSchema,
      signal: o.signal,
    }),
  getSavepointDisposalStatus: (c: string, triggerId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/savepoint-disposal/:triggerid',
      params: { triggerid: triggerId },
      schema: savepointDisposalStatusSchema,
      signal: o.signal,
    }),
};
