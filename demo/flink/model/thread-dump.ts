// Thread dumps in Flink's format: {"threadInfos": [{"threadName", "stringifiedThreadInfo"}]},
// where the text is ThreadInfo rendered like the JDK's ThreadInfo#toString.
import { javaFrame, stackSamples, type Frame, type ThreadState } from './stacks.ts';
import type { VertexSpec } from './types.ts';

export interface ThreadInfoJson {
  threadName: string;
  stringifiedThreadInfo: string;
}

interface ThreadSpec {
  name: string;
  state: ThreadState;
  lock?: string;
  daemon?: boolean;
  /** Top of stack first. */
  frames: string[];
}

/** cluster.thread-dump.stacktrace-max-depth */
const MAX_DEPTH = 50;

function render(t: ThreadSpec, id: number): string {
  let s = `"${t.name}" Id=${id} ${t.state}`;
  if (t.lock) s += ` on ${t.lock}`;
  s += '\n';
  t.frames.slice(0, MAX_DEPTH).forEach((fr, i) => {
    s += `\tat ${fr}\n`;
    if (i === 0 && t.lock && t.state !== 'RUNNABLE')
      s += `\t-  ${t.state === 'BLOCKED' ? 'blocked on' : 'waiting on'} ${t.lock}\n`;
  });
  if (t.frames.length > MAX_DEPTH) s += '\t...\n';
  return `${s}\n`;
}

const PARK = [
  'java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)',
  'java.base@17.0.15/java.util.concurrent.locks.LockSupport.park(LockSupport.java:341)',
];
const PARK_NANOS = [
  'java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)',
  'java.base@17.0.15/java.util.concurrent.locks.LockSupport.parkNanos(LockSupport.java:252)',
];
const THREAD_RUN = 'java.base@17.0.15/java.lang.Thread.run(Thread.java:840)';
const POOL = [
  'java.base@17.0.15/java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)',
  'java.base@17.0.15/java.util.concurrent.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1062)',
  'java.base@17.0.15/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1122)',
  'java.base@17.0.15/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
  THREAD_RUN,
];
const PEKKO = [
  ...PARK,
  'java.base@17.0.15/java.util.concurrent.ForkJoinPool.awaitWork(ForkJoinPool.java:1724)',
  'java.base@17.0.15/java.util.concurrent.ForkJoinPool.runWorker(ForkJoinPool.java:1623)',
  'java.base@17.0.15/java.util.concurrent.ForkJoinWorkerThread.run(ForkJoinWorkerThread.java:165)',
];
const NETTY = [
  'java.base@17.0.15/sun.nio.ch.EPoll.wait(Native Method)',
  'java.base@17.0.15/sun.nio.ch.EPollSelectorImpl.doSelect(EPollSelectorImpl.java:118)',
  'java.base@17.0.15/sun.nio.ch.SelectorImpl.lockAndDoSelect(SelectorImpl.java:129)',
  'java.base@17.0.15/sun.nio.ch.SelectorImpl.select(SelectorImpl.java:141)',
  'org.apache.flink.shaded.netty4.io.netty.channel.nio.SelectedSelectionKeySetSelector.select(SelectedSelectionKeySetSelector.java:68)',
  'org.apache.flink.shaded.netty4.io.netty.channel.nio.NioEventLoop.select(NioEventLoop.java:879)',
  'org.apache.flink.shaded.netty4.io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:526)',
  'org.apache.flink.shaded.netty4.io.netty.util.concurrent.SingleThreadEventExecutor$4.run(SingleThreadEventExecutor.java:997)',
  THREAD_RUN,
];

