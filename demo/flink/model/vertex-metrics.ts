// Task metrics of a simulated vertex. Rates flow from the sources through the plan (a vertex's
// input is what its inputs emit), and busy / back-pressured / idle time follow the vertex's
// profile, so the back-pressure story is the same in every endpoint that shows it.
import { javaDouble, javaLong, LONG_MIN_VALUE } from '../util/java-format.ts';
import { jitter, noise } from '../util/rng.ts';
import type { SimJob, SimVertex } from './job.ts';

export interface SubtaskSample {
  busyMs: number;
  backPressuredMs: number;
  idleMs: number;
  inRate: number;
  outRate: number;
  inBytesRate: number;
  outBytesRate: number;
  recordsIn: number;
  recordsOut: number;
  bytesIn: number;
  bytesOut: number;
  accBusyMs: number;
  accBackPressuredMs: number;
  accIdleMs: number;
  /** null: no watermark yet (Long.MIN_VALUE in Flink). */
  inputWatermark: number | null;
  outputWatermark: number | null;
}

function second(now: number): number {
  return Math.floor(now / 1000);
}

// One request reads many subtasks at the same instant: remember the last per-job result.
const memo = new WeakMap<SimJob, Map<string, { now: number; value: unknown }>>();
function memoized<T>(job: SimJob, key: string, now: number, compute: () => T): T {
  let m = memo.get(job);
  if (!m) memo.set(job, (m = new Map()));
  const hit = m.get(key);
  if (hit && hit.now === now) return hit.value as T;
  const value = compute();
  m.set(key, { now, value });
  return value;
}

/** Base records/s out of each vertex (whole vertex), following the plan. */
export function vertexRates(job: SimJob, now: number): { inRate: number[]; outRate: number[] } {
  return memoized(job, 'rates', now, () => computeRates(job, now));
}

function computeRates(job: SimJob, now: number): { inRate: number[]; outRate: number[] } {
  const t = second(now);
  const inRate: number[] = [];
  const outRate: number[] = [];
  for (const v of job.vertices) {
    const s = v.spec;
    let input = 0;
    for (const i of s.inputs) input += (outRate[i.from] ?? 0) * (i.ship === 'BROADCAST' ? v.parallelism : 1);
    const wave = 1 + 0.06 * Math.sin((2 * Math.PI * t) / 240 + v.index);
    const out = s.sourceRate !== undefined ? s.sourceRate * wave : input * s.selectivity;
    inRate.push(s.sourceRate !== undefined ? 0 : input);
    outRate.push(s.sourceRate !== undefined || s.selectivity > 0 ? out : 0);
  }
  return { inRate, outRate };
}

/** Share of the vertex's records handled by one subtask (keyed vertices are skewed a little). */
export function subtaskShare(job: SimJob, v: SimVertex, subtask: number): number {
  const shares = memoized(job, `share:${v.id}:${v.parallelism}`, 0, () => {
    const idle = v.spec.idleSubtasks ?? [];
    const keyed = v.spec.inputs.some((i) => i.ship === 'HASH');
    const w: number[] = [];
    for (let i = 0; i < v.parallelism; i++) {
      w.push(idle.includes(i) ? 0 : 1 + (keyed ? 0.25 : 0.04) * jitter(job.seed, job.id, v.id, i, 'skew'));
    }
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => (total > 0 ? x / total : 0));
  });
  return shares[subtask] ?? 0;
}

function inputRecordBytes(job: SimJob, v: SimVertex): number {
  const ins = v.spec.inputs.map((i) => job.vertices[i.from]?.spec.recordBytes ?? v.spec.recordBytes);
  return ins.length ? ins.reduce((a, b) => a + b, 0) / ins.length : v.spec.recordBytes;
}

type Watermarks = { input: (number | null)[][]; output: (number | null)[][] };

/** Watermarks (ms) per vertex and subtask; null where none was emitted. */
export function watermarks(job: SimJob, now: number): Watermarks {
  return memoized(job, 'wm', now, () => computeWatermarks(job, now));
}

