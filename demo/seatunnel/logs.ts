// Job log files as the engine lists and serves them: one routing-appender
// file per job ("job-<id>.log") plus the server log, per member. Links always
// point at the REST v2 port, even when asked through v1, as LogService does.
import type { DemoEngine, Member } from './engine.ts';
import { formatLogTime } from './java-compat.ts';
import type { DemoJob } from './job-model.ts';
import { obj, type Json } from './json-text.ts';

export const SERVER_LOG = 'seatunnel-engine-server.log';

export interface LogSite {
  v2Port: number;
  contextPath: string;
}

export function logNames(engine: DemoEngine, m: Member): string[] {
  const jobs = [...engine.jobs.values()].filter((j) => j.member === m.index);
  return [SERVER_LOG, ...jobs.map((j) => `job-${j.id}.log`)].sort();
}

interface LogEntry {
  node: string;
  logLink: string;
  logName: string;
}

/** LogService#allLogNameList: every member's files, filtered by a job id substring. */
export function allNodeLogs(engine: DemoEngine, site: LogSite, jobId: string): LogEntry[] {
  return engine.members.flatMap((m) => {
    const base = `http://${m.host}:${site.v2Port}${site.contextPath}`;
    return logNames(engine, m)
      .filter((name) => jobId === '' || name.includes(jobId))
      .map((logName) => ({ node: `${m.host}:${site.v2Port}`, logLink: `${base}/logs/${logName}`, logName }));
  });
}

export const logsJson = (entries: LogEntry[]): Json[] =>
  entries.map((e) =>
    obj([
      ['node', e.node],
      ['logLink', e.logLink],
      ['logName', e.logName],
    ]),
  );

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** BaseLogService#buildWebSiteContent, byte for byte. */
export function logsHtml(links: Array<{ href: string; name: string }>): string {
  const items = links
    .map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.name)}</a></li>\n`)
    .join('');
  return (
    '<html><head><title>Seatunnel log</title></head>\n' +
    '<body>\n' +
    ' <h2>Seatunnel log</h2>\n' +
    ' <ul>\n' +
    items +
    ' </ul>\n' +
    '</body></html>'
  );
}

/** Log file text, or undefined when no member has a file of that name. */
export function logContent(engine: DemoEngine, name: string): string | undefined {
  if (name === SERVER_LOG) return serverLog(engine);
  const m = /^job-(-?\d+)\.log$/.exec(name);
  const job = m?.[1] === undefined ? undefined : engine.get(m[1]);
  return job ? jobLog(job) : undefined;
}

/** log4j2 layout "%d %-5p [%-30.30c{1.}] [%t] - %m%n" with abbreviated packages. */
function line(time: number, level: string, logger: string, thread: string, message: string): string {
  const parts = logger.split('.');
  const abbreviated = [...parts.slice(0, -1).map((p) => p.charAt(0)), parts[parts.length - 1]].join('.');
  const cat = abbreviated.length > 30 ? abbreviated.slice(-30) : abbreviated.padEnd(30);
  return `${formatLogTime(time)} ${level.padEnd(5)} [${cat}] [${thread}] - ${message}\n`;
}

const MASTER = 'org.apache.seatunnel.engine.server.master.JobMaster';
const COORD = 'org.apache.seatunnel.engine.server.CoordinatorService';
const TASK = 'org.apache.seatunnel.engine.server.TaskExecutionService';

function jobLog(job: DemoJob): string {
  const t0 = job.createTime;
  const label = `Job ${job.spec.name} (${job.id})`;
  const out = [
    line(
      t0,
      'INFO',
      COORD,
      'hz.main.generic-operation.thread-3',
      `start submit job, job id: ${job.id}, with plugin jar []`,
    ),
    line(
      t0 + 41,
      'INFO',
      MASTER,
      'hz.main.seaTunnel.task.thread-4',
      `Init JobMaster for Job ${job.spec.name} (${job.id}) `,
    ),
    line(
      t0 + 57,
      'INFO',
      MASTER,
      'hz.main.seaTunnel.task.thread-4',
      `Job ${job.spec.name} (${job.id}) needed jar urls []`,
    ),
    line(
      t0 + 212,
      'INFO',
      COORD,
      'hz.main.seaTunnel.task.thread-4',
      `${label} turned from state CREATED to SCHEDULED.`,
    ),
  ];
  if (job.status === 'PENDING') {
    out.push(
      line(
        t0 + 230,
        'INFO',
        COORD,
        'hz.main.seaTunnel.task.thread-4',
        `${label} turned from state SCHEDULED to PENDING.`,
      ),
    );
    return out.join('');
  }
  out.push(
    line(
      t0 + 640,
      'INFO',
      COORD,
      'hz.main.seaTunnel.task.thread-4',
      `${label} turned from state SCHEDULED to RUNNING.`,
    ),
  );
  for (const v of job.dag.vertices) {
    out.push(
      line(
        t0 + 700 + v.vertexId,
        'INFO',
        TASK,
        'BlockingWorker-TaskGroupLocation',
        `Start to run task ${v.vertexName}`,
      ),
    );
  }
  if (job.finishTime !== undefined) {
    if (job.errorMsg)
      out.push(
        line(
          job.finishTime - 5,
          'ERROR',
          TASK,
          'BlockingWorker-TaskGroupLocation',
          `Exception in ${label}\n${job.errorMsg}`,
        ),
      );
    out.push(
      line(
        job.finishTime,
        'INFO',
        COORD,
        'hz.main.seaTunnel.task.thread-7',
        `${label} turned from state RUNNING to ${job.status}.`,
      ),
    );
  }
  return out.join('');
}

function serverLog(engine: DemoEngine): string {
  const t = engine.startedAt - 20_000;
  return [
    line(
      t,
      'INFO',
      'org.apache.seatunnel.engine.server.SeaTunnelServer',
      'main',
      'SeaTunnel server start...',
    ),
    line(
      t + 1800,
      'INFO',
      'com.hazelcast.core.LifecycleService',
      'main',
      '[localhost]:5801 [seatunnel] [5.1] [localhost]:5801 is STARTED',
    ),
    line(
      t + 2100,
      'INFO',
      'org.apache.seatunnel.engine.server.CoordinatorService',
      'pool-5-thread-1',
      'This node become a new active master node, begin init coordinator service',
    ),
  ].join('');
}
