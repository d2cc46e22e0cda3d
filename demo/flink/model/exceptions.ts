// Exception history of failed and restarting jobs, shaped like Flink's
// JobExceptionsInfoWithHistory entries (root exception plus concurrent ones).
import type { SimJob } from './job.ts';

export interface ExceptionInfo {
  exceptionName: string;
  stacktrace: string;
  timestamp: number;
  taskName?: string;
  endpoint?: string;
  taskManagerId?: string;
  failureLabels: Record<string, string>;
}

export interface RootExceptionInfo extends ExceptionInfo {
  concurrentExceptions: ExceptionInfo[];
}

interface Template {
  name: string;
  frames: string[];
  cause?: { name: string; frames: string[] };
  labels: Record<string, string>;
  /** Global failures are not tied to a task. */
  global?: boolean;
}

const TASK_TAIL = [
  'org.apache.flink.streaming.runtime.tasks.StreamTask.processInput(StreamTask.java:638)',
  'org.apache.flink.streaming.runtime.tasks.mailbox.MailboxProcessor.runMailboxLoop(MailboxProcessor.java:231)',
  'org.apache.flink.streaming.runtime.tasks.StreamTask.runMailboxLoop(StreamTask.java:980)',
  'org.apache.flink.streaming.runtime.tasks.StreamTask.invoke(StreamTask.java:917)',
  'org.apache.flink.runtime.taskmanager.Task.runWithSystemExitMonitoring(Task.java:963)',
  'org.apache.flink.runtime.taskmanager.Task.restoreAndInvoke(Task.java:942)',
  'org.apache.flink.runtime.taskmanager.Task.doRun(Task.java:756)',
  'org.apache.flink.runtime.taskmanager.Task.run(Task.java:568)',
  'java.base/java.lang.Thread.run(Thread.java:840)',
];

const JDBC_REFUSED: Template = {
  name: 'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=3)',
  frames: [
    'com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)',
    'com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)',
    'com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100)',
    'com.streamdash.demo.orders.CustomerLookup.lookup(CustomerLookup.java:74)',
    'com.streamdash.demo.orders.CustomerLookup.processElement(CustomerLookup.java:51)',
    'org.apache.flink.streaming.api.operators.ProcessOperator.processElement(ProcessOperator.java:66)',
    'org.apache.flink.streaming.runtime.io.RecordProcessorUtils.lambda$getRecordProcessor$0(RecordProcessorUtils.java:60)',
    'org.apache.flink.streaming.runtime.tasks.OneInputStreamTask$StreamTaskNetworkOutput.emitRecord(OneInputStreamTask.java:237)',
    'org.apache.flink.streaming.runtime.io.AbstractStreamTaskNetworkInput.processElement(AbstractStreamTaskNetworkInput.java:146)',
    'org.apache.flink.streaming.runtime.io.AbstractStreamTaskNetworkInput.emitNext(AbstractStreamTaskNetworkInput.java:110)',
    'org.apache.flink.streaming.runtime.io.StreamOneInputProcessor.processInput(StreamOneInputProcessor.java:65)',
    ...TASK_TAIL,
  ],
  cause: {
    name: 'java.net.ConnectException: Connection refused',
    frames: [
      'java.base/sun.nio.ch.Net.pollConnect(Native Method)',
      'java.base/sun.nio.ch.Net.pollConnectNow(Net.java:672)',
      'java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:547)',
      'java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:602)',
      'java.base/java.net.Socket.connect(Socket.java:633)',
      'org.postgresql.core.PGStream.createSocket(PGStream.java:243)',
      'org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:273)',
    ],
  },
  labels: {},
};

const RECOVERY_SUPPRESSED: Template = {
  name: 'org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=3, backoffTimeMS=10000)',
  frames: [
    'org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:213)',
    'org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailureAndReport(ExecutionFailureHandler.java:163)',
    'org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.getFailureHandlingResult(ExecutionFailureHandler.java:118)',
    'org.apache.flink.runtime.scheduler.DefaultScheduler.recordTaskFailure(DefaultScheduler.java:294)',
    'org.apache.flink.runtime.scheduler.DefaultScheduler.handleTaskFailure(DefaultScheduler.java:285)',
    'org.apache.flink.runtime.scheduler.DefaultScheduler.onTaskFailed(DefaultScheduler.java:278)',
    'org.apache.flink.runtime.scheduler.SchedulerBase.onTaskExecutionStateUpdate(SchedulerBase.java:836)',
    'org.apache.flink.runtime.scheduler.SchedulerBase.updateTaskExecutionState(SchedulerBase.java:813)',
    'org.apache.flink.runtime.jobmaster.JobMaster.updateTaskExecutionState(JobMaster.java:532)',
    'java.base/java.lang.Thread.run(Thread.java:840)',
  ],
  cause: { name: JDBC_REFUSED.name, frames: JDBC_REFUSED.frames.slice(0, 8) },
  labels: {},
  global: true,
};

