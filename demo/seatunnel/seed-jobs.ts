// The demo cluster's starting jobs: one of each state a dashboard must show.
// Ids and names are fixed (independent of the seed) so tests can rely on them.
import type { DemoEngine } from './engine.ts';
import { prefill } from './job-metrics.ts';
import type { JobSpec, JobStatus } from './job-model.ts';
import { flakeId } from './prng.ts';

export const SEATUNNEL_DEMO_JOBS = {
  multiTableStreaming: { id: '1003427735263641601', name: 'fake_multi_table_to_jdbc' },
  stalledSink: { id: '1003427881958424577', name: 'fake_to_console_stalled_sink' },
  pending: { id: '1003428104372076545', name: 'backfill_waiting_for_slots' },
  finishedBatch: { id: '1003419122532605953', name: 'nightly_fake_to_console' },
  finishedWithTransform: { id: '1003419640373960705', name: 'fake_sql_transform_to_localfile' },
  failed: { id: '1003420188737265665', name: 'orders_jdbc_to_jdbc' },
  canceled: { id: '1003421031419076609', name: 'fake_to_localfile_canceled' },
  savepointDone: { id: '1003422278129795073', name: 'fake_stream_savepointed' },
} as const;

export const MULTI_TABLE_TABLES = ['shop.orders', 'shop.customers', 'shop.products'];

const streamingEnv = (parallelism: number): Array<[string, string]> => [
  ['job.mode', 'STREAMING'],
  ['checkpoint.interval', '10000'],
  ['parallelism', String(parallelism)],
];
const batchEnv = (parallelism: number): Array<[string, string]> => [
  ['job.mode', 'BATCH'],
  ['parallelism', String(parallelism)],
];

function spec(
  name: string,
  mode: 'BATCH' | 'STREAMING',
  parallelism: number,
  source: string,
  tables: string[],
  sink: string,
  transform?: string,
): JobSpec {
  return {
    name,
    mode,
    env: mode === 'BATCH' ? batchEnv(parallelism) : streamingEnv(parallelism),
    parallelism,
    sources: [{ name: source, tables }],
    transforms: transform ? [{ name: transform, tables }] : [],
    sinks: [{ name: sink, tables }],
    batchRowsPerTable: 1000,
  };
}

export const JDBC_FAILURE_TRACE = [
  'java.lang.RuntimeException: java.util.concurrent.ExecutionException: org.apache.seatunnel.connectors.seatunnel.jdbc.exception.JdbcConnectorException: ErrorCode:[COMMON-08], ErrorDescription:[Sql operation failed, such as (execute,addBatch,close) etc...] - Writing records to JDBC failed.',
  '\tat org.apache.seatunnel.engine.server.task.flow.SinkFlowLifeCycle.received(SinkFlowLifeCycle.java:304)',
  '\tat org.apache.seatunnel.engine.server.task.flow.SinkFlowLifeCycle.received(SinkFlowLifeCycle.java:72)',
  '\tat org.apache.seatunnel.engine.server.task.SeaTunnelTransformCollector.collect(SeaTunnelTransformCollector.java:39)',
  '\tat org.apache.seatunnel.engine.server.task.SeaTunnelSourceCollector.collect(SeaTunnelSourceCollector.java:132)',
  '\tat org.apache.seatunnel.engine.server.task.SourceSeaTunnelTask.collect(SourceSeaTunnelTask.java:127)',
  '\tat org.apache.seatunnel.engine.server.task.SeaTunnelTask.stateProcess(SeaTunnelTask.java:168)',
  '\tat org.apache.seatunnel.engine.server.task.SourceSeaTunnelTask.call(SourceSeaTunnelTask.java:132)',
  '\tat org.apache.seatunnel.engine.server.TaskExecutionService$BlockingWorker.run(TaskExecutionService.java:694)',
  '\tat org.apache.seatunnel.engine.server.TaskExecutionService$NamedTaskWrapper.run(TaskExecutionService.java:1023)',
  '\tat java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:511)',
  '\tat java.util.concurrent.FutureTask.run(FutureTask.java:266)',
  '\tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)',
  '\tat java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)',
  '\tat java.lang.Thread.run(Thread.java:750)',
  "Caused by: java.sql.BatchUpdateException: Duplicate entry '104217' for key 'orders.PRIMARY'",
  '\tat com.mysql.cj.jdbc.exceptions.SQLError.createBatchUpdateException(SQLError.java:224)',
  '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeBatchSerially(ClientPreparedStatement.java:816)',
  '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeBatchInternal(ClientPreparedStatement.java:418)',
  '\tat com.mysql.cj.jdbc.StatementImpl.executeBatch(StatementImpl.java:795)',
  '\tat org.apache.seatunnel.connectors.seatunnel.jdbc.internal.executor.FieldNamedPreparedStatement.executeBatch(FieldNamedPreparedStatement.java:540)',
  '\tat org.apache.seatunnel.connectors.seatunnel.jdbc.internal.executor.SimpleBatchStatementExecutor.executeBatch(SimpleBatchStatementExecutor.java:51)',
  '\tat org.apache.seatunnel.connectors.seatunnel.jdbc.internal.JdbcOutputFormat.attemptFlush(JdbcOutputFormat.java:172)',
  '\t... 13 more',
  '',
].join('\n');

const MIN = 60_000;

