import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseJsonLossless } from '@/lib/lossless-json';
import { isJobSettled, toDag, toJob, toJobDetail, toMetrics, toOverview } from './normalise';
import { jobInfoSchema, jobListSchema, overviewSchema } from './schemas';

const ROOT = join(process.cwd(), 'e2e/fixtures/seatunnel');

/** A recorded real answer, from the newest version that has it (v1 and v2 answer alike). */
function fixture(file: string): unknown {
  const versions = existsSync(ROOT) ? readdirSync(ROOT).sort().reverse() : [];
  for (const version of versions) {
    for (const flavour of ['v2', 'v1']) {
      const path = join(ROOT, version, flavour, file);
      if (existsSync(path)) return parseJsonLossless(readFileSync(path, 'utf8'));
    }
  }
  throw new Error(`no recorded ${file}`);
}

const jobInfo = (file: string) => toJobDetail(z.parse(jobInfoSchema, fixture(file)));

describe('toJobDetail on real answers', () => {
  it('reads a running job: legacy {vertices, edges} DAG joined by vertex name', () => {
    const job = jobInfo('job-info-running.json');
    expect(job).toMatchObject({
      jobStatus: 'RUNNING',
      finishTime: null,
      errorMsg: null,
      isStartWithSavePoint: false,
    });
    expect(job?.envOptions['job.mode']).toBe('STREAMING');
    expect(job?.pluginJars[0]).toMatch(/^file:.*\.jar$/);
    expect(job?.dag.vertices.map((v) => [v.name, v.type, v.parallelism])).toEqual([
      ['Source[0]-FakeSource', 'source', 1],
      ['Sink[0]-Console-MultiTableSink', 'sink', 1],
    ]);
    expect(job?.dag.edges).toEqual([{ source: '1', target: '3', pipelineId: null }]);
  });

  it('reads a finished job: DAG as a JSON string with a bare 64-bit id, exact counts', () => {
    const job = jobInfo('job-info-finished.json');
    expect(job?.jobId).toBe('733584788375666689');
    expect(job?.finishTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(job?.dag.vertices.map((v) => [v.id, v.name, v.type, v.pipelineId])).toEqual([
      ['1', 'Source[0]-FakeSource', 'source', '1'],
      ['2', 'Sink[0]-Console-MultiTableSink', 'sink', '1'],
    ]);
    expect(job?.dag.edges).toEqual([{ source: '1', target: '2', pipelineId: '1' }]);
    expect(job?.metrics.sourceReceivedCount).toBe(20);
    expect(typeof job?.metrics.sinkWriteQPS).toBe('number');
  });

  it('reads per-table metrics of a multi-table job', () => {
    const job = jobInfo('job-info-multi-table.json');
    expect(job?.metrics.tables.map((t) => [t.table, t.sourceReceivedCount, t.sinkWriteCount])).toEqual([
      ['shop.orders', 5, 5],
      ['shop.users', 7, 7],
    ]);
  });

  it('keeps the error of a failed job and says null for an unknown id', () => {
    expect(jobInfo('job-info-failed.json')?.errorMsg).toMatch(/NumberFormatException/);
    expect(jobInfo('job-info-unknown.json')).toBeNull();
  });

  it('reads every job of the finished list', () => {
    const jobs = z.parse(jobListSchema, fixture('finished-jobs.json')).map(toJob);
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) expect(job.dag.vertices.length).toBeGreaterThan(0);
  });
});

/** A recorded answer of one version and flavour. */
const recorded = (version: string, flavour: string, file: string) =>
  toJobDetail(
    z.parse(jobInfoSchema, parseJsonLossless(readFileSync(join(ROOT, version, flavour, file), 'utf8'))),
  );
const tableRows = (job: ReturnType<typeof recorded>) =>
  job?.metrics.tables.map((t) => [t.table, t.sourceReceivedCount, t.sinkWriteCount, t.sinkCommittedCount]);

