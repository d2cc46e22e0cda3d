/**
 * `npm run bench`: streamdash side by side with Flink's own dashboard (issue #10).
 *
 *   npm run bench                       # full run: bundle, load, cluster traffic, scale, 2-minute soak
 *   npm run bench -- --quick            # fewer runs, 30 s traffic window, 1-minute soak
 *   npm run bench -- --soak-minutes 60  # the long soak
 *   npm run bench -- --no-real          # skip the real Flink (bundle, scale and soak on the demo only)
 *   npm run bench -- --runs 7 --only load,traffic --update-doc
 *
 * Prints the report (plain text) and writes it as Markdown and JSON to .cache/bench/; with
 * --update-doc the "Latest run" section of BENCHMARKS.md is replaced by it. See BENCHMARKS.md for
 * the method.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from './browser.ts';
import { ensureBuilt, firstPageTotal, flinkBundle, ourBundle, sum, type BundleFigures } from './bundle.ts';
import { measureTraffic, perMinute, type TrafficResult, type TrafficTarget } from './cluster-load.ts';
import { measureLoads, type LoadResult, type LoadTarget } from './load.ts';
import { machine, type Machine } from './machine.ts';
import { startDemo, startOurServer, stopAll } from './processes.ts';
import { measureScale, prepareDemo, scaleScenarios, type ScaleResult } from './scale.ts';
import { soak, type SoakResult, type SoakTarget } from './soak.ts';
import { kb, max, mb, median, ms, num, ratio, spread, table } from './stats.ts';

// ---- options ------------------------------------------------------------------------------------

const SECTIONS = ['bundle', 'load', 'traffic', 'scale', 'soak'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  quick: boolean;
  real: boolean;
  soakMinutes: number;
  runs: number;
  scaleRuns: number;
  trafficSeconds: number;
  only: Set<Section>;
  updateDoc: boolean;
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    const v = i >= 0 ? argv[i + 1] : undefined;
    if (i >= 0 && v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  const number = (flag: string, fallback: number) => {
    const v = value(flag);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag}: not a positive number: ${v}`);
    return n;
  };
  const only = value('--only');
  const sections = only ? only.split(',').map((s) => s.trim()) : [...SECTIONS];
  for (const s of sections)
    if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only: unknown section ${s}`);
  const known = new Set([
    '--quick',
    '--no-real',
    '--update-doc',
    '--soak-minutes',
    '--runs',
    '--scale-runs',
    '--traffic-seconds',
    '--only',
  ]);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown flag ${a}`);
  return {
    quick,
    real: !argv.includes('--no-real'),
    soakMinutes: number('--soak-minutes', quick ? 1 : 2),
    runs: Math.round(number('--runs', quick ? 3 : 5)),
    scaleRuns: Math.round(number('--scale-runs', quick ? 1 : 3)),
    trafficSeconds: number('--traffic-seconds', quick ? 30 : 60),
    only: new Set(sections as Section[]),
    updateDoc: argv.includes('--update-doc'),
  };
}

const log = (s: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

// ---- the run ------------------------------------------------------------------------------------

interface Results {
  options: Omit<Options, 'only'> & { only: Section[] };
  machine: Machine;
  machineAfter?: Pick<Machine, 'loadAverage' | 'memoryAvailable'>;
  bundle?: { ours: BundleFigures; flink?: BundleFigures; flinkError?: string };
  load?: LoadResult[];
  traffic?: TrafficResult[];
  trafficJob?: { name: string; vertices: number };
  scale?: ScaleResult[];
  soak?: SoakResult[];
  notes: string[];
}

const RUNNING_JOB_WITH_MOST_VERTICES = 'backpressure';
const SOAK_DEMO_JOB = 'Clickstream Sessionization';

async function jobInfo(flinkUrl: string, jobId: string) {
  const res = await fetch(`${flinkUrl}/jobs/${jobId}`);
  const j = (await res.json()) as { name: string; vertices: unknown[] };
  return { name: j.name, vertices: j.vertices.length };
}

async function demoJobId(flinkUrl: string, name: string): Promise<string> {
  const jobs = (
    (await (await fetch(`${flinkUrl}/jobs/overview`)).json()) as { jobs: { jid: string; name: string }[] }
  ).jobs;
  const j = jobs.find((x) => x.name === name);
  if (!j) throw new Error(`the demo has no job "${name}"`);
  return j.jid;
}

interface FlinkHandle {
  url: string;
  jarId: string;
  jobs: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The real Flink 2.2.1 with the project's workloads (startRealFlink). While working on the
 * benchmark, BENCH_FLINK_STATE=.cache/flink/cluster.json reuses a cluster started with
 * `npx tsx e2e/real/flink-cluster.ts start` (and leaves it running).
 */
