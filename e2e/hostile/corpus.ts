import type { Backend, Mutation } from '../support/bad-cluster';

/*
 * The bad-input corpus: which endpoint answers what, and which page shows it. Generated from the
 * table of endpoints the pages read (ENDPOINTS, found by opening every view against the demo and
 * logging its requests) times mutations, plus hand-written nasty cases (HAND_WRITTEN).
 *
 * Views are URL templates; the spec fills in ids of the demo cluster behind the bad server:
 * {job} the back-pressured running Flink job, {failedJob} the failed one, {vertex} the job's
 * first vertex (its source), {innerVertex} its second (not a source), {tm} a task manager,
 * {checkpoint} the latest completed checkpoint, {stJob} the failed SeaTunnel job, {stRunning} a
 * running one.
 */

/** What the page must show for a case. */
export type Expect =
  /** A local error (`query-error`) or route error page naming the endpoint. */
  | 'error'
  /** The answer is well-formed; the page must render it (no crash, no error page for the view). */
  | 'render'
  /** Either a local error naming the endpoint or a rendering; never a crash. */
  | 'error-or-render'
  /** The page handles this answer as a known state (a selector that must be visible). */
  | { handled: string };

export interface BadCase {
  /** Cluster id in the dashboard config (and path prefix at the bad server). */
  id: string;
  backend: Backend;
  /** `METHOD /template`, as in src/api/<backend>/endpoint-schemas.ts (v1: without its prefix). */
  endpoint: string;
  mutation: Mutation;
  /** URL of the view that reads the endpoint, with {placeholders}. */
  view: string;
  expect: Expect;
  /** A test id on the same page whose data comes from another endpoint and must still show. */
  witness?: string;
  /** Why the expectation differs from the default for the mutation. */
  note?: string;
  /** The answer's strings are shown as sent, so "NaN" from the cluster is not our formatting. */
  verbatim?: boolean;
}

type AnswerKind = 'json' | 'text';

interface EndpointSpec {
  backend: Backend;
  endpoint: string;
  view: string;
  kind: AnswerKind;
  witness?: string;
  /** Per-mutation expectations that differ from the defaults, with the reason. */
  overrides?: Partial<Record<Mutation, { expect: Expect; note: string; verbatim?: boolean }>>;
}

const JOB = '/clusters/{c}/jobs/{job}';
const VERTEX = `${JOB}?vertex={vertex}`;
const TM = '/clusters/{c}/task-managers/{tm}';
const JM = '/clusters/{c}/job-manager';
const ST_JOB = '/clusters/{c}/jobs/{stJob}';

/** For answers that hold no number: "nan-strings" leaves them valid, and their text is shown as sent. */
const STRINGS_ONLY: EndpointSpec['overrides'] = {
  'nan-strings': {
    expect: 'render',
    note: 'an answer of strings only: nothing for the mutation to break',
    verbatim: true,
  },
};