export function seedJobs(engine: DemoEngine, scale: 'normal' | 'large'): void {
  const now = engine.now();
  const r = engine.random;
  const J = SEATUNNEL_DEMO_JOBS;

  const running = (
    id: string,
    s: JobSpec,
    ageMin: number,
    rate: () => number,
    member: number,
    stalledMin = 0,
  ): void => {
    const job = engine.createJob(id, s, 'RUNNING', now - ageMin * MIN, member);
    job.tables = engine.makeFlows(s, rate);
    for (const f of job.tables) prefill(f, ageMin * 60, stalledMin * 60);
    if (stalledMin > 0) {
      job.sinkStalledAt = now - stalledMin * MIN;
      job.intermediateQueueSize = 2048;
    }
  };
  const ended = (
    id: string,
    s: JobSpec,
    status: JobStatus,
    startMinAgo: number,
    runMin: number,
    member: number,
    errorMsg: string | null = null,
  ): void => {
    const job = engine.createJob(id, s, status, now - startMinAgo * MIN, member);
    job.finishTime = job.createTime + runMin * MIN;
    job.errorMsg = errorMsg;
    job.tables = engine.makeFlows(s, () => 50 + r() * 150);
    const batchTotal = s.batchRowsPerTable ?? 0;
    for (const f of job.tables) {
      prefill(f, runMin * 60);
      if (s.mode === 'BATCH' && status === 'FINISHED') {
        f.sourceCount = batchTotal;
        f.sinkCount = batchTotal;
      }
      if (status === 'FAILED') f.sinkCount = Math.floor(f.sourceCount * 0.93);
    }
  };

  running(
    J.multiTableStreaming.id,
    spec(J.multiTableStreaming.name, 'STREAMING', 2, 'FakeSource', MULTI_TABLE_TABLES, 'Jdbc'),
    125,
    () => 80 + r() * 240,
    0,
  );
  running(
    J.stalledSink.id,
    spec(J.stalledSink.name, 'STREAMING', 1, 'FakeSource', ['fake.events'], 'Console'),
    48,
    () => 60 + r() * 40,
    1,
    12,
  );
  const pending = engine.createJob(
    J.pending.id,
    spec(J.pending.name, 'BATCH', 4, 'Jdbc', ['warehouse.public.events_2024'], 'Doris'),
    'PENDING',
    // Waiting long enough for Triage's "Job pending" (seatunnelPendingMs, 10 min) from the start.
    now - 15 * MIN,
    0,
  );
  pending.tables = engine.makeFlows(pending.spec, () => 0);

  ended(
    J.finishedBatch.id,
    spec(J.finishedBatch.name, 'BATCH', 1, 'FakeSource', ['fake'], 'Console'),
    'FINISHED',
    610,
    3,
    0,
  );
  ended(
    J.finishedWithTransform.id,
    spec(J.finishedWithTransform.name, 'BATCH', 2, 'FakeSource', ['fake.user_table'], 'LocalFile', 'Sql'),
    'FINISHED',
    400,
    7,
    1,
  );
  ended(
    J.failed.id,
    spec(J.failed.name, 'STREAMING', 2, 'Jdbc', ['shop.orders'], 'Jdbc'),
    'FAILED',
    300,
    41,
    0,
    JDBC_FAILURE_TRACE,
  );
  ended(
    J.canceled.id,
    spec(J.canceled.name, 'STREAMING', 1, 'FakeSource', ['fake'], 'LocalFile'),
    'CANCELED',
    240,
    95,
    1,
  );
  ended(
    J.savepointDone.id,
    spec(J.savepointDone.name, 'STREAMING', 1, 'FakeSource', ['fake.clicks'], 'Console'),
    'SAVEPOINT_DONE',
    180,
    60,
    0,
  );

  if (scale === 'large') seedLarge(engine, now);
}

/** Many jobs and wide multi-table jobs, to exercise lists, DAGs and tables at scale. */
function seedLarge(engine: DemoEngine, now: number): void {
  const r = engine.random;
  for (let i = 0; i < 40; i++) {
    const tableCount = i === 0 ? 200 : 1 + Math.floor(r() * 50);
    const tables = Array.from(
      { length: tableCount },
      (_, t) => `erp.public.table_${String(t).padStart(3, '0')}`,
    );
    const created = now - (10 + i * 17) * MIN;
    const id = flakeId(created, i, 2);
    const job = engine.createJob(
      id,
      spec(
        `cdc_sync_erp_${String(i).padStart(2, '0')}`,
        'STREAMING',
        1 + (i % 4),
        'MySQL-CDC',
        tables,
        'Doris',
      ),
      'RUNNING',
      created,
      i % 2,
    );
    job.tables = engine.makeFlows(job.spec, () => 5 + r() * 60);
    for (const f of job.tables) prefill(f, (now - created) / 1000);
  }
  const endStates: JobStatus[] = ['FINISHED', 'FINISHED', 'FINISHED', 'FAILED', 'CANCELED', 'SAVEPOINT_DONE'];
  for (let i = 0; i < 400; i++) {
    const status = endStates[i % endStates.length] ?? 'FINISHED';
    const created = now - (30 + i * 11) * MIN;
    const id = flakeId(created, i % 64, 3);
    const job = engine.createJob(
      id,
      spec(
        `batch_export_${String(i).padStart(3, '0')}`,
        'BATCH',
        1 + (i % 3),
        'Jdbc',
        [`dw.fact_${i % 25}`],
        'LocalFile',
      ),
      status,
      created,
      i % 2,
    );
    job.finishTime = created + (1 + (i % 9)) * MIN;
    job.errorMsg = status === 'FAILED' ? JDBC_FAILURE_TRACE : null;
    job.tables = engine.makeFlows(job.spec, () => 100 + r() * 400);
    for (const f of job.tables) prefill(f, (job.finishTime - created) / 1000);
  }
}