async function startFlink(): Promise<FlinkHandle> {
  const state = process.env.BENCH_FLINK_STATE;
  if (state) {
    const s = JSON.parse(readFileSync(state, 'utf8')) as {
      url: string;
      jarId: string;
      jobs: Record<string, string>;
    };
    log(`reusing the Flink cluster at ${s.url} (${state})`);
    return { url: s.url, jarId: s.jarId, jobs: s.jobs, stop: async () => {} };
  }
  const { startRealFlink } = await import('../e2e/real/flink-cluster.ts');
  return startRealFlink({ log: (s) => log(`flink: ${s}`) });
}

/** Issue #10 measures cluster load on a 10-vertex job; the test workloads chain to fewer vertices. */
async function startWideJob(flink: FlinkHandle): Promise<string> {
  const { startWideJob: start } = await import('../e2e/real/flink-cluster.ts');
  const jobId = await start(flink.url, flink.jarId);
  log(`wide job ${jobId} running (${(await jobInfo(flink.url, jobId)).vertices} vertices)`);
  return jobId;
}

const apiOf = (cluster: string) => (u: URL) => u.pathname.startsWith(`/api/${cluster}/`);
const stripApi = (cluster: string) => (u: URL) => u.pathname.slice(`/api/${cluster}`.length) + u.search;
/** Flink's dashboard: everything from the JobManager that is not one of its static files. */
const flinkApi = (origin: string) => (u: URL) =>
  u.origin === origin &&
  u.pathname !== '/' &&
  !/\.(m?js|css|html|svg|png|ico|woff2?|ttf|json|txt|map)$/.test(u.pathname);

