// Asynchronous operations (savepoints, checkpoints, disposals, data set deletions), looked up
// by trigger id like Flink's CompletedOperationCache. Registering a key twice keeps the first
// operation: a client that retries with the same triggerId does not start a second one.

export interface SerializedThrowable {
  class: string;
  'stack-trace': string;
  'serialized-throwable': string;
}

export type OperationOutcome =
  { ok: true; value: Record<string, unknown> } | { ok: false; failure: SerializedThrowable };

export interface Operation {
  createdAt: number;
  completesAt: number;
  /** Decided when the operation completes (it may depend on what happened meanwhile). */
  outcome: () => OperationOutcome;
  settled?: OperationOutcome;
}

export class OperationStore {
  private readonly ops = new Map<string, Operation>();

  /** Registers the operation unless the key exists; returns true when it was new. */
  register(key: string, op: Operation): boolean {
    if (this.ops.has(key)) return false;
    this.ops.set(key, op);
    return true;
  }

  has(key: string): boolean {
    return this.ops.has(key);
  }

  /** undefined: unknown key; 'IN_PROGRESS'; or the settled outcome. */
  status(key: string, now: number): 'IN_PROGRESS' | OperationOutcome | undefined {
    const op = this.ops.get(key);
    if (!op) return undefined;
    if (now < op.completesAt) return 'IN_PROGRESS';
    op.settled ??= op.outcome();
    return op.settled;
  }
}

/** A Java exception as Flink's SerializedThrowableSerializer writes it. */
export function serializedThrowable(
  className: string,
  message: string,
  frames: readonly string[],
  causedBy?: string,
): SerializedThrowable {
  let trace = `${className}: ${message}\n${frames.map((f) => `\tat ${f}`).join('\n')}\n`;
  if (causedBy) trace += `Caused by: ${causedBy}\n`;
  return throwableFromTrace(className, trace);
}

export function throwableFromTrace(className: string, trace: string): SerializedThrowable {
  // Java serialization stream header + class name: clients only decode it to rethrow
  const blob = Buffer.concat([
    Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72]),
    Buffer.from(`org.apache.flink.util.SerializedThrowable${className}`),
  ]);
  return { class: className, 'stack-trace': trace, 'serialized-throwable': blob.toString('base64') };
}

export const DISPATCHER_FRAMES = [
  'org.apache.flink.runtime.dispatcher.Dispatcher.lambda$performOperationOnJobMasterGateway$41(Dispatcher.java:1538)',
  'java.base/java.util.Optional.orElseGet(Optional.java:364)',
  'org.apache.flink.runtime.dispatcher.Dispatcher.performOperationOnJobMasterGateway(Dispatcher.java:1535)',
  'org.apache.flink.runtime.dispatcher.Dispatcher.triggerSavepointAndGetLocation(Dispatcher.java:1159)',
  'org.apache.flink.runtime.dispatcher.DispatcherCachedOperationsHandler.triggerSavepoint(DispatcherCachedOperationsHandler.java:101)',
  'java.base/java.lang.Thread.run(Thread.java:840)',
];

export const COORDINATOR_FRAMES = [
  'org.apache.flink.runtime.checkpoint.CheckpointCoordinator.lambda$startTriggeringCheckpoint$8(CheckpointCoordinator.java:669)',
  'java.base/java.util.concurrent.CompletableFuture.uniHandle(CompletableFuture.java:934)',
  'java.base/java.util.concurrent.CompletableFuture$UniHandle.tryFire(CompletableFuture.java:911)',
  'java.base/java.util.concurrent.CompletableFuture.postComplete(CompletableFuture.java:510)',
  'org.apache.flink.runtime.rpc.pekko.PekkoRpcActor.handleRunAsync(PekkoRpcActor.java:460)',
  'java.base/java.lang.Thread.run(Thread.java:840)',
];
