import { formatTimestamp, type TimeZoneChoice } from './format';

/** The parts of an audit entry (src/api/dashboard/access-schema.ts) a one-line summary needs. */
export interface AuditLine {
  time: string;
  user: string | null;
  method: string;
  path: string;
  action?: string | undefined;
  refused?: string | undefined;
  status?: number | undefined;
  response?: { status: number; triggerId?: string | undefined } | undefined;
  result?:
    { state: string; time: string; location?: string | undefined; failure?: string | undefined } | undefined;
}

const ACTION_LABELS: Record<string, string> = {
  savepoint: 'Savepoint',
  checkpoint: 'Checkpoint',
  stop: 'Stop with savepoint',
  rescale: 'Rescale',
  cancel: 'Cancel',
  dispose: 'Savepoint disposal',
  'jar-upload': 'Jar upload',
  'jar-run': 'Jar run',
  'jar-plan': 'Jar plan',
  'jar-delete': 'Jar delete',
  'cluster-shutdown': 'Cluster shutdown',
  'seatunnel-stop': 'Stop',
  'seatunnel-submit': 'Submit',
};

/** "Savepoint", or "POST /jobs/…" for a request the table does not name. */
export function actionLabel(e: Pick<AuditLine, 'action' | 'method' | 'path'>): string {
  return (e.action && ACTION_LABELS[e.action]) ?? `${e.method} ${e.path.split('?')[0] ?? ''}`;
}

/** HH:MM:SS of an ISO time in the chosen zone. */
function clock(iso: string, zone: TimeZoneChoice): string {
  return formatTimestamp(Date.parse(iso), zone).slice(11);
}

/** What became of the action: refused, the cluster's answer, and the operation's result. */
export function auditOutcome(e: AuditLine, zone: TimeZoneChoice): string {
  if (e.refused) return `refused (${e.status ?? 403}): ${e.refused}`;
  if (e.result) {
    const end = `${e.result.state === 'COMPLETED' ? 'completed' : 'failed'} ${clock(e.result.time, zone)}`;
    if (e.result.failure) return `${end}: ${e.result.failure}`;
    return e.result.location ? `${end}, path ${e.result.location}` : end;
  }
  if (!e.response) return 'sent, no answer recorded';
  const answer = e.response.status < 400 ? 'accepted' : `failed (HTTP ${e.response.status})`;
  return e.response.triggerId && e.response.status < 400
    ? `${answer}, trigger ${e.response.triggerId}`
    : answer;
}

/** "Savepoint by alice at 03:12:00 → completed 03:13:05, path s3://…" */
export function describeAuditEntry(e: AuditLine, zone: TimeZoneChoice): string {
  return `${actionLabel(e)} by ${e.user ?? 'anonymous'} at ${clock(e.time, zone)} → ${auditOutcome(e, zone)}`;
}
