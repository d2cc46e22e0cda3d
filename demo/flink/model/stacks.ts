// Java stacks of task threads, per kind of operator. Flame graphs and thread dumps are both
// built from these, so what the flame graph shows is what a thread dump shows.
import type { StackProfile, VertexSpec } from './types.ts';

export type ThreadState = 'RUNNABLE' | 'WAITING' | 'TIMED_WAITING' | 'BLOCKED';

export interface Frame {
  cls: string;
  method: string;
  /** Line number; -2 for native methods, -1 when unknown (lambdas). */
  line: number;
  file?: string;
}

export interface StackSample {
  state: ThreadState;
  /** Share of the task thread's samples, before scaling by the vertex's busy/idle profile. */
  weight: number;
  /** Which part of the time profile this sample belongs to. */
  part: 'busy' | 'backPressured' | 'idle';
  /** Frames from the thread's root (Thread.run) to the top of the stack. */
  frames: Frame[];
}

function f(spec: string): Frame {
  // "pkg.Class.method:123" -> frame
  const colon = spec.lastIndexOf(':');
  const line = Number(spec.slice(colon + 1));
  const qualified = spec.slice(0, colon);
  const dot = qualified.lastIndexOf('.');
  return { cls: qualified.slice(0, dot), method: qualified.slice(dot + 1), line };
}

const frames = (...specs: string[]) => specs.map(f);

const TASK_BASE = frames(
  'java.lang.Thread.run:840',
  'org.apache.flink.runtime.taskmanager.Task.run:569',
  'org.apache.flink.runtime.taskmanager.Task.doRun:760',
  'org.apache.flink.runtime.taskmanager.Task.restoreAndInvoke:955',
  'org.apache.flink.runtime.taskmanager.Task.runWithSystemExitMonitoring:973',
  'org.apache.flink.runtime.taskmanager.Task$$Lambda$0/0x0.run:-1',
  'org.apache.flink.streaming.runtime.tasks.StreamTask.invoke:925',
  'org.apache.flink.streaming.runtime.tasks.StreamTask.runMailboxLoop:988',
  'org.apache.flink.streaming.runtime.tasks.mailbox.MailboxProcessor.runMailboxLoop:231',
);

const MAILBOX_WAIT = frames(
  'org.apache.flink.streaming.runtime.tasks.mailbox.MailboxProcessor.processMailsWhenDefaultActionUnavailable:406',
  'org.apache.flink.streaming.runtime.tasks.mailbox.MailboxProcessor.processMail:383',
  'org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailboxImpl.take:149',
  'java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await:1625',
  'java.util.concurrent.locks.LockSupport.park:371',
  'jdk.internal.misc.Unsafe.park:-2',
);

const NETWORK_INPUT = frames(
  'org.apache.flink.streaming.runtime.tasks.StreamTask$$Lambda$0/0x0.runDefaultAction:-1',
  'org.apache.flink.streaming.runtime.tasks.StreamTask.processInput:646',
  'org.apache.flink.streaming.runtime.io.StreamOneInputProcessor.processInput:65',
  'org.apache.flink.streaming.runtime.io.AbstractStreamTaskNetworkInput.emitNext:163',
  'org.apache.flink.streaming.runtime.io.AbstractStreamTaskNetworkInput.processElement:206',
  'org.apache.flink.streaming.runtime.tasks.OneInputStreamTask$StreamTaskNetworkOutput.emitRecord:247',
  'org.apache.flink.streaming.runtime.io.RecordProcessorUtils$$Lambda$0/0x0.accept:-1',
  'org.apache.flink.streaming.runtime.io.RecordProcessorUtils.lambda$getRecordProcessor$0:60',
);

const SOURCE_INPUT = frames(
  'org.apache.flink.streaming.runtime.tasks.StreamTask$$Lambda$0/0x0.runDefaultAction:-1',
  'org.apache.flink.streaming.runtime.tasks.StreamTask.processInput:646',
  'org.apache.flink.streaming.runtime.io.StreamOneInputProcessor.processInput:65',
  'org.apache.flink.streaming.runtime.io.StreamTaskSourceInput.emitNext:68',
  'org.apache.flink.streaming.api.operators.SourceOperator.emitNext:474',
  'org.apache.flink.connector.base.source.reader.SourceReaderBase.pollNext:160',
);

const EMIT_BLOCKING = frames(
  'org.apache.flink.streaming.runtime.io.RecordWriterOutput.collect:66',
  'org.apache.flink.streaming.runtime.io.RecordWriterOutput.pushToRecordWriter:109',
  'org.apache.flink.runtime.io.network.api.writer.ChannelSelectorRecordWriter.emit:55',
  'org.apache.flink.runtime.io.network.api.writer.RecordWriter.emit:108',
  'org.apache.flink.runtime.io.network.partition.BufferWritingResultPartition.emitRecord:113',
  'org.apache.flink.runtime.io.network.partition.BufferWritingResultPartition.appendUnicastDataForNewRecord:262',
  'org.apache.flink.runtime.io.network.partition.BufferWritingResultPartition.requestNewUnicastBufferBuilder:355',
  'org.apache.flink.runtime.io.network.partition.BufferWritingResultPartition.requestNewBufferBuilderFromPool:414',
  'org.apache.flink.runtime.io.network.buffer.LocalBufferPool.requestBufferBuilderBlocking:347',
  'org.apache.flink.runtime.io.network.buffer.LocalBufferPool.requestMemorySegmentBlocking:384',
  'java.util.concurrent.CompletableFuture.get:2096',
  'java.util.concurrent.CompletableFuture.waitingGet:1864',
  'java.util.concurrent.CompletableFuture$Signaller.block:1796',
  'java.util.concurrent.locks.LockSupport.park:211',
  'jdk.internal.misc.Unsafe.park:-2',
);

