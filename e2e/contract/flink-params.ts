/**
 * Resolves the `:params` of Flink endpoint templates to real ids on a live cluster, by walking the
 * cluster the way the dashboard does (jobs -> vertices -> checkpoints, task managers -> logs).
 */
export interface FlinkIds {
  jobid: string;
  vertexid: string;
  checkpointid?: number;
  subtaskindex: number;
  attempt: number;
  taskmanagerid: string;
  tmLogName?: string;
  jmLogName?: string;
  jarid?: string;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function resolveFlinkIds(base: string, jobId?: string): Promise<FlinkIds> {
  const jobs = await getJson<{ jobs: { jid: string; state: string }[] }>(`${base}/jobs/overview`);
  const jobid = jobId ?? jobs.jobs.find((j) => j.state === 'RUNNING')?.jid;
  if (!jobid) throw new Error(`${base}: no running job to check against`);
  const job = await getJson<{ vertices: { id: string }[] }>(`${base}/jobs/${jobid}`);
  const vertexid = job.vertices[0]?.id;
  if (!vertexid) throw new Error(`${base}: job ${jobid} has no vertices`);
  const cps = await getJson<{ latest?: { completed?: { id: number } | null } }>(
    `${base}/jobs/${jobid}/checkpoints`,
  );
  const tms = await getJson<{ taskmanagers: { id: string }[] }>(`${base}/taskmanagers`);
  const taskmanagerid = tms.taskmanagers[0]?.id;
  if (!taskmanagerid) throw new Error(`${base}: no task manager`);
  const tmLogs = await getJson<{ logs: { name: string }[] }>(`${base}/taskmanagers/${taskmanagerid}/logs`);
  const jmLogs = await getJson<{ logs: { name: string }[] }>(`${base}/jobmanager/logs`);
  // Other suites upload jars without a manifest to the same demo cluster: plan one that can run.
  const jars = await getJson<{ files: { id: string; entry: unknown[] }[] }>(`${base}/jars`);
  const runnable = jars.files.find((f) => f.entry.length > 0);
  return {
    jobid,
    vertexid,
    ...(cps.latest?.completed ? { checkpointid: cps.latest.completed.id } : {}),
    subtaskindex: 0,
    attempt: 0,
    taskmanagerid,
    ...(tmLogs.logs[0] ? { tmLogName: tmLogs.logs[0].name } : {}),
    ...(jmLogs.logs[0] ? { jmLogName: jmLogs.logs[0].name } : {}),
    ...(runnable ? { jarid: runnable.id } : {}),
  };
}

/** Fills a template like `/jobs/:jobid/vertices/:vertexid`; undefined when an id is not available. */
export function fillTemplate(template: string, ids: FlinkIds): string | undefined {
  let missing = false;
  const path = template.replace(/:([a-z]+)/g, (_, name: string) => {
    const value =
      name === 'logname' || name === 'filename'
        ? template.startsWith('/jobmanager')
          ? ids.jmLogName
          : ids.tmLogName
        : (ids as unknown as Record<string, string | number | undefined>)[name];
    if (value === undefined) missing = true;
    return encodeURIComponent(String(value));
  });
  return missing ? undefined : path;
}