async function run(opts: Options): Promise<Results> {
  const results: Results = {
    options: { ...opts, only: [...opts.only] },
    machine: machine(),
    notes: [],
  };
  const want = (s: Section) => opts.only.has(s);
  const stops: (() => Promise<void>)[] = [];
  const browser = await launchChromium();
  results.machine.chromium = browser.version();
  try {
    // ---- 1. bundle (ours) ----
    ensureBuilt('dist', log);
    const ours = ourBundle('dist');
    if (want('bundle')) results.bundle = { ours };

    // ---- clusters and our server ----
    const needReal = opts.real && (want('bundle') || want('load') || want('traffic') || want('soak'));
    const needLarge = want('scale') || want('traffic');
    const needNormal = want('soak');
    const [flink, large, normal] = await Promise.all([
      needReal ? startFlink() : undefined,
      needLarge ? startDemo('large') : undefined,
      needNormal ? startDemo('normal') : undefined,
    ]);
    if (flink) stops.push(() => flink.stop());
    if (large) stops.push(large.stop);
    if (normal) stops.push(normal.stop);
    const clusters: Record<string, string> = {};
    if (flink) clusters.real = flink.url;
    if (large) clusters.large = large.flinkUrl;
    if (normal) clusters.demo = normal.flinkUrl;
    const server = await startOurServer(clusters);
    stops.push(server.stop);
    log(`our server ${server.url} → ${JSON.stringify(clusters)}`);
    const ids = large ? await prepareDemo(large.flinkUrl, log) : undefined;

    // ---- 1. bundle (Flink's) ----
    if (want('bundle') && results.bundle) {
      if (flink) {
        try {
          results.bundle.flink = await flinkBundle(flink.url);
        } catch (e) {
          results.bundle.flinkError = String(e);
        }
      } else results.bundle.flinkError = 'skipped (--no-real)';
    }

    // ---- 2. load ----
    const job = flink?.jobs[RUNNING_JOB_WITH_MOST_VERTICES];
    const jobVertices = flink && job ? (await jobInfo(flink.url, job)).vertices : 0;
    if (want('load') && flink && job) {
      const targets: LoadTarget[] = [
        {
          dashboard: 'ours',
          page: 'overview',
          url: `${server.url}/clusters/real/overview`,
          data: { selector: '[data-testid=taskmanagers-value]', text: '\\d' },
        },
        {
          dashboard: 'flink',
          page: 'overview',
          url: `${flink.url}/#/overview`,
          data: { selector: '.ant-card-body .field', text: 'Task Managers\\s*\\d' },
        },
        {
          dashboard: 'ours',
          page: 'job',
          url: `${server.url}/clusters/real/jobs/${job}`,
          data: { selector: '[data-testid=dag-node]', min: jobVertices },
        },
        {
          dashboard: 'flink',
          page: 'job',
          url: `${flink.url}/#/job/running/${job}/overview`,
          data: { selector: 'flink-job-overview g.node-group', min: jobVertices },
        },
      ];
      results.load = await measureLoads(browser, targets, opts.runs, log);
    }

    // ---- 3. cluster traffic ----
    if (want('traffic')) {
      const targets: TrafficTarget[] = [];
      const wide = flink ? await startWideJob(flink) : undefined;
      if (flink && wide) {
        results.trafficJob = await jobInfo(flink.url, wide);
        const wideVertices = results.trafficJob.vertices;
        targets.push(
          {
            label: `streamdash, real job (${wideVertices} vertices)`,
            url: `${server.url}/clusters/real/jobs/${wide}`,
            ready: { selector: '[data-testid=dag-node]', min: wideVertices },
            isClusterRequest: apiOf('real'),
            clusterPath: stripApi('real'),
          },
          {
            label: `Flink UI, real job (${wideVertices} vertices)`,
            url: `${flink.url}/#/job/running/${wide}/overview`,
            ready: { selector: 'flink-job-overview g.node-group', min: wideVertices },
            isClusterRequest: flinkApi(new URL(flink.url).origin),
            clusterPath: (u) => u.pathname + u.search,
          },
        );
      }
      if (ids) {
        targets.push({
          label: 'streamdash, demo job (300 vertices)',
          url: `${server.url}/clusters/large/jobs/${ids.mega}`,
          ready: { selector: '[data-testid=dag-node]', min: 1 },
          isClusterRequest: apiOf('large'),
          clusterPath: stripApi('large'),
        });
      }
      results.traffic = await measureTraffic(browser, targets, opts.trafficSeconds * 1000, 10_000, log);
    }

    // ---- 4. scale ----
    if (want('scale') && ids) {
      results.scale = await measureScale(
        browser,
        server.url,
        scaleScenarios('large', ids),
        opts.scaleRuns,
        log,
      );
    }

    // ---- 5. soak ----
    if (want('soak') && normal) {
      const demoJob = await demoJobId(normal.flinkUrl, SOAK_DEMO_JOB);
      const targets: SoakTarget[] = [
        {
          label: `streamdash, demo "${SOAK_DEMO_JOB}", polling 1 s`,
          url: `${server.url}/clusters/demo/jobs/${demoJob}`,
          ready: { selector: '[data-testid=dag-node]', min: 1 },
          localStorage: { 'streamdash.poll-interval': '1000' },
          isClusterRequest: apiOf('demo'),
        },
      ];
      if (flink && job) {
        targets.push(
          {
            label: `streamdash, real job, polling auto (3 s)`,
            url: `${server.url}/clusters/real/jobs/${job}`,
            ready: { selector: '[data-testid=dag-node]', min: jobVertices },
            isClusterRequest: apiOf('real'),
          },
          {
            label: `Flink UI, real job (3 s)`,
            url: `${flink.url}/#/job/running/${job}/overview`,
            ready: { selector: 'flink-job-overview g.node-group', min: jobVertices },
            isClusterRequest: flinkApi(new URL(flink.url).origin),
          },
        );
      }
      results.soak = await soak(browser, targets, opts.soakMinutes, log);
    }
  } finally {
    await browser.close().catch(() => undefined);
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => log(`stop: ${String(e)}`));
    stopAll();
  }
  const after = machine();
  results.machineAfter = { loadAverage: after.loadAverage, memoryAvailable: after.memoryAvailable };
  return results;
}