interface Leaf {
  state: ThreadState;
  weight: number;
  frames: Frame[];
}

const busyLeaves: Record<StackProfile, { input: Frame[]; leaves: Leaf[] }> = {
  'kafka-source': {
    input: SOURCE_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 5,
        frames: frames(
          'org.apache.flink.connector.kafka.source.reader.KafkaRecordEmitter.emitRecord:54',
          'org.apache.flink.connector.kafka.source.reader.deserializer.KafkaValueOnlyDeserializationSchemaWrapper.deserialize:51',
          'org.apache.flink.formats.json.JsonRowDataDeserializationSchema.deserialize:97',
          'com.fasterxml.jackson.databind.ObjectMapper.readTree:3357',
        ),
      },
      {
        state: 'RUNNABLE',
        weight: 2,
        frames: frames(
          'org.apache.flink.connector.base.source.reader.SourceReaderBase.finishedOrAvailableLater:312',
          'org.apache.flink.connector.base.source.reader.fetcher.SplitFetcherManager.checkErrors:289',
        ),
      },
    ],
  },
  'mqtt-source': {
    input: SOURCE_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 3,
        frames: frames(
          'com.streamdash.demo.iot.MqttRecordEmitter.emitRecord:41',
          'com.streamdash.demo.iot.SensorReading.parse:77',
          'java.lang.Double.parseDouble:792',
        ),
      },
    ],
  },
  'file-source': {
    input: SOURCE_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 4,
        frames: frames(
          'org.apache.flink.connector.file.src.impl.FileSourceRecordEmitter.emitRecord:45',
          'org.apache.flink.formats.parquet.ParquetVectorizedInputFormat$ParquetReader.nextBatch:382',
          'org.apache.parquet.column.impl.ColumnReaderBase.readValue:578',
          'org.apache.parquet.column.values.dictionary.DictionaryValuesReader.readInteger:122',
        ),
      },
    ],
  },
  parse: {
    input: NETWORK_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 5,
        frames: frames(
          'org.apache.flink.streaming.api.operators.StreamFlatMap.processElement:47',
          'com.streamdash.demo.clicks.ParseJson.flatMap:42',
          'com.fasterxml.jackson.databind.ObjectMapper.readValue:3841',
          'com.fasterxml.jackson.core.json.ReaderBasedJsonParser.nextToken:707',
        ),
      },
      {
        state: 'RUNNABLE',
        weight: 2,
        frames: frames(
          'org.apache.flink.streaming.api.operators.StreamFilter.processElement:39',
          'com.streamdash.demo.clicks.BotFilter.filter:31',
          'java.util.regex.Matcher.find:777',
        ),
      },
    ],
  },
  'blocking-lookup': {
    input: NETWORK_INPUT,
    leaves: [
      {
        state: 'TIMED_WAITING',
        weight: 6,
        frames: frames(
          'org.apache.flink.streaming.api.operators.ProcessOperator.processElement:66',
          'com.streamdash.demo.clicks.UserProfileEnricher.processElement:58',
          'com.streamdash.demo.clicks.ProfileClient.fetch:91',
          'com.streamdash.demo.clicks.ProfileClient.throttle:133',
          'java.lang.Thread.sleep:-2',
        ),
      },
      {
        state: 'RUNNABLE',
        weight: 3,
        frames: frames(
          'org.apache.flink.streaming.api.operators.ProcessOperator.processElement:66',
          'com.streamdash.demo.clicks.UserProfileEnricher.processElement:58',
          'com.streamdash.demo.clicks.ProfileClient.fetch:97',
          'java.net.SocketInputStream.read:182',
          'sun.nio.ch.NioSocketImpl.read:357',
          'sun.nio.ch.SocketDispatcher.read0:-2',
        ),
      },
      {
        state: 'RUNNABLE',
        weight: 1,
        frames: frames(
          'org.apache.flink.streaming.api.operators.ProcessOperator.processElement:66',
          'com.streamdash.demo.clicks.UserProfileEnricher.processElement:64',
          'com.fasterxml.jackson.databind.ObjectMapper.readValue:3841',
        ),
      },
    ],
  },
  window: {
    input: NETWORK_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 4,
        frames: frames(
          'org.apache.flink.streaming.runtime.operators.windowing.WindowOperator.processElement:409',
          'org.apache.flink.contrib.streaming.state.RocksDBListState.add:164',
          'org.rocksdb.RocksDB.merge:-2',
        ),
      },
      {
        state: 'RUNNABLE',
        weight: 2,
        frames: frames(
          'org.apache.flink.streaming.runtime.operators.windowing.WindowOperator.processElement:439',
          'org.apache.flink.streaming.api.operators.InternalTimerServiceImpl.registerEventTimeTimer:265',
          'org.apache.flink.contrib.streaming.state.RocksDBPriorityQueueSetFactory$1.add:181',
        ),
      },
    ],
  },
  'keyed-process': {
    input: NETWORK_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 4,
        frames: frames(
          'org.apache.flink.streaming.api.operators.KeyedProcessOperator.processElement:83',
          'com.streamdash.demo.KeyedScoring.processElement:72',
          'org.apache.flink.contrib.streaming.state.RocksDBValueState.value:88',
          'org.rocksdb.RocksDB.get:-2',
        ),
      },
      {
        state: 'RUNNABLE',
        weight: 2,
        frames: frames(
          'org.apache.flink.streaming.api.operators.KeyedProcessOperator.processElement:83',
          'com.streamdash.demo.KeyedScoring.processElement:79',
          'org.apache.flink.contrib.streaming.state.RocksDBValueState.update:102',
          'org.rocksdb.RocksDB.put:-2',
        ),
      },
    ],
  },
  'sink-es': {
    input: NETWORK_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 3,
        frames: frames(
          'org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperator.processElement:228',
          'org.apache.flink.connector.elasticsearch.sink.ElasticsearchWriter.write:169',
          'org.elasticsearch.action.bulk.BulkProcessor.add:319',
        ),
      },
    ],
  },
  'sink-kafka': {
    input: NETWORK_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 3,
        frames: frames(
          'org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperator.processElement:228',
          'org.apache.flink.connector.kafka.sink.KafkaWriter.write:209',
          'org.apache.kafka.clients.producer.KafkaProducer.send:971',
          'org.apache.kafka.clients.producer.internals.RecordAccumulator.append:288',
        ),
      },
    ],
  },
  'sink-jdbc': {
    input: NETWORK_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 3,
        frames: frames(
          'org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperator.processElement:228',
          'org.apache.flink.connector.jdbc.sink.writer.JdbcWriter.write:103',
          'org.postgresql.jdbc.PgPreparedStatement.addBatch:1755',
        ),
      },
    ],
  },
  'sink-s3': {
    input: NETWORK_INPUT,
    leaves: [
      {
        state: 'RUNNABLE',
        weight: 3,
        frames: frames(
          'org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperator.processElement:228',
          'org.apache.flink.connector.file.sink.writer.FileWriter.write:199',
          'org.apache.flink.formats.parquet.ParquetBulkWriter.addElement:52',
          'org.apache.parquet.hadoop.InternalParquetRecordWriter.write:138',
        ),
      },
    ],
  },
};