function computeWatermarks(job: SimJob, now: number): Watermarks {
  const input: (number | null)[][] = [];
  const output: (number | null)[][] = [];
  const phase = job.phase(now);
  const at = Math.min(now, phase.countersUntil);
  for (const v of job.vertices) {
    const ins: (number | null)[] = [];
    const outs: (number | null)[] = [];
    for (let s = 0; s < v.parallelism; s++) {
      if (job.spec.type === 'BATCH' || job.runningMs(v, s, now) === 0) {
        ins.push(null);
        outs.push(null);
        continue;
      }
      if (v.spec.sourceRate !== undefined) {
        const delay = v.spec.watermarkDelayMs ?? 1000;
        const idle = v.spec.idleSubtasks?.includes(s);
        const wm = idle
          ? phase.runningSince - 120_000
          : at - delay - Math.floor(noise(job.seed, v.id, s, second(at)) * 400);
        ins.push(null);
        outs.push(wm);
        continue;
      }
      let wm: number | null = Infinity;
      for (const i of v.spec.inputs) {
        const up = output[i.from] ?? [];
        const candidates = i.ship === 'FORWARD' ? [up[s] ?? null] : up;
        for (const c of candidates) wm = c === null || wm === null ? null : Math.min(wm, c);
      }
      if (wm === Infinity) wm = null;
      ins.push(wm);
      outs.push(wm === null ? null : wm - (v.spec.stack === 'window' ? 0 : 0));
    }
    input.push(ins);
    output.push(outs);
  }
  return { input, output };
}

/** Everything one subtask reports at `now` (current attempt). */
export function sampleSubtask(job: SimJob, v: SimVertex, subtask: number, now: number): SubtaskSample {
  const t = second(now);
  const rates = vertexRates(job, now);
  const share = subtaskShare(job, v, subtask);
  // tasks that do not run (any more) report zero rates and busy/idle/back-pressure times
  const live = job.phase(now).status === 'RUNNING' && job.taskState(v, subtask, now) === 'RUNNING';
  if (!live) return frozenSample(job, v, subtask, now);
  const idleSubtask = share === 0;
  const n = (k: string) => jitter(job.seed, job.id, v.id, subtask, t, k);
  const clamp = (x: number) => Math.max(0, Math.min(1000, x));
  let busyMs = idleSubtask ? 0 : clamp(v.spec.busy * 1000 * (1 + 0.03 * n('busy')));
  let backPressuredMs = idleSubtask ? 0 : clamp(v.spec.backPressured * 1000 * (1 + 0.04 * n('bp')));
  if (busyMs + backPressuredMs > 1000) backPressuredMs = 1000 - busyMs;
  busyMs = Math.round(busyMs * 10) / 10;
  backPressuredMs = Math.round(backPressuredMs);
  const idleMs = Math.max(0, Math.round((1000 - busyMs - backPressuredMs) * 10) / 10);
  const wobble = 1 + 0.03 * n('rate');
  const inRate = (rates.inRate[v.index] ?? 0) * share * wobble;
  const outRate = (rates.outRate[v.index] ?? 0) * share * wobble;
  const inBytes = inputRecordBytes(job, v);
  const runSec = job.runningMs(v, subtask, now) / 1000;
  const baseIn = (rates.inRate[v.index] ?? 0) * share;
  const baseOut = (rates.outRate[v.index] ?? 0) * share;
  const wm = watermarks(job, now);
  return {
    busyMs,
    backPressuredMs,
    idleMs,
    inRate,
    outRate,
    inBytesRate: inRate * inBytes,
    outBytesRate: outRate * v.spec.recordBytes,
    recordsIn: Math.floor(baseIn * runSec),
    recordsOut: Math.floor(baseOut * runSec),
    bytesIn: Math.floor(baseIn * runSec * inBytes),
    bytesOut: Math.floor(baseOut * runSec * v.spec.recordBytes),
    accBusyMs: Math.floor(v.spec.busy * runSec * 1000),
    accBackPressuredMs: Math.floor(v.spec.backPressured * runSec * 1000),
    accIdleMs: Math.floor(Math.max(0, 1 - v.spec.busy - v.spec.backPressured) * runSec * 1000),
    inputWatermark: wm.input[v.index]?.[subtask] ?? null,
    outputWatermark: wm.output[v.index]?.[subtask] ?? null,
  };
}

