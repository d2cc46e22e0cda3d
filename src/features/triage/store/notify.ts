/** What deserves a browser notification: new high-severity problems and state changes of watched jobs. */
import { SEVERITY_RANK, type Problem } from '../rules/types';

export interface JobStateEntry {
  clusterId: string;
  jobId: string;
  name: string;
  state: string;
}

export interface NotificationSpec {
  tag: string;
  title: string;
  body: string;
  href: string;
}

export const jobKey = (clusterId: string, jobId: string) => `${clusterId}/${jobId}`;

export function newProblemNotifications(
  before: readonly Problem[],
  after: readonly Problem[],
): NotificationSpec[] {
  const known = new Map(before.map((p) => [p.id, p]));
  return after
    .filter((p) => {
      if (SEVERITY_RANK[p.severity] < SEVERITY_RANK.high) return false;
      const old = known.get(p.id);
      // New, or escalated into high severity.
      return !old || SEVERITY_RANK[old.severity] < SEVERITY_RANK.high;
    })
    .map((p) => ({
      tag: p.id,
      title: `${p.severity === 'critical' ? 'Critical' : 'High'}: ${p.title}${p.jobName ? ` — ${p.jobName}` : ''}`,
      body: `${p.clusterName}: ${p.explanation}`,
      href: p.href,
    }));
}

export function jobStateNotifications(
  before: Readonly<Record<string, JobStateEntry>>,
  after: Readonly<Record<string, JobStateEntry>>,
  watched: ReadonlySet<string>,
): NotificationSpec[] {
  const out: NotificationSpec[] = [];
  for (const key of watched) {
    const a = before[key];
    const b = after[key];
    if (!a || !b || a.state === b.state) continue;
    out.push({
      tag: `state:${key}:${b.state}`,
      title: `${b.name}: ${a.state} → ${b.state}`,
      body: `Watched job on ${b.clusterId} changed state.`,
      href: `/clusters/${encodeURIComponent(b.clusterId)}/jobs/${encodeURIComponent(b.jobId)}`,
    });
  }
  return out;
}