/** Every endpoint a page reads, with the view that reads it. */
export const ENDPOINTS: EndpointSpec[] = [
  // Flink: cluster
  { backend: 'flink', endpoint: 'GET /config', view: '/clusters/{c}/submit', kind: 'json' },
  {
    backend: 'flink',
    endpoint: 'GET /overview',
    view: '/clusters/{c}/overview',
    kind: 'json',
    witness: 'running-jobs',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/overview',
    view: '/clusters/{c}/overview',
    kind: 'json',
    witness: 'taskmanagers-value',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jars',
    view: '/clusters/{c}/submit',
    kind: 'json',
    witness: 'upload-card',
  },
  {
    backend: 'flink',
    endpoint: 'GET /datasets',
    view: `${JM}?tab=admin`,
    kind: 'json',
    witness: 'shutdown-section',
  },
  // Flink: a job
  { backend: 'flink', endpoint: 'GET /jobs/:jobid', view: JOB, kind: 'json' },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid/subtasks/metrics',
    view: JOB,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/exceptions',
    view: '/clusters/{c}/jobs/{failedJob}/exceptions',
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/config',
    view: `${JOB}/configuration`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/metrics',
    view: `${JOB}/configuration`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/accumulators',
    view: `${JOB}/configuration`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/resource-requirements',
    view: `${JOB}/configuration`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/checkpoints',
    view: `${JOB}/checkpoints`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/checkpoints/config',
    // Shown (and its errors) in the tab's Configuration section.
    view: `${JOB}/checkpoints?panel=configuration`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/checkpoints/details/:checkpointid',
    view: `${JOB}/checkpoints?checkpoint={checkpoint}`,
    kind: 'json',
    witness: 'checkpoint-counts',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid/backpressure',
    view: `${JOB}/backpressure`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid/watermarks',
    // a source has no input watermark: its tab reads its output watermarks from the metrics instead
    view: `${JOB}?vertex={innerVertex}&panel=watermarks`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid/flamegraph',
    view: `${JOB}/flamegraph`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid',
    view: VERTEX,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid/taskmanagers',
    view: `${VERTEX}&panel=taskmanagers`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid/accumulators',
    view: `${VERTEX}&panel=accumulators`,
    kind: 'json',
    witness: 'job-header',
    overrides: {
      'nan-strings': {
        expect: 'render',
        note: 'no number in this answer, and accumulator values are strings: "NaN" is valid, shown as sent',
        verbatim: true,
      },
    },
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid/subtasks/accumulators',
    view: `${VERTEX}&panel=accumulators`,
    kind: 'json',
    witness: 'job-header',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/metrics',
    view: `${VERTEX}&panel=metrics`,
    kind: 'json',
    witness: 'job-header',
  },
  // Flink: task managers
  { backend: 'flink', endpoint: 'GET /taskmanagers', view: '/clusters/{c}/task-managers', kind: 'json' },
  { backend: 'flink', endpoint: 'GET /taskmanagers/:taskmanagerid', view: TM, kind: 'json' },
  {
    backend: 'flink',
    endpoint: 'GET /taskmanagers/:taskmanagerid/metrics',
    view: TM,
    kind: 'json',
    witness: 'tm-facts',
  },
  {
    backend: 'flink',
    endpoint: 'GET /taskmanagers/:taskmanagerid/logs',
    view: `${TM}?tab=logs`,
    kind: 'json',
  },
  {
    backend: 'flink',
    endpoint: 'GET /taskmanagers/:taskmanagerid/log',
    view: `${TM}?tab=logs`,
    kind: 'text',
  },
  {
    backend: 'flink',
    endpoint: 'GET /taskmanagers/:taskmanagerid/stdout',
    view: `${TM}?tab=logs&file=stdout`,
    kind: 'text',
  },
  {
    backend: 'flink',
    endpoint: 'GET /taskmanagers/:taskmanagerid/thread-dump',
    view: `${TM}?tab=threads`,
    kind: 'json',
  },
  // Flink: job manager
  { backend: 'flink', endpoint: 'GET /jobmanager/config', view: JM, kind: 'json' },
  {
    backend: 'flink',
    endpoint: 'GET /jobmanager/environment',
    view: `${JM}?tab=environment`,
    kind: 'json',
    overrides: STRINGS_ONLY,
  },
  { backend: 'flink', endpoint: 'GET /jobmanager/metrics', view: `${JM}?tab=metrics`, kind: 'json' },
  { backend: 'flink', endpoint: 'GET /jobmanager/logs', view: `${JM}?tab=logs`, kind: 'json' },
  { backend: 'flink', endpoint: 'GET /jobmanager/log', view: `${JM}?tab=logs`, kind: 'text' },
  { backend: 'flink', endpoint: 'GET /jobmanager/stdout', view: `${JM}?tab=logs&file=stdout`, kind: 'text' },
  {
    backend: 'flink',
    endpoint: 'GET /jobmanager/logs/:logname',
    view: `${JM}?tab=logs&file=flink--standalonesession-0-jobmanager.log`,
    kind: 'text',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobmanager/thread-dump',
    view: `${JM}?tab=threads`,
    kind: 'json',
    overrides: STRINGS_ONLY,
  },
  // SeaTunnel (REST v2)
  {
    backend: 'seatunnel',
    endpoint: 'GET /overview',
    view: '/clusters/{c}/overview',
    kind: 'json',
    witness: 'st-running-jobs',
  },
  { backend: 'seatunnel', endpoint: 'GET /running-jobs', view: '/clusters/{c}/jobs', kind: 'json' },
  { backend: 'seatunnel', endpoint: 'GET /finished-jobs', view: '/clusters/{c}/jobs', kind: 'json' },
  {
    backend: 'seatunnel',
    endpoint: 'GET /system-monitoring-information',
    view: '/clusters/{c}/nodes',
    kind: 'json',
  },
  { backend: 'seatunnel', endpoint: 'GET /job-info/:jobId', view: ST_JOB, kind: 'json' },
  {
    backend: 'seatunnel',
    endpoint: 'GET /logs/:jobId',
    view: `${ST_JOB}?panel=logs`,
    kind: 'json',
    witness: 'job-header',
    overrides: {
      'nan-strings': {
        expect: 'render',
        note: 'an answer of strings only (node, link, file name): nothing for the mutation to break',
        verbatim: true,
      },
    },
  },
  {
    backend: 'seatunnel',
    endpoint: 'GET /logs/:logName',
    view: `${ST_JOB}?panel=logs`,
    kind: 'text',
    witness: 'job-header',
  },
  // SeaTunnel (REST v1: same engine, other port and prefix)
  {
    backend: 'seatunnel-v1',
    endpoint: 'GET /overview',
    view: '/clusters/{c}/overview',
    kind: 'json',
    witness: 'st-running-jobs',
  },
  { backend: 'seatunnel-v1', endpoint: 'GET /running-jobs', view: '/clusters/{c}/jobs', kind: 'json' },
  { backend: 'seatunnel-v1', endpoint: 'GET /job-info/:jobId', view: ST_JOB, kind: 'json' },
];

