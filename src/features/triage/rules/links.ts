/** Deep links to the views that hold a problem's evidence (paths of src/app/routes/route-tree.tsx). */

const enc = encodeURIComponent;

function withSearch(path: string, search: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v !== undefined) params.set(k, String(v));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const cluster = (c: string) => `/clusters/${enc(c)}`;
const job = (c: string, jobId: string) => `${cluster(c)}/jobs/${enc(jobId)}`;

export const links = {
  overview: (c: string) => `${cluster(c)}/overview`,
  /** The job page (graph), optionally with a vertex (and its panel tab) selected. */
  job: (c: string, jobId: string, vertex?: string, panel?: string) =>
    withSearch(job(c, jobId), { vertex, panel }),
  exceptions: (c: string, jobId: string) => `${job(c, jobId)}/exceptions`,
  checkpoints: (c: string, jobId: string, checkpoint?: number) =>
    withSearch(`${job(c, jobId)}/checkpoints`, { checkpoint }),
  backPressure: (c: string, jobId: string, vertex?: string) =>
    withSearch(`${job(c, jobId)}/backpressure`, { vertex }),
  timeline: (c: string, jobId: string) => `${job(c, jobId)}/timeline`,
  taskManagers: (c: string) => `${cluster(c)}/task-managers`,
  taskManager: (c: string, tmId: string) => `${cluster(c)}/task-managers/${enc(tmId)}`,
};
