// The REST operations, independent of transport. Both the Jetty (v2) and the
// Hazelcast (v1) front ends call these, so they always see one engine.
import { illegalArgument, numberFormat, runtimeFailure } from './engine-error.ts';
import type { DemoEngine } from './engine.ts';
import { JavaNumberFormatError, parseJavaLong } from './java-compat.ts';
import { parseRequestBody, parseSubmission, requireObject, type SubmitParams } from './job-config.ts';
import { JsonNumber, JsonObject, obj, type Json } from './json-text.ts';
import { renderJob } from './render-job.ts';
import { systemMonitoring } from './system-monitoring.ts';

export const PROJECT_VERSION = '2.3.12';
export const GIT_COMMIT_ABBREV = '5a1f9c3';

/** Long.valueOf on a path segment, mapped to the engine's NumberFormatException. */
export function parseJobId(text: string): string {
  try {
    return parseJavaLong(text);
  } catch (e) {
    if (e instanceof JavaNumberFormatError) throw numberFormat(e.message);
    throw e;
  }
}

export function overview(engine: DemoEngine, tags: Array<[string, string]>): JsonObject {
  engine.advance();
  const members = engine.matchingMembers(tags);
  const total = members.reduce((acc, m) => acc + m.slots, 0);
  const free = members.reduce((acc, m) => acc + m.slots - engine.usedSlots(m), 0);
  const running = engine.runningJobs().filter((j) => j.status !== 'PENDING').length;
  return obj([
    ['projectVersion', PROJECT_VERSION],
    ['gitCommitAbbrev', GIT_COMMIT_ABBREV],
    ['totalSlot', String(total)],
    ['unassignedSlot', String(free)],
    ['runningJobs', String(running)],
    ['finishedJobs', String(engine.countByStatus('FINISHED'))],
    ['failedJobs', String(engine.countByStatus('FAILED'))],
    ['cancelledJobs', String(engine.countByStatus('CANCELED'))],
    ['workers', String(members.length)],
  ]);
}

export function runningJobs(engine: DemoEngine): Json[] {
  engine.advance();
  return engine.runningJobs().map(renderJob);
}

/** JobInfoService#getJobInfoJson: unknown ids answer 200 with just the id. */
export function jobInfo(engine: DemoEngine, idText: string): JsonObject {
  const id = parseJobId(idText);
  engine.advance();
  const job = engine.get(id);
  return job ? renderJob(job) : obj([['jobId', id]]);
}

export function finishedJobs(engine: DemoEngine, state: string): Json[] {
  engine.advance();
  return engine.finishedJobs(state).map(renderJob);
}

export function monitoring(engine: DemoEngine): Json[] {
  return systemMonitoring(engine);
}

export function submitJob(engine: DemoEngine, body: string, params: SubmitParams): JsonObject {
  const config = requireObject(parseRequestBody(body));
  const job = engine.submit(parseSubmission(config, params));
  // The engine answers with String.valueOf(jobId): a JSON string, not a number.
  return obj([
    ['jobId', job.id],
    ['jobName', job.spec.name],
  ]);
}

export function submitJobs(engine: DemoEngine, body: string): Json[] {
  const list = parseRequestBody(body);
  if (!Array.isArray(list)) {
    throw illegalArgument(
      'Cannot deserialize value of type `java.util.ArrayList<java.lang.Object>` from Object value (token `JsonToken.START_OBJECT`)',
    );
  }
  // Jobs are submitted one by one: a bad entry fails the call after earlier ones started.
  return list.map((item) => {
    const config = requireObject(item);
    const paramsNode = config.get('params');
    const params: Record<string, string> = {};
    if (paramsNode instanceof JsonObject) {
      for (const [k, v] of paramsNode.entries) params[k] = v instanceof JsonNumber ? v.raw : String(v);
    }
    const rest = new JsonObject(config.entries.filter(([k]) => k !== 'params'));
    const job = engine.submit(parseSubmission(rest, params));
    return obj([
      ['jobId', job.id],
      ['jobName', job.spec.name],
    ]);
  });
}

