// Log files of the job manager and task managers, in Flink's log4j layout
// ("yyyy-MM-dd HH:mm:ss,SSS LEVEL logger [] - message").
import type { Cluster } from './cluster.ts';
import type { SimTaskManager } from './task-managers.ts';

function ts(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())},${p(d.getUTCMilliseconds(), 3)}`;
}

function line(ms: number, level: string, logger: string, message: string): string {
  return `${ts(ms)} ${level.padEnd(5)} ${logger.padEnd(60)} [] - ${message}\n`;
}

const JM_LOG = 'flink--standalonesession-0-jobmanager.log';
const JM_OUT = 'flink--standalonesession-0-jobmanager.out';

export function jmLogName(): string {
  return JM_LOG;
}

export function jobManagerLog(c: Cluster, now: number): string {
  const t0 = c.jmStartedAt;
  let s = '';
  s += line(
    t0,
    'INFO',
    'org.apache.flink.runtime.entrypoint.ClusterEntrypoint',
    '--------------------------------------------------------------------------------',
  );
  s += line(
    t0 + 2,
    'INFO',
    'org.apache.flink.runtime.entrypoint.ClusterEntrypoint',
    ` Preconfiguration: \n Starting StandaloneSessionClusterEntrypoint (Version: 2.2.1, Scala: 2.12, Rev:${c.commitId}, Date:2025-11-20T10:12:43+01:00)`,
  );
  s += line(
    t0 + 5,
    'INFO',
    'org.apache.flink.runtime.entrypoint.ClusterEntrypoint',
    ' JVM: OpenJDK 64-Bit Server VM - Eclipse Adoptium - 17/17.0.15+6',
  );
  s += line(
    t0 + 6,
    'INFO',
    'org.apache.flink.runtime.entrypoint.ClusterEntrypoint',
    ' Maximum heap size: 1024 MiBytes',
  );
  s += line(
    t0 + 900,
    'INFO',
    'org.apache.flink.runtime.rpc.pekko.PekkoRpcServiceUtils',
    'Trying to start actor system, external address jobmanager:6123, bind address 0.0.0.0:6123.',
  );
  s += line(
    t0 + 2100,
    'INFO',
    'org.apache.flink.runtime.dispatcher.DispatcherRestEndpoint',
    'Rest endpoint listening at jobmanager:8081',
  );
  s += line(
    t0 + 2300,
    'INFO',
    'org.apache.flink.runtime.dispatcher.DispatcherRestEndpoint',
    'Web frontend listening at http://jobmanager:8081.',
  );
  for (const tm of c.taskManagers.slice(0, 50)) {
    s += line(
      tm.registeredAt,
      'INFO',
      'org.apache.flink.runtime.resourcemanager.StandaloneResourceManager',
      `Registering TaskManager with ResourceID ${tm.id} (pekko.tcp://flink@${tm.host}:${tm.rpcPort}/user/rpc/taskmanager_0) at ResourceManager`,
    );
  }
  const events: { at: number; text: string }[] = [];
  for (const job of c.jobs().slice(0, 50)) {
    events.push({
      at: job.submittedAt,
      text: line(
        job.submittedAt,
        'INFO',
        'org.apache.flink.runtime.dispatcher.StandaloneDispatcher',
        `Received JobGraph submission '${job.name}' (${job.id}).`,
      ),
    });
    events.push({
      at: job.submittedAt + 5,
      text: line(
        job.submittedAt + 5,
        'INFO',
        'org.apache.flink.runtime.dispatcher.StandaloneDispatcher',
        `Submitting job '${job.name}' (${job.id}).`,
      ),
    });
    const p = job.phase(now);
    if (p.end > 0 && p.end <= now) {
      events.push({
        at: p.end,
        text: line(
          p.end,
          'INFO',
          'org.apache.flink.runtime.dispatcher.StandaloneDispatcher',
          `Job ${job.id} reached terminal state ${p.status}.`,
        ),
      });
    }
    const cps = job.checkpoints?.triggered(now).slice(-8) ?? [];
    for (const r of cps) {
      if (r.endsAt > now) continue;
      const text =
        r.outcome === 'COMPLETED'
          ? line(
              r.endsAt,
              'INFO',
              'org.apache.flink.runtime.checkpoint.CheckpointCoordinator',
              `Completed checkpoint ${r.id} for job ${job.id} (${r.checkpointedSize} bytes, checkpointDuration=${r.endsAt - r.triggeredAt} ms, finalizationTime=3 ms).`,
            )
          : line(
              r.endsAt,
              'WARN',
              'org.apache.flink.runtime.checkpoint.CheckpointFailureManager',
              `Failed to trigger or complete checkpoint ${r.id} for job ${job.id}. (0 consecutive failed attempts so far)\norg.apache.flink.runtime.checkpoint.CheckpointException: ${r.failureMessage ?? 'Checkpoint failed.'}`,
            );
      events.push({ at: r.endsAt, text });
    }
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) if (e.at <= now) s += e.text;
  return s;
}

