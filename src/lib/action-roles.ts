/**
 * Who may do what: every endpoint that changes a cluster, with the role it needs. The server
 * enforces this table (server/access-policy.ts) and the UI disables the buttons from it, so a
 * role rule is written once. A mutating request that matches no entry needs `admin`.
 */
export type Role = 'viewer' | 'operator' | 'admin';

export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

export function isRole(value: unknown): value is Role {
  return value === 'viewer' || value === 'operator' || value === 'admin';
}

/** True when `role` may do what `needed` may do. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Names for the actions a user starts; the UI's buttons use them. */
export type ActionName =
  | 'savepoint'
  | 'checkpoint'
  | 'stop'
  | 'rescale'
  | 'cancel'
  | 'dispose'
  | 'jar-upload'
  | 'jar-run'
  | 'jar-plan'
  | 'jar-delete'
  | 'cluster-shutdown'
  | 'dataset-delete'
  | 'profile'
  | 'client-heartbeat'
  | 'seatunnel-stop'
  | 'seatunnel-submit'
  | 'seatunnel-tags'
  | 'seatunnel-encrypt';

export interface MutatingEndpoint {
  backend: 'flink' | 'seatunnel';
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Flink's REST path template; SeaTunnel's v2 path (v1's `/hazelcast/rest/maps` prefix is implied). */
  path: string;
  action: ActionName;
  role: Role;
  /** Status endpoint of the trigger id this request answers with, followed for the audit trail. */
  follow?: string;
}

export const MUTATING_ENDPOINTS: readonly MutatingEndpoint[] = [
  {
    backend: 'flink',
    method: 'POST',
    path: '/jobs/:jobid/savepoints',
    action: 'savepoint',
    role: 'operator',
    follow: '/jobs/:jobid/savepoints/:triggerid',
  },
  {
    backend: 'flink',
    method: 'POST',
    path: '/jobs/:jobid/checkpoints',
    action: 'checkpoint',
    role: 'operator',
    follow: '/jobs/:jobid/checkpoints/:triggerid',
  },
  {
    backend: 'flink',
    method: 'POST',
    path: '/jobs/:jobid/stop',
    action: 'stop',
    role: 'operator',
    follow: '/jobs/:jobid/savepoints/:triggerid',
  },
  { backend: 'flink', method: 'PATCH', path: '/jobs/:jobid/rescaling', action: 'rescale', role: 'operator' },
  {
    backend: 'flink',
    method: 'PUT',
    path: '/jobs/:jobid/resource-requirements',
    action: 'rescale',
    role: 'operator',
  },
  {
    backend: 'flink',
    method: 'PATCH',
    path: '/jobs/:jobid/clientHeartbeat',
    action: 'client-heartbeat',
    role: 'operator',
  },
  { backend: 'flink', method: 'POST', path: '/jobmanager/profiler', action: 'profile', role: 'operator' },
  {
    backend: 'flink',
    method: 'POST',
    path: '/taskmanagers/:taskmanagerid/profiler',
    action: 'profile',
    role: 'operator',
  },
  { backend: 'flink', method: 'PATCH', path: '/jobs/:jobid', action: 'cancel', role: 'admin' },
  { backend: 'flink', method: 'POST', path: '/jars/upload', action: 'jar-upload', role: 'admin' },
  { backend: 'flink', method: 'POST', path: '/jars/:jarid/run', action: 'jar-run', role: 'admin' },
  // Planning runs the jar's main() on the JobManager: as powerful as running it.
  { backend: 'flink', method: 'POST', path: '/jars/:jarid/plan', action: 'jar-plan', role: 'admin' },
  { backend: 'flink', method: 'DELETE', path: '/jars/:jarid', action: 'jar-delete', role: 'admin' },
  {
    backend: 'flink',
    method: 'POST',
    path: '/savepoint-disposal',
    action: 'dispose',
    role: 'admin',
    follow: '/savepoint-disposal/:triggerid',
  },
  { backend: 'flink', method: 'DELETE', path: '/cluster', action: 'cluster-shutdown', role: 'admin' },
  {
    backend: 'flink',
    method: 'DELETE',
    path: '/datasets/:datasetid',
    action: 'dataset-delete',
    role: 'admin',
  },
  { backend: 'seatunnel', method: 'POST', path: '/stop-job', action: 'seatunnel-stop', role: 'operator' },
  { backend: 'seatunnel', method: 'POST', path: '/stop-jobs', action: 'seatunnel-stop', role: 'operator' },
  { backend: 'seatunnel', method: 'POST', path: '/submit-job', action: 'seatunnel-submit', role: 'admin' },
  { backend: 'seatunnel', method: 'POST', path: '/submit-jobs', action: 'seatunnel-submit', role: 'admin' },
  {
    backend: 'seatunnel',
    method: 'POST',
    path: '/submit-job/upload',
    action: 'seatunnel-submit',
    role: 'admin',
  },
  { backend: 'seatunnel', method: 'POST', path: '/update-tags', action: 'seatunnel-tags', role: 'admin' },
  // Encrypting needs no change to the cluster but its body holds secrets: only for those who submit.
  {
    backend: 'seatunnel',
    method: 'POST',
    path: '/encrypt-config',
    action: 'seatunnel-encrypt',
    role: 'admin',
  },
];

/** The role each action needs (the strictest of its endpoints). */
export const ACTION_ROLES: Readonly<Record<ActionName, Role>> = MUTATING_ENDPOINTS.reduce(
  (acc, e) => {
    const known = acc[e.action];
    acc[e.action] = known && roleAllows(known, e.role) ? known : e.role;
    return acc;
  },
  {} as Record<ActionName, Role>,
);

const SEATUNNEL_V1_PREFIX = '/hazelcast/rest/maps';

/** The table entry for a request path (no query) and its path parameters, if any. */
export function matchMutatingEndpoint(
  backend: 'flink' | 'seatunnel',
  method: string,
  path: string,
): { endpoint: MutatingEndpoint; params: Record<string, string> } | undefined {
  const bare =
    backend === 'seatunnel' && path.startsWith(SEATUNNEL_V1_PREFIX)
      ? path.slice(SEATUNNEL_V1_PREFIX.length)
      : path;
  const parts = bare.replace(/\/+$/, '').split('/');
  for (const endpoint of MUTATING_ENDPOINTS) {
    if (endpoint.backend !== backend || endpoint.method !== method) continue;
    const template = endpoint.path.split('/');
    if (template.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = template.every((t, i) => {
      const part = parts[i] ?? '';
      if (t.startsWith(':')) {
        params[t.slice(1)] = decodeURIComponent(part);
        return part !== '';
      }
      return t === part;
    });
    if (ok) return { endpoint, params };
  }
  return undefined;
}