/** Answers a well-formed page must render (the schema accepts them; the UI must not crash on them). */
const SHAPE_KEEPING: Mutation[] = [
  'minus-one',
  'nan-numbers',
  'zeros',
  'huge-doubles',
  'int64',
  'empty-arrays',
  'huge-arrays',
];
/** Answers of the wrong shape: the schema rejects them, the page says which endpoint and field. */
const SHAPE_BREAKING: Mutation[] = [
  'null-body',
  'string-body',
  'array-object-swap',
  'empty-object',
  'missing-field',
  'null-leaves',
  'wrong-types',
  'nan-strings',
  'deep-nesting',
];
/** Broken transport and error answers. */
const TRANSPORT: Mutation[] = [
  'html-200',
  'empty-200',
  'truncated',
  'flink-500',
  'text-500',
  'html-502',
  'not-found-404',
  'redirect',
  'slow',
  'reset',
];
/** What a log viewer gets instead of a log. */
const TEXT: Mutation[] = [
  'empty-200',
  'html-200',
  'binary-garbage',
  'long-line',
  'flink-500',
  'text-500',
  'not-found-404',
  'slow',
  'reset',
];

function defaultExpect(kind: AnswerKind, m: Mutation): Expect {
  if (kind === 'text')
    return ['empty-200', 'html-200', 'binary-garbage', 'long-line', 'truncated'].includes(m)
      ? 'render'
      : 'error';
  if (SHAPE_KEEPING.includes(m)) return 'error-or-render';
  return 'error';
}

/**
 * Per JSON endpoint: every shape-keeping mutation (they reach the components), three shape-breaking
 * and two transport mutations taken round-robin (so every kind meets many endpoints). Text
 * endpoints get every text mutation.
 */
function generate(): BadCase[] {
  const out: BadCase[] = [];
  let breaking = 0;
  let transport = 0;
  for (const spec of ENDPOINTS) {
    const mutations: Mutation[] = [];
    if (spec.kind === 'text') {
      mutations.push(...TEXT);
    } else {
      mutations.push(...SHAPE_KEEPING);
      for (let i = 0; i < 3; i++)
        mutations.push(SHAPE_BREAKING[breaking++ % SHAPE_BREAKING.length] as Mutation);
      for (let i = 0; i < 2; i++) mutations.push(TRANSPORT[transport++ % TRANSPORT.length] as Mutation);
    }
    for (const mutation of mutations) {
      const override = spec.overrides?.[mutation];
      out.push({
        id: '',
        backend: spec.backend,
        endpoint: spec.endpoint,
        mutation,
        view: spec.view,
        expect: override?.expect ?? defaultExpect(spec.kind, mutation),
        ...(spec.witness ? { witness: spec.witness } : {}),
        ...(override ? { note: override.note } : {}),
        ...(override?.verbatim ? { verbatim: true } : {}),
      });
    }
  }
  return out;
}

/** A 404 for a Flink job is an answer, not a failure: the page says the job is unknown. */
const flinkJobExpect = (mutation: Mutation): Expect =>
  mutation === 'not-found-404' ? { handled: 'job-not-found' } : 'error';
/** A 404 for job-info means an engine older than it (2.3.4 and before): the page reads /running-job. */
const seatunnelJobExpect = (mutation: Mutation): Expect =>
  mutation === 'not-found-404' ? 'render' : 'error';