// ---- the report ---------------------------------------------------------------------------------

interface Check {
  what: string;
  measured: string;
  target: string;
  ok: boolean | undefined;
  /** The same target judged on main-thread CPU time (load-independent), where measured. */
  cpuOk?: boolean | undefined;
}

const status = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'ok' : 'MISSED');

function report(r: Results, markdown: boolean): string {
  const out: string[] = [];
  const checks: Check[] = [];
  const h = (title: string) => out.push('', markdown ? `### ${title}` : `== ${title} ==`, '');
  const t = (headers: string[], rows: string[][]) => out.push(table(headers, rows, markdown));

  const m = r.machine;
  h('Machine');
  t(
    ['', ''],
    [
      ['date', m.date],
      ['CPU', `${m.cpu}, ${m.cores} cores`],
      [
        'load average (1/5/15 min)',
        `start ${m.loadAverage.join(' / ')}; end ${r.machineAfter?.loadAverage.join(' / ') ?? '—'}`,
      ],
      ['memory', `${mb(m.memoryTotal)} total, ${mb(m.memoryAvailable)} available at start`],
      ['OS', m.os],
      ['Node', m.node],
      ['Chromium', m.chromium ?? '—'],
      [
        'run',
        `${r.options.quick ? 'quick; ' : ''}${r.options.runs} load runs per page, ${r.options.scaleRuns} scale runs, ` +
          `${r.options.trafficSeconds} s traffic window, ${r.options.soakMinutes} min soak` +
          `${r.options.real ? '' : '; real Flink skipped'}; sections: ${r.options.only.join(', ')}`,
      ],
    ],
  );

  // ---- bundle ----
  if (r.bundle) {
    const o = r.bundle.ours;
    const f = r.bundle.flink;
    h('1. Bundle: what the first page needs (raw / gzip -9)');
    const cell = (b: BundleFigures | undefined, part: 'js' | 'css' | 'html' | 'total') => {
      if (!b) return '—';
      const raw =
        part === 'total'
          ? firstPageTotal(b, 'raw')
          : part === 'html'
            ? b.firstPage.html.raw
            : sum(b.firstPage[part], 'raw');
      const gz =
        part === 'total'
          ? firstPageTotal(b, 'gzip')
          : part === 'html'
            ? b.firstPage.html.gzip
            : sum(b.firstPage[part], 'gzip');
      return `${kb(raw)} / ${kb(gz)}`;
    };
    const rows = (['js', 'css', 'html', 'total'] as const).map((p) => {
      const rt =
        f && o
          ? ratio(
              p === 'total'
                ? firstPageTotal(o, 'gzip')
                : p === 'html'
                  ? o.firstPage.html.gzip
                  : sum(o.firstPage[p], 'gzip'),
              p === 'total'
                ? firstPageTotal(f, 'gzip')
                : p === 'html'
                  ? f.firstPage.html.gzip
                  : sum(f.firstPage[p], 'gzip'),
            )
          : undefined;
      return [
        p === 'total' ? 'entry total (index.html + its scripts, preloads, styles)' : p.toUpperCase(),
        cell(o, p),
        cell(f, p),
        num(rt, 2),
      ];
    });
    if (r.load) {
      for (const page of ['overview', 'job'] as const) {
        const of = (d: 'ours' | 'flink') =>
          r.load?.find((l) => l.target.dashboard === d && l.target.page === page);
        const lo = of('ours');
        const lf = of('flink');
        const fmt = (l: LoadResult | undefined) =>
          l && l.assets.length
            ? `${kb(l.assets.reduce((n, a) => n + a.raw, 0))} / ${kb(l.assets.reduce((n, a) => n + a.gzip, 0))} (${l.assets.length} files)`
            : '—';
        const gz = (l: LoadResult | undefined) =>
          l?.assets.length ? l.assets.reduce((n, a) => n + a.gzip, 0) : undefined;
        rows.push([
          `HTML+JS+CSS received before the first data, ${page} page (browser)`,
          fmt(lo),
          fmt(lf),
          num(ratio(gz(lo), gz(lf)), 2),
        ]);
      }
    }
    t(
      [
        '',
        'streamdash',
        `Flink ${r.bundle.flink ? '' : `(${r.bundle.flinkError ?? '—'})`}`.trim(),
        'ratio (gzip)',
      ],
      rows,
    );
    const total = firstPageTotal(o, 'gzip');
    checks.push({
      what: 'first-page bundle (gzip, entry total)',
      measured: kb(total),
      target: '≤ 110 kB (issue, enforced by the build)',
      ok: total <= 110 * 1024,
    });
    h('1b. Lazy chunks (loaded with their route)');
    t(
      ['chunk', 'raw', 'gzip'],
      o.lazy.map((a) => [a.file, kb(a.raw), kb(a.gzip)]),
    );
    out.push(
      '',
      `${o.lazy.length} lazy chunks, ${kb(sum(o.lazy, 'raw'))} raw / ${kb(sum(o.lazy, 'gzip'))} gzip in all.`,
    );
  }

  // ---- load ----
  if (r.load) {
    h('2. Load: navigation to the first real data, cold cache, same real Flink 2.2.1 cluster');
    const rows: string[][] = [];
    for (const page of ['overview', 'job'] as const) {
      const lo = r.load.find((l) => l.target.dashboard === 'ours' && l.target.page === page);
      const lf = r.load.find((l) => l.target.dashboard === 'flink' && l.target.page === page);
      const rt = ratio(median(lo?.times ?? []), median(lf?.times ?? []));
      // per-run ratios (runs are paired: same iteration, adjacent in time)
      const paired = (lo?.times ?? [])
        .map((x, i) => ratio(x, lf?.times[i]))
        .filter((x): x is number => x !== undefined);
      const cpuRatio = ratio(median(lo?.cpu ?? []), median(lf?.cpu ?? []));
      const failed = [...(lo?.errors ?? []), ...(lf?.errors ?? [])].length;
      rows.push([
        page === 'overview'
          ? 'overview (task managers shown)'
          : `job page (${lo?.target.data.min ?? '?'} graph nodes shown)`,
        spread(lo?.times ?? []),
        spread(lf?.times ?? []),
        num(rt, 2),
        paired.length ? num(median(paired), 2) : '—',
        `${ms(median(lo?.cpu ?? []))} / ${ms(median(lf?.cpu ?? []))} = ${num(cpuRatio, 2)}`,
        `${ms(median(lo?.longestTask ?? []))} / ${ms(median(lf?.longestTask ?? []))}`,
        failed ? `${failed} failed runs` : '',
      ]);
      checks.push({
        what: `load time ratio, ${page}`,
        measured: `${num(rt, 2)} wall, ${num(cpuRatio, 2)} CPU`,
        target: '≤ 0.5',
        ok: rt === undefined ? undefined : rt <= 0.5,
        cpuOk: cpuRatio === undefined ? undefined : cpuRatio <= 0.5,
      });
    }
    t(
      [
        'page',
        'streamdash wall median (min–max)',
        'Flink UI wall median (min–max)',
        'ratio of medians',
        'median of paired ratios',
        'main-thread CPU: ours / Flink = ratio',
        'longest task ours / Flink',
        '',
      ],
      rows,
    );
  }

  // ---- traffic ----
  if (r.traffic) {
    h('3. Cluster load while a running job’s page is open (after it settled)');
    const rows = r.traffic.map((x) => [
      x.label,
      num(perMinute(x.requests, x.windowMs), 1),
      kb(perMinute(x.responseBytes, x.windowMs)),
      kb(perMinute(x.requestBytes, x.windowMs)),
      num(perMinute(x.changedAnswers, x.windowMs), 1),
      x.failed ? String(x.failed) : '',
      x.error ?? '',
    ]);
    t(
      [
        'page',
        'requests/min',
        'response bytes/min',
        'request bytes/min',
        'answers that changed/min',
        'failed',
        '',
      ],
      rows,
    );
    const ours = r.traffic.find((x) => x.label.startsWith('streamdash, real'));
    const theirs = r.traffic.find((x) => x.label.startsWith('Flink UI, real'));
    if (ours && theirs) {
      const rt = ratio(perMinute(ours.requests, ours.windowMs), perMinute(theirs.requests, theirs.windowMs));
      const bt = ratio(ours.responseBytes, theirs.responseBytes);
      out.push('', `Ratio streamdash / Flink UI: requests ${num(rt, 2)}, response bytes ${num(bt, 2)}.`);
      checks.push({
        what: 'cluster requests ratio (real job)',
        measured: num(rt, 2),
        target: '≤ 0.25',
        ok: rt === undefined ? undefined : rt <= 0.25,
      });
      h('3b. Requests per minute by endpoint');
      const eps = [...new Set(r.traffic.flatMap((x) => Object.keys(x.byEndpoint)))].sort();
      t(
        ['endpoint', ...r.traffic.map((x) => x.label)],
        eps.map((e) => [
          e,
          ...r.traffic!.map((x) =>
            x.byEndpoint[e] ? num(perMinute(x.byEndpoint[e] as number, x.windowMs), 1) : '',
          ),
        ]),
      );
    }
  }

  // ---- scale ----
  if (r.scale) {
    h('4. Scale: demo cluster, scale "large"');
    out.push(
      'Wall: navigation → the frame showing the content; input → the next frame / → the frame showing the result.',
      'CPU: main-thread CPU time the page used in the same span (trace thread time; independent of the machine load).',
      '',
    );
    const rows: string[][] = [];
    const judge = (v: number | undefined, limit: number) => (v === undefined ? undefined : v < limit);
    for (const s of r.scale) {
      if (s.missing) {
        rows.push([s.name, 'not measured', s.missing, '', '', '', '']);
        continue;
      }
      const render = median(s.renders);
      const renderCpu = median(s.renderCpu);
      rows.push([
        s.name,
        'first render',
        spread(s.renders),
        spread(s.renderCpu),
        '< 1000 ms',
        status(judge(render, 1000)),
        status(judge(renderCpu, 1000)),
      ]);
      checks.push({
        what: `${s.name}: first render`,
        measured: `${ms(render)} wall, ${ms(renderCpu)} CPU`,
        target: '< 1000 ms',
        ok: judge(render, 1000),
        cpuOk: judge(renderCpu, 1000),
      });
      for (const i of s.interactions) {
        const res = median(i.result);
        const cpu = median(i.cpu);
        rows.push([
          '',
          i.name,
          `${spread(i.paint)} / ${spread(i.result)}${i.errors.length ? ` (${i.errors.length} errors: ${i.errors[0]})` : ''}`,
          spread(i.cpu),
          '< 100 ms',
          status(judge(res, 100)),
          status(judge(cpu, 100)),
        ]);
        checks.push({
          what: `${s.name}: ${i.name} (input → result shown)`,
          measured: `${ms(res)} wall, ${ms(cpu)} CPU`,
          target: '< 100 ms',
          ok: judge(res, 100),
          cpuOk: judge(cpu, 100),
        });
      }
      const longest = max([...s.longestRender, ...s.longestInteraction]);
      const longestCpu = max(s.longestTaskCpu);
      rows.push([
        '',
        'longest task: wall (render / interactions; > 200 ms per run); CPU (> 200 ms per run)',
        `${ms(max(s.longestRender))} / ${ms(max(s.longestInteraction))} (${s.over200.join(', ') || '—'})`,
        `${ms(longestCpu)} (${s.cpuOver200.join(', ') || '—'})`,
        '≤ 200 ms',
        status(longest === undefined ? undefined : longest <= 200),
        status(longestCpu === undefined ? undefined : longestCpu <= 200),
      ]);
      checks.push({
        what: `${s.name}: longest task`,
        measured: `${ms(longest)} wall, ${ms(longestCpu)} CPU`,
        target: '≤ 200 ms',
        ok: longest === undefined ? undefined : longest <= 200,
        cpuOk: longestCpu === undefined ? undefined : longestCpu <= 200,
      });
      if (s.errors.length) rows.push(['', 'errors', s.errors.slice(0, 3).join(' | '), '', '', '', '']);
    }
    t(
      ['scenario', 'measure', 'wall median (min–max, n)', 'CPU median (min–max, n)', 'target', 'wall', 'CPU'],
      rows,
    );
  }

  // ---- soak ----
  if (r.soak) {
    h('5. Soak: the job page left open with polling (heap after forced GC, Chromium DOM counters)');
    const rows = r.soak.map((s) => {
      const a = s.samples[0];
      const z = s.samples.at(-1);
      const growth = a && z ? z.heapUsed - a.heapUsed : undefined;
      const minutes = z ? z.atMs / 60_000 : 0;
      if (s.label.startsWith('streamdash')) {
        checks.push({
          what: `soak heap growth: ${s.label}`,
          measured: mb(growth),
          target: '< 10 MB',
          ok: growth === undefined ? undefined : growth < 10 * 1048576,
        });
      }
      return [
        s.label,
        num(minutes, 1),
        `${mb(a?.heapUsed)} → ${mb(z?.heapUsed)}`,
        growth === undefined ? '—' : `${growth >= 0 ? '+' : ''}${mb(growth)}`,
        mb(max(s.samples.map((x) => x.heapUsed))),
        `${a?.nodes ?? '—'} → ${z?.nodes ?? '—'}`,
        `${a?.elements ?? '—'} → ${z?.elements ?? '—'}`,
        `${a?.listeners ?? '—'} → ${z?.listeners ?? '—'}`,
        minutes ? num(s.requests / minutes, 1) : '—',
        s.error ?? '',
      ];
    });
    t(
      [
        'page',
        'minutes',
        'JS heap start → end',
        'growth',
        'max',
        'DOM nodes (counter)',
        'elements in document',
        'listeners',
        'cluster requests/min',
        '',
      ],
      rows,
    );
    out.push('', 'Samples (MB heap after GC):');
    for (const s of r.soak)
      out.push(`- ${s.label}: ${s.samples.map((x) => (x.heapUsed / 1048576).toFixed(1)).join(', ')}`);
  }

  h('Targets');
  t(
    ['what', 'measured', 'target', 'wall / as measured', 'CPU'],
    checks.map((c) => [c.what, c.measured, c.target, status(c.ok), 'cpuOk' in c ? status(c.cpuOk) : '']),
  );
  if (r.notes.length) out.push('', ...r.notes.map((n) => `- ${n}`));
  return out.join('\n').trim();
}

