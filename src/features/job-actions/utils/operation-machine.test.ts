import { describe, expect, it } from 'vitest';
import {
  blockedKinds,
  createOperation,
  noticeFor,
  reduce,
  restored,
  shouldPoll,
  type Operation,
  type OperationEvent,
} from './operation-machine';

const ID = '486dab60cb0a343019d916cc4cd45371';
const start = (kind: Operation['kind'] = 'savepoint', params = {}) => createOperation('k', kind, params, 1);
function run(op: Operation, ...events: OperationEvent[]): Operation | null {
  let cur: Operation | null = op;
  for (const e of events) {
    if (cur === null) break;
    cur = reduce(cur, e);
  }
  return cur;
}

describe('operation state machine', () => {
  it('follows a savepoint from sending through running to its location', () => {
    const op = run(
      start(),
      { type: 'accepted', triggerId: ID, at: 2 },
      { type: 'status', done: false, at: 3 },
      { type: 'status', done: true, result: 'file:/sp/savepoint-1', at: 4 },
    );
    expect(op).toMatchObject({
      phase: 'completed',
      triggerId: ID,
      result: 'file:/sp/savepoint-1',
      updatedAt: 4,
    });
  });

  it('a completed status with a failure cause is a failure, with the cause kept whole', () => {
    const failure = {
      className: 'org.apache.flink.runtime.checkpoint.CheckpointException',
      stackTrace: 'a\n\tat b',
    };
    const op = run(
      start(),
      { type: 'accepted', triggerId: ID, at: 2 },
      { type: 'status', done: true, failure, at: 3 },
    );
    expect(op).toMatchObject({ phase: 'failed', failure });
  });

  it('sync actions (cancel, rescale) complete when the request is accepted', () => {
    expect(run(start('cancel'), { type: 'accepted', at: 2 })?.phase).toBe('completed');
    expect(run(start('rescale'), { type: 'accepted', at: 2 })?.phase).toBe('completed');
  });

  it('after an outage keeps the trigger id (fate unknown), polls it, and a retry sends again', () => {
    const unsent = run(start(), {
      type: 'send-failed',
      message: 'Failed to fetch',
      fateUnknown: true,
      triggerId: ID,
      at: 2,
    })!;
    expect(unsent).toMatchObject({ phase: 'unsent', triggerId: ID, error: { fateUnknown: true } });
    expect(shouldPoll(unsent)).toBe(true);
    expect(blockedKinds([unsent]).has('savepoint')).toBe(true);
    const again = reduce(unsent, { type: 'retry', at: 3 })!;
    expect(again.phase).toBe('sending');
    expect(run(again, { type: 'accepted', triggerId: ID, at: 4 })).toMatchObject({
      phase: 'running',
      triggerId: ID,
    });
  });

  it('an unsent operation the cluster turns out to know is followed as running', () => {
    const unsent = run(start(), {
      type: 'send-failed',
      message: 'timeout',
      fateUnknown: true,
      triggerId: ID,
      at: 2,
    })!;
    expect(reduce(unsent, { type: 'status', done: false, at: 3 })?.phase).toBe('running');
    expect(reduce(unsent, { type: 'status-missing', at: 3 })).toBe(unsent);
  });

  it('a refusal (HTTP 4xx/5xx) forgets the id: Flink started nothing', () => {
    const op = run(start(), {
      type: 'send-failed',
      message: 'Bad request',
      fateUnknown: false,
      triggerId: ID,
      at: 2,
    })!;
    expect(op.triggerId).toBeUndefined();
    expect(shouldPoll(op)).toBe(false);
  });

  it('a running operation the cluster forgot becomes lost; a resumed one disappears', () => {
    const running = run(start(), { type: 'accepted', triggerId: ID, at: 2 })!;
    expect(reduce(running, { type: 'status-missing', at: 3 })?.phase).toBe('lost');
    const resumed = restored(running)!;
    expect(resumed.phase).toBe('resuming');
    expect(reduce(resumed, { type: 'status-missing', at: 3 })).toBeNull();
    expect(reduce(resumed, { type: 'status', done: false, at: 3 })?.phase).toBe('running');
  });

  it('after a reload drops sends without a trigger id and keeps finished results', () => {
    expect(restored(start())).toBeNull();
    const done = run(
      start(),
      { type: 'accepted', triggerId: ID, at: 2 },
      { type: 'status', done: true, result: 'x', at: 3 },
    )!;
    expect(restored(done)).toMatchObject({ phase: 'completed', result: 'x', observed: false });
  });

  it('ignores events that do not apply', () => {
    const done = run(
      start(),
      { type: 'accepted', triggerId: ID, at: 2 },
      { type: 'status', done: true, result: 'x', at: 3 },
    )!;
    expect(reduce(done, { type: 'accepted', triggerId: 'other', at: 4 })).toBe(done);
    expect(reduce(done, { type: 'status', done: false, at: 4 })).toBe(done);
    expect(reduce(done, { type: 'retry', at: 4 })).toBe(done);
  });

  it('blocks conflicting actions while one is in flight', () => {
    const sp = start('savepoint');
    expect([...blockedKinds([sp])].sort()).toEqual(['savepoint', 'stop']);
    const cp = start('checkpoint');
    expect([...blockedKinds([cp])]).toEqual(['checkpoint']);
    const stop = start('stop');
    expect(blockedKinds([stop])).toEqual(new Set(['savepoint', 'stop', 'checkpoint', 'cancel', 'rescale']));
    expect(blockedKinds([stop]).has('dispose')).toBe(false);
    const withCancel = start('savepoint', { cancelJob: true });
    expect(blockedKinds([withCancel]).has('cancel')).toBe(true);
    const done = run(sp, { type: 'accepted', triggerId: ID, at: 2 }, { type: 'status', done: true, at: 3 })!;
    expect(blockedKinds([done]).size).toBe(0);
  });

  it('announces ends seen live only', () => {
    const running = run(start(), { type: 'accepted', triggerId: ID, at: 2 })!;
    const done = reduce(running, { type: 'status', done: true, result: 'x', at: 3 });
    expect(noticeFor(running, done)).toEqual({ tone: 'success', title: 'Savepoint completed' });
    const failed = reduce(running, {
      type: 'status',
      done: true,
      failure: { className: 'X', stackTrace: 'y' },
      at: 3,
    });
    expect(noticeFor(running, failed)?.tone).toBe('error');
    const resumed = restored(running)!;
    expect(
      noticeFor(resumed, reduce(resumed, { type: 'status', done: true, result: 'x', at: 3 })),
    ).toBeUndefined();
    expect(noticeFor(start('cancel'), reduce(start('cancel'), { type: 'accepted', at: 2 }))).toBeUndefined();
  });
});
