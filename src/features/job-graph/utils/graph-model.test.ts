import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobDetails, JobPlan } from '@/api/flink/schemas';
import {
  bytesFlow,
  formatPerSecond,
  formatTotal,
  planEdges,
  planOperators,
  toDagNode,
  topologicalOrder,
  vertexRows,
} from './graph-model';
import { EMPTY_LOAD } from './vertex-load';

/** A recorded Flink 2.2.1 answer. */
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(process.cwd(), 'e2e/fixtures/flink/2.2', `${name}.json`), 'utf8')) as T;

// The recorded BackpressureJob: Source: Fast source -> Parse ⇒ Slow enrichment ⇒ Discard sink.
const job = fixture<JobDetails>('jobs__jobid--backpressure');
const { plan } = fixture<JobPlan>('jobs__jobid__plan--backpressure');
const [source, slow, sink] = ['Source: Fast source -> Parse', 'Slow enrichment', 'Discard sink: Writer'].map(
  (name) => job.vertices.find((v) => v.name === name)?.id ?? name,
) as [string, string, string];

describe('planOperators', () => {
  it('splits Flink’s HTML chain description into operator names', () => {
    expect(planOperators('Source: Fast source<br/>+- Parse<br/>')).toEqual(['Source: Fast source', 'Parse']);
    expect(planOperators('[5]:Parse JSON<br/>+- [6]:Filter Bots<br/>')).toEqual([
      'Parse JSON',
      'Filter Bots',
    ]);
  });

  it('turns markup into plain text (never HTML) and decodes entities', () => {
    expect(planOperators('Map &gt; Filter<br/>+- <b>Sink</b>: a &amp; b')).toEqual([
      'Map > Filter',
      'Sink: a & b',
    ]);
    expect(planOperators('<img src=x onerror=alert(1)>Evil<br/>')).toEqual(['Evil']);
  });
});

describe('planEdges', () => {
  it('draws one edge per input, labelled with the ship strategy', () => {
    expect(planEdges(plan)).toEqual([
      { source: slow, target: sink, label: 'REBALANCE' },
      { source: source, target: slow, label: 'REBALANCE' },
    ]);
  });

  it('drops inputs pointing outside the plan', () => {
    const broken = {
      ...plan,
      nodes: [{ id: 'a', parallelism: 1, description: 'A', inputs: [{ num: 0, id: 'gone' }] }],
    };
    expect(planEdges(broken)).toEqual([]);
  });
});

describe('vertexRows', () => {
  const loads = {
    [source]: { load: { ...EMPTY_LOAD, busy: 0.19, backPressured: 0.83, recordsOut: 1000 }, at: 5 },
    [slow]: { load: { ...EMPTY_LOAD, busy: 1, backPressured: 0, recordsIn: 1000 }, at: 5 },
  };
  const rows = vertexRows(plan, job.vertices, loads);

  it('lists vertices sources first, although the plan lists the sink first', () => {
    expect(plan.nodes[0]?.id).toBe(sink);
    expect(rows.map((r) => r.id)).toEqual([source, slow, sink]);
  });

  it('takes name, status, tasks and totals from /jobs/:jobid, operators from the plan', () => {
    const r = rows[0]!;
    const summary = job.vertices.find((v) => v.id === source)!;
    expect(r).toMatchObject({
      name: 'Source: Fast source -> Parse',
      status: summary.status,
      parallelism: summary.parallelism,
    });
    expect(r.operators).toEqual(['Source: Fast source', 'Parse']);
    expect(r.tasks).toEqual(summary.tasks);
    expect(r.totals?.['write-records']).toBe(summary.metrics['write-records']);
  });

  it('links inputs and outputs with names and ship strategies', () => {
    const r = rows[1]!;
    expect(r.inputs).toEqual([
      { id: source, name: 'Source: Fast source -> Parse', shipStrategy: 'REBALANCE' },
    ]);
    expect(r.outputs).toEqual([{ id: sink, name: 'Discard sink: Writer', shipStrategy: 'REBALANCE' }]);
    expect(rows[2]?.outputs).toEqual([]);
  });

  it('colours the back-pressured vertex and the busy one downstream; no metrics yet is unknown', () => {
    expect(rows.map((r) => [r.tone, r.fill])).toEqual([
      ['backpressured', 0.83],
      ['busy', 1],
      ['unknown', undefined],
    ]);
    expect(rows[0]?.loadAt).toBe(5);
  });

  it('still shows a vertex the job details do not know yet, from the plan alone', () => {
    const [only] = vertexRows(plan, [], {});
    expect(only).toMatchObject({ name: 'Source: Fast source -> Parse', status: undefined, tone: 'unknown' });
  });
});

