import { createSeaTunnelClient } from './client-common';

/**
 * REST API v2: the Jetty server (port 8080 by default). Its optional context path is part of the
 * cluster's configured URL, so paths start at the root here. Logs exist from 2.3.9.
 */
export const seatunnelV2 = createSeaTunnelClient('');
