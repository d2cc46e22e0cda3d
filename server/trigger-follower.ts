import type { ClusterConfig } from './cluster-config.ts';
import type { AuditLog } from './audit-log.ts';

/**
 * Follows a savepoint's (checkpoint's, disposal's) trigger id on the cluster until it ends and
 * records the result in the audit trail, so the trail says where the savepoint went even when
 * nobody keeps the page open.
 */
export function followTrigger(opts: {
  audit: AuditLog;
  id: string;
  cluster: ClusterConfig;
  statusPath: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}) {
  const started = Date.now();
  const timeout = opts.timeoutMs ?? 15 * 60_000;
  let delay = 500;
  const poll = async () => {
    try {
      const res = await fetch(`${opts.cluster.url}${opts.statusPath}`, {
        headers: { accept: 'application/json', ...(opts.cluster.headers ?? {}) },
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) {
        const body = (await res.json()) as {
          status?: { id?: string };
          operation?: { location?: string; 'failure-cause'?: { 'stack-trace'?: string; class?: string } };
        };
        if (body.status?.id === 'COMPLETED') {
          const failure = body.operation?.['failure-cause'];
          opts.audit.result(opts.id, {
            state: failure ? 'FAILED' : 'COMPLETED',
            time: new Date().toISOString(),
            ...(body.operation?.location ? { location: body.operation.location } : {}),
            ...(failure
              ? {
                  failure: (failure['stack-trace'] ?? failure.class ?? 'failed')
                    .split('\n')[0]
                    ?.slice(0, 300),
                }
              : {}),
          });
          return;
        }
      } else if (res.status === 404) return; // the cluster forgot the trigger (restart): nothing to record
    } catch (e) {
      opts.log?.(`audit: following ${opts.statusPath} on ${opts.cluster.id}: ${(e as Error).message}`);
    }
    if (Date.now() - started > timeout) return;
    delay = Math.min(delay * 2, 5000);
    setTimeout(() => void poll(), delay).unref();
  };
  setTimeout(() => void poll(), delay).unref();
}