describe('per-table metrics: one row per table whichever plugin counted it', () => {
  it.each(['v2', 'v1'])(
    '2.3.13 %s: Source[0].fake and Sink[0].fake are one `fake` row, with both sides',
    (flavour) => {
      const job = recorded('2.3.13', flavour, 'job-info-finished.json');
      expect(tableRows(job)).toEqual([['fake', 20, 20, 20]]);
      expect(job?.metrics.tables[0]?.sinkWriteQPS).toEqual(expect.any(Number));
    },
  );

  it('2.3.13: a multi-table job has a row per table, named as the table', () => {
    expect(tableRows(recorded('2.3.13', 'v2', 'job-info-multi-table.json'))).toEqual([
      ['shop.orders', 5, 5, 5],
      ['shop.users', 7, 7, 7],
    ]);
  });

  it('2.3.8 (table names alone) reads as before', () => {
    expect(tableRows(recorded('2.3.8', 'v1', 'job-info-finished.json'))).toEqual([['fake', 20, 20, null]]);
  });

  it('adds up one table counted by two plugins, exactly', () => {
    const m = toMetrics({
      TableSourceReceivedCount: { 'Source[0].t': '9007199254740993', 'Source[1].t': 2 },
      TableSourceReceivedQPS: { 'Source[0].t': 1.5, 'Source[1].t': 2 },
      TableSinkWriteCount: { 'Sink[0].t': 4 },
    });
    expect(m.tables).toHaveLength(1);
    expect(m.tables[0]).toMatchObject({
      table: 't',
      sourceReceivedCount: '9007199254740995',
      sourceReceivedQPS: 3.5,
      sinkWriteCount: 4,
    });
  });
});

describe('isJobSettled', () => {
  it('waits for the finish record of a stopped job, except after a savepoint', () => {
    const running = jobInfo('job-info-running.json');
    expect(isJobSettled(running)).toBe(false);
    // Right after stop-job the engine may answer the running shape with CANCELED.
    expect(isJobSettled(running && { ...running, jobStatus: 'CANCELED' })).toBe(false);
    expect(isJobSettled(jobInfo('job-info-canceled.json'))).toBe(true);
    expect(isJobSettled(jobInfo('job-info-savepoint-done.json'))).toBe(true);
    expect(isJobSettled(null)).toBe(false);
  });
});

describe('shapes only the docs show', () => {
  it('takes the doc’s vertexInfoMap list, finishedTime and works', () => {
    const dag = toDag({
      vertexInfoMap: [
        {
          vertexId: 1,
          type: 'SOURCE',
          vertexName: 'Source[0]-Jdbc',
          tablePaths: ['db.t', { tableName: 'u', databaseName: 'db' }],
        },
      ],
      pipelineEdges: {},
    });
    expect(dag.vertices[0]).toMatchObject({ id: '1', name: 'Source[0]-Jdbc', tablePaths: ['db.t', 'db.u'] });
    const overview = toOverview(
      z.parse(overviewSchema, {
        projectVersion: '2.3.5',
        totalSlot: '0',
        unassignedSlot: '0',
        works: '2',
        runningJobs: '0',
        finishedJobs: '0',
        failedJobs: '0',
        cancelledJobs: '0',
      }),
    );
    expect(overview.workers).toBe(2);
    expect(
      toJob({ jobId: '1', jobName: 'j', jobStatus: 'FINISHED', createTime: '', finishedTime: 't' })
        .finishTime,
    ).toBe('t');
  });

  it('falls back to the old lower-case metric names and reads "" metrics as none', () => {
    expect(toMetrics({ sourceReceivedCount: 3, sinkWriteCount: '9007199254740993' })).toMatchObject({
      sourceReceivedCount: 3,
      sinkWriteCount: '9007199254740993',
      tables: [],
    });
    const job = z.parse(jobInfoSchema, {
      jobId: '1',
      jobName: 'j',
      jobStatus: 'FINISHED',
      metrics: '',
      jobDag: '',
    });
    expect(toJobDetail(job)?.metrics.sourceReceivedCount).toBeNull();
  });
});
