import { describe, expect, it } from 'vitest';
import { dateBySeries, heldSince } from './held-since';
import type { Problem } from './types';

const pts = (...vs: number[]) => vs.map((v, i) => ({ t: 1000 * (i + 1), v }));

describe('heldSince', () => {
  it('a point under the threshold before the last run dates the start from the data', () => {
    expect(heldSince(pts(0.9, 0.2, 0.6, 0.8, 0.7), 0.5)).toEqual({ since: 3000, basis: 'data' });
  });

  it('a run as old as the recorded history is only "seen"', () => {
    expect(heldSince(pts(0.6, 0.8), 0.5)).toEqual({ since: 1000, basis: 'seen' });
  });

  it('no date when the latest point is under the threshold or there is no history', () => {
    expect(heldSince(pts(0.9, 0.1), 0.5)).toBeUndefined();
    expect(heldSince([], 0.5)).toBeUndefined();
  });
});

describe('dateBySeries', () => {
  const base = {
    id: 'c:backpressure:j',
    rule: 'backpressure',
    severity: 'high',
    clusterId: 'c',
    clusterName: 'c',
    clusterKind: 'flink',
    title: 'Back-pressure',
    explanation: '',
    figure: { label: 'Back-pressured', value: 0.8, format: 'percent' },
    href: '/',
    linkLabel: 'Back pressure',
  } satisfies Problem;

  it('dates a problem by its series history, and leaves dates from the rule alone', () => {
    const withSeries: Problem = {
      ...base,
      series: { key: 'k', label: 'bp', format: 'percent', threshold: 0.5 },
    };
    const points = () => pts(0.1, 0.7, 0.9);
    expect(dateBySeries([withSeries], points)[0]).toMatchObject({ since: 2000, sinceBasis: 'data' });
    expect(dateBySeries([{ ...withSeries, since: 5 }], points)[0]?.since).toBe(5);
    expect(dateBySeries([base], points)[0]?.since).toBeUndefined();
  });
});