/** The samples one task thread of this vertex produces, weighted by its time profile. */
export function stackSamples(spec: VertexSpec): StackSample[] {
  const profile = busyLeaves[spec.stack];
  const idle = Math.max(0, 1 - spec.busy - spec.backPressured);
  const out: StackSample[] = [];
  const totalBusy = profile.leaves.reduce((a, l) => a + l.weight, 0);
  for (const leaf of profile.leaves) {
    // the blocking lookup's sleeps only show in the vertex flagged as the slow one
    if (leaf.state === 'TIMED_WAITING' && !spec.sleeps && spec.stack === 'blocking-lookup') continue;
    out.push({
      state: leaf.state,
      weight: (spec.busy * leaf.weight) / totalBusy,
      part: 'busy',
      frames: [...TASK_BASE, ...profile.input, ...leaf.frames],
    });
  }
  if (spec.backPressured > 0) {
    const emitter = profile.leaves[0]?.frames[0];
    out.push({
      state: 'WAITING',
      weight: spec.backPressured,
      part: 'backPressured',
      frames: [...TASK_BASE, ...profile.input, ...(emitter ? [emitter] : []), ...EMIT_BLOCKING],
    });
  }
  if (idle > 0)
    out.push({ state: 'WAITING', weight: idle, part: 'idle', frames: [...TASK_BASE, ...MAILBOX_WAIT] });
  return out;
}

/** "pkg.Class.method:line", the node name Flink's flame graph uses. */
export function flameName(fr: Frame): string {
  return `${fr.cls}.${fr.method}:${fr.line}`;
}

/** StackTraceElement.toString() as a JDK 17 thread dump prints it. */
export function javaFrame(fr: Frame): string {
  const simple = fr.cls.split('.').pop() ?? fr.cls;
  const file = fr.file ?? `${simple.split('$')[0]}.java`;
  const where = fr.line === -2 ? 'Native Method' : fr.line < 0 ? 'Unknown Source' : `${file}:${fr.line}`;
  const jdk = /^(java|javax|jdk|sun)\./.test(fr.cls) ? 'java.base@17.0.15/' : '';
  return `${jdk}${fr.cls}.${fr.method}(${where})`;
}