function frozenSample(job: SimJob, v: SimVertex, subtask: number, now: number): SubtaskSample {
  const p = job.phase(now);
  const at = Math.min(now, p.countersUntil);
  const live = at > p.runningSince ? sampleAt(job, v, subtask, at) : undefined;
  const wm = watermarks(job, now);
  return {
    busyMs: 0,
    backPressuredMs: 0,
    idleMs: 0,
    inRate: 0,
    outRate: 0,
    inBytesRate: 0,
    outBytesRate: 0,
    recordsIn: live?.recordsIn ?? 0,
    recordsOut: live?.recordsOut ?? 0,
    bytesIn: live?.bytesIn ?? 0,
    bytesOut: live?.bytesOut ?? 0,
    accBusyMs: live?.accBusyMs ?? 0,
    accBackPressuredMs: live?.accBackPressuredMs ?? 0,
    accIdleMs: live?.accIdleMs ?? 0,
    inputWatermark: wm.input[v.index]?.[subtask] ?? null,
    outputWatermark: wm.output[v.index]?.[subtask] ?? null,
  };
}

/** Counters as they were at `at` (the moment the tasks stopped). */
function sampleAt(
  job: SimJob,
  v: SimVertex,
  subtask: number,
  at: number,
): Pick<
  SubtaskSample,
  'recordsIn' | 'recordsOut' | 'bytesIn' | 'bytesOut' | 'accBusyMs' | 'accBackPressuredMs' | 'accIdleMs'
> {
  const rates = vertexRates(job, at);
  const share = subtaskShare(job, v, subtask);
  const runSec = job.runningMs(v, subtask, at) / 1000;
  const baseIn = (rates.inRate[v.index] ?? 0) * share;
  const baseOut = (rates.outRate[v.index] ?? 0) * share;
  const inBytes = inputRecordBytes(job, v);
  return {
    recordsIn: Math.floor(baseIn * runSec),
    recordsOut: Math.floor(baseOut * runSec),
    bytesIn: Math.floor(baseIn * runSec * inBytes),
    bytesOut: Math.floor(baseOut * runSec * v.spec.recordBytes),
    accBusyMs: Math.floor(v.spec.busy * runSec * 1000),
    accBackPressuredMs: Math.floor(v.spec.backPressured * runSec * 1000),
    accIdleMs: Math.floor(Math.max(0, 1 - v.spec.busy - v.spec.backPressured) * runSec * 1000),
  };
}

/** Flink's metric-name form of an operator name (as it appears in metric ids). */
export function metricOperatorName(operator: string): string {
  return operator.replace(/[ .:]/g, '_').slice(0, 80);
}

function wmString(x: number | null): string {
  return x === null ? LONG_MIN_VALUE : javaLong(x);
}