function updateDoc(markdown: string) {
  const file = 'BENCHMARKS.md';
  const begin = '<!-- bench:latest:begin -->';
  const end = '<!-- bench:latest:end -->';
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} has no ${begin} … ${end} section`);
  writeFileSync(file, `${text.slice(0, a + begin.length)}\n${markdown}\n${text.slice(b)}`);
  log(`updated the latest run in ${file}`);
}

// ---- main ---------------------------------------------------------------------------------------

const opts = parseArgs(process.argv.slice(2));
if (!opts.real) {
  // with the real Flink, its own signal handlers stop it and exit; without, exit is enough
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
}
const t0 = Date.now();
try {
  const results = await run(opts);
  const text = report(results, false);
  const markdown = report(results, true);
  mkdirSync('.cache/bench', { recursive: true });
  writeFileSync('.cache/bench/latest.json', JSON.stringify(results, null, 2));
  writeFileSync('.cache/bench/latest.md', `${markdown}\n`);
  process.stdout.write(`${text}\n`);
  log(`done in ${((Date.now() - t0) / 60_000).toFixed(1)} min; .cache/bench/latest.{md,json} written`);
  if (opts.updateDoc) updateDoc(markdown);
  process.exit(0);
} catch (e) {
  log(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  stopAll();
  process.exit(1);
}
