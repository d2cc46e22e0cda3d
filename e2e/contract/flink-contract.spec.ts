import { test, expect } from '@playwright/test';
import { responseSchemas } from '../../src/api/flink/endpoint-schemas';
import { FLINK_MATRIX } from '../support/flink-matrix';
import { readState } from '../support/state';
import { fillTemplate, resolveFlinkIds, type FlinkIds } from './flink-params';

/**
 * Every read endpoint our Flink API layer covers, called on each real Flink version of the matrix
 * (1.20, 2.2, 2.3) and on the demo cluster, validated with the very schema the app uses. A schema only the demo satisfies is a
 * bug in the demo.
 */

/** Reads that need an operation first (covered by the async-operations spec) or a profiler run. */
const NEEDS_OPERATION = /:triggerid|profiler\/:filename/;
/** Query parameters a user of the page sends, so answers are the interesting ones. */
const QUERY: Record<string, string> = {
  'GET /jobs/:jobid/vertices/:vertexid/flamegraph': '?type=full',
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/metrics':
    '?get=busyTimeMsPerSecond,numRecordsInPerSecond&agg=max,sum',
  'GET /jobs/:jobid/metrics': '?get=numRestarts,uptime',
  'GET /jobmanager/metrics': '?get=Status.JVM.Memory.Heap.Used',
  'GET /taskmanagers/:taskmanagerid/metrics': '?get=Status.JVM.Memory.Heap.Used',
  'GET /jobs/metrics': '?get=numRestarts&agg=max',
  'GET /taskmanagers/metrics': '?get=Status.JVM.Memory.Heap.Used&agg=max',
};
const TEXT = /\/(log|stdout)$|\/logs\/:(logname|filename)$/;

/**
 * Where a cluster answers differently from the reference, on purpose: the real cluster wins, and
 * each difference is pinned here so a change in either is noticed (see docs/api-differences.md).
 */
const NO_ROUTE = /Unable to load requested file/;
/** `real <minor>` entries win over `real`. */
const KNOWN: Record<string, Partial<Record<string, { status: number; body: RegExp }>>> = {
  // Flink's default scheduler cannot report resource requirements; only the adaptive one can.
  'GET /jobs/:jobid/resource-requirements': {
    real: { status: 500, body: /DefaultScheduler does not support changing the parallelism/ },
  },
  // The demo runs with Flink's default rest.profiling.enabled: false, where the routes do not exist.
  'GET /jobmanager/profiler': { demo: { status: 404, body: /Unable to load requested file/ } },
  // The rescale history is Flink 2.3's, and only for adaptive-scheduler jobs with a history size > 0:
  // the suite's clusters run the default scheduler (see the adaptive--*rescales* fixtures).
  ...Object.fromEntries(
    ['overview', 'history', 'summary', 'config'].map((r) => [
      `GET /jobs/:jobid/rescales/${r}`,
      {
        real: { status: 404, body: NO_ROUTE },
        'real 2.3':
          r === 'config'
            ? { status: 404, body: /AdaptiveScheduler is not enabled for this job/ }
            : { status: 404, body: /RescalesUnavailableException/ },
        demo: { status: 404, body: NO_ROUTE },
      },
    ]),
  ),
  'GET /taskmanagers/:taskmanagerid/profiler': {
    demo: { status: 404, body: /Unable to load requested file/ },
  },
};

const reads = Object.entries(responseSchemas).filter(
  ([key]) => key.startsWith('GET ') && !NEEDS_OPERATION.test(key),
);

const targets = [
  ...FLINK_MATRIX.map((minor) => ({ target: 'real' as const, minor })),
  { target: 'demo' as const, minor: undefined },
];

for (const { target, minor } of targets) {
  const name = minor ? `real Flink ${minor}` : 'demo';
  test.describe(`Flink contract: ${name} cluster`, () => {
    let base = '';
    let ids: FlinkIds;

    test.beforeAll(async () => {
      const state = readState();
      const real = minor ? state.real?.flinkMatrix?.[minor] : undefined;
      base = target === 'real' ? (real?.url ?? '') : state.demo.flinkUrl;
      expect(base, `${name} Flink URL`).not.toBe('');
      ids = await resolveFlinkIds(base, real?.jobs.checkpointing);
    });

    for (const [key, schema] of reads) {
      const template = key.slice(4);
      test(key, async () => {
        // a checkpoint found in beforeAll may have left the history (10 entries, one per second) since
        if (template.includes(':checkpointid')) ids = await resolveFlinkIds(base, ids.jobid);
        const path = fillTemplate(template, ids);
        test.skip(path === undefined, `no id available on the ${name} cluster for ${template}`);
        const res = await fetch(`${base}${path}${QUERY[key] ?? ''}`);
        const body = await res.text();
        const differences = KNOWN[key] ?? {};
        const versionKey = `${target} ${minor ?? ''}`.trim();
        const known = differences[versionKey] ?? differences[target];
        if (known) {
          expect(res.status, body.slice(0, 300)).toBe(known.status);
          expect(body).toMatch(known.body);
          return;
        }
        expect(res.status, `${key} answered ${res.status}: ${body.slice(0, 300)}`).toBe(200);
        const value: unknown = TEXT.test(template) ? body : JSON.parse(body);
        const result = schema.safeParse(value);
        expect(
          result.success ? [] : result.error.issues.slice(0, 3),
          `${key} on the ${name} cluster`,
        ).toEqual([]);
      });
    }
  });
}