const NPE: Template = {
  name: 'java.lang.NullPointerException: Cannot invoke "String.length()" because "campaignId" is null',
  frames: [
    'com.streamdash.demo.ads.DedupFunction.keyOf(DedupFunction.java:88)',
    'com.streamdash.demo.ads.DedupFunction.processElement(DedupFunction.java:61)',
    'org.apache.flink.streaming.api.operators.KeyedProcessOperator.processElement(KeyedProcessOperator.java:83)',
    'org.apache.flink.streaming.runtime.io.RecordProcessorUtils.lambda$getRecordProcessor$0(RecordProcessorUtils.java:60)',
    'org.apache.flink.streaming.runtime.tasks.OneInputStreamTask$StreamTaskNetworkOutput.emitRecord(OneInputStreamTask.java:237)',
    'org.apache.flink.streaming.runtime.io.AbstractStreamTaskNetworkInput.processElement(AbstractStreamTaskNetworkInput.java:146)',
    'org.apache.flink.streaming.runtime.io.AbstractStreamTaskNetworkInput.emitNext(AbstractStreamTaskNetworkInput.java:110)',
    'org.apache.flink.streaming.runtime.io.StreamOneInputProcessor.processInput(StreamOneInputProcessor.java:65)',
    ...TASK_TAIL,
  ],
  labels: { type: 'USER' },
};

const TM_LOST: Template = {
  name: 'org.apache.flink.runtime.jobmaster.JobMasterException: TaskManager with id 172.19.0.7:36481-9c1e4f is no longer reachable.',
  frames: [
    'org.apache.flink.runtime.jobmaster.JobMaster$TaskManagerHeartbeatListener.notifyTargetUnreachable(JobMaster.java:1542)',
    'org.apache.flink.runtime.heartbeat.DefaultHeartbeatMonitor.reportHeartbeatRpcFailure(DefaultHeartbeatMonitor.java:126)',
    'org.apache.flink.runtime.heartbeat.HeartbeatManagerImpl.runIfHeartbeatMonitorExists(HeartbeatManagerImpl.java:275)',
    'org.apache.flink.runtime.heartbeat.HeartbeatManagerImpl.reportHeartbeatTargetUnreachable(HeartbeatManagerImpl.java:267)',
    'org.apache.flink.runtime.heartbeat.HeartbeatManagerImpl.handleHeartbeatRpcFailure(HeartbeatManagerImpl.java:262)',
    'java.base/java.util.concurrent.CompletableFuture.uniHandle(CompletableFuture.java:934)',
    'java.base/java.lang.Thread.run(Thread.java:840)',
  ],
  labels: { type: 'SYSTEM', component: 'taskmanager' },
};

const CHECKPOINT_THRESHOLD: Template = {
  name: 'org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold. The latest checkpoint failed due to Checkpoint expired before completing., view the Checkpoint History tab or the Job Manager log to find out why continuous checkpoints failed.',
  frames: [
    'org.apache.flink.runtime.checkpoint.CheckpointFailureManager.checkFailureAgainstCounter(CheckpointFailureManager.java:212)',
    'org.apache.flink.runtime.checkpoint.CheckpointFailureManager.handleJobLevelCheckpointException(CheckpointFailureManager.java:169)',
    'org.apache.flink.runtime.checkpoint.CheckpointFailureManager.handleCheckpointException(CheckpointFailureManager.java:122)',
    'org.apache.flink.runtime.checkpoint.CheckpointCoordinator.abortPendingCheckpoint(CheckpointCoordinator.java:2155)',
    'org.apache.flink.runtime.checkpoint.CheckpointCoordinator.lambda$null$8(CheckpointCoordinator.java:1010)',
    'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
    'java.base/java.lang.Thread.run(Thread.java:840)',
  ],
  labels: { type: 'SYSTEM', component: 'checkpointing' },
  global: true,
};

