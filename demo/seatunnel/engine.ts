// The one in-memory engine both REST flavours read and change. Time moves
// lazily: every read first brings all jobs forward to the current clock.
import { runtimeFailure } from './engine-error.ts';
import { parseJavaLong } from './java-compat.ts';
import { pluginJarsFor, type ParsedSubmission } from './job-config.ts';
import { buildDag } from './job-dag.ts';
import { advanceFlows, type Random } from './job-metrics.ts';
import { isEndState, type DemoJob, type JobSpec, type JobStatus, type TableFlow } from './job-model.ts';
import { flakeId, mulberry32 } from './prng.ts';

export interface Member {
  index: number;
  host: string;
  /** Hazelcast member port; what system-monitoring reports as "port". */
  hzPort: number;
  isMaster: boolean;
  tags: Array<[string, string]>;
  slots: number;
  startedAt: number;
}

/** How long a stop request takes to land, like the engine's async cancel/savepoint. */
const CANCEL_MS = 800;
const SAVEPOINT_MS = 1500;

export class DemoEngine {
  readonly jobs = new Map<string, DemoJob>();
  readonly random: Random;
  readonly startedAt: number;
  private sequence = 0;

  constructor(
    readonly members: Member[],
    seed: number,
    readonly clock: () => number = Date.now,
  ) {
    this.random = mulberry32(seed);
    this.startedAt = clock();
  }

  now(): number {
    return this.clock();
  }

  /** Brings every job forward to now: counters climb, batch jobs finish, stops land. */
  advance(): void {
    const now = this.now();
    for (const job of this.jobs.values()) {
      if (job.transition && now >= job.transition.at) {
        this.end(job, job.transition.to, job.transition.at);
        continue;
      }
      if (job.status !== 'RUNNING') {
        job.lastAdvance = now;
        continue;
      }
      if (advanceFlows(job, now, this.random) && job.spec.mode === 'BATCH') this.end(job, 'FINISHED', now);
    }
  }

  private end(job: DemoJob, status: JobStatus, at: number): void {
    job.status = status;
    job.finishTime = at;
    job.lastAdvance = at;
    delete job.transition;
  }

  get(id: string): DemoJob | undefined {
    return this.jobs.get(id);
  }

  /** The engine's running-job map: anything not in an end state, newest first. */
  runningJobs(): DemoJob[] {
    return [...this.jobs.values()]
      .filter((j) => !isEndState(j.status))
      .sort((a, b) => b.createTime - a.createTime);
  }

  /** Finished-job history, filtered by state name (case-insensitive), newest finish first. */
  finishedJobs(state = ''): DemoJob[] {
    const wanted = state.toUpperCase();
    return [...this.jobs.values()]
      .filter((j) => isEndState(j.status) && (wanted === '' || j.status === wanted))
      .sort((a, b) => (b.finishTime ?? 0) - (a.finishTime ?? 0));
  }

  newJobId(): string {
    this.sequence = (this.sequence + 1) % 64;
    return flakeId(this.now(), this.sequence, 1);
  }

  /** Builds live table flows for a job; rates are rows per second per table. */
  makeFlows(spec: JobSpec, rate: () => number): TableFlow[] {
    const tables = [...new Set(spec.sources.flatMap((s) => s.tables))];
    return tables.map((table) => ({
      table,
      baseRate: rate(),
      rowBytes: 80 + Math.floor(this.random() * 400),
      phase: this.random() * Math.PI * 2,
      sourceCount: 0,
      sinkCount: 0,
      sourceQps: 0,
      sinkQps: 0,
    }));
  }

  createJob(id: string, spec: JobSpec, status: JobStatus, createTime: number, member = 0): DemoJob {
    const job: DemoJob = {
      id,
      spec,
      status,
      createTime,
      errorMsg: null,
      isStartWithSavePoint: false,
      pluginJars: pluginJarsFor(spec),
      dag: buildDag(spec),
      tables: [],
      intermediateQueueSize: 0,
      lastAdvance: this.now(),
      member,
    };
    this.jobs.set(id, job);
    return job;
  }

  submit(parsed: ParsedSubmission): DemoJob {
    this.advance();
    const id = parsed.requestedId === undefined ? this.newJobId() : parseJavaLong(parsed.requestedId);
    const previous = this.jobs.get(id);
    if (previous && (!isEndState(previous.status) || !parsed.startWithSavePoint)) {
      const jobException = 'org.apache.seatunnel.engine.common.exception.JobException';
      throw runtimeFailure(
        'CompletionException',
        `${jobException}: ${jobException}: The job id ${id} has already been submitted and is not starting with a savepoint.\n` +
          '\tat org.apache.seatunnel.engine.server.CoordinatorService.lambda$submitJob$4(CoordinatorService.java:503)\n' +
          '\tat org.apache.seatunnel.api.tracing.MDCRunnable.run(MDCRunnable.java:39)\n' +
          '\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)\n' +
          '\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)\n' +
          '\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n' +
          '\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)\n' +
          '\tat java.base/java.lang.Thread.run(Thread.java:840)\n',
      );
    }
    const { spec } = parsed;
    const now = this.now();
    const batchSeconds = 2 + this.random() * 2;
    const rows = spec.batchRowsPerTable ?? 5;
    const job = this.createJob(id, spec, 'RUNNING', now, this.jobs.size % this.members.length);
    job.isStartWithSavePoint = parsed.startWithSavePoint;
    job.tables = this.makeFlows(spec, () =>
      spec.mode === 'BATCH' ? rows / batchSeconds : 40 + this.random() * 160,
    );
    // A job restored from a savepoint carries on from where it stopped.
    for (const flow of job.tables) {
      const old = previous?.tables.find((f) => f.table === flow.table);
      if (old && spec.mode === 'STREAMING') {
        flow.sourceCount = old.sourceCount;
        flow.sinkCount = old.sinkCount;
      }
    }
    return job;
  }

  /** coordinatorService.cancelJob / savePoint: unknown or ended jobs are a silent no-op. */
  stop(id: string, withSavePoint: boolean): void {
    this.advance();
    const job = this.jobs.get(id);
    if (!job || isEndState(job.status) || job.transition) return;
    const now = this.now();
    if (withSavePoint) {
      job.status = 'DOING_SAVEPOINT';
      job.transition = { at: now + SAVEPOINT_MS, to: 'SAVEPOINT_DONE' };
    } else {
      job.status = 'CANCELING';
      job.transition = { at: now + CANCEL_MS, to: 'CANCELED' };
    }
  }

  /** Members whose tags include every requested tag (no tags: all members). */
  matchingMembers(tags: Array<[string, string]>): Member[] {
    return this.members.filter((m) =>
      tags.every(([k, v]) => m.tags.some(([mk, mv]) => mk === k && mv === v)),
    );
  }

  /** Slots held on a member: one per parallel task plus one for each job's coordinator. */
  usedSlots(member: Member): number {
    const used = this.runningJobs()
      .filter((j) => j.member === member.index && j.status !== 'PENDING')
      .reduce((acc, j) => acc + j.spec.parallelism + 1, 0);
    return Math.min(member.slots, used);
  }

  countByStatus(...statuses: JobStatus[]): number {
    return [...this.jobs.values()].filter((j) => statuses.includes(j.status)).length;
  }
}
