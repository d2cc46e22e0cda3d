import { describe, expect, it } from 'vitest';
import { describeFailure } from './failure';

describe('describeFailure', () => {
  it('splits class, message and root cause of a Java trace', () => {
    const d = describeFailure({
      className: 'org.apache.flink.runtime.checkpoint.CheckpointException',
      stackTrace:
        'org.apache.flink.runtime.checkpoint.CheckpointException: Task has failed.\n\tat a.B.c(B.java:1)\nCaused by: java.io.IOException: disk\n\tat x\nCaused by: java.lang.NullPointerException: Cannot invoke "String.length()"\n',
    });
    expect(d).toEqual({
      className: 'org.apache.flink.runtime.checkpoint.CheckpointException',
      message: 'Task has failed.',
      headline: 'org.apache.flink.runtime.checkpoint.CheckpointException: Task has failed.',
      rootCause: 'java.lang.NullPointerException: Cannot invoke "String.length()"',
      lineCount: 5,
    });
  });

  it('copes with a missing class or trace', () => {
    expect(
      describeFailure({ className: undefined, stackTrace: 'java.lang.IllegalStateException: boom' }),
    ).toMatchObject({
      className: 'java.lang.IllegalStateException',
      message: 'boom',
    });
    expect(describeFailure({ className: undefined, stackTrace: undefined })).toMatchObject({
      className: 'Unknown failure',
      message: undefined,
      lineCount: 0,
    });
  });
});
