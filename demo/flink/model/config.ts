// Cluster configuration and JVM environment as the demo JobManager reports them.
import type { Cluster } from './cluster.ts';
import type { SimJob } from './job.ts';

/** The Flink versions the demo can imitate (`--flink-version`), as the real clusters report them. */
export const DEMO_FLINK_VERSIONS = { '1.20': '1.20.5', '2.2': '2.2.1', '2.3': '2.3.0' } as const;
export type DemoFlinkVersion = keyof typeof DEMO_FLINK_VERSIONS;
export const isDemoFlinkVersion = (v: string): v is DemoFlinkVersion => v in DEMO_FLINK_VERSIONS;
/** The default: Flink 2.2. */
export const FLINK_VERSION = DEMO_FLINK_VERSIONS['2.2'];

export function clusterConfig(c: Cluster, restPort: number): { key: string; value: string }[] {
  const entries: [string, string][] = [
    ['blob.server.port', '6124'],
    [
      'env.java.opts.all',
      '--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED',
    ],
    ['execution.checkpointing.dir', 'file:/tmp/flink-checkpoints'],
    ['execution.checkpointing.interval', '5 s'],
    ['jobmanager.bind-host', '0.0.0.0'],
    ['jobmanager.execution.failover-strategy', 'region'],
    ['jobmanager.memory.process.size', '1600m'],
    ['jobmanager.rpc.address', 'jobmanager'],
    ['jobmanager.rpc.port', '6123'],
    ['jobmanager.scheduler', 'adaptive'],
    ['metrics.fetcher.update-interval', flinkDuration(c.metricFetcher.intervalMs)],
    ['parallelism.default', '1'],
    ['rest.address', 'jobmanager'],
    ['rest.bind-address', '0.0.0.0'],
    ['rest.flamegraph.enabled', String(c.opts.flameGraphs)],
    ['rest.port', String(restPort)],
    ['restart-strategy.type', 'fixed-delay'],
    ['restart-strategy.fixed-delay.attempts', '3'],
    ['restart-strategy.fixed-delay.delay', '10 s'],
    ['state.backend.type', 'rocksdb'],
    ['state.backend.incremental', 'true'],
    ['taskmanager.bind-host', '0.0.0.0'],
    ['taskmanager.memory.process.size', '1728m'],
    ['taskmanager.numberOfTaskSlots', '4'],
    ['web.checkpoints.history', String(c.historySize)],
    ['web.exception-history-size', '16'],
    ['web.submit.enable', 'true'],
    ['web.cancel.enable', 'true'],
    ['web.rescale.enable', 'true'],
    ...(c.hasRescaleHistory
      ? ([['web.adaptive-scheduler.rescale-history.size', '10']] as [string, string][])
      : []),
    ['$internal.deployment.config-dir', '/opt/flink/conf'],
  ];
  if (c.opts.defaultSavepointDir)
    entries.push(['execution.checkpointing.savepoint-dir', c.opts.defaultSavepointDir]);
  return entries.sort((a, b) => a[0].localeCompare(b[0])).map(([key, value]) => ({ key, value }));
}

export function jvmEnvironment() {
  return {
    jvm: {
      version: 'OpenJDK 64-Bit Server VM - Eclipse Adoptium - 17/17.0.15+6',
      arch: 'amd64',
      options: [
        '-Xmx1073741824',
        '-Xms1073741824',
        '-XX:MaxMetaspaceSize=268435456',
        '--add-exports=java.base/sun.net.util=ALL-UNNAMED',
        '--add-opens=java.base/java.lang=ALL-UNNAMED',
        '--add-opens=java.base/java.util=ALL-UNNAMED',
        '-Dlog.file=/opt/flink/log/flink--standalonesession-0-jobmanager.log',
        '-Dlog4j.configuration=file:/opt/flink/conf/log4j-console.properties',
        '-Dlog4j.configurationFile=file:/opt/flink/conf/log4j-console.properties',
        '-Dlogback.configurationFile=file:/opt/flink/conf/logback-console.xml',
      ],
    },
    classpath: [
      '/opt/flink/lib/flink-cep-2.2.1.jar',
      '/opt/flink/lib/flink-connector-files-2.2.1.jar',
      '/opt/flink/lib/flink-csv-2.2.1.jar',
      '/opt/flink/lib/flink-json-2.2.1.jar',
      '/opt/flink/lib/flink-scala_2.12-2.2.1.jar',
      '/opt/flink/lib/flink-table-api-java-uber-2.2.1.jar',
      '/opt/flink/lib/flink-table-planner-loader-2.2.1.jar',
      '/opt/flink/lib/flink-table-runtime-2.2.1.jar',
      '/opt/flink/lib/log4j-1.2-api-2.24.3.jar',
      '/opt/flink/lib/log4j-api-2.24.3.jar',
      '/opt/flink/lib/log4j-core-2.24.3.jar',
      '/opt/flink/lib/log4j-slf4j-impl-2.24.3.jar',
      '/opt/flink/lib/flink-dist-2.2.1.jar',
      '/opt/flink/conf',
    ],
  };
}

/** The job's own configuration (JobManager view): cluster config plus job-level settings. */
export function jobConfigEntries(
  c: Cluster,
  job: SimJob,
  restPort: number,
): { key: string; value: string }[] {
  const extra: [string, string][] = [
    ['$internal.pipeline.job-id', job.id],
    ['pipeline.name', job.name],
    ['execution.runtime-mode', job.spec.type === 'BATCH' ? 'BATCH' : 'STREAMING'],
  ];
  if (job.spec.checkpointing)
    extra.push(['execution.checkpointing.interval', `${job.spec.checkpointing.intervalMs} ms`]);
  const base = clusterConfig(c, restPort).filter((e) => !extra.some(([k]) => k === e.key));
  return [...base, ...extra.map(([key, value]) => ({ key, value }))].sort((a, b) =>
    a.key.localeCompare(b.key),
  );
}

/** A duration as Flink prints it in its configuration ("10 s", "500 ms"). */
function flinkDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