/** All metrics of one subtask, by name without the "<subtask>." prefix, as Flink strings. */
export function subtaskMetrics(job: SimJob, v: SimVertex, subtask: number, now: number): Map<string, string> {
  const s = sampleSubtask(job, v, subtask, now);
  const m = new Map<string, string>();
  const isSource = v.spec.sourceRate !== undefined;
  const bpHigh = s.backPressuredMs > 500;
  const n = (k: string) => noise(job.seed, job.id, v.id, subtask, second(now), k);
  m.set('numRecordsIn', javaLong(s.recordsIn));
  m.set('numRecordsOut', javaLong(s.recordsOut));
  m.set('numRecordsInPerSecond', javaDouble(round3(s.inRate)));
  m.set('numRecordsOutPerSecond', javaDouble(round3(s.outRate)));
  m.set('numBytesIn', javaLong(s.bytesIn));
  m.set('numBytesOut', javaLong(s.bytesOut));
  m.set('numBytesInPerSecond', javaDouble(round3(s.inBytesRate)));
  m.set('numBytesOutPerSecond', javaDouble(round3(s.outBytesRate)));
  m.set('busyTimeMsPerSecond', javaDouble(s.busyMs));
  m.set('backPressuredTimeMsPerSecond', javaLong(s.backPressuredMs));
  m.set('softBackPressuredTimeMsPerSecond', javaLong(Math.round(s.backPressuredMs * 0.1)));
  m.set('hardBackPressuredTimeMsPerSecond', javaLong(Math.round(s.backPressuredMs * 0.9)));
  m.set('idleTimeMsPerSecond', javaLong(Math.round(s.idleMs)));
  m.set('accumulateBusyTimeMs', javaDouble(s.accBusyMs));
  m.set('accumulateBackPressuredTimeMs', javaLong(s.accBackPressuredMs));
  m.set('accumulateIdleTimeMs', javaLong(s.accIdleMs));
  m.set('maxSoftBackPressureTimeMs', javaLong(bpHigh ? 40 + Math.floor(n('msoft') * 60) : 0));
  m.set('maxHardBackPressureTimeMs', javaLong(bpHigh ? 600 + Math.floor(n('mhard') * 400) : 0));
  m.set('isBackPressured', String(bpHigh));
  m.set('currentInputWatermark', wmString(s.inputWatermark));
  const outPool = bpHigh ? 0.97 + n('op') * 0.03 : 0.05 + n('op') * 0.1;
  const inPool = v.spec.busy > 0.9 ? 0.95 + n('ip') * 0.05 : isSource ? 0 : 0.02 + n('ip') * 0.08;
  m.set('buffers.inPoolUsage', javaDouble(round3(inPool)));
  m.set('buffers.outPoolUsage', javaDouble(round3(outPool)));
  m.set('buffers.inputQueueLength', javaLong(isSource ? 0 : Math.round(inPool * 18)));
  m.set('buffers.outputQueueLength', javaLong(Math.round(outPool * 10)));
  m.set('buffers.inputQueueSize', javaLong(isSource ? 0 : Math.round(inPool * 18 * 32768)));
  m.set('buffers.outputQueueSize', javaLong(Math.round(outPool * 10 * 32768)));
  m.set('buffers.inputExclusiveBuffersUsage', javaDouble(round3(inPool)));
  m.set('buffers.inputFloatingBuffersUsage', javaDouble(round3(inPool * 0.8)));
  m.set('mailboxMailsPerSecond', javaDouble(round3(3 + n('mail') * 2)));
  const latency = v.spec.busy * 40 + n('ml') * 3;
  for (const [k, f] of [
    ['min', 0.1],
    ['max', 3],
    ['mean', 1],
    ['median', 0.9],
    ['p75', 1.3],
    ['p95', 2],
    ['p98', 2.4],
    ['p99', 2.6],
    ['p999', 2.9],
    ['stddev', 0.5],
  ] as const) {
    m.set(`mailboxLatencyMs_${k}`, javaDouble(Math.round(latency * f * 10) / 10));
  }
  m.set('mailboxLatencyMs_count', javaLong(Math.round(s.inRate * 10)));
  m.set('mailboxQueueSize', javaLong(v.spec.busy > 0.9 ? 1 : 0));
  m.set('Shuffle.Netty.Input.Buffers.inputQueueLength', javaLong(isSource ? 0 : Math.round(inPool * 18)));
  m.set(
    'Shuffle.Netty.Input.Buffers.inputQueueSize',
    javaLong(isSource ? 0 : Math.round(inPool * 18 * 32768)),
  );
  m.set('Shuffle.Netty.Input.Buffers.inPoolUsage', javaDouble(round3(inPool)));
  m.set('Shuffle.Netty.Output.Buffers.outputQueueLength', javaLong(Math.round(outPool * 10)));
  m.set('Shuffle.Netty.Output.Buffers.outputQueueSize', javaLong(Math.round(outPool * 10 * 32768)));
  m.set('Shuffle.Netty.Output.Buffers.outPoolUsage', javaDouble(round3(outPool)));
  m.set('Shuffle.Netty.Input.numBytesInLocal', javaLong(Math.floor(s.bytesIn * 0.34)));
  m.set('Shuffle.Netty.Input.numBytesInRemote', javaLong(Math.floor(s.bytesIn * 0.66)));
  m.set('Shuffle.Netty.Input.numBytesInRemotePerSecond', javaDouble(round3(s.inBytesRate * 0.66)));
  m.set('numBuffersInLocal', javaLong(Math.floor(s.bytesIn / 32768 / 3)));
  m.set('numBuffersInRemote', javaLong(Math.floor((s.bytesIn * 2) / 32768 / 3)));
  m.set('numBuffersInLocalPerSecond', javaDouble(round3(s.inBytesRate / 32768 / 3)));
  m.set('numBuffersInRemotePerSecond', javaDouble(round3((s.inBytesRate * 2) / 32768 / 3)));
  m.set('numBytesInLocal', javaLong(Math.floor(s.bytesIn * 0.34)));
  m.set('numBytesInRemote', javaLong(Math.floor(s.bytesIn * 0.66)));
  m.set('numBytesInRemotePerSecond', javaDouble(round3(s.inBytesRate * 0.66)));
  m.set('numFiredTimers', javaLong(v.spec.stack === 'window' ? Math.floor(s.recordsIn * 0.01) : 0));
  m.set('numFiredTimersPerSecond', javaDouble(v.spec.stack === 'window' ? round3(s.inRate * 0.01) : 0));
  m.set('checkpointStartDelayNanos', javaLong(Math.round((bpHigh ? 2.4e9 : 3e6) * (0.8 + n('csd') * 0.4))));
  m.set('initializationTime', javaLong(1200 + Math.round(n('init') * 600)));
  v.spec.operators.forEach((op, i) => {
    const p = metricOperatorName(op);
    const first = i === 0;
    const last = i === v.spec.operators.length - 1;
    const opIn = first ? (isSource ? s.recordsOut : s.recordsIn) : s.recordsOut;
    const opInRate = first ? (isSource ? s.outRate : s.inRate) : s.outRate;
    m.set(`${p}.numRecordsIn`, javaLong(opIn));
    m.set(`${p}.numRecordsOut`, javaLong(last ? s.recordsOut : opIn));
    m.set(`${p}.numRecordsInPerSecond`, javaDouble(round3(opInRate)));
    m.set(`${p}.numRecordsOutPerSecond`, javaDouble(round3(last ? s.outRate : opInRate)));
    m.set(
      `${p}.currentInputWatermark`,
      wmString(isSource && first ? null : (s.inputWatermark ?? s.outputWatermark)),
    );
    m.set(`${p}.currentOutputWatermark`, wmString(s.outputWatermark));
    if (isSource && first) {
      const lag = s.outputWatermark === null ? 0 : Math.max(0, now - s.outputWatermark);
      m.set(`${p}.currentEmitEventTimeLag`, javaLong(lag));
      m.set(`${p}.currentFetchEventTimeLag`, javaLong(Math.max(0, lag - 150)));
      m.set(`${p}.watermarkLag`, javaLong(lag));
      m.set(`${p}.sourceIdleTime`, javaLong(s.outRate === 0 ? lag : 0));
      m.set(`${p}.pendingRecords`, javaLong(Math.round(s.outRate * (v.spec.backPressured > 0.3 ? 95 : 2))));
      m.set(`${p}.numRecordsInErrors`, '0');
      for (let split = 0; split < 2; split++) {
        const sp = `${p}.split.${subtask * 2 + split}.watermark`;
        m.set(`${sp}.currentWatermark`, wmString(s.outputWatermark));
        m.set(`${sp}.idleTimeMsPerSecond`, javaLong(s.outRate === 0 ? 1000 : 0));
        m.set(`${sp}.pausedTimeMsPerSecond`, javaLong(Math.round(s.backPressuredMs)));
        m.set(`${sp}.accumulatedActiveTimeMs`, javaLong(s.accBusyMs));
        m.set(`${sp}.accumulatedPausedTimeMs`, javaLong(s.accBackPressuredMs));
      }
    }
    if (op.includes('Window'))
      m.set(`${p}.numLateRecordsDropped`, javaLong(Math.floor(s.recordsIn * 0.0004)));
    if (op.startsWith('Sink:')) {
      m.set(`${p}.numRecordsSend`, javaLong(s.recordsIn));
      m.set(`${p}.numBytesSend`, javaLong(s.bytesIn));
      m.set(`${p}.numRecordsSendErrors`, '0');
      m.set(`${p}.currentSendTime`, javaLong(Math.round(2 + n('send') * 8)));
    }
  });
  return m;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const namesCache = new WeakMap<SimVertex, string[]>();

/** Metric names a subtask of this vertex exposes (computed once per vertex). */
export function subtaskMetricNames(job: SimJob, v: SimVertex): string[] {
  let names = namesCache.get(v);
  if (!names)
    namesCache.set(v, (names = [...subtaskMetrics(job, v, 0, job.initializedAt + 3_600_000).keys()]));
  return names;
}