function jvmThreads(): ThreadSpec[] {
  return [
    {
      name: 'Reference Handler',
      state: 'RUNNABLE',
      daemon: true,
      frames: [
        'java.base@17.0.15/java.lang.ref.Reference.waitForReferencePendingList(Native Method)',
        'java.base@17.0.15/java.lang.ref.Reference.processPendingReferences(Reference.java:253)',
        'java.base@17.0.15/java.lang.ref.Reference$ReferenceHandler.run(Reference.java:215)',
      ],
    },
    {
      name: 'Finalizer',
      state: 'WAITING',
      daemon: true,
      lock: 'java.lang.ref.ReferenceQueue$Lock@3b6e2b8c',
      frames: [
        'java.base@17.0.15/java.lang.Object.wait(Native Method)',
        'java.base@17.0.15/java.lang.ref.ReferenceQueue.remove(ReferenceQueue.java:155)',
        'java.base@17.0.15/java.lang.ref.Finalizer$FinalizerThread.run(Finalizer.java:172)',
      ],
    },
    { name: 'Signal Dispatcher', state: 'RUNNABLE', daemon: true, frames: [] },
    {
      name: 'Common-Cleaner',
      state: 'TIMED_WAITING',
      daemon: true,
      lock: 'java.lang.ref.ReferenceQueue$Lock@1c2d4f7a',
      frames: [
        'java.base@17.0.15/java.lang.Object.wait(Native Method)',
        'java.base@17.0.15/java.lang.ref.ReferenceQueue.remove(ReferenceQueue.java:155)',
        'java.base@17.0.15/jdk.internal.ref.CleanerImpl.run(CleanerImpl.java:140)',
        THREAD_RUN,
      ],
    },
    { name: 'Notification Thread', state: 'RUNNABLE', daemon: true, frames: [] },
  ];
}

function common(prefix: string): ThreadSpec[] {
  const out: ThreadSpec[] = [];
  for (let i = 4; i <= 9; i++)
    out.push({
      name: `flink-pekko.actor.default-dispatcher-${i}`,
      state: 'WAITING',
      daemon: true,
      lock: `java.util.concurrent.ForkJoinPool@${(0x5e3a7c12 + i).toString(16)}`,
      frames: PEKKO,
    });
  out.push({
    name: 'flink-pekko.remote.default-remote-dispatcher-6',
    state: 'WAITING',
    daemon: true,
    lock: 'java.util.concurrent.ForkJoinPool@2f4b1a9e',
    frames: PEKKO,
  });
  out.push({
    name: `${prefix}-metrics-2`,
    state: 'TIMED_WAITING',
    daemon: true,
    lock: 'java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject@71e5c3b0',
    frames: [
      ...PARK_NANOS,
      'java.base@17.0.15/java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take(ScheduledThreadPoolExecutor.java:1182)',
      ...POOL.slice(1),
    ],
  });
  out.push({
    name: 'flink-scheduler-1',
    state: 'TIMED_WAITING',
    daemon: true,
    frames: [
      'java.base@17.0.15/java.lang.Thread.sleep(Native Method)',
      'org.apache.pekko.actor.LightArrayRevolverScheduler.waitNanos(LightArrayRevolverScheduler.scala:90)',
      'org.apache.pekko.actor.LightArrayRevolverScheduler$$anon$3.nextTick(LightArrayRevolverScheduler.scala:301)',
      THREAD_RUN,
    ],
  });
  return out;
}

export function jobManagerThreadDump(): { threadInfos: ThreadInfoJson[] } {
  const threads: ThreadSpec[] = [
    {
      name: 'main',
      state: 'WAITING',
      lock: 'java.util.concurrent.CompletableFuture$Signaller@6b6b3572',
      frames: [
        ...PARK,
        'java.base@17.0.15/java.util.concurrent.CompletableFuture$Signaller.block(CompletableFuture.java:1864)',
        'java.base@17.0.15/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2096)',
        'org.apache.flink.runtime.entrypoint.ClusterEntrypoint.runClusterEntrypoint(ClusterEntrypoint.java:737)',
        'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint.main(StandaloneSessionClusterEntrypoint.java:59)',
      ],
    },
    ...jvmThreads(),
    ...common('flink'),
    { name: 'flink-rest-server-netty-boss-thread-1', state: 'RUNNABLE', daemon: true, frames: NETTY },
    { name: 'flink-rest-server-netty-worker-thread-1', state: 'RUNNABLE', daemon: true, frames: NETTY },
    { name: 'flink-rest-server-netty-worker-thread-2', state: 'RUNNABLE', daemon: true, frames: NETTY },
    {
      name: 'Flink-DispatcherRestEndpoint-thread-1',
      state: 'TIMED_WAITING',
      daemon: true,
      frames: [...PARK_NANOS, ...POOL],
    },
    { name: 'jobmanager-io-thread-1', state: 'WAITING', daemon: true, frames: [...PARK, ...POOL] },
    { name: 'cluster-io-thread-1', state: 'WAITING', daemon: true, frames: [...PARK, ...POOL] },
    {
      name: 'BLOB Server listener at 6124',
      state: 'RUNNABLE',
      daemon: true,
      frames: [
        'java.base@17.0.15/sun.nio.ch.Net.accept(Native Method)',
        'java.base@17.0.15/sun.nio.ch.NioSocketImpl.accept(NioSocketImpl.java:760)',
        'java.base@17.0.15/java.net.ServerSocket.implAccept(ServerSocket.java:675)',
        'java.base@17.0.15/java.net.ServerSocket.accept(ServerSocket.java:631)',
        'org.apache.flink.runtime.blob.BlobServer.run(BlobServer.java:322)',
      ],
    },
    { name: 'Checkpoint Timer', state: 'TIMED_WAITING', daemon: true, frames: [...PARK_NANOS, ...POOL] },
  ];
  return {
    threadInfos: threads.map((t, i) => ({ threadName: t.name, stringifiedThreadInfo: render(t, i + 1) })),
  };
}

