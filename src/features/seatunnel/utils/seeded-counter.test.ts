import { describe, expect, it } from 'vitest';
import { seededCounter } from './seeded-counter';

const polls = [
  { t: 60_000, v: 500 },
  { t: 70_000, v: 600 },
];

describe('seededCounter', () => {
  it('a running job: the counter was 0 when the job started, before the first poll', () => {
    expect(seededCounter(polls, { startMs: 0, finishMs: null })).toEqual([{ t: 0, v: 0 }, ...polls]);
  });

  it('a finished job: the whole run from start (0) to finish (the final count), not one dot', () => {
    const late = [
      { t: 500_000, v: 9_000 },
      { t: 510_000, v: 9_000 },
    ];
    expect(seededCounter(late, { startMs: 100_000, finishMs: 400_000 })).toEqual([
      { t: 100_000, v: 0 },
      { t: 400_000, v: 9_000 },
    ]);
  });

  it('adds nothing it does not know: no start time, no polls, or a start after the first poll', () => {
    expect(seededCounter(polls, { startMs: null, finishMs: null })).toEqual(polls);
    expect(seededCounter([], { startMs: 0, finishMs: 10 })).toEqual([]);
    expect(seededCounter(polls, { startMs: 65_000, finishMs: null })).toEqual(polls);
  });
});