/** BaseService#handleStopJob: jobId may be a JSON number or string; Long.parseLong on its text. */
function stopOne(engine: DemoEngine, req: JsonObject): string {
  const raw = req.get('jobId');
  if (raw === undefined || raw === null) throw illegalArgument('jobId cannot be empty.');
  const text = raw instanceof JsonNumber ? raw.raw : typeof raw === 'string' ? raw : JSON.stringify(raw);
  const id = parseJobId(text);
  const savepoint = req.get('isStopWithSavePoint');
  const withSavePoint =
    savepoint === true || (typeof savepoint === 'string' && savepoint.toLowerCase() === 'true');
  engine.stop(id, withSavePoint);
  return id;
}

export function stopJob(engine: DemoEngine, body: string): JsonObject {
  const req = requireObject(parseRequestBody(body));
  const raw = req.get('jobId');
  stopOne(engine, req);
  // Echoes map.get("jobId").toString(): the id as sent, as a JSON string.
  return obj([['jobId', raw instanceof JsonNumber ? raw.raw : String(raw)]]);
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;

export function stopJobs(engine: DemoEngine, body: string): Json[] {
  const list = parseRequestBody(body);
  if (!Array.isArray(list)) {
    throw illegalArgument(
      'Cannot deserialize value of type `java.util.ArrayList<java.lang.Object>` from Object value (token `JsonToken.START_OBJECT`)',
    );
  }
  return list.map((item) => {
    const req = requireObject(item);
    stopOne(engine, req);
    // The engine casts the parsed id to Long: strings and int-sized numbers fail after the stop.
    const raw = req.get('jobId');
    if (raw instanceof JsonNumber && /^-?\d+$/.test(raw.raw)) {
      const v = BigInt(raw.raw);
      if (v < INT_MIN || v > INT_MAX) return obj([['jobId', raw]]);
    }
    const from = raw instanceof JsonNumber ? 'java.lang.Integer' : 'java.lang.String';
    throw runtimeFailure(
      'ClassCastException',
      `class ${from} cannot be cast to class java.lang.Long (${from} and java.lang.Long are in module java.base of loader 'bootstrap')`,
    );
  });
}

export function updateTags(engine: DemoEngine, body: string): JsonObject {
  const req = requireObject(parseRequestBody(body));
  const local = engine.members[0];
  if (local) {
    local.tags = req.entries.map(([k, v]): [string, string] => [
      k,
      v === null ? '' : v instanceof JsonNumber ? v.raw : typeof v === 'string' ? v : JSON.stringify(v),
    ]);
  }
  return obj([
    ['status', 'success'],
    ['message', 'update node tags done.'],
  ]);
}

export function threadDump(engine: DemoEngine): Json[] {
  const names = [
    'main',
    'hz.main.seaTunnel.task.thread-2',
    'hz.main.cached.thread-1',
    'BlockingWorker-TaskGroupLocation',
  ];
  return names
    .map((name, i) =>
      obj([
        ['threadName', name],
        ['threadId', i + 1],
        ['threadState', i === 0 ? 'WAITING' : 'RUNNABLE'],
        [
          'stackTrace',
          'java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)\n' +
            'java.base@17.0.15/java.util.concurrent.locks.LockSupport.park(LockSupport.java:341)\n',
        ],
      ]),
    )
    .slice(0, engine.members.length * 2);
}

export function runningThreads(): Json[] {
  return [
    obj([
      [
        'threadName',
        'BlockingWorker-TaskGroupLocation{jobId=1003427735263641601, pipelineId=1, taskGroupId=2}',
      ],
      ['classLoader', 'org.apache.seatunnel.engine.common.loader.SeaTunnelChildFirstClassLoader@5d1b9c3a'],
    ]),
  ];
}