export interface TaskThread {
  /** "Source: Kafka Clickstream (1/4)#0" */
  name: string;
  spec: VertexSpec;
  source: boolean;
}

function topFrames(frames: Frame[]): string[] {
  return [...frames].reverse().map(javaFrame);
}

export function taskManagerThreadDump(tasks: TaskThread[]): { threadInfos: ThreadInfoJson[] } {
  const threads: ThreadSpec[] = [
    {
      name: 'main',
      state: 'WAITING',
      lock: 'java.util.concurrent.CompletableFuture$Signaller@2a5c8d3e',
      frames: [
        ...PARK,
        'java.base@17.0.15/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2096)',
        'org.apache.flink.runtime.taskexecutor.TaskManagerRunner.runTaskManager(TaskManagerRunner.java:567)',
        'org.apache.flink.runtime.taskexecutor.TaskManagerRunner.main(TaskManagerRunner.java:424)',
      ],
    },
    ...jvmThreads(),
    ...common('flink-taskexecutor'),
    { name: 'Flink Netty Server (0) Thread 0', state: 'RUNNABLE', daemon: true, frames: NETTY },
    { name: 'Flink Netty Client (0) Thread 0', state: 'RUNNABLE', daemon: true, frames: NETTY },
    { name: 'flink-taskexecutor-io-thread-1', state: 'WAITING', daemon: true, frames: [...PARK, ...POOL] },
  ];
  for (const t of tasks) {
    const samples = stackSamples(t.spec).sort((a, b) => b.weight - a.weight);
    const top = samples[0];
    if (top)
      threads.push({
        name: t.name,
        state: top.state,
        lock:
          top.state === 'RUNNABLE' ? undefined : 'java.util.concurrent.CompletableFuture$Signaller@4f1d2a6b',
        frames: topFrames(top.frames),
      });
    if (t.source) {
      threads.push({
        name: `Source Data Fetcher for ${t.name}`,
        state: 'RUNNABLE',
        frames: [
          'java.base@17.0.15/sun.nio.ch.EPoll.wait(Native Method)',
          'java.base@17.0.15/sun.nio.ch.EPollSelectorImpl.doSelect(EPollSelectorImpl.java:118)',
          'org.apache.kafka.common.network.Selector.select(Selector.java:873)',
          'org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer.poll(ClassicKafkaConsumer.java:620)',
          'org.apache.flink.connector.kafka.source.reader.KafkaPartitionSplitReader.fetch(KafkaPartitionSplitReader.java:101)',
          'org.apache.flink.connector.base.source.reader.fetcher.FetchTask.run(FetchTask.java:58)',
          'org.apache.flink.connector.base.source.reader.fetcher.SplitFetcher.runOnce(SplitFetcher.java:165)',
          ...POOL.slice(2),
        ],
      });
    }
  }
  return {
    threadInfos: threads.map((t, i) => ({ threadName: t.name, stringifiedThreadInfo: render(t, i + 1) })),
  };
}