describe('toDagNode', () => {
  it('shows records, busy and back-pressure (worst subtask) and bytes in the box', () => {
    const [row] = vertexRows(plan, job.vertices, {
      [source]: {
        load: {
          ...EMPTY_LOAD,
          busy: 0.195,
          backPressured: 0.832,
          recordsIn: 0,
          recordsOut: 23_300,
          bytesIn: 0,
          bytesOut: 5 * 1024 * 1024,
        },
        at: 1,
      },
    });
    const node = toDagNode(row!);
    expect(node).toMatchObject({
      id: source,
      title: 'Source: Fast source -> Parse',
      parallelism: 2,
      status: 'RUNNING',
      tone: 'backpressured',
      fill: 0.832,
    });
    expect(node.metrics).toEqual([
      { label: 'In', value: '0/s' },
      { label: 'Busy', value: '20 %' },
      { label: 'Out', value: '23.3K/s' },
      { label: 'BP', value: '83 %' },
    ]);
    expect(node.badges).toEqual(['0 B → 5.00 MiB/s']);
  });

  it('shows unknown values as dashes, not zeros', () => {
    const [row] = vertexRows(plan, job.vertices, {});
    expect(toDagNode(row!).metrics?.map((m) => m.value)).toEqual(['—', '—', '—', '—']);
    expect(bytesFlow(undefined)).toBe('— → —/s');
  });
});

describe('toDagNode of a job that is over', () => {
  // The recorded bounded job, FINISHED: 100 000 records from the source to the sink in ~23 s.
  const finished = fixture<JobDetails>('jobs__jobid--bounded-finished');

  it('shows what each vertex received and sent in total and how long it ran, not 0/s', () => {
    const rows = vertexRows(finished.plan, finished.vertices, {}, true);
    const [src, snk] = rows.map(toDagNode);
    expect(src?.metrics).toEqual([
      { label: 'Received', value: '0' },
      { label: 'Ran', value: '23 s' },
      { label: 'Sent', value: '100K' },
    ]);
    expect(src?.badges).toEqual(['0 B → 2.77 MiB']);
    expect(snk?.metrics?.map((m) => m.value)).toEqual(['100K', '23 s', '0']);
    expect(JSON.stringify([src, snk])).not.toContain('/s');
  });

  it('ignores a last metric answer of a job that is over (no busy or back-pressure colour)', () => {
    const [row] = vertexRows(
      finished.plan,
      finished.vertices,
      { [finished.vertices[0]!.id]: { load: { ...EMPTY_LOAD, backPressured: 0.9 }, at: 1 } },
      true,
    );
    expect(row?.tone).toBe('idle');
  });

  it('marks a total that not every input reported yet with ≥', () => {
    expect(formatTotal(1000, false, 'records')).toBe('≥ 1,000');
    expect(formatTotal(undefined, false, 'bytes')).toBe('—');
  });
});

describe('formatPerSecond', () => {
  it('drops false precision', () => {
    expect(formatPerSecond(0.256)).toBe('0.26/s');
    expect(formatPerSecond(12.34)).toBe('12.3/s');
    expect(formatPerSecond(938.58)).toBe('939/s');
    expect(formatPerSecond(23_300)).toBe('23.3K/s');
    expect(formatPerSecond(undefined)).toBe('—');
  });
});

describe('topologicalOrder', () => {
  it('survives a cycle', () => {
    const base = vertexRows(plan, job.vertices, {});
    const cyclic = base.map((r) =>
      r.id === source ? { ...r, inputs: [{ id: sink, name: '', shipStrategy: undefined }] } : r,
    );
    expect(topologicalOrder(cyclic)).toHaveLength(3);
  });
});