/** Cases picked by hand: the answers that broke dashboards before. */
const HAND_WRITTEN: Omit<BadCase, 'id'>[] = [
  // The poll period comes from /config: a huge or negative one must not turn into a request storm.
  {
    backend: 'flink',
    endpoint: 'GET /config',
    mutation: 'huge-doubles',
    view: '/clusters/{c}/jobs',
    expect: 'render',
    note: 'refresh-interval 1e308 must not poll in a loop',
  },
  {
    backend: 'flink',
    endpoint: 'GET /config',
    mutation: 'minus-one',
    view: '/clusters/{c}/jobs',
    expect: 'render',
    note: 'refresh-interval -1',
  },
  {
    backend: 'flink',
    endpoint: 'GET /config',
    mutation: 'zeros',
    view: '/clusters/{c}/jobs',
    expect: 'render',
    note: 'refresh-interval 0',
  },
  // Every transport failure on the answer every Flink page needs first.
  ...TRANSPORT.filter((m) => !['html-200', 'flink-500'].includes(m)).map((mutation) => ({
    backend: 'flink' as const,
    endpoint: 'GET /jobs/:jobid',
    mutation,
    view: `${JOB}/exceptions`,
    expect: flinkJobExpect(mutation),
  })),
  ...TRANSPORT.map((mutation) => ({
    backend: 'seatunnel' as const,
    endpoint: 'GET /job-info/:jobId',
    mutation,
    view: `${ST_JOB}?panel=configuration`,
    expect: seatunnelJobExpect(mutation),
  })),
  // The job list with every job state and id broken at once.
  {
    backend: 'flink',
    endpoint: 'GET /jobs/overview',
    mutation: 'null-leaves',
    view: '/clusters/{c}/jobs',
    expect: 'error',
  },
  {
    backend: 'flink',
    endpoint: 'GET /jobs/overview',
    mutation: 'huge-arrays',
    view: '/clusters/{c}/jobs',
    expect: 'render',
    note: '5,000 jobs',
  },
  {
    backend: 'flink',
    endpoint: 'GET /taskmanagers',
    mutation: 'huge-arrays',
    view: '/clusters/{c}/overview',
    expect: 'render',
    note: '5,000 jobs: the overview lists 50 and links to the Jobs page',
  },
  {
    backend: 'seatunnel',
    endpoint: 'GET /finished-jobs',
    mutation: 'huge-arrays',
    view: '/clusters/{c}/overview',
    expect: 'error-or-render',
  },
  {
    backend: 'seatunnel',
    endpoint: 'GET /running-jobs',
    mutation: 'nan-strings',
    view: '/clusters/{c}/overview',
    expect: 'error-or-render',
    witness: 'st-workers',
  },
];

/** The corpus: ids `bad-001`... in order (stable while the tables above do not change). */
export const CORPUS: BadCase[] = [...generate(), ...HAND_WRITTEN.map((c) => ({ ...c, id: '' }))].map(
  (c, i) => ({
    ...c,
    id: `bad-${String(i + 1).padStart(3, '0')}`,
  }),
);

/** What a hostile cluster puts into names, messages, configs and logs (served by the bad server). */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>window.__pwned=1</script>',
  jsUrl: 'javascript:alert(document.domain)',
  template: "{{constructor.constructor('alert(1)')()}}",
  rtl: 'invoice\u202Efdp.exe',
  svg: '"><svg onload=alert(1)>',
  long: `L${'o'.repeat(9_998)}ng`,
} as const;
export const HOSTILE_PAYLOADS: readonly string[] = Object.values(HOSTILE);

export const V1_PREFIX = '/hazelcast/rest/maps';

/** The dashboard's cluster entries for a bad server at `url`: every case, plus ok and hostile ones. */
export function dashboardClusters(url: string, cases: readonly BadCase[] = CORPUS): object[] {
  const entry = (id: string, name: string, backend: Backend, path: string) => ({
    id,
    name,
    kind: backend === 'flink' ? 'flink' : 'seatunnel',
    // v1 calls carry their /hazelcast/rest/maps prefix themselves
    url: `${url}${path}`,
    ...(backend === 'flink' ? {} : { flavour: backend === 'seatunnel' ? 'v2' : 'v1' }),
  });
  return [
    entry('ok-flink', 'OK Flink', 'flink', '/ok/flink'),
    entry('ok-seatunnel', 'OK SeaTunnel', 'seatunnel', '/ok/seatunnel'),
    entry('hostile-flink', 'Hostile Flink', 'flink', '/hostile/flink'),
    entry('hostile-seatunnel', 'Hostile SeaTunnel', 'seatunnel', '/hostile/seatunnel'),
    // A case's cluster is looked at on its page only: triage would poll all of them in the background.
    ...cases.map((c) => ({
      ...entry(c.id, `${c.id} ${c.endpoint} ${c.mutation}`, c.backend, `/case/${c.id}`),
      monitor: false,
    })),
  ];
}

/** The endpoint as the dashboard names it in errors (v1 calls carry their prefix). */
export function endpointLabel(c: Pick<BadCase, 'backend' | 'endpoint'>): string {
  if (c.backend !== 'seatunnel-v1') return c.endpoint;
  const [method, path] = c.endpoint.split(' ');
  return `${method} ${V1_PREFIX}${path}`;
}
