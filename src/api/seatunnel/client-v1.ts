import { createSeaTunnelClient } from './client-common';

/** Where the Hazelcast REST endpoint (port 5801) serves SeaTunnel's maps. */
export const V1_PREFIX = '/hazelcast/rest/maps';

/**
 * REST API v1: the same endpoints under /hazelcast/rest/maps. Recorded on 2.3.8: overview with
 * tag filter, thread-dump and running-threads exist; the log endpoints do not (400 for /logs,
 * empty 204 for /logs/:jobId, which the client reads as "no log files"). 2.3.13 serves them, but
 * its `/logs/:jobId?format=json` always lists nothing (docs/real-seatunnel-notes.md).
 */
export const seatunnelV1 = createSeaTunnelClient(V1_PREFIX, { jobLogsFromFullList: true });