function render(t: Template): string {
  let s = `${t.name}\n${t.frames.map((f) => `\tat ${f}`).join('\n')}\n`;
  if (t.cause)
    s += `Caused by: ${t.cause.name}\n${t.cause.frames.map((f) => `\tat ${f}`).join('\n')}\n\t... ${t.frames.length - 3} more\n`;
  return s;
}

export interface TaskLocator {
  /** Endpoint and task manager id of a subtask (where it ran). */
  locate(job: SimJob, vertexIndex: number, subtask: number): { endpoint: string; taskManagerId: string };
}

function entry(
  job: SimJob,
  t: Template,
  at: number,
  vertexIndex: number,
  subtask: number,
  attempt: number,
  loc: TaskLocator,
): ExceptionInfo {
  // exceptionName is the class only; the message is in the stack trace
  const exceptionName = t.name.split(':')[0] ?? t.name;
  const e: ExceptionInfo = {
    exceptionName,
    stacktrace: render(t),
    timestamp: at,
    failureLabels: { ...t.labels },
  };
  const v = job.vertices[vertexIndex];
  if (!t.global && v) {
    const where = loc.locate(job, vertexIndex, subtask);
    e.taskName = `${v.name} (${subtask + 1}/${v.parallelism}) - execution #${attempt}`;
    e.endpoint = where.endpoint;
    e.taskManagerId = where.taskManagerId;
  }
  return e;
}

/** Failures of the job up to `now`, newest first (Flink keeps web.exception-history-size of them). */
export function exceptionHistory(
  job: SimJob,
  now: number,
  loc: TaskLocator,
  historySize = 16,
): RootExceptionInfo[] {
  const p = job.phase(now);
  const fv = job.failingVertex();
  const out: RootExceptionInfo[] = [];
  if (job.spec.scenario === 'failed') {
    const end = p.end;
    for (let k = 0; k < 3; k++) {
      const at = end - 60 - (3 - k) * 410_000;
      out.push({ ...entry(job, JDBC_REFUSED, at, fv, k % 2, k, loc), concurrentExceptions: [] });
    }
    // restarts exhausted: the last entry is the global JobException, the task failure concurrent
    const last = {
      ...entry(job, RECOVERY_SUPPRESSED, end - 40, fv, 0, 3, loc),
      concurrentExceptions: [entry(job, JDBC_REFUSED, end - 120, fv, 1, 3, loc)],
    };
    out.push(last);
  } else if (job.spec.restartCycle) {
    const c = job.spec.restartCycle;
    for (let k = 0; k < p.failures; k++) {
      const at = job.initializedAt + k * (c.runningMs + c.restartingMs) + c.runningMs;
      const t = k % 5 === 4 ? CHECKPOINT_THRESHOLD : k % 7 === 3 ? TM_LOST : NPE;
      const root = { ...entry(job, t, at, fv, 0, k, loc), concurrentExceptions: [] as ExceptionInfo[] };
      if (t === TM_LOST)
        root.concurrentExceptions.push(
          entry(job, TM_LOST, at + 3, 2, 0, k, loc),
          entry(job, TM_LOST, at + 4, 3, 1, k, loc),
        );
      out.push(root);
    }
  }
  return out.reverse().slice(0, historySize);
}

/** The failure cause of a failed job's result (execution-result), as SerializedThrowable text. */
export function jobFailureCause(): { className: string; stackTrace: string } {
  const root = 'org.apache.flink.runtime.JobException';
  const message =
    'Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=3, backoffTimeMS=10000)';
  const trace =
    `${root}: ${message}\n` +
    [
      'org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:219)',
      'org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailureAndReport(ExecutionFailureHandler.java:166)',
      'org.apache.flink.runtime.scheduler.DefaultScheduler.recordTaskFailure(DefaultScheduler.java:302)',
      'org.apache.flink.runtime.scheduler.DefaultScheduler.handleTaskFailure(DefaultScheduler.java:292)',
      'org.apache.flink.runtime.scheduler.DefaultScheduler.onTaskFailed(DefaultScheduler.java:285)',
      'org.apache.flink.runtime.scheduler.SchedulerBase.onTaskExecutionStateUpdate(SchedulerBase.java:805)',
      'org.apache.flink.runtime.jobmaster.JobMaster.updateTaskExecutionState(JobMaster.java:496)',
      'java.base/java.lang.Thread.run(Thread.java:840)',
    ]
      .map((f) => `\tat ${f}`)
      .join('\n') +
    `\nCaused by: ${render(JDBC_REFUSED)}`;
  return { className: root, stackTrace: trace };
}