export function jobManagerStdout(): string {
  return '';
}

export function jobManagerLogList(c: Cluster, now: number): { name: string; size: number; mtime: number }[] {
  return [
    { name: JM_LOG, size: Buffer.byteLength(jobManagerLog(c, now)), mtime: now - (now % 1000) },
    { name: JM_OUT, size: 0, mtime: c.jmStartedAt + 2000 },
  ];
}

// ---- task managers

export function tmLogName(tm: SimTaskManager): string {
  return `flink--taskexecutor-0-taskmanager-${tm.index + 1}.log`;
}

export function tmOutName(tm: SimTaskManager): string {
  return `flink--taskexecutor-0-taskmanager-${tm.index + 1}.out`;
}

export function taskManagerLog(
  c: Cluster,
  tm: SimTaskManager,
  tasks: { name: string; at: number }[],
): string {
  const t0 = tm.registeredAt - 8000;
  let s = '';
  s += line(
    t0,
    'INFO',
    'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
    '--------------------------------------------------------------------------------',
  );
  s += line(
    t0 + 2,
    'INFO',
    'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
    ` Starting TaskManager (Version: 2.2.1, Scala: 2.12, Rev:${c.commitId}, Date:2025-11-20T10:12:43+01:00)`,
  );
  s += line(
    t0 + 1300,
    'INFO',
    'org.apache.flink.runtime.taskexecutor.TaskExecutor',
    `Connecting to ResourceManager pekko.tcp://flink@jobmanager:6123/user/rpc/resourcemanager_*(00000000000000000000000000000000).`,
  );
  s += line(
    tm.registeredAt,
    'INFO',
    'org.apache.flink.runtime.taskexecutor.TaskExecutor',
    `Successful registration at resource manager pekko.tcp://flink@jobmanager:6123/user/rpc/resourcemanager_* under registration id ${tm.id.slice(-6)}c1e0f4a2b7d93.`,
  );
  for (const t of [...tasks].sort((a, b) => a.at - b.at)) {
    s += line(
      t.at,
      'INFO',
      'org.apache.flink.runtime.taskexecutor.TaskExecutor',
      `Received task ${t.name}, deploy into slot with allocation id ${tm.id.slice(-6)}.`,
    );
    s += line(
      t.at + 40,
      'INFO',
      'org.apache.flink.runtime.taskmanager.Task',
      `${t.name} switched from DEPLOYING to INITIALIZING.`,
    );
    s += line(
      t.at + 900,
      'INFO',
      'org.apache.flink.runtime.taskmanager.Task',
      `${t.name} switched from INITIALIZING to RUNNING.`,
    );
  }
  return s;
}

export function taskManagerStdout(tasks: { name: string }[]): string {
  return tasks.some((t) => t.name.includes('Print to Std. Out'))
    ? '1> (car-1,55,15504.0,1700000000000)\n2> (car-0,70,15672.0,1700000000450)\n'
    : '';
}

/** A ~`bytes` log for benchmarks: lines with moving timestamps, built once. */
export function bigLog(start: number, bytes: number): Buffer {
  const chunks: string[] = [];
  const logger = 'org.apache.flink.streaming.runtime.tasks.StreamTask'.padEnd(60);
  let size = 0;
  let i = 0;
  let second = -1;
  let prefix = '';
  // formatting numbers and dates per line is the slow part: reuse messages, dates per second
  const messages = Array.from(
    { length: 997 },
    (_, k) =>
      ` ${k % 97 === 0 ? 'WARN ' : 'INFO '} ${logger} [] - Processing batch ${k}: emitted ${(k * 7919) % 100_000} records, buffer pool usage ${(k % 100) / 100}.\n`,
  );
  const millis = Array.from({ length: 1000 }, (_, k) => `,${String(k).padStart(3, '0')}`);
  while (size < bytes) {
    const t = start + i * 7;
    if (Math.floor(t / 1000) !== second) {
      second = Math.floor(t / 1000);
      prefix = ts(second * 1000).slice(0, 19);
    }
    const l = prefix + (millis[t % 1000] ?? '') + (messages[i % 997] ?? '');
    chunks.push(l);
    size += l.length;
    i++;
  }
  return Buffer.from(chunks.join(''));
}
