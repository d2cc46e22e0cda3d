import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  groupByState,
  identicalStacks,
  parseThread,
  parseThreadDump,
  searchThreads,
  threadDumpText,
  type ThreadEntry,
} from './thread-dump';

const recorded = JSON.parse(
  readFileSync(
    resolve(process.cwd(), 'e2e/fixtures/flink/2.2/taskmanagers__taskmanagerid__thread-dump.json'),
    'utf8',
  ),
) as { threadInfos: ThreadEntry[] };

const entry = (threadName: string, first: string, ...stack: string[]): ThreadEntry => ({
  threadName,
  stringifiedThreadInfo: `${first}\n${stack.map((s) => `\t${s}`).join('\n')}\n\n`,
});

describe('parseThread', () => {
  it('reads name, id, state, lock and stack of a recorded Flink 2.2 thread', () => {
    const [main, ref] = parseThreadDump(recorded.threadInfos);
    expect(main).toMatchObject({
      name: 'main',
      id: 1,
      state: 'WAITING',
      lock: 'java.util.concurrent.CompletableFuture$Signaller@29ff70f9',
      daemon: false,
    });
    expect(main?.stack[0]).toBe('at java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)');
    expect(main?.stack).toContain('-  waiting on java.util.concurrent.CompletableFuture$Signaller@29ff70f9');
    expect(ref).toMatchObject({ name: 'Reference Handler', id: 2, state: 'RUNNABLE', lock: undefined });
  });

  it('reads daemon, priority, lock owner and native flags', () => {
    const t = parseThread(
      entry(
        'Flink "quoted" worker',
        '"Flink "quoted" worker" daemon prio=5 Id=42 BLOCKED on java.lang.Object@1f owned by "Checkpoint Timer" Id=7 (in native)',
        'at a.B.c(B.java:1)',
      ),
    );
    expect(t).toMatchObject({
      name: 'Flink "quoted" worker',
      id: 42,
      state: 'BLOCKED',
      daemon: true,
      lock: 'java.lang.Object@1f',
      lockOwner: 'Checkpoint Timer',
      inNative: true,
      stack: ['at a.B.c(B.java:1)'],
    });
  });

  it('keeps an unreadable thread, as UNKNOWN, with its text', () => {
    const t = parseThread({ threadName: 'odd', stringifiedThreadInfo: 'something else entirely' });
    expect(t.state).toBe('UNKNOWN');
    expect(t.text).toBe('something else entirely');
  });
});

describe('groupByState', () => {
  it('puts BLOCKED first, then RUNNABLE, WAITING, TIMED_WAITING, unknown states last', () => {
    const threads = parseThreadDump([
      entry('w', '"w" Id=1 WAITING'),
      entry('x', '"x" Id=2 SOMETHING_NEW'),
      entry('t', '"t" Id=3 TIMED_WAITING'),
      entry('r', '"r" Id=4 RUNNABLE'),
      entry('b', '"b" Id=5 BLOCKED on a@1 owned by "r" Id=4'),
      entry('r2', '"r2" Id=6 RUNNABLE'),
    ]);
    const groups = groupByState(threads);
    expect(groups.map((g) => g.state)).toEqual([
      'BLOCKED',
      'RUNNABLE',
      'WAITING',
      'TIMED_WAITING',
      'SOMETHING_NEW',
    ]);
    expect(groups[1]?.threads.map((t) => t.name)).toEqual(['r', 'r2']);
  });

  it('groups the recorded dump: 2 RUNNABLE, 2 WAITING', () => {
    const groups = groupByState(parseThreadDump(recorded.threadInfos));
    expect(groups.map((g) => [g.state, g.threads.length])).toEqual([
      ['RUNNABLE', 2],
      ['WAITING', 2],
    ]);
  });
});

describe('searchThreads', () => {
  const threads = parseThreadDump(recorded.threadInfos);
  it('matches names and stack frames, every term, case-insensitively', () => {
    expect(searchThreads(threads, 'taskmanagerrunner').map((t) => t.name)).toEqual(['main']);
    expect(searchThreads(threads, 'REFERENCE queue').map((t) => t.name)).toEqual(['Finalizer']);
    expect(searchThreads(threads, '  ')).toHaveLength(4);
    expect(searchThreads(threads, 'nothing-like-this')).toEqual([]);
  });
});

describe('identicalStacks', () => {
  it('finds threads parked at the same place, ignoring lock addresses', () => {
    const threads = parseThreadDump([
      entry('a', '"a" Id=1 WAITING on L@1', 'at X.park(X.java:1)', '-  waiting on L@1'),
      entry('b', '"b" Id=2 WAITING on L@2', 'at X.park(X.java:1)', '-  waiting on L@2'),
      entry('c', '"c" Id=3 RUNNABLE', 'at Y.run(Y.java:2)'),
    ]);
    const same = identicalStacks(threads);
    expect(same).toHaveLength(1);
    expect(same[0]?.threads.map((t) => t.name)).toEqual(['a', 'b']);
  });
});

describe('threadDumpText', () => {
  it('joins every thread as sent, with an optional header', () => {
    const text = threadDumpText(parseThreadDump(recorded.threadInfos), 'Thread dump of tm-1');
    expect(text.startsWith('Thread dump of tm-1\n\n"main" Id=1 WAITING')).toBe(true);
    expect(text).toContain('"Signal Dispatcher" Id=4 RUNNABLE');
    expect(text.match(/^"/gm)).toHaveLength(4);
  });
});
