import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobPlan } from '@/api/flink/schemas';
import { operatorNames, planToGraph } from './plan-graph';
import {
  checkForm,
  compactBody,
  emptyForm,
  forgetForm,
  loadForm,
  parseArgs,
  saveForm,
  splitCommandLine,
  toPlanRequest,
  toRunRequest,
} from './run-form';

const read = <T>(file: string) =>
  JSON.parse(readFileSync(resolve(process.cwd(), 'e2e/fixtures/flink/2.2', file), 'utf8')) as T;

describe('program arguments', () => {
  it('are one per line, spaces kept, blank lines dropped', () => {
    expect(parseArgs('--name\nmy job\n\n  \n--p\r\n2')).toEqual(['--name', 'my job', '--p', '2']);
    expect(parseArgs('')).toEqual([]);
  });

  it('split a pasted command line like a shell', () => {
    expect(splitCommandLine(`--name "my job" --path '/a b' plain\\ word --q "say \\"hi\\""`)).toEqual([
      '--name',
      'my job',
      '--path',
      '/a b',
      'plain word',
      '--q',
      'say "hi"',
    ]);
    expect(splitCommandLine(`--empty ""  x`)).toEqual(['--empty', '', 'x']);
    expect(splitCommandLine('   ')).toEqual([]);
  });
});

describe('checkForm', () => {
  it('accepts an empty form (jar defaults) and a full one', () => {
    expect(checkForm(emptyForm())).toEqual([]);
    expect(
      checkForm({
        ...emptyForm('a.B'),
        parallelism: '4',
        savepointPath: 's3://x/sp',
        claimMode: 'CLAIM',
        allowNonRestoredState: true,
      }),
    ).toEqual([]);
  });

  it('names the field that is wrong', () => {
    expect(checkForm({ ...emptyForm(), parallelism: 'two' }).map((p) => p.field)).toEqual(['parallelism']);
    expect(checkForm({ ...emptyForm(), parallelism: '0' })[0]?.message).toMatch(/at least 1/);
    expect(checkForm({ ...emptyForm(), entryClass: 'not a class' }).map((p) => p.field)).toEqual([
      'entryClass',
    ]);
    expect(checkForm({ ...emptyForm(), claimMode: 'CLAIM' }).map((p) => p.field)).toEqual(['savepointPath']);
  });
});

describe('request bodies', () => {
  const form = {
    ...emptyForm('streamdash.jobs.CheckpointingJob'),
    args: '--parallelism\n1\n--name\nstreamdash cancel target',
    parallelism: ' 1 ',
  };

  it('match what the recorded run request sent', () => {
    const recorded = read<{ request: { body: unknown } }>('../2.2/mutations/jars__jarid__run.json').request
      .body;
    expect(compactBody(toRunRequest(form, '2.2.1'))).toEqual(recorded);
    expect(compactBody(toPlanRequest(form))).toEqual(recorded);
  });

  it('send restore settings only with a savepoint, as claimMode on 2.x and restoreMode on 1.x', () => {
    const restore = {
      ...form,
      savepointPath: 'file:/sp/1',
      allowNonRestoredState: true,
      claimMode: 'CLAIM' as const,
    };
    expect(compactBody(toRunRequest(restore, '2.2.1'))).toMatchObject({
      savepointPath: 'file:/sp/1',
      allowNonRestoredState: true,
      claimMode: 'CLAIM',
    });
    expect(toRunRequest(restore, '2.2.1').restoreMode).toBeUndefined();
    expect(compactBody(toRunRequest(restore, '1.20.1'))).toMatchObject({ restoreMode: 'CLAIM' });
    expect(toRunRequest(restore, '1.20.1').claimMode).toBeUndefined();
    const noSavepoint = toRunRequest({ ...restore, savepointPath: ' ' }, '2.2.1');
    expect(noSavepoint.savepointPath).toBeUndefined();
    expect(noSavepoint.claimMode).toBeUndefined();
    expect(noSavepoint.allowNonRestoredState).toBeUndefined();
  });

  it('leave out what the user left empty', () => {
    expect(compactBody(toRunRequest(emptyForm(), '2.2.1'))).toEqual({});
  });
});

class MemoryStorage {
  private map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
  clear = () => this.map.clear();
  key = () => null;
  length = 0;
}

describe('form persistence', () => {
  it('keeps the form per cluster and jar, and tolerates junk', () => {
    const store = new MemoryStorage() as unknown as Storage;
    const form = { ...emptyForm('a.B'), args: 'x\ny', claimMode: 'NO_CLAIM' as const };
    saveForm(store, 'c1', 'jar-1', form);
    expect(loadForm(store, 'c1', 'jar-1')).toEqual(form);
    expect(loadForm(store, 'c1', 'jar-2')).toBeUndefined();
    expect(loadForm(store, 'c2', 'jar-1')).toBeUndefined();
    store.setItem(
      'streamdash.submit-form:c1:jar-3',
      '{"args":7,"claimMode":"BOGUS","allowNonRestoredState":"yes"}',
    );
    expect(loadForm(store, 'c1', 'jar-3')).toEqual(emptyForm());
    store.setItem('streamdash.submit-form:c1:jar-4', 'not json');
    expect(loadForm(store, 'c1', 'jar-4')).toBeUndefined();
    forgetForm(store, 'c1', 'jar-1');
    expect(loadForm(store, 'c1', 'jar-1')).toBeUndefined();
  });
});

describe('plan graph', () => {
  it('turns the recorded plan into nodes and edges, descriptions as plain names', () => {
    const { plan } = read<JobPlan>('jars__jarid__plan.json');
    const { nodes, edges } = planToGraph(plan);
    expect(nodes.map((n) => n.title)).toEqual([
      'Sum per key → Discard sink: Writer',
      'Source: Orders source → Enrich',
    ]);
    expect(nodes[1]).toMatchObject({ parallelism: 2, badges: ['source'], subtitle: '2 chained operators' });
    expect(nodes[0]?.badges).toEqual(['sink']);
    expect(edges).toEqual([
      {
        source: '45b0254a46cabbc3efeea5d2e170ea5b',
        target: '2095a3dcf8ee91c0c3e0530de99058d9',
        label: 'HASH',
      },
    ]);
  });

  it('strips tags and decodes entities without ever producing markup', () => {
    expect(operatorNames('[1]:Source: A&amp;B<br/>+- [2]:<b>Map</b> &lt;x&gt;<br/>')).toEqual([
      'Source: A&B',
      'Map <x>',
    ]);
    expect(operatorNames('<img src=x onerror=alert(1)>Filter')).toEqual(['Filter']);
  });
});
