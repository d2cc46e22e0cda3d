import { requestWithLazySchema } from '../http';
import { base, type Opts } from './client-shared';

/**
 * GET /config (refresh interval, features, version), in a file of its own: the shell's polling
 * policy needs it on the first page, and its schema (with zod) loads while the request is in flight.
 */
export const getFlinkConfig = (c: string, o: Opts = {}) =>
  requestWithLazySchema({ base: base(c), path: '/config', signal: o.signal }, () =>
    import('./schemas/cluster').then((m) => m.dashboardConfigSchema),
  );
